package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/unicode/norm"
)

// translit spells the letters of Swedish and its neighbours in ASCII, so
// that "Så ansöker du" becomes "sa-ansoker-du" and not goldmark's default
// "s-ansker-du".
var translit = map[rune]string{
	'å': "a", 'ä': "a", 'ö': "o", 'é': "e", 'è': "e", 'ê': "e", 'ü': "u",
	'æ': "ae", 'ø': "o", 'á': "a", 'à': "a", 'í': "i", 'ó': "o", 'ú': "u",
	'ñ': "n", 'ç': "c", 'ß': "ss", 'ý': "y",
}

// Slug turns a heading's text into a readable ID: lower case, Swedish
// letters spelled in ASCII, every run of other characters one "-". Letters
// of other scripts are kept as they are. It returns "" for text without
// letters or digits.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(norm.NFC.String(s)) {
		if t, ok := translit[r]; ok {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteString(t)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// ids hands out the heading IDs of one page, unique across all the sections
// it is rendered from.
type ids struct {
	used      map[string]bool
	lastLevel int // of the heading before, for the lint; the title is h1
}

func newIDs() *ids { return &ids{used: map[string]bool{}, lastLevel: 1} }

// unique returns base, or base-1, base-2 … if it is taken, and takes it.
func (s *ids) unique(base string) string {
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return id
}

// heading gives a heading its ID — the one written as {#id}, or one made
// from its text — unique on the page, and records it.
func (st *state) heading(h *ast.Heading, src []byte) {
	text := normalizeSpace(plainText(h, src))
	base, custom := "", false
	if v, ok := h.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok && len(b) > 0 {
			base, custom = string(b), true
		}
	}
	if base == "" {
		base = Slug(text)
	}
	if base == "" {
		base = "rubrik"
	}
	if strings.HasPrefix(base, ThemeIDPrefix) {
		// "## GM-fordon": the theme's IDs start so.
		base = "rubrik-" + base
	}
	id := st.ids.unique(base)
	if custom && id != base {
		st.l.Warnf(st.pos(h, src), "give each heading its own {#id}", "heading ID %q is already used on this page; this heading gets %q", base, id)
	}
	h.SetAttributeString("id", []byte(id))
	st.heads = append(st.heads, model.Heading{Level: h.Level, Text: text, ID: id})
	st.lastHeading = text
}
