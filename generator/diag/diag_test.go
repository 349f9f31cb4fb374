package diag_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
)

var guideKeys = []string{"title", "summary", "category", "tags", "municipalities", "updated", "draft"}

func TestSuggest(t *testing.T) {
	tests := []struct {
		name       string
		word       string
		candidates []string
		want       string
	}{
		{"missing letter", "sumary", guideKeys, "summary"},
		{"swapped letters at the end", "titel", guideKeys, "title"},
		{"missing letter in the middle", "catgory", guideKeys, "category"},
		{"transposition", "summray", guideKeys, "summary"},
		{"extra letter", "titlee", guideKeys, "title"},
		{"upper case is ignored", "Sumary", guideKeys, "summary"},
		{"exact match", "tags", guideKeys, "tags"},
		{"candidate keeps its own spelling", "sumary", []string{"Summary"}, "Summary"},
		{"nothing close", "colour", guideKeys, ""},
		{"short word, two edits", "tg", []string{"tags"}, ""},
		{"short word, one edit", "tag", []string{"tags"}, "tags"},
		{"limit is a third of the word", "municipalites", guideKeys, "municipalities"},
		{"at most three edits", "mnicpalitiesxx", guideKeys, ""},
		{"closest wins, not first", "municipalites", []string{"municipality", "municipalities"}, "municipalities"},
		{"first of equally close wins", "tagz", []string{"tags", "tagx"}, "tags"},
		{"Swedish letters count as one rune", "kommunr", []string{"kommuner", "område"}, "kommuner"},
		{"å is one edit from a", "omrade", []string{"område"}, "område"},
		{"no candidates", "title", nil, ""},
		{"empty word", "", guideKeys, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := diag.Suggest(tt.word, tt.candidates); got != tt.want {
				t.Errorf("Suggest(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

func TestDidYouMean(t *testing.T) {
	tests := []struct {
		word, want string
	}{
		{"sumary", `did you mean "summary"?`},
		{"titel", `did you mean "title"?`},
		{"catgory", `did you mean "category"?`},
		{"summray", `did you mean "summary"?`},
		{"colour", ""},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := diag.DidYouMean(tt.word, guideKeys); got != tt.want {
				t.Errorf("DidYouMean(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

func TestPosString(t *testing.T) {
	tests := []struct {
		name string
		pos  diag.Pos
		want string
	}{
		{"file only", diag.Pos{File: "site.toml"}, "site.toml"},
		{"line", diag.Pos{File: "site.toml", Line: 3}, "site.toml:3"},
		{"line and column", diag.At("a.md", 3, 7), "a.md:3:7"},
		{"column without line is left out", diag.Pos{File: "a.md", Col: 7}, "a.md"},
		{"first feature", diag.InFeature("g.geojson", 0, 12, 5), "g.geojson:12:5: features[0]"},
		{"feature without line", diag.InFeature("g.geojson", 4, 0, 0), "g.geojson: features[4]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.pos.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDiagnosticString(t *testing.T) {
	tests := []struct {
		name string
		d    diag.Diagnostic
		want string
	}{
		{
			"error with hint",
			diag.Diagnostic{Pos: diag.At("content/guides/bygglov.md", 2, 1), Msg: `unknown key "sumary"`, Hint: `did you mean "summary"?`},
			`content/guides/bygglov.md:2:1: unknown key "sumary"; did you mean "summary"?`,
		},
		{
			"error without hint",
			diag.Diagnostic{Pos: diag.At("content/guides/bygglov.md", 1, 1), Msg: "missing front matter"},
			"content/guides/bygglov.md:1:1: missing front matter",
		},
		{
			"warning with hint",
			diag.Diagnostic{Pos: diag.At("a.md", 9, 4), Severity: diag.Warning, Msg: "HTML in Markdown is left out", Hint: "write it in Markdown"},
			"a.md:9:4: warning: HTML in Markdown is left out; write it in Markdown",
		},
		{
			"warning without hint",
			diag.Diagnostic{Pos: diag.At("a.md", 9, 4), Severity: diag.Warning, Msg: "empty section"},
			"a.md:9:4: warning: empty section",
		},
		{
			"in a GeoJSON feature",
			diag.Diagnostic{Pos: diag.InFeature("geodata/points.geojson", 2, 40, 7), Msg: `unknown property "nmae"`, Hint: `did you mean "name"?`},
			`geodata/points.geojson:40:7: features[2]: unknown property "nmae"; did you mean "name"?`,
		},
		{
			"warning in a feature without line",
			diag.Diagnostic{Pos: diag.InFeature("geodata/points.geojson", 0, 0, 0), Severity: diag.Warning, Msg: "no name"},
			"geodata/points.geojson: features[0]: warning: no name",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.String(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSeverityString(t *testing.T) {
	if got := diag.Error.String(); got != "error" {
		t.Errorf("Error.String() = %q", got)
	}
	if got := diag.Warning.String(); got != "warning" {
		t.Errorf("Warning.String() = %q", got)
	}
}

// lines formats the list as the CLI prints it.
func lines(l *diag.List) string {
	var b strings.Builder
	for _, d := range l.Items() {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func TestListDedupeAndOrder(t *testing.T) {
	var l diag.List
	l.Warnf(diag.At("b.md", 2, 1), "", "late warning")
	l.Errorf(diag.At("b.md", 2, 1), "", "same place, error first")
	l.Errorf(diag.At("a.md", 10, 1), "", "line 10 after line 9")
	l.Errorf(diag.At("a.md", 9, 5), "", "column 5")
	l.Errorf(diag.At("a.md", 9, 2), "", "column 2")
	l.Errorf(diag.At("a.md", 9, 2), "", "a message sorts by text")
	l.Errorf(diag.InFeature("c.geojson", 1, 3, 1), "", "second feature")
	l.Errorf(diag.InFeature("c.geojson", 0, 50, 1), "", "first feature, later line")
	l.Errorf(diag.Pos{File: "c.geojson", Line: 1, Col: 1}, "", "no feature sorts first")
	// The same broken link of a guide shared by seven municipalities.
	for range 7 {
		l.Errorf(diag.At("a.md", 9, 2), "did you mean x.md?", "link to %q: there is no such content file", "y.md")
	}
	// Same place and text, but another hint or severity is kept (and
	// sorted by hint, so that the order never depends on the order added).
	l.Errorf(diag.At("a.md", 9, 2), "another hint", "link to %q: there is no such content file", "y.md")
	l.Warnf(diag.At("a.md", 9, 2), "did you mean x.md?", "link to %q: there is no such content file", "y.md")

	want := `a.md:9:2: a message sorts by text
a.md:9:2: column 2
a.md:9:2: link to "y.md": there is no such content file; another hint
a.md:9:2: link to "y.md": there is no such content file; did you mean x.md?
a.md:9:2: warning: link to "y.md": there is no such content file; did you mean x.md?
a.md:9:5: column 5
a.md:10:1: line 10 after line 9
b.md:2:1: same place, error first
b.md:2:1: warning: late warning
c.geojson:1:1: no feature sorts first
c.geojson:50:1: features[0]: first feature, later line
c.geojson:3:1: features[1]: second feature
`
	if got := lines(&l); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := l.Len(); got != 12 {
		t.Errorf("Len() = %d, want 12", got)
	}
}

func TestListItemsIsACopy(t *testing.T) {
	var l diag.List
	l.Errorf(diag.At("a.md", 1, 1), "", "x")
	items := l.Items()
	items[0].Msg = "changed"
	if got := l.Items()[0].Msg; got != "x" {
		t.Errorf("Items() shares its array with the list: %q", got)
	}
}

func TestListCountPromote(t *testing.T) {
	tests := []struct {
		name                string
		errors, warnings    int
		wantErrs, wantWarns int
		wantHasErrors       bool
		promotedHasErrors   bool
		promotedErrs        int
	}{
		{"empty", 0, 0, 0, 0, false, false, 0},
		{"only warnings", 0, 3, 0, 3, false, true, 3},
		{"only errors", 2, 0, 2, 0, true, true, 2},
		{"both", 2, 3, 2, 3, true, true, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			for i := range tt.errors {
				l.Errorf(diag.At("a.md", i+1, 1), "", "error %d", i)
			}
			for i := range tt.warnings {
				l.Warnf(diag.At("b.md", i+1, 1), "", "w%d", i)
			}
			if e, w := l.Count(); e != tt.wantErrs || w != tt.wantWarns {
				t.Errorf("Count() = %d, %d, want %d, %d", e, w, tt.wantErrs, tt.wantWarns)
			}
			if got := l.HasErrors(); got != tt.wantHasErrors {
				t.Errorf("HasErrors() = %v, want %v", got, tt.wantHasErrors)
			}
			l.Promote()
			if e, w := l.Count(); e != tt.promotedErrs || w != 0 {
				t.Errorf("after Promote, Count() = %d, %d, want %d, 0", e, w, tt.promotedErrs)
			}
			if got := l.HasErrors(); got != tt.promotedHasErrors {
				t.Errorf("after Promote, HasErrors() = %v, want %v", got, tt.promotedHasErrors)
			}
			for _, d := range l.Items() {
				if d.Severity != diag.Error || strings.Contains(d.String(), ": warning: ") {
					t.Errorf("after Promote, %q is still a warning", d)
				}
			}
		})
	}
}

// After Promote, the promoted warnings are the errors that dedupe compares
// against: adding the same diagnostic again as an error or as a warning
// must not grow the list beyond what was there plus the new warning.
func TestPromoteKeepsDedupe(t *testing.T) {
	var l diag.List
	l.Warnf(diag.At("a.md", 1, 1), "", "w")
	l.Errorf(diag.At("a.md", 2, 1), "", "e")
	l.Promote()
	l.Errorf(diag.At("a.md", 1, 1), "", "w") // now identical to the promoted warning
	l.Errorf(diag.At("a.md", 2, 1), "", "e")
	if got := l.Len(); got != 2 {
		t.Errorf("Len() = %d after adding promoted duplicates, want 2:\n%s", got, lines(&l))
	}
	l.Warnf(diag.At("a.md", 1, 1), "", "w") // a warning added after Promote stays a warning
	if e, w := l.Count(); e != 2 || w != 1 {
		t.Errorf("Count() = %d, %d, want 2, 1", e, w)
	}
}

func TestListMerge(t *testing.T) {
	var a, b diag.List
	a.Errorf(diag.At("a.md", 1, 1), "", "shared")
	b.Errorf(diag.At("a.md", 1, 1), "", "shared")
	b.Warnf(diag.At("b.md", 1, 1), "", "only in b")
	a.Merge(&b)
	want := "a.md:1:1: shared\nb.md:1:1: warning: only in b\n"
	if got := lines(&a); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestZeroListIsEmpty(t *testing.T) {
	var l diag.List
	if l.Len() != 0 || l.HasErrors() || len(l.Items()) != 0 {
		t.Error("the zero List is not empty")
	}
	l.Promote() // must not panic on the zero value
}

func TestListConcurrentAdd(t *testing.T) {
	var l diag.List
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				// Every worker adds the same 100 diagnostics and 10 of its own.
				l.Errorf(diag.At("a.md", i+1, 1), "", "shared %d", i)
				if i%10 == 0 {
					l.Warnf(diag.At(fmt.Sprintf("w%d.md", w), i+1, 1), "", "own")
				}
			}
		}()
	}
	wg.Wait()
	if got := l.Len(); got != 100+8*10 {
		t.Errorf("Len() = %d, want %d", got, 100+8*10)
	}
	if e, w := l.Count(); e != 100 || w != 80 {
		t.Errorf("Count() = %d, %d, want 100, 80", e, w)
	}
}
