// Package hostile is the hostile-input suite of issue #16: a small site
// (testdata/site.txtar) and a table of cases, each a change that a careless
// or malicious contributor could make to one input (Markdown, a
// front-matter field, site.toml, a municipality, a GeoJSON property, a
// base layer, a file or folder name) with its expected outcome: a clear
// error naming the file and position, or a safe site on which the hostile
// text is text. generator/hostile_test.go builds the cases and checks the
// output's bytes; browsertest's TestHostileSite checks the combined site in
// Chromium. Both use the checks of this package (Scan, FindingsJS), so
// that what counts as "markup from the input" is said once.
package hostile

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/esamverkan/guidemap/generator/internal/golden"
)

// The payloads. Each that could run sets window.__pwned (or calls alert),
// which the browser test watches.
const (
	Form    = `<form><input name=pwn></form>`
	Img     = `"><img src=x onerror=window.__pwned=1>`
	Script  = `</script><script>window.__pwned=1</script>`
	SVG     = `<svg onload=window.__pwned=1>`
	Tmpl    = `{{ .Site }}`
	JSQuote = `';alert(1);//`
	Comment = `<!--`
	CDATA   = `]]>`
	Formula = `=HYPERLINK("https://x.example/","y")`
	RLO     = "\u202e"
	JSURL   = `javascript:alert(1)`
	// Mixed is every markup payload in one string, for free-text fields.
	Mixed = Form + Img + Script + SVG + Tmpl + JSQuote + Comment + CDATA
)

// Edit changes one file of the site: Old (which must be there) becomes
// New; an empty Old appends New. An empty File with Rename renames.
type Edit struct {
	File, Old, New string
}

// Case is one hostile input and its expected outcome.
type Case struct {
	Name  string
	Kind  string // the kind of input: markdown, guide, e-service, page, municipality, site.toml, point, boundary, base layer, file name
	Edits []Edit
	// Rename moves a file of the site (from, to), for file and folder
	// names.
	Rename [2]string
	// Setup, when not nil, changes the site folder dir on disk (links,
	// FIFOs); outside is a folder beside the site with a sentinel file.
	Setup func(dir, outside string) error

	// Err is the start of the expected error ("file:line:col: message"):
	// the build fails with it. Empty: the site builds.
	Err string
	// Warn is a warning the build must report (for a safe site).
	Warn string
	// Text must appear as text (a text node or an attribute's value) on
	// some page of the built site.
	Text string
}

// Sentinel is the text of the file outside the site folder, which no output
// may contain.
const Sentinel = "SENTINEL-outside-the-site-7f3a"

// Fixture is the site before any case's edits, as paths and contents.
func Fixture(t testing.TB) fstest.MapFS {
	t.Helper()
	return golden.Txtar(t, golden.RepoFile(t, "generator/internal/hostile/testdata/site.txtar"))
}

// Write writes the fixture with the cases' edits into dir (which exists),
// and a sentinel file into outside. It fails the test on an edit that does
// not apply (the fixture changed under the table).
func Write(t testing.TB, dir, outside string, cases ...Case) {
	t.Helper()
	fsys := Fixture(t)
	files := map[string]string{}
	for _, p := range slices.Sorted(maps.Keys(fsys)) {
		files[p] = string(fsys[p].Data)
	}
	for _, c := range cases {
		for _, e := range c.Edits {
			s, ok := files[e.File]
			switch {
			case e.Old == "":
				files[e.File] = s + e.New
			case !ok || strings.Count(s, e.Old) != 1:
				t.Fatalf("case %q: %q is not once in %s", c.Name, e.Old, e.File)
			default:
				files[e.File] = strings.Replace(s, e.Old, e.New, 1)
			}
		}
		if from, to := c.Rename[0], c.Rename[1]; from != "" {
			s, ok := files[from]
			if !ok {
				t.Fatalf("case %q: no file %s to rename", c.Name, from)
			}
			delete(files, from)
			files[to] = s
		}
	}
	for p, s := range files {
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte("---\ntitle: "+Sentinel+"\n---\n\n"+Sentinel+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.Setup != nil {
			if err := c.Setup(dir, outside); err != nil {
				t.Fatalf("case %q: %v", c.Name, err)
			}
		}
	}
}

// Q quotes s as a JSON string, which is also a YAML and a TOML string.
func Q(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// Pages are the HTML pages of the output folder out, as URL paths.
func Pages(out string) ([]string, error) {
	var pages []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && path.Ext(p) == ".html" {
			rel, _ := filepath.Rel(out, p)
			rel = filepath.ToSlash(rel)
			pages = append(pages, "/"+strings.TrimSuffix(rel, "index.html"))
		}
		return nil
	})
	return pages, err
}

// String names a case in messages.
func (c Case) String() string { return fmt.Sprintf("%s (%s)", c.Name, c.Kind) }
