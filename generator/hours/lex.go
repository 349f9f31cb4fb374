package hours

// The lexer cuts a value into words, numbers, quoted comments and
// punctuation, and folds the dashes people type ("–", "—") into "-", so
// that the parser sees one token where the syntax means one. The
// vocabulary here is what the parser accepts and what it recognises in
// order to say what to write instead.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one token of a value.
type token struct {
	kind   byte // 'w' word, 'n' number, 'c' comment, 'p' punctuation, 0 end
	text   string
	space  bool // white space before the token
	closed bool // a comment's closing quote was found
}

// is reports whether t is the punctuation punct.
func (t token) is(punct string) bool { return t.kind == 'p' && t.text == punct }

// lex cuts s, valid UTF-8, into tokens.
func lex(s string) []token {
	var toks []token
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += size
			continue
		case r == '"':
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				toks = append(toks, token{kind: 'c', text: s[i+1:], space: space})
				i = len(s)
			} else {
				toks = append(toks, token{kind: 'c', text: s[i+1 : i+1+end], space: space, closed: true})
				i += end + 2
			}
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += n
			}
			toks = append(toks, token{kind: 'w', text: s[i:j], space: space})
			i = j
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			toks = append(toks, token{kind: 'n', text: s[i:j], space: space})
			i = j
		case r == '|' && strings.HasPrefix(s[i:], "||"):
			toks = append(toks, token{kind: 'p', text: "||", space: space})
			i += 2
		case r == '–' || r == '—' || r == '−' || r == '‐' || r == '‑' || r == '‒':
			toks = append(toks, token{kind: 'p', text: "-", space: space})
			i += size
		default:
			toks = append(toks, token{kind: 'p', text: string(r), space: space})
			i += size
		}
		space = false
	}
	return toks
}

// The words of the syntax, and those the parser recognises in order to
// say what to write instead.
var (
	osmDays   = []string{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}
	osmMonths = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	// otherDays are other spellings of weekdays that opening_hours.js
	// also reads (with a warning): Swedish and English names.
	otherDays = map[string]int{
		"må": 0, "mån": 0, "måndag": 0, "ti": 1, "tis": 1, "tisdag": 1, "ons": 2, "onsdag": 2,
		"tor": 3, "tors": 3, "torsdag": 3, "fre": 4, "fredag": 4, "lö": 5, "lör": 5, "lördag": 5,
		"sö": 6, "sön": 6, "söndag": 6,
		"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
	}
	// otherMonths are other spellings of months.
	otherMonths = map[string]int{"maj": 5, "okt": 10, "januari": 1, "februari": 2, "mars": 3, "april": 4, "juni": 6,
		"juli": 7, "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
		"january": 1, "february": 2, "march": 3, "june": 6, "july": 7, "august": 8, "october": 10}
	// keywords are the words a typo is matched against.
	keywords = slices.Concat(osmDays, osmMonths, []string{"PH", "SH", "off", "closed", "open", "unknown",
		"week", "easter", "day", "days", "sunrise", "sunset", "dawn", "dusk"})
	// timeVars are the variable times, in the order of the sun package.
	timeVars = []string{"sunrise", "sunset", "dawn", "dusk"}
)

// day returns the weekday (0 = Monday) a word token names, or -1.
func (t token) day() int {
	if d := t.find(osmDays); d >= 0 {
		return d
	}
	if d, ok := otherDays[strings.ToLower(t.text)]; ok && t.kind == 'w' {
		return d
	}
	return -1
}

// month returns the month (1–12) a word token names, or 0.
func (t token) month() int {
	if m := t.find(osmMonths); m >= 0 {
		return m + 1
	}
	if m, ok := otherMonths[strings.ToLower(t.text)]; ok && t.kind == 'w' {
		return m
	}
	return 0
}

// timeVar returns the variable time (1 sunrise … 4 dusk) a word token
// names, or 0.
func (t token) timeVar() int { return t.find(timeVars) + 1 }

// find returns the index of the name a word token is, in any case, or -1.
func (t token) find(names []string) int {
	if t.kind != 'w' {
		return -1
	}
	return slices.IndexFunc(names, func(n string) bool { return strings.EqualFold(t.text, n) })
}

// word reports whether t is one of the words, in any case.
func (t token) word(words ...string) bool { return t.find(words) >= 0 }

// num returns the value of a number token (at most 9 digits), or -1.
func (t token) num() int {
	if t.kind != 'n' || len(t.text) > 9 {
		return -1
	}
	n := 0
	for _, c := range t.text {
		n = n*10 + int(c-'0')
	}
	return n
}

// year reports whether t is a number the syntax reads as a year.
func (t token) year() bool { return t.num() > 1900 || t.kind == 'n' && len(t.text) > 9 }
