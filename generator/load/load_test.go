package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/diag"
)

// TestClassify pins the site folder's layout: what a content file is,
// from where it stands.
func TestClassify(t *testing.T) {
	tests := []struct {
		path    string
		kind    Kind
		m, slug string
	}{
		{"content/guides/bygglov.md", Guide, "", "bygglov"},
		{"content/guides/bygglov.lattlast.md", EasyGuide, "", "bygglov"},
		{"content/eservices/anmalan-bygglov.md", EService, "", "anmalan-bygglov"},
		{"content/pages/om-oss.md", Page, "", "om-oss"},
		{"content/municipalities/ange.md", Municipality, "ange", "ange"},
		{"content/municipalities/timra/guides/bygglov.md", MunicipalityGuide, "timra", "bygglov"},
		{"content/municipalities/timra/eservices/felanmalan.md", EServiceAdaptation, "timra", "felanmalan"},
		{"content/guides/bygglov.txt", Unknown, "", ""},
		{"content/guides/extra/bygglov.md", Unknown, "", ""},
		{"content/municipalities/timra/sidor/om.md", Unknown, "", ""},
		{"guides/bygglov.md", Unknown, "", ""},
		{"content/site.toml", Unknown, "", ""},
	}
	for _, tt := range tests {
		kind, m, slug := Classify(tt.path)
		if kind != tt.kind || m != tt.m || slug != tt.slug {
			t.Errorf("Classify(%q) = %v, %q, %q; want %v, %q, %q", tt.path, kind, m, slug, tt.kind, tt.m, tt.slug)
		}
	}
}

// TestReadContent: files that cannot be pages are reported, each at its
// path, and the others are parsed by kind.
func TestReadContent(t *testing.T) {
	fsys := fstest.MapFS{
		"content/site.toml":                        {Data: []byte("title = \"T\"\n")},
		"content/guides/bygglov.md":                {Data: []byte("---\ntitle: Bygglov\n---\nText.\n")},
		"content/guides/Bygg Lov.md":               {Data: []byte("---\ntitle: X\n---\n")},
		"content/municipalities/Timrå/guides/a.md": {Data: []byte("---\ntitle: A\n---\n")},
		"content/anteckningar.md":                  {Data: []byte("Mina anteckningar.\n")},
		"content/.utkast/bygglov.md":               {Data: []byte("---\ntitle: Utkast\n---\n")},
		"content/pages/om-oss.md":                  {Data: []byte("---\ntitle: Om oss\n---\nVi är sju kommuner.\n")},
	}
	l := &diag.List{}
	c := ReadContent(fsys, 1, nil, l)
	var got []string
	for _, d := range l.Items() {
		got = append(got, d.String())
	}
	want := []string{
		`content/anteckningar.md: warning: file is not used: guidemap does not know what it is from where it stands; guides go in content/guides/, e-services in content/eservices/, pages in content/pages/, a municipality's own files in content/municipalities/<m>/guides/ or eservices/`,
		`content/guides/Bygg Lov.md:1:1: file name "Bygg Lov.md" cannot be a web address; rename the file with lower-case letters a–z, digits and hyphens, e.g. bygg-lov.md`,
		`content/municipalities/Timrå/guides/a.md:1:1: municipality folder "Timrå" cannot be a web address; rename the folder with lower-case letters a–z, digits and hyphens`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(c.Paths) != 2 || c.Guides["bygglov"] == nil || c.Pages["om-oss"] == nil {
		t.Errorf("read %v, want the guide and the page", c.Paths)
	}
	if f := c.ByPath["content/guides/bygglov.md"]; f == nil || f.Kind != Guide || f.GuideDoc == nil || f.GuideDoc.Meta.Title != "Bygglov" {
		t.Errorf("the guide's file: %+v", f)
	}
}

// TestParseCache: a file whose content is the same is taken from the
// cache; one whose content changed is parsed again.
func TestParseCache(t *testing.T) {
	c := &cache.Cache{}
	files := cache.Register(c, &cache.Table[string, *File]{})
	src := Source{Path: "content/guides/bygglov.md", Kind: Guide, Slug: "bygglov", Data: []byte("---\ntitle: Bygglov\n---\n")}
	c.Begin()
	a := Parse(src, files)
	b := Parse(src, files)
	if a != b {
		t.Error("the same content was parsed twice")
	}
	src.Data = []byte("---\ntitle: Bygglov och marklov\n---\n")
	if d := Parse(src, files); d == a || d.GuideDoc.Meta.Title != "Bygglov och marklov" {
		t.Error("changed content was taken from the cache")
	}
	if h, m := files.Stats(); h != 1 || m != 2 {
		t.Errorf("cache hits %d, misses %d; want 1, 2", h, m)
	}
}
