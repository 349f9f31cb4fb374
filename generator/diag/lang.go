package diag

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
)

// Diagnostics are written in English at the call sites, which is the
// source language: l.Errorf(pos, hint, "unknown key %q", key). A
// Diagnostic keeps, beside the English text, the format and its formatted
// arguments (Text), and is printed in the author's language by In, which
// looks the format up in a catalogue (catalogue_sv.go) and puts the same
// arguments into the translation. Quoted values from content are
// arguments, so they stay as the author wrote them.
//
// Hints are strings at the call sites. A hint that is a literal is looked
// up in the catalogue as it is; a hint with values in it is made with
// Textf (DidYouMean does so), which returns the English text and notes
// its format and arguments, so that Errorf can keep them with the
// diagnostic. An argument written with %s or %v that was itself made by
// Textf (a word such as "audience") is translated too.

// English is the source language of every message; Swedish ("sv") has a
// catalogue. Another language code prints English.
const (
	English = "en"
	Swedish = "sv"
)

// Languages are the languages diagnostics can be printed in.
var Languages = []string{Swedish, English}

// catalogues maps a language to its translations: the English format
// string (or literal hint) to the format in that language.
var catalogues = map[string]map[string]string{Swedish: swedish}

// Text is a message as its English format and formatted arguments, as Textf
// and Errorf keep it; "" when the message is a plain string. It is a
// string, so that a Diagnostic stays comparable and gob can write it.
type Text string

// Marks of an encoded Text: "\x1e" and the JSON array [format, piece…];
// "\x1d" and a string that the catalogue has as it is (a literal hint).
const (
	textMark    = "\x1e"
	literalMark = "\x1d"
)

// texts are the Texts of strings that Textf made and the catalogue knows,
// by their English text, for Errorf to find when the string is given as a
// hint or argument. It stops growing at maxTexts: the strings made after
// that are printed in English.
var texts = struct {
	sync.RWMutex
	m map[string]Text
}{m: map[string]Text{}}

const maxTexts = 1 << 16

// Textf formats like fmt.Sprintf and returns the English text; when the
// catalogue knows format, it notes the format and arguments, so that a
// diagnostic given the text as its hint (or as an argument written with %s)
// can be printed in another language.
func Textf(format string, args ...any) string {
	en := fmt.Sprintf(format, args...)
	if !known(format) {
		return en
	}
	t := encode(format, args)
	texts.Lock()
	if len(texts.m) < maxTexts {
		texts.m[en] = t
	}
	texts.Unlock()
	return en
}

// known tells whether some catalogue translates s.
func known(s string) bool {
	for _, c := range catalogues {
		if _, ok := c[s]; ok {
			return true
		}
	}
	return false
}

// textOf is the Text that Textf noted for s, or the Text of s as a
// literal that the catalogue knows, or "".
func textOf(s string) Text {
	if s == "" {
		return ""
	}
	texts.RLock()
	t := texts.m[s]
	texts.RUnlock()
	if t == "" && known(s) {
		t = Text(literalMark + s)
	}
	return t
}

// encode keeps format and each argument formatted with the verb that format
// gives it: the pieces that a translation puts in its own order.
func encode(format string, args []any) Text {
	pieces := make([]string, len(args))
	done := make([]bool, len(args))
	for _, v := range verbs(format) {
		if v.arg >= len(args) || done[v.arg] {
			continue
		}
		done[v.arg] = true
		if s, ok := args[v.arg].(string); ok && (v.verb == 's' || v.verb == 'v') && v.spec == "%"+string(v.verb) {
			if t := textOf(s); t != "" {
				pieces[v.arg] = string(t)
				continue
			}
		}
		pieces[v.arg] = fmt.Sprintf(v.spec, args[v.arg])
	}
	b, err := json.Marshal(append([]string{format}, pieces...))
	if err != nil {
		return ""
	}
	return Text(textMark + string(b))
}

// In returns the text in lang, with the same arguments: the catalogue's
// format when it has one, else the English format.
func (t Text) In(lang string) (string, bool) {
	if s, ok := strings.CutPrefix(string(t), literalMark); ok {
		if tr, ok := catalogues[lang][s]; ok {
			return tr, true
		}
		return s, true
	}
	s, ok := strings.CutPrefix(string(t), textMark)
	if !ok {
		return "", false
	}
	var parts []string
	if err := json.Unmarshal([]byte(s), &parts); err != nil || len(parts) == 0 {
		return "", false
	}
	format, pieces := parts[0], parts[1:]
	for i, p := range pieces {
		if strings.HasPrefix(p, textMark) || strings.HasPrefix(p, literalMark) {
			if s, ok := Text(p).In(lang); ok {
				pieces[i] = s
			}
		}
	}
	if tr, ok := catalogues[lang][format]; ok {
		format = tr
	}
	return expand(format, pieces), true
}

