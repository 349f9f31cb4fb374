// Package search builds the site's search index at build time: the text
// of every guide, e-service, place and page cut into words, each word
// brought to a key that its inflections share (a stemmer, then the forms
// the site itself uses), compounds split into their known parts, and the
// result written as small JSON files that the browser loads only as a
// query needs them (themes/default/js/search.js).
//
// All the linguistics happen here, in Go; the browser only folds a query
// the same way (lower case, no diacritics), looks its words up in the
// forms this package listed, strips the same inflection endings when a
// form is not listed, and tolerates typos against the listed forms.
package search

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/swedish"
	"golang.org/x/text/unicode/norm"
)

// Fold lowers s and takes away its diacritics (å → a, ö → o, é → e), so
// that "hemtjanst" finds "hemtjänst". The browser's fold (search.js) does
// the same: String.prototype.normalize("NFD") and dropping the marks.
func Fold(s string) string {
	s = strings.ToLower(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ø':
			r = 'o'
		case 'æ':
			b.WriteString("ae")
			continue
		case 'ß':
			b.WriteString("ss")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Words cuts text into its words, lower-cased: runs of letters and digits,
// with a hyphen or an apostrophe inside a word ending it ("plan-" and
// "bygglagen" are two words, as the browser cuts them). The words f is
// given share the memory of one lower-cased copy of text: f clones one
// it keeps.
func Words(text string, f func(w string)) {
	text = strings.ToLower(text)
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if word && start < 0 {
			start = i
		} else if !word && start >= 0 {
			f(text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		f(text[start:])
	}
}

// Language is how the words of one language are brought to their keys.
type Language struct {
	Code string
	// Stem is the stemmer of the snowball project for the language, or
	// nil to keep words as they are.
	Stem func(word string) string
	// Stop tells the words too common to search for.
	Stop func(word string) bool
	// StopList is every stop word, for the browser to drop from queries;
	// nil to send only those the site's text has.
	StopList []string
	// Suffixes are the inflection endings that the browser may strip from
	// a query word that the site does not use, longest first; the index
	// also joins a form with another that is it plus one of them.
	Suffixes []string
	// Lemmas are forms a reader may type for a form the site uses that
	// the stemmer joins with it but no suffix strips back to
	// ("libraries" → "library"); nil for none. The index holds them too.
	Lemmas func(form string) []string
}

// LanguageOf returns the analysis for a language code: Swedish and
// English have stemmers; other languages keep their words as they are.
func LanguageOf(code string) Language {
	switch code {
	case "sv":
		return Language{
			Code:     "sv",
			Stem:     func(w string) string { return swedish.Stem(w, true) },
			Stop:     func(w string) bool { return stopSV[w] },
			StopList: slices.Sorted(maps.Keys(stopSV)),
			// The endings of Swedish nouns, adjectives and verbs in their
			// common forms: "bygglov|et", "förskoleplats|en",
			// "förskol|orna", "ansök|an", "hemtjänst|ens".
			Suffixes: []string{"arnas", "ernas", "ornas", "andet", "arna", "erna", "orna", "heten",
				"ande", "ende", "arne", "aste", "ens", "ets", "ans", "ars", "ers", "ors",
				"na", "en", "et", "an", "ar", "er", "or", "ad", "at", "ts", "as", "es",
				"a", "e", "n", "t", "s"},
		}
	case "en":
		return Language{
			Code:     "en",
			Stem:     func(w string) string { return english.Stem(w, true) },
			Stop:     func(w string) bool { return stopEN[w] || english.IsStopWord(w) },
			StopList: slices.Sorted(maps.Keys(stopEN)),
			Suffixes: []string{"ing", "ies", "ed", "es", "s"},
			Lemmas: func(f string) []string {
				if base, ok := strings.CutSuffix(f, "ies"); ok && len(base) >= 3 {
					return []string{base + "y"}
				}
				return nil
			},
		}
	}
	return Language{Code: code, Stop: func(string) bool { return false }}
}

// stemFold is the key a single word has before the site's own forms are
// taken into account: its stem, folded.
func (lg Language) stemFold(w string) string {
	if lg.Stem != nil && utf8.RuneCountInString(w) > 3 {
		if s := lg.Stem(w); s != "" {
			w = s
		}
	}
	return Fold(w)
}

// stopSV are the Swedish words too common to search for: the snowball
// project's list, which its stemmer is made for, and a few more words
// that questions begin with.
var stopSV = setOf(`och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke
mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när efter upp vi
dem vara vad över än dig kan sina här ha mot alla under någon eller allt mycket sedan ju denna själv detta åt utan
varit hur ingen mitt ni bli blev oss din dessa några deras blir mina samma vilken er sådan vår blivit dess inom
mellan sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas
vilken hos ska måste får jag`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// stopEN are the English words too common to search for, which the
// browser drops from a query (the snowball project's list is also asked
// when the index is made).
var stopEN = setOf(`a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves`)
