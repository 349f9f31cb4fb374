package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/golden"
)

// TestLint renders every testdata/lint/*.md and compares its warnings, with
// their exact text, and the HTML of its tables with <name>.golden, and the
// warnings in Swedish with <name>.sv.golden. Every lint rule has a case
// there; clean.md has none.
func TestLint(t *testing.T) {
	files, _ := filepath.Glob("testdata/lint/*.md")
	if len(files) < 9 {
		t.Fatalf("%d lint cases, want one per rule", len(files))
	}
	r := New(Options{})
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var l diag.List
			p := "content/guides/" + name + ".md"
			// A case named easy-* is an easy-to-read text (lättläst).
			easy := strings.HasPrefix(name, "easy-")
			res := r.Render(Sections(p, src, 1), Env{BasePath: "/", Easy: easy}, &l)
			var b strings.Builder
			for _, d := range l.Items() {
				b.WriteString(d.String() + "\n")
			}
			if name == "clean" && b.Len() > 0 {
				t.Errorf("clean text has warnings:\n%s", b.String())
			}
			if name == "table" || easy {
				b.WriteString("== html\n" + res.HTML)
			}
			golden.Compare(t, "testdata/lint/"+name+".golden", []byte(b.String()))
			// The warnings as the authors read them, in Swedish.
			var sv strings.Builder
			for _, d := range l.Items() {
				sv.WriteString(d.In(diag.Swedish).StringIn(diag.Swedish) + "\n")
			}
			if sv.Len() > 0 {
				golden.Compare(t, "testdata/lint/"+name+".sv.golden", []byte(sv.String()))
			}
		})
	}
}
