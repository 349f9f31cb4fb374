// Package diag owns the diagnostics of a build: where a problem is (file,
// line, column or GeoJSON feature), what is wrong and how to fix it. Loaders
// add to a shared List and carry on, so that one build reports every problem.
package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	// Error stops the build: nothing is written.
	Error Severity = iota
	// Warning is reported but does not stop the build (unless strict).
	Warning
)

// In is the severity's word in lang: "fel" or "varning" in Swedish.
func (s Severity) In(lang string) string {
	if lang == Swedish {
		if s == Warning {
			return "varning"
		}
		return "fel"
	}
	return s.String()
}

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Pos is a place in a source file. Line and Col are 1-based; zero means
// unknown. Feature is one more than the index of a GeoJSON feature in its
// file's "features" array, so that the zero Pos names no feature; use
// InFeature to set it.
type Pos struct {
	File    string
	Line    int
	Col     int
	Feature int
}

// At returns the position of line and column in file.
func At(file string, line, col int) Pos {
	return Pos{File: file, Line: line, Col: col}
}

// InFeature returns the position of the GeoJSON feature with the given
// 0-based index, which starts at line and column of file.
func InFeature(file string, index, line, col int) Pos {
	return Pos{File: file, Line: line, Col: col, Feature: index + 1}
}

// String formats the position as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	if p.Feature > 0 {
		fmt.Fprintf(&b, ": features[%d]", p.Feature-1)
	}
	return b.String()
}

// Diagnostic is one problem found in the input.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string // what is wrong, in English
	Hint     string // how to fix it, in English; may be empty
	// MsgText and HintText keep the message's and the hint's format and
	// arguments, so that In can print them in another language; "" when
	// the text is a plain string (then In looks it up as it is).
	MsgText  Text
	HintText Text
}

// Make returns the diagnostic that Errorf (sev Error) or Warnf adds: for
// code that hands diagnostics on rather than adding them to a List.
func Make(pos Pos, sev Severity, hint, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: sev, Msg: fmt.Sprintf(format, args...), Hint: hint,
		MsgText: encode(format, args), HintText: textOf(hint)}
}

// Appendf returns d with its message followed by format and args (such
// as " (on the page %s)"), which are translated on their own.
func (d Diagnostic) Appendf(format string, args ...any) Diagnostic {
	msg := string(d.MsgText)
	if msg == "" {
		msg = string(textOf(d.Msg))
	}
	if msg == "" {
		msg = d.Msg
	}
	if b, err := json.Marshal([]string{"%s%s", msg, string(encode(format, args))}); err == nil {
		d.MsgText = Text(textMark + string(b))
	}
	d.Msg += fmt.Sprintf(format, args...)
	return d
}

// String formats the diagnostic as the user reads it:
// "file:line:col: message (hint)"; warnings carry a "warning: " prefix.
func (d Diagnostic) String() string { return d.StringIn(English) }

// StringIn is String with the word for a warning in lang ("varning: ");
// the message and hint are printed as they are (see In).
func (d Diagnostic) StringIn(lang string) string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString(d.Severity.In(lang))
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	if d.Hint != "" {
		b.WriteString("; ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// List collects diagnostics. It is safe for concurrent use; identical
// diagnostics (same position, severity and text) are kept once, since a
// shared guide rendered for seven municipalities would otherwise report
// its broken link seven times.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
	seen  map[Diagnostic]bool
}

// Add appends d unless an identical diagnostic is already in the list.
func (l *List) Add(d Diagnostic) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.seen == nil {
		l.seen = make(map[Diagnostic]bool)
	}
	if l.seen[d] {
		return
	}
	l.seen[d] = true
	l.items = append(l.items, d)
}

// Errorf adds an error at pos with a hint (which may be empty).
func (l *List) Errorf(pos Pos, hint, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...), Hint: hint,
		MsgText: encode(format, args), HintText: textOf(hint)})
}

// Warnf adds a warning at pos with a hint (which may be empty).
func (l *List) Warnf(pos Pos, hint, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...), Hint: hint,
		MsgText: encode(format, args), HintText: textOf(hint)})
}

// Merge adds every diagnostic of other.
func (l *List) Merge(other *List) {
	for _, d := range other.Items() {
		l.Add(d)
	}
}

// Items returns the diagnostics sorted by file, feature, line, column,
// severity, message and hint.
func (l *List) Items() []Diagnostic {
	l.mu.Lock()
	out := append([]Diagnostic(nil), l.items...)
	l.mu.Unlock()
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	return out
}

func less(a, b Diagnostic) bool {
	if a.Pos.File != b.Pos.File {
		return a.Pos.File < b.Pos.File
	}
	if a.Pos.Feature != b.Pos.Feature {
		return a.Pos.Feature < b.Pos.Feature
	}
	if a.Pos.Line != b.Pos.Line {
		return a.Pos.Line < b.Pos.Line
	}
	if a.Pos.Col != b.Pos.Col {
		return a.Pos.Col < b.Pos.Col
	}
	if a.Severity != b.Severity {
		return a.Severity < b.Severity
	}
	if a.Msg != b.Msg {
		return a.Msg < b.Msg
	}
	return a.Hint < b.Hint
}

// Len returns the number of diagnostics.
func (l *List) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.items)
}

// Count returns the number of errors and warnings.
func (l *List) Count() (errors, warnings int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// HasErrors reports whether any diagnostic is an error.
func (l *List) HasErrors() bool {
	e, _ := l.Count()
	return e > 0
}

// Promote turns every warning into an error (the --strict flag).
func (l *List) Promote() {
	l.mu.Lock()
	defer l.mu.Unlock()
	seen := make(map[Diagnostic]bool, len(l.items))
	for i := range l.items {
		l.items[i].Severity = Error
		seen[l.items[i]] = true
	}
	l.seen = seen
}

// Fprint writes the diagnostics to w in English; see FprintIn.
func (l *List) Fprint(w io.Writer, dir string) { l.FprintIn(w, dir, English) }

// FprintIn writes the diagnostics to w the way the commands show them, in
// lang: one "file:line:col: message" line each, sorted, with file paths
// joined to dir (the site folder, so that they are right from where the
// command runs), then a count of errors and warnings. It writes nothing
// for an empty list.
func (l *List) FprintIn(w io.Writer, dir, lang string) {
	if l == nil || l.Len() == 0 {
		return
	}
	for _, d := range l.Items() {
		if d.Pos.File != "" && !strings.HasPrefix(d.Pos.File, "--") {
			d.Pos.File = filepath.ToSlash(filepath.Join(dir, d.Pos.File))
		}
		fmt.Fprintln(w, d.In(lang).StringIn(lang))
	}
	e, warn := l.Count()
	fmt.Fprintf(w, "guidemap: %s\n", CountIn(lang, e, warn))
}

// CountIn says how many errors and warnings there are, in lang: "2 errors,
// 1 warning", "2 fel, 1 varning".
func CountIn(lang string, errors, warnings int) string {
	if lang == Swedish {
		w := "varningar"
		if warnings == 1 {
			w = "varning"
		}
		return fmt.Sprintf("%d fel, %d %s", errors, warnings, w)
	}
	return plural(errors, "error") + ", " + plural(warnings, "warning")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
