package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// File is one file of the index, its path relative to the site's root.
type File struct {
	Path string
	Data []byte
}

// Municipality is what a query may name to see that municipality's
// versions first ("bygglov sundsvall").
type Municipality struct {
	Slug string
	Name string // "Sundsvalls kommun"
}

// Options say where the index goes and what the site adds to it.
type Options struct {
	Dir            string // the folder of the files, "sok/index/"
	Municipalities []Municipality
	// Synonyms are the site's: a word a reader may type → what the site
	// says instead, each alternative one or more words ("soc" →
	// "ekonomiskt bistånd").
	Synonyms map[string][]string
	// ShardBytes is about the most a shard of words holds before it is
	// split by the next letter (uncompressed JSON); 0 for 40,000.
	ShardBytes int
	// ChunkDocs is the number of documents a file of results holds; 0 for 48.
	ChunkDocs int
}

// Files writes the index: a small meta file that names the others (its
// path is meta, Dir + "index.json"), shards of words by their first letters, with the forms
// the site uses and each key's postings, and chunks of documents. Every
// name carries a hash of its content, so hosts may cache them forever.
func (ix *Index) Files(o Options) (meta string, files []File) {
	if o.ShardBytes == 0 {
		o.ShardBytes = 40000
	}
	if o.ChunkDocs == 0 {
		o.ChunkDocs = 48
	}
	// Documents in runs of the same kind and municipality, so that the
	// meta file tells both of every document in a few numbers.
	order := make([]int, len(ix.docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		dx, dy := &ix.docs[x], &ix.docs[y]
		return cmp.Or(cmp.Compare(slices.Index(kinds, dx.Kind), slices.Index(kinds, dy.Kind)), strings.Compare(dx.Municipality, dy.Municipality))
	})
	perm := make([]int32, len(order))
	for n, old := range order {
		perm[old] = int32(n)
	}
	var runs [][]any
	for n, old := range order {
		d := &ix.docs[old]
		if n > 0 {
			p := &ix.docs[order[n-1]]
			if p.Kind == d.Kind && p.Municipality == d.Municipality {
				continue
			}
		}
		runs = append(runs, []any{n, slices.Index(kinds, d.Kind), d.Municipality})
	}
	a := ix.analyse(perm)
	addRaw := func(name string, data []byte) string {
		sum := sha256.Sum256(data)
		p := o.Dir + name + "." + hex.EncodeToString(sum[:5]) + ".json"
		files = append(files, File{Path: p, Data: data})
		return p[len(o.Dir):]
	}
	add := func(name string, v any) string {
		data, err := json.Marshal(v)
		if err != nil {
			panic(err) // plain values only
		}
		return addRaw(name, data)
	}

	// Shards of words.
	var items []item
	for f, k := range a.forms {
		if f != k {
			items = append(items, item{s: f, form: true, key: k, size: len(f) + len(k) + 6})
		}
	}
	for k, e := range a.entries {
		items = append(items, item{s: k, key: k, postings: e.postings, size: len(k) + 8 + 9*len(e.postings)})
	}
	slices.SortFunc(items, func(x, y item) int { return strings.Compare(x.s, y.s) })
	var shards [][2]string
	for _, sh := range split("", items, o.ShardBytes) {
		// {"k": [keys], "p": [[postings of each key]], "f": {form: key}},
		// written as it goes: a big site's shards are tens of megabytes.
		var b bytes.Buffer
		b.WriteString(`{"k":[`)
		n := 0
		for _, it := range sh.items {
			if !it.form {
				if n > 0 {
					b.WriteByte(',')
				}
				writeJSONString(&b, it.key)
				n++
			}
		}
		b.WriteString(`],"p":[`)
		n = 0
		for _, it := range sh.items {
			if !it.form {
				if n > 0 {
					b.WriteByte(',')
				}
				encodePostings(&b, it.postings)
				n++
			}
		}
		b.WriteString(`],"f":{`)
		n = 0
		for _, it := range sh.items {
			if it.form {
				if n > 0 {
					b.WriteByte(',')
				}
				writeJSONString(&b, it.s)
				b.WriteByte(':')
				writeJSONString(&b, it.key)
				n++
			}
		}
		b.WriteString(`}}`)
		name := "w"
		if sh.prefix != "" {
			name += "-" + safeName(sh.prefix)
		}
		shards = append(shards, [2]string{sh.prefix, addRaw(name, b.Bytes())})
	}

	// Chunks of documents.
	var chunks []string
	for start := 0; start < len(ix.docs); start += o.ChunkDocs {
		end := min(start+o.ChunkDocs, len(ix.docs))
		rows := make([][]any, 0, end-start)
		for _, old := range order[start:end] {
			d := &ix.docs[old]
			vs := make([]string, 0, 2*len(d.Versions))
			for _, v := range d.Versions {
				vs = append(vs, v.Municipality, v.URL)
			}
			ss := make([]string, 0, 3*len(d.Sections))
			for _, s := range d.Sections {
				ss = append(ss, s.Anchor, s.Heading, s.Municipality)
			}
			rows = append(rows, []any{d.Kind, d.Title, d.URL, snippet(d.Summary, 200), d.Municipality, vs, ss})
		}
		chunks = append(chunks, add("d"+strconv.Itoa(start/o.ChunkDocs), rows))
	}

	// The meta file.
	munis := [][]string{}
	for _, m := range o.Municipalities {
		munis = append(munis, append([]string{m.Slug, m.Name}, municipalityForms(m.Name, m.Slug)...))
	}
	syn := map[string][][]string{}
	for from, tos := range o.Synonyms {
		f := Fold(strings.TrimSpace(from))
		for _, to := range tos {
			var alt []string
			Words(to, func(w string) {
				if !ix.lang.Stop(w) {
					alt = append(alt, Fold(w))
				}
			})
			if len(alt) > 0 && f != "" {
				syn[f] = append(syn[f], alt)
			}
		}
	}
	if a.stop == nil {
		a.stop = []string{}
	}
	data, err := json.Marshal(map[string]any{
		"lang": ix.lang.Code, "n": len(ix.docs), "chunk": o.ChunkDocs, "chunks": chunks,
		"shards": shards, "runs": runs, "munis": munis, "syn": syn, "stop": a.stop, "suffixes": ix.lang.Suffixes,
	})
	if err != nil {
		panic(err)
	}
	// The one name without a hash: the search page knows it.
	meta = o.Dir + "index.json"
	files = append(files, File{Path: meta, Data: data})
	slices.SortFunc(files, func(x, y File) int { return strings.Compare(x.Path, y.Path) })
	return meta, files
}

