package bodies

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/model"
)

// fixture is a shared guide that links to a page's anchor, and the page.
func fixture(guide string) fstest.MapFS {
	return fstest.MapFS{
		"content/guides/bygglov.md": {Data: []byte("---\ntitle: Bygglov\n---\nLäs [om oss](../pages/om-oss.md#sa-arbetar-vi).\n\n" + guide)},
		"content/pages/om-oss.md":   {Data: []byte("---\ntitle: Om oss\n---\n## Så arbetar vi\n\nVi samarbetar.\n")},
	}
}

// site is the model that assembling fixture makes, by hand.
func site() *model.Site {
	return &model.Site{
		Guides: []*model.Guide{{Slug: "bygglov", Title: "Bygglov", Body: model.Body{Sources: []string{"content/guides/bygglov.md"}}}},
		Pages:  []*model.Page{{Slug: "om-oss", Title: "Om oss", Body: model.Body{Sources: []string{"content/pages/om-oss.md"}}}},
	}
}

// TestRenderCheckUpdate: every body is rendered and found by its address
// in the model, the links are checked against the pages that exist and
// their headings, and Update renders again only what an edit touched.
func TestRenderCheckUpdate(t *testing.T) {
	ctx := context.Background()
	s := site()
	content := load.ReadContent(fixture("## Så ansöker du\n\nAnsök i e-tjänsten.\n"), 1, nil, &diag.List{})
	set := Render(ctx, s, content, Options{Workers: 1})
	g := set.Get(&s.Guides[0].Body)
	if g == nil || !strings.Contains(g.HTML, `href="/om-oss/#sa-arbetar-vi"`) {
		t.Fatalf("the guide's HTML lacks the resolved link: %+v", g)
	}
	if toc := g.TOC(); len(toc) != 1 || toc[0].ID != "sa-ansoker-du" {
		t.Errorf("TOC = %+v, want the one ## heading", toc)
	}
	if got := set.Get(&model.Body{}); got != nil {
		t.Error("Get of a body that is not the site's returned a rendering")
	}
	set.Check([]string{"guider/bygglov/index.html", "om-oss/index.html"})
	if ds := set.Diags(); len(ds) != 0 {
		t.Fatalf("diagnostics of a good site: %v", ds)
	}

	// The page's heading changes: the guide's link to it is now broken,
	// though only the page was rendered again.
	edited := fixture("## Så ansöker du\n\nAnsök i e-tjänsten.\n")
	edited["content/pages/om-oss.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Om oss\n---\n## Så arbetade vi\n\nVi samarbetar.\n")}
	next := load.ReadContent(edited, 1, nil, &diag.List{})
	content.Replace([]*load.File{next.ByPath["content/pages/om-oss.md"]})
	changed, ok := set.Update(ctx, content, []string{"content/pages/om-oss.md"})
	if !ok || len(changed) != 1 || changed[0] != &s.Pages[0].Body {
		t.Fatalf("Update rendered %v again, want the page's body", changed)
	}
	ds := set.Diags()
	if len(ds) != 1 || !strings.Contains(ds[0].Msg, `the page has no heading with the ID "sa-arbetar-vi"`) || ds[0].Hint != `did you mean "sa-arbetade-vi"?` {
		t.Errorf("after the edit, diagnostics %v; want the broken anchor with a did-you-mean", ds)
	}
}

// TestRenderCancelled: a cancelled context stops the stage.
func TestRenderCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	content := load.ReadContent(fixture(""), 1, nil, &diag.List{})
	if set := Render(ctx, site(), content, Options{Workers: 1}); set != nil {
		t.Error("Render made a Set under a cancelled context")
	}
}
