package maps

// Why a hand-written writer rather than encoding/xml: the maps are large
// (hundreds of points, thousands of path commands) and must be small and
// byte-identical from build to build. The writer appends to one []byte,
// formats coordinates as integers of tenths (no float formatting, no
// drift in relative path commands), and escapes every string from content
// or GeoJSON through one function, appendText.

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// svgWriter appends SVG markup to a byte slice.
type svgWriter struct{ b []byte }

// raw appends markup that holds no data.
func (w *svgWriter) raw(s string) { w.b = append(w.b, s...) }

// text appends s escaped for text content and quoted attribute values.
func (w *svgWriter) text(s string) { w.b = appendText(w.b, s) }

// attr appends ` name="value"` with value escaped.
func (w *svgWriter) attr(name, value string) {
	w.b = append(w.b, ' ')
	w.b = append(w.b, name...)
	w.b = append(w.b, `="`...)
	w.b = appendText(w.b, value)
	w.b = append(w.b, '"')
}

// num appends ` name="v"` with v a coordinate in tenths of a unit.
func (w *svgWriter) numAttr(name string, v int64) {
	w.b = append(w.b, ' ')
	w.b = append(w.b, name...)
	w.b = append(w.b, `="`...)
	w.b = appendTenths(w.b, v)
	w.b = append(w.b, '"')
}

// tenths rounds a coordinate in viewBox units to an integer of tenths.
// The coordinates are bounded by the frame (clipped or fitted), so the
// conversion cannot overflow; NaN never reaches here (points are checked
// before projection).
func tenths(v float64) int64 { return int64(math.Round(v * 10)) }

// appendTenths formats v/10 with at most one decimal: 1234 → "123.4",
// 1230 → "123", -5 → "-0.5".
func appendTenths(b []byte, v int64) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, v/10, 10)
	if d := v % 10; d != 0 {
		b = append(b, '.', byte('0'+d))
	}
	return b
}

// appendText escapes s for XML and HTML text and attribute values. It
// also makes the output well-formed whatever the input: invalid UTF-8,
// noncharacters and control characters (which XML forbids and HTML
// reports as parse errors) become U+FFFD or a space.
func appendText(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '"':
			b = append(b, "&#34;"...)
		case r == '\'':
			b = append(b, "&#39;"...)
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			b = append(b, ' ')
		case r == utf8.RuneError && size == 1,
			r >= 0xfdd0 && r <= 0xfdef,
			r&0xfffe == 0xfffe:
			b = utf8.AppendRune(b, utf8.RuneError)
		default:
			b = append(b, s[i-size:i]...)
		}
	}
	return b
}

// sanitizeID keeps the characters of an id prefix that are safe in an id
// and in url(#…) references: ASCII letters, digits, '-' and '_'. The
// prefix starts with a letter; an empty result is "map".
func sanitizeID(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case (c >= '0' && c <= '9') || c == '-' || c == '_':
			if len(b) == 0 {
				b = append(b, 'm')
			}
		default:
			continue
		}
		b = append(b, c)
	}
	if len(b) == 0 {
		return "map"
	}
	return string(b)
}
