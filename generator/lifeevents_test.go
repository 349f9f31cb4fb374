package generator

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/esamverkan/guidemap/generator/internal/golden"
)

// lifeFixture is the small site of the render stage's page kinds, which
// declares the life events Flytta, Fritid and Starta företag.
const lifeFixture = "render/testdata/fixture-site.txtar"

// TestLifeEventNames: guides, local guides, adaptations, e-services and
// their adaptations name life events by slug or by name in any case;
// a name site.toml does not declare is an error at the item, with the
// life event meant or the way to declare it, exactly as the author reads it.
func TestLifeEventNames(t *testing.T) {
	tests := []struct {
		name  string
		edit  map[string][2]string // file → the text replaced and its replacement
		diags []string             // every diagnostic, as the CLI prints it
		links map[string][]string  // page → life event pages it must link to
	}{
		{"slugs and names in any case, named twice",
			map[string][2]string{
				"content/guides/sophamtning.md":         {"life_events: [Flytta]", "life_events: [moving, flytta, FLYTTA]"},
				"content/eservices/ansokan-batplats.md": {"life_events: [Flytta, Leisure time]", "life_events: [fritid]"},
			}, nil,
			map[string][]string{
				"guider/sophamtning/index.html":         {"/livshandelser/flytta/"},
				"timra/guider/sophamtning/index.html":   {"/timra/livshandelser/flytta/", "/timra/livshandelser/starta-foretag/"},
				"livshandelser/fritid/index.html":       {"/e-tjanster/ansokan-batplats/", "/harnosand/guider/kulturskolan/"},
				"timra/livshandelser/fritid/index.html": {"/timra/e-tjanster/ansokan-batplats/"},
			}},
		{"misspelt in a shared guide",
			map[string][2]string{"content/guides/sophamtning.md": {"life_events: [Flytta]", "life_events: [Flyta]"}},
			[]string{`content/guides/sophamtning.md:6:15: unknown life event "Flyta"; did you mean "Flytta"?`}, nil},
		{"misspelt in a local guide",
			map[string][2]string{"content/municipalities/harnosand/guides/kulturskolan.md": {"life_events: [Fritid]", "life_events: [Fridtid]"}},
			[]string{`content/municipalities/harnosand/guides/kulturskolan.md:6:15: unknown life event "Fridtid"; did you mean "Fritid"?`}, nil},
		{"misspelt in an adaptation",
			map[string][2]string{"content/municipalities/timra/guides/sophamtning.md": {"starta-foretag]", "starta-foretg]"}},
			[]string{`content/municipalities/timra/guides/sophamtning.md:4:23: unknown life event "starta-foretg"; did you mean "starta-foretag"?`}, nil},
		{"not declared, in an e-service",
			map[string][2]string{"content/eservices/ansokan-batplats.md": {"life_events: [Flytta, Leisure time]", "life_events: [Flytta, Skilsmässa]"}},
			[]string{`content/eservices/ansokan-batplats.md:11:23: unknown life event "Skilsmässa"; the site's life events are Flytta, Fritid, Starta företag; or declare it in content/site.toml: [[life_events]] with slug = "…" and sv = "Skilsmässa"`}, nil},
		{"misspelt in an e-service's adaptation",
			map[string][2]string{"content/municipalities/timra/eservices/ansokan-batplats.md": {"---\n", "---\nlife_events: [Fritd]\n"}},
			[]string{`content/municipalities/timra/eservices/ansokan-batplats.md:2:15: unknown life event "Fritd"; did you mean "Fritid"?`}, nil},
		{"an e-service's adaptation changes its life events",
			map[string][2]string{"content/municipalities/timra/eservices/ansokan-batplats.md": {"---\n", "---\nlife_events: [Fritid]\n"}},
			nil,
			map[string][]string{
				"timra/livshandelser/fritid/index.html":     {"/timra/e-tjanster/ansokan-batplats/"},
				"harnosand/livshandelser/flytta/index.html": {"/harnosand/e-tjanster/ansokan-batplats/"},
			}},
		{"a site that declares none",
			map[string][2]string{"content/site.toml": {"[[life_events]]", "[[no_life_events]]"}},
			nil, nil}, // filled in below: every name is an error
	}
	declare := func(file, pos, name string) string {
		return file + ":" + pos + `: unknown life event "` + name + `"; declare it in content/site.toml: [[life_events]] with slug = "…" and sv = "` + name + `"`
	}
	tests[len(tests)-1].diags = []string{
		declare("content/eservices/ansokan-batplats.md", "11:15", "Flytta"),
		declare("content/eservices/ansokan-batplats.md", "11:23", "Leisure time"),
		declare("content/guides/sophamtning.md", "6:15", "Flytta"),
		declare("content/municipalities/harnosand/guides/kulturskolan.md", "6:15", "Fritid"),
		declare("content/municipalities/timra/guides/sophamtning.md", "4:15", "Flytta"),
		declare("content/municipalities/timra/guides/sophamtning.md", "4:23", "starta-foretag"),
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := golden.Txtar(t, lifeFixture)
			for file, e := range tt.edit {
				edit(t, fsys, file, e[0], e[1])
			}
			res, err := Collect(context.Background(), Config{FS: fsys})
			var got []string
			for _, d := range res.Diags.Items() {
				if !strings.Contains(d.Msg, "no_life_events") { // the key the last case renames
					got = append(got, d.String())
				}
			}
			if !reflect.DeepEqual(got, tt.diags) {
				t.Errorf("diagnostics:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.diags, "\n     "))
			}
			if tt.diags != nil {
				if err == nil {
					t.Error("the build did not fail")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			pages := map[string]string{}
			for _, f := range res.Output {
				pages[f.Path] = string(f.Data)
			}
			for page, links := range tt.links {
				for _, l := range links {
					if !strings.Contains(pages[page], `href="`+l+`"`) {
						t.Errorf("%s does not link to %s", page, l)
					}
				}
			}
		})
	}
}

// edit replaces old by new, everywhere in a file of fsys, failing the
// test when the file does not have old.
func edit(t *testing.T, fsys fstest.MapFS, file, old, new string) {
	t.Helper()
	f := fsys[file]
	if f == nil || !strings.Contains(string(f.Data), old) {
		t.Fatalf("%s has no %q", file, old)
	}
	f.Data = []byte(strings.ReplaceAll(string(f.Data), old, new))
}
