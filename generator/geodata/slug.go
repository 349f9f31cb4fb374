package geodata

import (
	"strings"
	"unicode"
)

// translit spells the letters of Swedish, its neighbours and the Sami
// languages in ASCII, so that "Ånge bibliotek" becomes "ange-bibliotek".
var translit = map[rune]string{
	'å': "a", 'ä': "a", 'ö': "o", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ü': "u",
	'æ': "ae", 'ø': "o", 'á': "a", 'à': "a", 'â': "a", 'ã': "a", 'í': "i", 'ì': "i",
	'î': "i", 'ï': "i", 'ó': "o", 'ò': "o", 'ô': "o", 'õ': "o", 'ú': "u", 'ù': "u",
	'û': "u", 'ñ': "n", 'ç': "c", 'ß': "ss", 'ý': "y", 'č': "c", 'đ': "d", 'ŋ': "n",
	'š': "s", 'ŧ': "t", 'ž': "z", 'ð': "d", 'þ': "th",
}

// Slug turns a point's name into the last part of its page's URL: lower
// case, Swedish letters in ASCII (å → a, ä → a, ö → o), every run of other
// characters one "-". Letters it cannot spell in ASCII are left out, and
// combining accents are dropped, so a name written with decomposed letters
// gives the same slug. A name without letters or digits gives "plats".
func Slug(name string) string {
	var b strings.Builder
	dash := false
	write := func(s string) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(s)
	}
	for _, r := range strings.ToLower(name) {
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			write(string(r))
		case translit[r] != "":
			write(translit[r])
		case unicode.Is(unicode.Mn, r):
			// a combining accent: "a" + ring is "å", spelled "a"
		default:
			// punctuation, space, or a letter with no ASCII spelling
			dash = true
		}
	}
	if b.Len() == 0 {
		return "plats"
	}
	return b.String()
}
