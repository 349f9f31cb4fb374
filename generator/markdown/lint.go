package markdown

// The author lint: what makes a page hard to use with a screen reader or
// hard to read, found while rendering and reported as warnings at the line
// and column in the author's file (`--strict` makes them errors). Each rule
// has a golden case in testdata/lint/.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/unicode/norm"
)

// Limits of the easy-to-read rules.
const (
	// MaxSentenceWords is the longest sentence the lint accepts; Swedish
	// easy-to-read guidance keeps sentences far shorter.
	MaxSentenceWords = 35
	// MaxEasySentenceWords is the longest sentence of an easy-to-read text
	// (lättläst, Env.Easy): its guidance keeps sentences to one thought.
	MaxEasySentenceWords = 15
	// MaxWordRunes is the longest word the lint accepts.
	MaxWordRunes = 30
)

// vagueLinkTexts say nothing of where a link leads when read out alone, as
// screen-reader users often do (WCAG 2.4.4).
var vagueLinkTexts = map[string]bool{
	"här": true, "klicka här": true, "klicka": true, "läs mer": true, "mer": true, "länk": true,
	"denna länk": true, "den här länken": true, "läs här": true, "mer info": true, "mer information": true,
	"here": true, "click here": true, "read more": true, "more": true, "link": true, "this link": true,
}

// lintHeading reports a second h1 and a heading that skips a level.
func (st *state) lintHeading(h *ast.Heading, src []byte) {
	prev := st.ids.lastLevel
	st.ids.lastLevel = h.Level
	switch {
	case h.Level == 1:
		st.l.Warnf(st.pos(h, src), "the page title is the only h1: start the headings of the text at ##",
			"a second h1 on the page")
	case h.Level > prev+1:
		st.l.Warnf(st.pos(h, src), diag.Textf("use %s here, or add the missing level above it", strings.Repeat("#", prev+1)),
			"heading level skips from h%d to h%d", prev, h.Level)
	}
}

// lintLink reports a link without text, with vague text or with a bare
// address as its text.
func (st *state) lintLink(n ast.Node, src []byte) {
	text := normalizeSpace(plainText(n, src))
	key := strings.ToLower(strings.TrimRight(text, ".:!…→» "))
	switch {
	case text == "":
		st.l.Warnf(st.pos(n, src), "write what the link leads to between the brackets: [Ansök om bygglov](…)", "link without text")
	case vagueLinkTexts[key]:
		st.l.Warnf(st.pos(n, src), `write what the reader finds there, e.g. "Avgifter för bygglov"`,
			"link text %q does not say where the link leads", text)
	case bareURL(text):
		st.l.Warnf(st.pos(n, src), "write what the reader finds there: [Boverkets regler om bygglov](https://…)",
			"link text is a bare address, which screen readers read out character by character")
	}
}

func bareURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.")
}

// lintImage reports an image without alt text.
func (st *state) lintImage(img *ast.Image, src []byte) {
	if strings.TrimSpace(plainText(img, src)) == "" {
		st.l.Warnf(st.pos(img, src), "describe what the image shows between the brackets: ![Karta över centrum](…)",
			"image without alt text")
	}
}

// lintTable reports a table whose header row is empty.
func (st *state) lintTable(header ast.Node, src []byte) {
	if strings.TrimSpace(plainText(header, src)) != "" {
		return
	}
	st.l.Warnf(st.pos(header, src), "write a heading for each column in the first row", "table without a header row")
}

// lintText reports very long sentences and words in a block of text.
// fields are the block's words: strings.Fields of plainTextSkipCode.
func (st *state) lintText(block ast.Node, src []byte, fields []string) {
	words := 0
	for i, w := range fields {
		words++
		if letters := utf8.RuneCountInString(strings.TrimFunc(w, notLetter)); letters > MaxWordRunes && !bareURL(w) && !strings.Contains(w, "@") {
			st.l.Warnf(st.pos(block, src), "split it, or explain it in simpler words (easy-to-read)",
				"word %q is %d letters long", strings.TrimFunc(w, notLetter), letters)
		}
		next := ""
		if i+1 < len(fields) {
			next = fields[i+1]
		}
		if endsSentence(w, next) {
			st.sentence(block, src, words)
			words = 0
		}
	}
	st.sentence(block, src, words)
}

