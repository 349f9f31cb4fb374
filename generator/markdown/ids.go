package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
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
	for _, r := range strings.ToLower(s) {
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

// ids hands out heading IDs that are unique within one page, across all
// the sections it is rendered from. It implements goldmark's parser.IDs.
type ids struct {
	used map[string]bool
}

func newIDs() *ids { return &ids{used: map[string]bool{}} }

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slug(plainHeading(string(value)))
	if base == "" {
		base = "rubrik"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }

// plainHeading drops the Markdown of a heading's source line that is not
// text: link destinations, emphasis marks and code ticks.
func plainHeading(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '*', '_', '`', '[', '\\':
			continue
		case ']':
			// skip a following "(destination)"
			if i+1 < len(s) && s[i+1] == '(' {
				if j := strings.IndexByte(s[i:], ')'); j > 0 {
					i += j
				}
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
