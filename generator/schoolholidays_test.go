package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSchoolHolidays builds a small site whose youth centre opens earlier
// on school holidays (SH): the page names the week of the municipality's
// höstlov with those hours, a neighbouring municipality without a
// höstlov that week keeps its regular hours, a point that says SH where
// the site lists no school holidays is warned about (once per file and
// municipality), and a school holiday that names an unknown
// municipality is an error at its line in site.toml.
func TestSchoolHolidays(t *testing.T) {
	site := func(t *testing.T, holidays string) string {
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
		write("content/site.toml", "title = \"Lovby\"\n[[point_categories]]\nslug = \"fritidsgard\"\nsv = \"Fritidsgårdar\"\n"+holidays)
		write("content/municipalities/lovby.md", "---\nname: Lovby kommun\ncode: \"9998\"\n---\nLovby.\n")
		write("content/municipalities/grannby.md", "---\nname: Grannby kommun\ncode: \"9999\"\n---\nGrannby.\n")
		write("geodata/municipalities.geojson", `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"code":"9998","name":"Lovby"},"geometry":{"type":"Polygon","coordinates":[[[16,62],[17,62],[17,63],[16,63],[16,62]]]}},
{"type":"Feature","properties":{"code":"9999","name":"Grannby"},"geometry":{"type":"Polygon","coordinates":[[[17,62],[18,62],[18,63],[17,63],[17,62]]]}}]}`)
		hours := `"opening_hours":"Mo-Fr 15:00-21:00; SH Mo-Fr 12:00-21:00"`
		write("geodata/platser/fritidsgard.geojson", `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"Lovby fritidsgård",`+hours+`},"geometry":{"type":"Point","coordinates":[16.5,62.5]}},
{"type":"Feature","properties":{"name":"Grannby fritidsgård",`+hours+`},"geometry":{"type":"Point","coordinates":[17.5,62.5]}},
{"type":"Feature","properties":{"name":"Grannby ungdomsgård",`+hours+`},"geometry":{"type":"Point","coordinates":[17.6,62.6]}}]}`)
		return dir
	}
	today := time.Date(2026, 10, 21, 12, 0, 0, 0, time.UTC)
	build := func(t *testing.T, dir string) (map[string]string, []string, error) {
		res, err := Collect(context.Background(), Config{Src: dir, Today: today})
		var diags []string
		for _, d := range res.Diags.Items() {
			diags = append(diags, d.String())
		}
		pages := map[string]string{}
		for _, f := range res.Output {
			pages[f.Path] = string(f.Data)
		}
		return pages, diags, err
	}

	t.Run("listed for one municipality", func(t *testing.T) {
		pages, diags, err := build(t, site(t, "[[school_holidays]]\nname = \"höstlov\"\nfrom = \"2026-10-26\"\nto = \"2026-10-30\"\nmunicipalities = [\"lovby\"]\n"))
		if err != nil {
			t.Fatalf("%v:\n%s", err, strings.Join(diags, "\n"))
		}
		lovby := pages["lovby/platser/lovby-fritidsgard/index.html"]
		if want := "Höstlov, vecka 44 (26 oktober–1 november): måndag–fredag 12.00–21.00"; !strings.Contains(lovby, want) {
			t.Errorf("Lovby's page does not say %q:\n%s", want, hoursOf(lovby))
		}
		grannby := pages["grannby/platser/grannby-fritidsgard/index.html"]
		if strings.Contains(grannby, "12.00–21.00") {
			t.Errorf("Grannby's page has Lovby's höstlov:\n%s", hoursOf(grannby))
		}
		want := `geodata/platser/fritidsgard.geojson:3:1: features[1]: warning: "Grannby fritidsgård": opening_hours says SH (school holidays), but site.toml lists no school holidays for grannby, so its page shows the hours as if there were none`
		var warned []string
		for _, d := range diags {
			if strings.Contains(d, "SH (school holidays)") {
				warned = append(warned, d)
			}
		}
		if len(warned) != 1 || !strings.HasPrefix(warned[0], want) {
			t.Errorf("warnings:\n%s\nwant one: %s", strings.Join(warned, "\n"), want)
		}
	})
	t.Run("an unknown municipality", func(t *testing.T) {
		_, diags, err := build(t, site(t, "\n[[school_holidays]]\nname = \"höstlov\"\nfrom = \"2026-10-26\"\nto = \"2026-10-30\"\nmunicipalities = [\"lovbi\"]\n"))
		want := `content/site.toml:7:1: school holiday "höstlov" names municipality "lovbi", which the site does not have; did you mean "lovby"?`
		if err == nil || !strings.Contains(strings.Join(diags, "\n"), want) {
			t.Errorf("err %v, diagnostics:\n%s\nwant %s", err, strings.Join(diags, "\n"), want)
		}
	})
}

// hoursOf is a page's opening hours, for messages.
func hoursOf(page string) string {
	if i := strings.Index(page, `class="hours"`); i >= 0 {
		return page[i:min(len(page), i+3000)]
	}
	return page
}
