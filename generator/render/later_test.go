package render

import (
	"context"
	"testing"

	"github.com/esamverkan/guidemap/generator/assemble"
	"github.com/esamverkan/guidemap/generator/bodies"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/themes"
)

// TestLaterViews: a page whose View is made when it is rendered is listed
// with what its View will say: its URL, and whether the sitemap lists it
// (its canonical URL is its own and it is not NoIndex).
func TestLaterViews(t *testing.T) {
	ctx := context.Background()
	l := &diag.List{}
	in := load.Site(ctx, golden.Txtar(t, "testdata/fixture-site.txtar"), "", 0, nil, l)
	site := assemble.Site(in, l)
	set := bodies.Render(ctx, site, in.Content, bodies.Options{BasePath: in.BasePath, Minify: MinifyHTML})
	rd, err := New(ctx, site, Options{Theme: themes.Default, BasePath: in.BasePath, Bodies: set})
	if err != nil {
		t.Fatal(err)
	}
	later := 0
	for _, p := range rd.pages {
		if p.view == nil {
			later++
		}
		v := rd.r.withView(p).view
		if v.URL != p.url() || outPath(v.URL) != p.path && p.path != "404.html" {
			t.Errorf("%s: the View's URL is %s, the page's %s", p.path, v.URL, p.url())
		}
		if want := v.Canonical == v.URL && !v.NoIndex; p.sitemap != want {
			t.Errorf("%s: sitemap is %v, its View says %v", p.path, p.sitemap, want)
		}
	}
	if later == 0 {
		t.Error("no page's View is made when it is rendered")
	}
}
