package search

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// The kinds of documents, in the order a tie between them is broken.
const (
	Guide    = "guide"
	EService = "eservice"
	Page     = "page"
	Place    = "place"
)

// kinds are the kinds in the order of the index's documents (search.js
// has the same list).
var kinds = []string{Guide, EService, Page, Place}

// Doc is one search result: a guide with its municipalities' versions, an
// e-service with its offers, a place or a page.
type Doc struct {
	Kind    string
	Title   string
	Summary string
	URL     string // site-relative, "/guider/bygglov/"
	// Municipality is the slug of the municipality the document belongs
	// to (a place, a local guide, a municipality's page), or "".
	Municipality string
	// Keywords are weighed as the summary: a category's name, an address.
	Keywords []string
	Versions []Version
	Sections []Section
}

// Version is a municipality's own page of a document.
type Version struct {
	Municipality string
	URL          string
}

// Section is a part of a document's text that has an anchor.
type Section struct {
	Anchor  string // "" for the text before the first heading
	Heading string
	Text    string
	// Municipality is set when the section is in one municipality's version
	// only (an adaptation's own section).
	Municipality string
}

// Weights of where a word is found; a document's score for a key is the sum.
const (
	wTitle   = 64
	wSummary = 16
	wHeading = 16
	wText    = 1
	maxText  = 8 // the most the text of a document gives a word
	// A compound's parts count for half: "matavfall" finds "avfall".
	partShare = 2
)

// posting is one document's score for one word.
type posting struct {
	doc     int32
	score   int32
	section int32 // 1 + the index of the section where the word weighs most; 0 for none
}

// Index gathers documents of one language.
type Index struct {
	lang  Language
	docs  []Doc // without their texts
	words map[string][]posting
	stop  map[string]bool // the stop words the documents use
}

// New returns an empty index for the language code.
func New(lang string) *Index {
	return &Index{lang: LanguageOf(lang), words: map[string][]posting{}, stop: map[string]bool{}}
}

// Terms is a document analysed: its words with their weights, made by
// Analyse (on any goroutine) and kept by Put (in the documents' order).
type Terms struct {
	doc   Doc
	words []termScore
	stop  []string // the stop words it has
}

type termScore struct {
	word    string
	score   int32
	section int32
}

// acc is what Analyse adds up for a word of a document.
type acc struct {
	score, section, best, text int32
}

// accPool holds Analyse's maps: a big site analyses tens of thousands of
// documents of hundreds of words each.
var accPool = sync.Pool{New: func() any { return map[string]acc{} }}

// Add analyses d and keeps what the results show of it.
func (ix *Index) Add(d Doc) { ix.Put(ix.Analyse(d)) }

// Analyse cuts d into its words and weighs them. It changes nothing of
// ix: documents may be analysed at the same time.
func (ix *Index) Analyse(d Doc) Terms {
	m := accPool.Get().(map[string]acc)
	defer func() {
		clear(m)
		accPool.Put(m)
	}()
	var stop []string
	add := func(s string, w int32, section int32) {
		Words(s, func(word string) {
			if ix.lang.Stop(word) {
				if ix.lang.StopList == nil && !slices.Contains(stop, word) {
					stop = append(stop, strings.Clone(word))
				}
				return
			}
			if utf8.RuneCountInString(word) < 2 {
				return
			}
			p := m[word]
			if w == wText {
				if p.text >= maxText {
					return
				}
				p.text++
			}
			p.score += w
			if section == 0 && w > wText && p.best < 1<<30 {
				// Found in the title or summary: the result leads to the
				// top of the page, not to a section.
				p.section, p.best = 0, 1<<30
			}
			if section > 0 && w > p.best {
				p.section, p.best = section, w
			}
			m[word] = p
		})
	}
	// A word weighs more in a short title than in a long one: "Eldstad
	// och sotning" is more about eldstäder than "Anmälan om installation
	// av eldstad".
	n := 0
	Words(d.Title, func(w string) {
		if !ix.lang.Stop(w) {
			n++
		}
	})
	add(d.Title, wTitle*3/4+wTitle*3/4/int32(max(n, 1)), 0)
	add(d.Summary, wSummary, 0)
	for _, k := range d.Keywords {
		add(k, wSummary, 0)
	}
	for i, s := range d.Sections {
		sec := int32(0)
		if s.Anchor != "" {
			sec = int32(i + 1)
		}
		add(s.Heading, wHeading, sec)
		add(s.Text, wText, sec)
	}
	t := Terms{doc: d, words: make([]termScore, 0, len(m)), stop: stop}
	for w, p := range m {
		t.words = append(t.words, termScore{w, p.score, p.section})
	}
	t.doc.Sections = slices.Clone(d.Sections)
	for i := range t.doc.Sections {
		t.doc.Sections[i].Text = ""
	}
	return t
}

// Put keeps an analysed document.
func (ix *Index) Put(t Terms) {
	id := int32(len(ix.docs))
	for _, ts := range t.words {
		ps, ok := ix.words[ts.word]
		if !ok {
			ts.word = strings.Clone(ts.word) // not the document's text
		}
		ix.words[ts.word] = append(ps, posting{doc: id, score: ts.score, section: ts.section})
	}
	for _, w := range t.stop {
		ix.stop[w] = true
	}
	ix.docs = append(ix.docs, t.doc)
}

// Len is the number of documents added.
func (ix *Index) Len() int { return len(ix.docs) }

// entry is a key with its postings, merged over the forms that share it.
type entry struct {
	key      string
	postings []posting
}

// analysed is the index brought to keys: the forms the site uses, the
// keys they lead to and every key's postings.
type analysed struct {
	forms   map[string]string // folded form → key
	entries map[string]*entry
	stop    []string
}

