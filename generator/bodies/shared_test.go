package bodies

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/model"
)

// sharedFixture is a collaboration of municipalities a, b and c: a shared
// guide bygglov that links to the shared guide avlopp (with and without
// an anchor, by reference too), an e-service, a page, a municipality and
// its own heading; every municipality shows both guides, c with its own
// avlopp; a and b offer the e-service as it is. extra is added to
// bygglov's text.
func sharedFixture(extra string) (fstest.MapFS, *model.Site) {
	fsys := fstest.MapFS{
		"content/guides/bygglov.md": {Data: []byte("---\ntitle: Bygglov\n---\n## Så söker du\n\n" +
			"Läs om [avlopp](avlopp.md), [tömning](avlopp.md#tomning \"Tömning & slam\"), [e-tjänsten](../eservices/e.md#steg), " +
			"[oss](../pages/om-oss.md), [A](../municipalities/a.md), [här](#sa-soker-du) och [avlopp igen][av].\n\n" +
			"![bild](avlopp.md)\n\n[av]: avlopp.md#tomning\n\n" + extra)},
		"content/guides/avlopp.md":                  {Data: []byte("---\ntitle: Avlopp\n---\n## Tömning\n\nSlam.\n")},
		"content/municipalities/c/guides/avlopp.md": {Data: []byte("---\nupdated: 2026-01-01\n---\n## Tömning\n\nSlam i C.\n")},
		"content/eservices/e.md":                    {Data: []byte("---\ntitle: E\n---\n## Steg\n\nSe [bygglov](../guides/bygglov.md).\n")},
		"content/pages/om-oss.md":                   {Data: []byte("---\ntitle: Om oss\n---\nVi.\n")},
	}
	site := &model.Site{}
	muni := map[string]*model.Municipality{}
	for _, m := range []string{"a", "b", "c"} {
		muni[m] = &model.Municipality{Slug: m, Name: strings.ToUpper(m)}
		site.Municipalities = append(site.Municipalities, muni[m])
	}
	for _, slug := range []string{"bygglov", "avlopp"} {
		g := &model.Guide{Slug: slug, Body: model.Body{Sources: []string{"content/guides/" + slug + ".md"}}}
		site.Guides = append(site.Guides, g)
		for _, m := range site.Municipalities {
			v := &model.Version{Guide: g, Municipality: m, Body: g.Body}
			if adapt := "content/municipalities/" + m.Slug + "/guides/" + slug + ".md"; fsys[adapt] != nil {
				v.Adapted, v.AdaptFile = true, adapt
				v.Body.Sources = []string{g.Body.Sources[0], adapt}
			}
			site.Versions = append(site.Versions, v)
		}
	}
	e := &model.EService{Slug: "e", Body: model.Body{Sources: []string{"content/eservices/e.md"}}}
	site.EServices = []*model.EService{e}
	for _, m := range []string{"a", "b"} {
		site.Offers = append(site.Offers, &model.Offer{EService: e, Municipality: muni[m], Body: e.Body})
	}
	site.Pages = []*model.Page{{Slug: "om-oss", Body: model.Body{Sources: []string{"content/pages/om-oss.md"}}}}
	return fsys, site
}

// renderings counts the different renderings s holds.
func renderings(s *Set) int {
	seen := map[*Out]bool{}
	for _, o := range s.outs {
		seen[o] = true
	}
	return len(seen)
}

// perPage renders body i of s as it was rendered before bodies were
// shared: once for its own page, links resolved for its municipality.
func perPage(s *Set, i int) *Out {
	j := s.jobs[i]
	return s.renderOne(j.body, j.m, false)
}

