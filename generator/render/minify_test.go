package render_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"sync"
	"testing"

	"github.com/esamverkan/guidemap/generator/assemble"
	"github.com/esamverkan/guidemap/generator/bodies"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/i18n"
	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/output"
	"github.com/esamverkan/guidemap/generator/render"
	"github.com/esamverkan/guidemap/themes"
)

// TestMinifiedPartsMakeMinifiedPages: a page made of minified layouts,
// maps and bodies is what minifying the whole page made, as the minifier
// sees it: minifying it again gives the page that the layouts as written,
// minified whole, give. It checks every HTML page of the example site and
// of the fixture site.
func TestMinifiedPartsMakeMinifiedPages(t *testing.T) {
	sites := map[string]fs.FS{
		"example": os.DirFS(golden.ModuleRoot(t)),
		"fixture": golden.Txtar(t, "testdata/fixture-site.txtar"),
	}
	m := render.Minifier()
	for name, fsys := range sites {
		t.Run(name, func(t *testing.T) {
			parts := renderSite(t, fsys, nil)
			whole := renderSite(t, fsys, render.MinifyWhole)
			n, sizeParts, sizeWhole := 0, 0, 0
			for p, page := range parts {
				if path.Ext(p) != ".html" {
					if !bytes.Equal(page, whole[p]) {
						t.Errorf("%s differs", p)
					}
					continue
				}
				n++
				sizeParts, sizeWhole = sizeParts+len(page), sizeWhole+len(whole[p])
				again, err := m.Bytes("text/html", page)
				if err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				if !bytes.Equal(again, whole[p]) {
					i := 0
					for i < len(again) && i < len(whole[p]) && again[i] == whole[p][i] {
						i++
					}
					t.Errorf("%s: minifying the page again changes it at byte %d:\nwhole: %q\nparts: %q", p, i,
						whole[p][max(0, i-60):min(len(whole[p]), i+60)], again[max(0, i-60):min(len(again), i+60)])
				}
			}
			if n < 20 {
				t.Errorf("only %d pages", n)
			}
			// The pages are minified already: what minifying them again
			// takes away is next to nothing.
			t.Logf("%d pages: %d bytes, %d minified whole", n, sizeParts, sizeWhole)
			if float64(sizeParts) > 1.01*float64(sizeWhole) {
				t.Errorf("the pages are %d bytes, %d minified whole", sizeParts, sizeWhole)
			}
		})
	}
}

// TestSharedChromeIsThePagesOwn: the header and footer rendered once for
// each kind of page (Options.SharedChrome) are what each page renders of
// them itself, on every page of the example and fixture sites.
func TestSharedChromeIsThePagesOwn(t *testing.T) {
	eachSiteRenderedBothWays(t, render.OwnChrome, "the shared header and footer", nil)
}

// TestReusedPartsAreThePagesOwn: the partials rendered once for each key
// (the template function "reuse", as for the lists of a place's page)
// are what each page renders of them itself, on every page of the
// example and fixture sites.
func TestReusedPartsAreThePagesOwn(t *testing.T) {
	eachSiteRenderedBothWays(t, render.NoReuse, "the reused parts", func(t *testing.T, site string, own map[string][]byte) {
		places := 0
		for _, data := range own {
			if bytes.Contains(data, []byte(`id="gm-point-guides"`)) {
				places++
			}
		}
		if site == "example" && places < 10 {
			t.Errorf("only %d place pages list guides: the reused part is not tested", places)
		}
	})
}

// eachSiteRenderedBothWays renders the example and fixture sites as a
// build does and with own applied to the Renderer (each page rendering
// what a build shares), and reports every file that differs (what: what
// is shared); then, when not nil, it runs also on the pages rendered
// with own.
func eachSiteRenderedBothWays(t *testing.T, own func(*render.Renderer), what string, also func(t *testing.T, site string, own map[string][]byte)) {
	for name, fsys := range map[string]fs.FS{
		"example": os.DirFS(golden.ModuleRoot(t)),
		"fixture": golden.Txtar(t, "testdata/fixture-site.txtar"),
	} {
		t.Run(name, func(t *testing.T) {
			shared := renderSite(t, fsys, nil)
			theirs := renderSite(t, fsys, own)
			if len(shared) != len(theirs) || len(theirs) < 20 {
				t.Fatalf("%d files with %s, %d without", len(shared), what, len(theirs))
			}
			for p, data := range theirs {
				if !bytes.Equal(data, shared[p]) {
					t.Errorf("%s differs with %s", p, what)
				}
			}
			if also != nil {
				also(t, name, theirs)
			}
		})
	}
}

// renderSite renders the site in fsys with the default theme as a build
// does, with before (when not nil) applied to the Renderer first.
func renderSite(t *testing.T, fsys fs.FS, before func(*render.Renderer)) map[string][]byte {
	t.Helper()
	ctx := context.Background()
	l := &diag.List{}
	in := load.Site(ctx, fsys, "", 0, nil, l)
	site := assemble.Site(in, l)
	set := bodies.Render(ctx, site, in.Content, bodies.Options{BasePath: in.BasePath, Minify: render.MinifyHTML})
	rd, err := render.New(ctx, site, render.Options{Theme: themes.Default, Strings: i18n.Load(themes.Default, "themes/default", in.Config.Languages, l),
		BasePath: in.BasePath, Bodies: set, SharedChrome: true})
	if err != nil {
		t.Fatal(err)
	}
	if before != nil {
		before(rd)
	}
	out := map[string][]byte{}
	var mu sync.Mutex
	err = rd.Render(ctx, l, func(f output.File) error {
		mu.Lock()
		defer mu.Unlock()
		out[f.Path] = f.Data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