// item is a form (that leads to a key) or a key (with its postings) in a shard.
type item struct {
	s        string
	form     bool
	key      string
	postings []posting
	size     int
}

type shard struct {
	prefix string
	items  []item
}

// split puts the items (sorted, all starting with prefix) into shards of
// about limit bytes: a bigger group is split by the letter after its
// prefix; what is no longer than the prefix stays in the prefix's shard.
func split(prefix string, items []item, limit int) []shard {
	total := 0
	for _, it := range items {
		total += it.size
	}
	n := utf8.RuneCountInString(prefix)
	if total <= limit || n >= 3 {
		return []shard{{prefix, items}}
	}
	var out []shard
	var rest []item
	for i := 0; i < len(items); {
		r, ok := runeAt(items[i].s, n)
		if !ok {
			rest = append(rest, items[i])
			i++
			continue
		}
		p := prefix + string(r)
		j := i
		for j < len(items) && strings.HasPrefix(items[j].s, p) {
			j++
		}
		out = append(out, split(p, items[i:j], limit)...)
		i = j
	}
	if len(rest) > 0 || prefix == "" {
		out = append([]shard{{prefix, rest}}, out...)
	}
	return out
}

// runeAt is the n-th rune of s.
func runeAt(s string, n int) (rune, bool) {
	for _, r := range s {
		if n == 0 {
			return r, true
		}
		n--
	}
	return 0, false
}

// safeName is a prefix as it may stand in a file name.
func safeName(p string) string {
	var b strings.Builder
	for _, r := range p {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteString("_" + strconv.FormatInt(int64(r), 16))
		}
	}
	return b.String()
}

// encodePostings writes a key's postings as one array: for each document,
// its number less the one before, its score and its section (1-based, 0
// for none).
func encodePostings(b *bytes.Buffer, ps []posting) {
	b.WriteByte('[')
	prev := int32(0)
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(int(p.doc - prev)))
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(int(p.score)))
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(int(p.section)))
		prev = p.doc
	}
	b.WriteByte(']')
}

// writeJSONString writes s as a JSON string.
func writeJSONString(b *bytes.Buffer, s string) {
	data, _ := json.Marshal(s) // a string always encodes
	b.Write(data)
}

// municipalityForms are the folded words a query may name a municipality
// by: "Sundsvalls kommun" → sundsvall, sundsvalls; its slug too.
func municipalityForms(name, slug string) []string {
	n := Fold(strings.TrimSpace(name))
	n = strings.TrimSuffix(n, " kommun")
	n = strings.TrimSuffix(n, " stad")
	set := map[string]bool{slug: true, n: true}
	if strings.HasSuffix(n, "s") && len(n) > 4 {
		set[strings.TrimSuffix(n, "s")] = true
	} else {
		set[n+"s"] = true
	}
	var out []string
	for f := range set {
		if f != "" && !strings.Contains(f, " ") {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

// snippet is s cut at a word boundary to at most n bytes.
func snippet(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,.;:") + " …"
}