// TestSharedBodyRenderedOnce: a shared guide shown by every municipality
// is parsed, linted and rendered once, and every page gets from Get what
// rendering it for that page alone gives, byte for byte: its links lead
// to the municipality's own versions and offers, with anchors, titles,
// images and reference links as they were, under any base path. A guide
// whose text holds what looks like a placeholder is rendered per page.
func TestSharedBodyRenderedOnce(t *testing.T) {
	for _, tc := range []struct {
		name, extra, base string
		renderings        int // the goldmark renderings of the whole site
	}{
		// bygglov's 4 pages, avlopp's shared 3 and c's own, e's 3, the
		// page, the 3 municipalities' intros: 8, or 11 with bygglov's
		// rendered for each of its 4 pages.
		{"shared", "", "/", 8},
		{"base path", "", "/org/site/", 8},
		{"placeholder in the text", "Texten zqxjv0v är konstig.\n", "/", 11},
		{"placeholder in capitals", "Texten ZQXJV0V är konstig.\n", "/", 11},
		{"placeholder as character references", "Texten &#122;qxjv0v är konstig.\n", "/", 11},
		{"a word like it", "Texten zqxjv är ett ord.\n", "/", 11},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys, site := sharedFixture(tc.extra)
			content := load.ReadContent(fsys, 1, nil, &diag.List{})
			memo := &cache.Table[Key, *Out]{}
			s := Render(context.Background(), site, content, Options{BasePath: tc.base, Workers: 2, Memo: memo})
			if _, misses := memo.Stats(); misses != tc.renderings || renderings(s) != tc.renderings {
				t.Errorf("%d goldmark renderings, %d kept; want %d", misses, renderings(s), tc.renderings)
			}
			for i, j := range s.jobs {
				want := perPage(s, i)
				got := s.Get(j.body)
				if got.HTML != want.HTML || !slices.Equal(got.Headings, want.Headings) || !slices.Equal(got.Origins, want.Origins) {
					t.Errorf("%s: Get gives\n%s\nrendering the page alone gives\n%s", j.url, got.HTML, want.HTML)
				}
				if !slices.Equal(s.TOC(j.body), want.TOC()) || !slices.Equal(s.Origins(j.body), want.Origins) {
					t.Errorf("%s: TOC %v and origins %v, alone %v and %v", j.url, s.TOC(j.body), s.Origins(j.body), want.TOC(), want.Origins)
				}
				if !slices.Equal(s.outs[i].diags, want.diags) {
					t.Errorf("%s: diagnostics %v, alone %v", j.url, s.outs[i].diags, want.diags)
				}
			}
			a := s.Get(&site.Versions[0].Body).HTML // a's bygglov
			for _, href := range []string{tc.base + "a/guider/avlopp/", tc.base + "a/guider/avlopp/#tomning", tc.base + "a/e-tjanster/e/#steg", tc.base + "om-oss/"} {
				if !strings.Contains(a, `href="`+href+`"`) {
					t.Errorf("a's bygglov lacks a link to %s:\n%s", href, a)
				}
			}
			if tc.extra == "" && strings.Contains(a, mark) {
				t.Errorf("a placeholder is left in the HTML:\n%s", a)
			}
		})
	}
}

// TestSharedBodyLinkCheck: the links of a rendering shared by several
// municipalities' pages are checked for each page, against the page its
// municipality's version leads to: an anchor that only c's own avlopp
// has is broken on every other page, and reported once.
func TestSharedBodyLinkCheck(t *testing.T) {
	fsys, site := sharedFixture("Se [C:s avlopp](avlopp.md#bara-i-c).\n")
	fsys["content/municipalities/c/guides/avlopp.md"] = &fstest.MapFile{Data: []byte("---\nupdated: 2026-01-01\n---\n## Bara i C\n\nSlam.\n")}
	content := load.ReadContent(fsys, 1, nil, &diag.List{})
	s := Render(context.Background(), site, content, Options{Workers: 1})
	var paths []string
	for _, j := range s.jobs {
		paths = append(paths, strings.TrimPrefix(j.url, "/")+"index.html")
	}
	s.Check(paths)
	var broken []string
	for i, ds := range s.links.diags {
		for _, d := range ds {
			broken = append(broken, fmt.Sprintf("%s: %s", s.jobs[i].url, d.Msg))
		}
	}
	want := []string{
		`/guider/bygglov/: link to "avlopp.md#bara-i-c": the page has no heading with the ID "bara-i-c"`,
		`/a/guider/bygglov/: link to "avlopp.md#bara-i-c": the page has no heading with the ID "bara-i-c"`,
		`/b/guider/bygglov/: link to "avlopp.md#bara-i-c": the page has no heading with the ID "bara-i-c"`,
		// c's bygglov leads to c's avlopp, which has the heading.
	}
	if !slices.Equal(broken, want) {
		t.Errorf("broken links:\n%s\nwant\n%s", strings.Join(broken, "\n"), strings.Join(want, "\n"))
	}
	l := &diag.List{}
	for _, d := range s.Diags() {
		l.Add(d)
	}
	// The broken anchor and the lint's warning of the link text "här".
	if n := l.Len(); n != 2 {
		t.Errorf("%d diagnostics, want 2: %v", n, l.Items())
	}
}

// TestPlace: a mixed rendering's HTML may hold only placeholders that
// stand for one of its slots.
func TestPlace(t *testing.T) {
	for _, tc := range []struct {
		html  string
		slots int
		spans []span
		ok    bool
	}{
		{`<a href="zqxjv0v">x</a>`, 1, []span{{9, 16, 0}}, true},
		{`<a href="zqxjv1v">x</a><a href="zqxjv0v">`, 2, []span{{9, 16, 1}, {32, 39, 0}}, true},
		{`no links`, 0, nil, true},
		{`zqxjv2v`, 2, nil, false},  // no such slot
		{`zqxjvv`, 1, nil, false},   // no number
		{`zqxjv0`, 1, nil, false},   // not closed
		{`zqxjv00v`, 1, nil, false}, // not as placeholder writes it
		{`zqxjv0x`, 1, nil, false},
	} {
		o := &Out{Rendered: Rendered{HTML: tc.html}, slots: make([]slot, tc.slots)}
		if ok := o.place(); ok != tc.ok || ok && !slices.Equal(o.spans, tc.spans) {
			t.Errorf("place(%q) = %v, spans %v; want %v, %v", tc.html, ok, o.spans, tc.ok, tc.spans)
		}
	}
}
