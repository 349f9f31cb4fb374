package generator

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestBuildReusesPagesAsACleanBuild: guidemap build into the same output
// folder again and again takes the pages whose fingerprints a recent
// build kept (from the output folder or the spare) instead of rendering
// them, and writes exactly what a clean build writes, after edits of
// every kind: text, front matter, site settings, a theme of its own, a
// guide gone.
func TestBuildReusesPagesAsACleanBuild(t *testing.T) {
	dir := copyExample(t)
	replace := func(p, old, new string) {
		if !replaceIn(t, p, old, new) {
			t.Fatalf("%s does not hold %q", p, old)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	guide := filepath.Join(dir, "content/guides/skolskjuts.md")
	steps := []struct {
		name string
		edit func()
		// most is the most pages the build may render (-1: any number);
		// least, the least it must.
		least, most int
		noCache     bool
	}{
		{name: "first build", least: 681, most: -1},
		{name: "unchanged: pages linked from the output folder", most: 0},
		{name: "unchanged again: the spare holds every page", most: 0},
		{name: "--no-cache: every page rendered", least: 681, most: -1, noCache: true},
		{name: "and then unchanged again", most: 0},
		{name: "a guide's text", edit: func() { appendFile(t, guide, "\nEn mening till.\n") }, least: 1, most: 20},
		{name: "the same guide's text again", edit: func() { appendFile(t, guide, "\nOch en till.\n") }, least: 1, most: 20},
		{name: "an adaptation's own text", edit: func() {
			appendFile(t, filepath.Join(dir, "content/municipalities/ange/guides/forskoleplats.md"), "\nI Ånge kan du också ringa förskolekontoret.\n")
		}, least: 1, most: 20},
		{name: "a local guide's text (in the search index too)", edit: func() {
			appendFile(t, filepath.Join(dir, "content/municipalities/harnosand/guides/kulturskolan.md"), "\nKulturskolan har öppet hus i maj.\n")
		}, least: 1, most: 20},
		{name: "a guide's title", edit: func() { replace(guide, "title: Skolskjuts", "title: Skolskjuts och resor") }, least: 1, most: -1},
		{name: "a service point's name: its pages and the open data", edit: func() {
			replace(filepath.Join(dir, "geodata/platser/atervinningscentral.geojson"), `"Blåsteds återvinningscentral"`, `"Blåsteds återvinningscentral och kretsloppspark"`)
		}, least: 1, most: 100},
		{name: "the site's name", edit: func() {
			replace(filepath.Join(dir, "content/site.toml"), `title = "eSamverkan Västernorrland"`, `title = "eSamverkan i Västernorrland"`)
		}, least: 681, most: -1},
		{name: "a guide gone", edit: func() { os.Remove(filepath.Join(dir, "content/guides/radon-i-bostaden.md")) }, least: 1, most: -1},
		{name: "a layout of the site's own: every page rendered", edit: func() {
			writeFile(t, filepath.Join(dir, "themes/default/partials/footer.html"), "{{/* empty */}}")
		}, least: 600, most: -1},
		{name: "the layout gone again: the spare holds the pages of before", edit: func() { os.RemoveAll(filepath.Join(dir, "themes")) }, most: 0},
	}
	for _, st := range steps {
		if st.edit != nil {
			st.edit()
		}
		res, err := Build(context.Background(), Config{Src: dir, Out: out, NoCache: st.noCache})
		if err != nil {
			for _, d := range res.Diags.Items() {
				t.Log(d)
			}
			t.Fatalf("%s: %v", st.name, err)
		}
		clean := filepath.Join(t.TempDir(), "public")
		if _, err := Build(context.Background(), Config{Src: dir, Out: clean}); err != nil {
			t.Fatalf("%s: clean build: %v", st.name, err)
		}
		got, n := treeHash(t, out)
		want, _ := treeHash(t, clean)
		if got != want {
			t.Fatalf("%s: the output differs from a clean build's", st.name)
		}
		if res.Rendered < st.least || st.most >= 0 && res.Rendered > st.most {
			t.Errorf("%s: rendered %d of %d pages, want %d to %d", st.name, res.Rendered, res.Pages, st.least, st.most)
		}
		t.Logf("%s: %d files, %d of %d pages rendered, %v", st.name, n, res.Rendered, res.Pages, res.Duration.Round(1e6))
	}
}
