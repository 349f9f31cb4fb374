package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBaseLayers builds a small site with a lake in geodata/base/: the
// municipality's map draws it as water, and a point layer in base/ is
// warned about and left out.
func TestBaseLayers(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/site.toml", `title = "Sjöby"
[[point_categories]]
slug = "bibliotek"
sv = "Bibliotek"
`)
	write("content/municipalities/sjoby.md", "---\nname: Sjöby kommun\ncode: \"9999\"\n---\nSjöby ligger vid en sjö.\n")
	write("geodata/municipalities.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"9999","name":"Sjöby"},"geometry":{"type":"Polygon","coordinates":[[[16,62],[17,62],[17,63],[16,63],[16,62]]]}}]}`)
	write("geodata/base/sjoar.geojson", `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"Stora sjön"},"geometry":{"type":"Polygon","coordinates":[[[16.2,62.2],[16.6,62.2],[16.6,62.6],[16.2,62.6],[16.2,62.2]]]}},
{"type":"Feature","properties":{"name":"En punkt"},"geometry":{"type":"Point","coordinates":[16.5,62.5]}}]}`)
	write("geodata/platser/bibliotek.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Sjöby bibliotek"},"geometry":{"type":"Point","coordinates":[16.8,62.8]}}]}`)

	res, err := Collect(context.Background(), Config{Src: dir})
	var diags []string
	for _, d := range res.Diags.Items() {
		diags = append(diags, d.String())
	}
	if err != nil {
		t.Fatalf("%v:\n%s", err, strings.Join(diags, "\n"))
	}
	want := "geodata/base/sjoar.geojson:3:71: features[1]: warning: a Point in a water layer is left out; base layers hold lines and polygons; service points go in other files under geodata/"
	if !strings.Contains(strings.Join(diags, "\n"), want) {
		t.Errorf("diagnostics:\n%s\nwant %s", strings.Join(diags, "\n"), want)
	}
	var page string
	for _, f := range res.Output {
		if f.Path == "sjoby/karta/index.html" {
			page = string(f.Data)
		}
	}
	if page == "" {
		t.Fatal("no map page for Sjöby")
	}
	if !strings.Contains(page, `<path fill="#`) || strings.Count(page, "<path") < 3 {
		t.Errorf("the map has no water layer:\n%s", page)
	}
}