// Translate returns s in lang: a text that Textf made with its arguments
// in their places, a string the catalogue has as it is, or else s.
func Translate(s, lang string) string {
	if t := textOf(s); t != "" {
		if out, ok := t.In(lang); ok {
			return out
		}
	}
	if tr, ok := catalogues[lang][s]; ok {
		return tr
	}
	return s
}

// In returns d with its message and hint in lang (English when the
// catalogue of lang has no entry for them). Position, severity and the
// values quoted from content stay as they are.
func (d Diagnostic) In(lang string) Diagnostic {
	if lang == English || catalogues[lang] == nil {
		return d
	}
	if s, ok := d.MsgText.In(lang); ok {
		d.Msg = s
	} else if tr, ok := catalogues[lang][d.Msg]; ok {
		d.Msg = tr
	}
	if s, ok := d.HintText.In(lang); ok {
		d.Hint = s
	} else if tr, ok := catalogues[lang][d.Hint]; ok {
		d.Hint = tr
	}
	return d
}

// verb is one verb of a format: its spec ("%q", "%.1f") without an
// argument index, the verb's letter and the 0-based argument it formats.
type verb struct {
	spec string
	verb byte
	arg  int
}

// verbs lists the verbs of format in order, with explicit argument
// indexes (%[2]s) resolved as fmt does.
func verbs(format string) []verb {
	var out []verb
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		spec := "%"
		for i < len(format) {
			c := format[i]
			switch {
			case c == '[':
				j := strings.IndexByte(format[i:], ']')
				if j < 0 {
					return out
				}
				var n int
				if _, err := fmt.Sscanf(format[i+1:i+j], "%d", &n); err == nil && n > 0 {
					arg = n - 1
				}
				i += j + 1
				continue
			case strings.IndexByte("+-# 0123456789.", c) >= 0:
				spec += string(c)
				i++
				continue
			}
			break
		}
		if i >= len(format) {
			break
		}
		out = append(out, verb{spec: spec + string(format[i]), verb: format[i], arg: arg})
		arg++
	}
	return out
}

// expand puts the formatted pieces into format: each verb takes its
// piece (in order, or the one its index names: %[2]s), whatever its
// letter, since the pieces were formatted by the English format's verbs.
func expand(format string, pieces []string) string {
	var b strings.Builder
	vs := verbs(format)
	k := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		// Skip to the verb's letter.
		j := i + 1
		for j < len(format) && (strings.IndexByte("+-# 0123456789.", format[j]) >= 0 || format[j] == '[') {
			if format[j] == '[' {
				if e := strings.IndexByte(format[j:], ']'); e >= 0 {
					j += e
				}
			}
			j++
		}
		if k < len(vs) && vs[k].arg < len(pieces) {
			b.WriteString(pieces[vs[k].arg])
		} else {
			b.WriteString("%!(MISSING)")
		}
		k++
		i = j
	}
	return b.String()
}

// Localf formats like fmt.Sprintf, in lang: for what the commands say
// besides diagnostics (summaries, the serve overlay's headings). Its
// formats are in the catalogue like the messages'.
func Localf(lang, format string, args ...any) string {
	if lang == English || catalogues[lang] == nil {
		return fmt.Sprintf(format, args...)
	}
	s, _ := encode(format, args).In(lang)
	return s
}

// Lang is the language code s names, if diagnostics can be printed in it:
// "sv" or "en" (also "svenska", "english", "sv_SE.UTF-8" and the like).
func Lang(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "sv" || s == "svenska" || s == "swedish" || strings.HasPrefix(s, "sv_") || strings.HasPrefix(s, "sv-"):
		return Swedish, true
	case s == "en" || s == "english" || s == "engelska" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-"):
		return English, true
	}
	return "", false
}

// textError is an error whose message NewError made, so that ErrorIn can
// print it in another language.
type textError struct {
	en string
	t  Text
}

func (e *textError) Error() string { return e.en }

// NewError returns an error with the message fmt.Sprintf(format, args...)
// in English, which ErrorIn prints in the author's language: for the
// errors that a command shows the author as they are (guidemap new's).
func NewError(format string, args ...any) error {
	return &textError{en: fmt.Sprintf(format, args...), t: encode(format, args)}
}

// ErrorIn is err's message in lang when NewError made err, else
// err.Error().
func ErrorIn(err error, lang string) string {
	if te, ok := err.(*textError); ok && lang != English {
		if s, ok := te.t.In(lang); ok {
			return s
		}
	}
	return err.Error()
}