func (st *state) sentence(block ast.Node, src []byte, words int) {
	if st.env.Easy {
		if words > MaxEasySentenceWords {
			st.l.Warnf(st.pos(block, src), diag.Textf("split it: an easy-to-read (lättläst) text keeps each sentence to one thought, at most %d words", MaxEasySentenceWords),
				"a sentence of %d words in an easy-to-read text", words)
		}
		return
	}
	if words > MaxSentenceWords {
		st.l.Warnf(st.pos(block, src), "split it: easy-to-read text keeps most sentences under 20 words",
			"a sentence of %d words", words)
	}
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// endsSentence reports whether word w, followed by next ("" at the end),
// ends a sentence: a question or exclamation mark does; a full stop does
// when the next word starts with a capital letter, unless w is an
// abbreviation with inner stops such as "t.ex." or "bl.a.".
func endsSentence(w, next string) bool {
	w = strings.TrimRight(w, `"”’)»`)
	switch {
	case strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!"):
		return true
	case !strings.HasSuffix(w, "."):
		return false
	case strings.Contains(strings.TrimRight(w, "."), "."):
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(next, `"“‘(«`))
	return next == "" || unicode.IsUpper(r) || unicode.IsDigit(r)
}

// plainTextSkipCode is the text of a block without code spans.
func plainTextSkipCode(n ast.Node, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.CodeSpan); ok {
			b.WriteString(" code ")
			continue
		}
		b.WriteString(plainText(c, src))
		b.WriteByte(' ')
	}
	return b.String()
}

// lintEmptySection reports a heading with no text under it: the next
// thing is a heading of the same or a higher level, or nothing. A
// scaffold's headings left unwritten publish as empty sections, and an
// adaptation's empty section replaces the shared text with nothing.
func (st *state) lintEmptySection(h *ast.Heading, src []byte) {
	next := h.NextSibling()
	for next != nil && isComment(next, src) {
		next = next.NextSibling()
	}
	if nh, ok := next.(*ast.Heading); next != nil && (!ok || nh.Level > h.Level) {
		return
	}
	title := normalizeSpace(plainText(h, src))
	if h.Level == 2 && st.sec.Heading != "" && strings.HasPrefix(st.sec.File, "content/municipalities/") {
		st.l.Warnf(st.pos(h, src), "write the municipality's text under it, or delete the heading to keep the shared text",
			"section %q is empty: it replaces the shared guide's section with nothing", title)
		return
	}
	st.l.Warnf(st.pos(h, src), "write the text of the section under it, or delete the heading",
		"section %q is empty", title)
}

// placeholders are text that `guidemap new` writes (or once wrote) for
// the author to replace, and the usual marks of unfinished text, in lower
// case. Leftover, they would publish a template's instructions.
var placeholders = []string{
	"skriv en eller två meningar om vad guiden hjälper läsaren med",
	"beskriv vad e-tjänsten gör och vem som kan använda den",
	"skriv en kort presentation av kommunen",
	"skriv sidans text här",
	"skriv kommunens text här",
	"a section whose heading is the same as one of the shared guide's",
	"leave the body empty to keep the shared text",
	"lorem ipsum",
}

// placeholderBlocks are placeholders that are a whole block of text (a
// list item), not part of one.
var placeholderBlocks = []string{"första steget.", "andra steget."}

// placeholder returns the placeholder text in the words of a block of
// text (strings.Fields of it), or "".
func placeholder(words []string) string {
	low := strings.ToLower(norm.NFC.String(strings.Join(words, " ")))
	if slices.Contains(placeholderBlocks, low) {
		return low
	}
	for _, p := range placeholders {
		if strings.Contains(low, p) {
			return p
		}
	}
	for _, w := range words {
		if w = strings.TrimFunc(w, notLetter); w == "TODO" || w == "FIXME" || w == "XXX" {
			return w
		}
	}
	return ""
}

// lintPlaceholder reports a block of text that holds a placeholder.
func (st *state) lintPlaceholder(block ast.Node, src []byte, words []string) {
	if p := placeholder(words); p != "" {
		st.l.Warnf(st.pos(block, src), "write your own text in its place, or delete it",
			"placeholder text %q would be published", p)
	}
}
