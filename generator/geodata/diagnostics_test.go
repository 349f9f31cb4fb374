package geodata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/generator/model"
)

// testCategories are the category slugs of the test site.
var testCategories = []string{"bibliotek", "atervinning", "badplats", "simhall", "kontaktcenter"}

// siteCodes are the seven municipalities of the example site.
var siteCodes = map[string]string{
	"2260": "ange", "2262": "timra", "2280": "harnosand", "2281": "sundsvall",
	"2282": "kramfors", "2283": "solleftea", "2284": "ornskoldsvik",
}

// realBoundaries reads the boundaries of the example site.
func realBoundaries(t testing.TB) []model.Boundary {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "geodata", "municipalities.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	var l diag.List
	bs := LoadBoundaries("geodata/municipalities.geojson", src, &l)
	if l.Len() > 0 || len(bs) != 7 {
		t.Fatalf("%d boundaries, diagnostics:\n%s", len(bs), lines(&l))
	}
	return bs
}

// lines formats the diagnostics as the CLI prints them.
func lines(l *diag.List) string { return linesIn(l, diag.English) }

// linesIn formats the diagnostics as the CLI prints them in lang.
func linesIn(l *diag.List, lang string) string {
	var b strings.Builder
	for _, d := range l.Items() {
		b.WriteString(d.In(lang).StringIn(lang))
		b.WriteByte('\n')
	}
	return b.String()
}

// TestDiagnosticsGolden reads every fixture of testdata/bad (those in
// testdata/bad/base as base layers), places the
// points in the example site's municipalities (without Timrå, so that a
// point there lies in a boundary of no municipality of the site), and
// compares every diagnostic with testdata/diagnostics.golden, and in
// Swedish with testdata/diagnostics.sv.golden.
func TestDiagnosticsGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.geojson")
	if err != nil || len(files) == 0 {
		t.Fatal("no fixtures", err)
	}
	var l diag.List
	var points []model.Point
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		path := "geodata/" + filepath.Base(f)
		if filepath.Base(f) == "municipalities.geojson" {
			LoadBoundaries(path, src, &l)
			continue
		}
		points = append(points, LoadPoints(path, src, testCategories, &l)...)
	}
	bases, err := filepath.Glob("testdata/bad/base/*.geojson")
	if err != nil || len(bases) == 0 {
		t.Fatal("no base-layer fixtures", err)
	}
	for _, f := range bases {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		LoadBase("geodata/base/"+filepath.Base(f), src, &l)
	}
	codes := map[string]string{}
	for c, s := range siteCodes {
		if s != "timra" {
			codes[c] = s
		}
	}
	Place(points, realBoundaries(t), codes, &l)

	// A site without boundaries can place no point.
	var none diag.List
	Place([]model.Point{{Name: "Stadsbiblioteket", File: "geodata/bibliotek.geojson", Feature: 0}}, nil, siteCodes, &none)

	// English, the language of the code, and Swedish, the authors'.
	for lang, file := range map[string]string{diag.English: "testdata/diagnostics.golden", diag.Swedish: "testdata/diagnostics.sv.golden"} {
		golden.Compare(t, file, []byte(linesIn(&l, lang)+"\n# without boundaries\n"+linesIn(&none, lang)))
	}
}