// analyse joins the forms of a word into keys: forms whose stems are the
// same, and a form with the same form plus an inflection ending
// ("bygglov", "bygglovet"); and it gives a compound's last part
// ("hushållsavfall" → "avfall") a share of its postings.
func (ix *Index) analyse(perm []int32) *analysed {
	words := make([]string, 0, len(ix.words))
	for w := range ix.words {
		words = append(words, w)
	}
	slices.Sort(words)
	// Union-find over folded forms.
	parent := map[string]string{}
	var find func(string) string
	find = func(f string) string {
		p, ok := parent[f]
		if !ok {
			parent[f] = f
			return f
		}
		if p == f {
			return f
		}
		r := find(p)
		parent[f] = r
		return r
	}
	better := func(a, b string) bool { // a is the better name of a group
		la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
		return la < lb || la == lb && a < b
	}
	union := func(a, b string) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if better(rb, ra) {
			ra, rb = rb, ra
		}
		parent[rb] = ra
	}
	byStem := map[string]string{}
	folded := make(map[string]string, len(words)) // word → folded form
	for _, w := range words {
		f := Fold(w)
		folded[w] = f
		find(f)
		s := ix.lang.stemFold(w)
		if first, ok := byStem[s]; ok {
			union(first, f)
		} else {
			byStem[s] = f
		}
	}
	if ix.lang.Lemmas != nil {
		for _, w := range words {
			f := folded[w]
			for _, x := range ix.lang.Lemmas(f) {
				if _, ok := parent[x]; !ok && ix.lang.stemFold(x) == ix.lang.stemFold(f) {
					union(x, f)
				}
			}
		}
	}
	forms := make([]string, 0, len(parent))
	for f := range parent {
		forms = append(forms, f)
	}
	slices.Sort(forms)
	for _, f := range forms {
		if base, ok := ix.lang.baseOf(f, func(b string) bool { _, ok := parent[b]; return ok }); ok {
			union(f, base)
		}
	}
	a := &analysed{forms: map[string]string{}, entries: map[string]*entry{}}
	for _, f := range forms {
		a.forms[f] = find(f)
	}
	entry := func(key string) *entry {
		e := a.entries[key]
		if e == nil {
			e = &entry{key: key}
			a.entries[key] = e
		}
		return e
	}
	// Compounds: a word's longest last part of four letters or more that
	// the site also uses on its own, and its first part when the site
	// uses that too ("bostadsanpassnings|bidrag", "förskole|plats" →
	// förskola).
	for _, w := range words {
		for _, part := range ix.parts(w) {
			e := entry(a.forms[Fold(part)])
			for _, p := range ix.words[w] {
				p.score = max(1, p.score/partShare)
				e.postings = append(e.postings, p)
			}
		}
	}
	// Each word's postings go to its key's entry, and are let go.
	for _, w := range words {
		e := entry(a.forms[folded[w]])
		if e.postings == nil {
			e.postings = ix.words[w] // most keys have one form: no copy
		} else {
			e.postings = append(e.postings, ix.words[w]...)
		}
		delete(ix.words, w)
	}
	for _, e := range a.entries {
		for i := range e.postings {
			e.postings[i].doc = perm[e.postings[i].doc]
		}
		e.postings = mergePostings(e.postings)
	}
	if ix.lang.StopList != nil {
		a.stop = ix.lang.StopList
	} else {
		for w := range ix.stop {
			a.stop = append(a.stop, w)
		}
		slices.Sort(a.stop)
	}
	return a
}

// baseOf is the form that f is an inflection of (f without one of the
// language's endings) when the site uses it (has).
func (lg Language) baseOf(f string, has func(string) bool) (string, bool) {
	n := utf8.RuneCountInString(f)
	for _, s := range lg.Suffixes {
		if !strings.HasSuffix(f, s) {
			continue
		}
		rest := n - utf8.RuneCountInString(s)
		if rest < 3 || len(s) == 1 && rest < 4 {
			continue
		}
		if b := f[:len(f)-len(s)]; has(b) {
			return b, true
		}
	}
	return "", false
}

// parts are the parts of a compound word w that the site uses as words
// of their own: the longest ending of at least four letters, after at
// least three, and what comes before it, as it is, without a linking
// s or e, or with an e turned into an a ("förskole" → "förskola").
func (ix *Index) parts(w string) []string {
	if utf8.RuneCountInString(w) < 7 {
		return nil
	}
	has := func(x string) bool {
		_, ok := ix.words[x]
		return ok && x != w && !ix.lang.Stop(x)
	}
	n := 0
	for i := range w {
		if n >= 3 {
			last := w[i:]
			if utf8.RuneCountInString(last) < 4 {
				break
			}
			if has(last) {
				out := []string{last}
				first := w[:i]
				for _, f := range []string{first, strings.TrimSuffix(first, "s"), strings.TrimSuffix(first, "e"), strings.TrimSuffix(first, "e") + "a"} {
					if utf8.RuneCountInString(f) >= 3 && has(f) {
						out = append(out, f)
						break
					}
				}
				return out
			}
		}
		n++
	}
	return nil
}

// mergePostings sorts ps by document and adds up the scores of the same
// document (several forms of one key in it), keeping the section of the
// form that weighs most there (none, when one was found in the title).
func mergePostings(ps []posting) []posting {
	slices.SortFunc(ps, func(a, b posting) int {
		return cmp.Or(cmp.Compare(a.doc, b.doc), cmp.Compare(b.score, a.score), cmp.Compare(a.section, b.section))
	})
	out := ps[:0]
	for _, p := range ps {
		if n := len(out); n > 0 && out[n-1].doc == p.doc {
			out[n-1].score += p.score
			continue
		}
		out = append(out, p)
	}
	return out
}
