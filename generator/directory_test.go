package generator

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/model"
	"golang.org/x/net/html"
)

// dirEntry is an e-service of a directory page with the filter values its
// list item carries for js/directory.js.
type dirEntry map[string]string // data-municipalities, data-category, data-audience, data-login

var facetAttrs = []string{"data-municipalities", "data-category", "data-audience", "data-login"}

// directoryItems are the e-services a directory page lists, by URL.
func directoryItems(t *testing.T, pg *htmlPage) map[string]dirEntry {
	t.Helper()
	items := map[string]dirEntry{}
	list := find(pg.doc, func(n *html.Node) bool { return n.Data == "ul" && strings.Contains(attr(n, "class"), "dir-list") })
	if list == nil {
		t.Fatal("no list of e-services")
	}
	for li := range list.ChildNodes() {
		if li.Type != html.ElementNode {
			continue
		}
		a := find(li, func(n *html.Node) bool { return n.Data == "a" })
		if _, dup := items[attr(a, "href")]; dup {
			t.Errorf("%s is listed twice", attr(a, "href"))
		}
		e := dirEntry{}
		for _, k := range facetAttrs {
			e[k] = attr(li, k)
		}
		items[attr(a, "href")] = e
	}
	return items
}

// TestDirectoryFilters builds the example site and checks the directory:
// it lists every e-service once, and each item's data attributes (what the
// script filters on) are the e-service's offering municipalities,
// category, audience and login.
func TestDirectoryFilters(t *testing.T) {
	out, _ := buildExample(t, "")
	pages := readPages(t, out)
	site, _ := assembleFixture(t, exampleSite)
	all := directoryItems(t, pages["e-tjanster/index.html"])
	if len(all) != len(site.EServices) {
		t.Errorf("the directory lists %d e-services, the library has %d", len(all), len(site.EServices))
	}
	offering := offeringMunicipalities(site)
	for _, e := range site.EServices {
		got, ok := all["/e-tjanster/"+e.Slug+"/"]
		if !ok {
			t.Errorf("the directory lacks %s", e.Slug)
			continue
		}
		want := dirEntry{"data-municipalities": strings.Join(offering[e.Slug], " "), "data-category": e.Category,
			"data-audience": strings.Join(e.Audience, " "), "data-login": strings.Join(e.Login, " ")}
		if !maps.Equal(got, want) {
			t.Errorf("%s: data attributes %v, want %v", e.Slug, got, want)
		}
	}
}

// offeringMunicipalities are the slugs of the municipalities that offer
// each e-service, in the site's order.
func offeringMunicipalities(site *model.Site) map[string][]string {
	offering := map[string][]string{}
	for _, m := range site.Municipalities {
		for _, o := range site.Offers {
			if o.Municipality == m {
				offering[o.EService.Slug] = append(offering[o.EService.Slug], m.Slug)
			}
		}
	}
	return offering
}

// TestDirectoryCombinations builds the example site and checks every
// selection of municipality × category × audience (each a value or all),
// in Swedish and English, against the model: a selection that some
// e-service matches has its page, which lists exactly those e-services
// and says how many; one that none matches has no page; no other page is
// under /e-tjanster/kommun/, kategori/ or malgrupp/. On every page, each
// filter link leads to a page whose list is as long as the link's count
// says, and each facet marks one link, the page's own, as current. A page
// of one value is in the sitemap, one that combines two or three is not
// and says noindex. Each login page lists the e-services with that login.
func TestDirectoryCombinations(t *testing.T) {
	out, _ := buildExample(t, "")
	pages := readPages(t, out)
	site, _ := assembleFixture(t, exampleSite)
	sitemap, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	offering := offeringMunicipalities(site)
	// Every facet's values, those of the site whether or not an e-service
	// has them, with "" for all.
	munis, cats := []string{""}, []string{""}
	for _, m := range site.Municipalities {
		munis = append(munis, m.Slug)
	}
	for _, c := range site.Config.Categories {
		cats = append(cats, c.Slug)
	}
	auds := append([]string{""}, model.Audiences...)
	has := func(vs []string, v string) bool { return v == "" || slices.Contains(vs, v) }

	type selection struct{ m, c, a string }
	want := map[string][]string{} // a page's path → the e-services it lists, sorted
	depth := map[string]int{}
	selections := 0
	for _, m := range munis {
		for _, c := range cats {
			for _, a := range auds {
				selections++
				var es []string
				for _, e := range site.EServices {
					if has(offering[e.Slug], m) && has([]string{e.Category}, c) && has(e.Audience, a) {
						es = append(es, "/e-tjanster/"+e.Slug+"/")
					}
				}
				p, d := "e-tjanster/", 0
				for _, kv := range [][2]string{{"kommun", m}, {"kategori", c}, {"malgrupp", a}} {
					if kv[1] != "" {
						p += kv[0] + "/" + kv[1] + "/"
						d++
					}
				}
				if len(es) == 0 {
					if pages[p+"index.html"] != nil {
						t.Errorf("/%s lists no e-service, yet has a page", p)
					}
					continue
				}
				slices.Sort(es)
				want[p] = es
				depth[p] = d
			}
		}
	}
	if len(want) < 100 {
		t.Errorf("only %d selections have e-services", len(want))
	}
	for rel := range pages {
		dir := strings.TrimSuffix(strings.TrimPrefix(rel, "en/"), "index.html")
		if (strings.HasPrefix(dir, "e-tjanster/kommun/") || strings.HasPrefix(dir, "e-tjanster/kategori/") ||
			strings.HasPrefix(dir, "e-tjanster/malgrupp/")) && want[dir] == nil {
			t.Errorf("%s is no selection with e-services", rel)
		}
	}

	checked, links := 0, 0
	for _, lang := range []string{"", "en/"} {
		for p, es := range want {
			rel := lang + p + "index.html"
			pg := pages[rel]
			if pg == nil {
				t.Errorf("/%s is missing: it would list %d e-services", lang+p, len(es))
				continue
			}
			checked++
			got := slices.Sorted(maps.Keys(directoryItems(t, pg)))
			if !slices.Equal(got, es) {
				t.Errorf("/%s lists %v, want %v", lang+p, got, es)
			}
			if n := resultsCount(pg); n != len(es) {
				t.Errorf("/%s says it lists %d e-services, it lists %d", lang+p, n, len(es))
			}
			inSitemap := bytes.Contains(sitemap, []byte("/"+lang+p+"</loc>"))
			noindex := find(pg.doc, func(n *html.Node) bool { return n.Data == "meta" && attr(n, "name") == "robots" }) != nil
			if wantIn := depth[p] < 2; inSitemap != wantIn || noindex == wantIn {
				t.Errorf("/%s (%d facets): in the sitemap %v, noindex %v", lang+p, depth[p], inSitemap, noindex)
			}
			// The filter links.
			navs := 0
			for nav := range pg.doc.Descendants() {
				if nav.Type != html.ElementNode || attr(nav, "data-facet") == "" {
					continue
				}
				navs++
				current := 0
				for a := range nav.Descendants() {
					if a.Type != html.ElementNode || a.Data != "a" {
						continue
					}
					links++
					href := attr(a, "href")
					target := pages[strings.TrimPrefix(href, "/")+"index.html"]
					if target == nil {
						t.Errorf("/%s: filter link %s leads nowhere", lang+p, href)
						continue
					}
					if n, listed := linkCount(a), len(directoryItems(t, target)); n != listed || n == 0 {
						t.Errorf("/%s: filter link %s says %d, its page lists %d", lang+p, href, n, listed)
					}
					if attr(a, "aria-current") == "page" {
						current++
						if href != "/"+lang+p {
							t.Errorf("/%s: the current link leads to %s", lang+p, href)
						}
					}
				}
				if current != 1 {
					t.Errorf("/%s: facet %s marks %d links current, want 1", lang+p, attr(nav, "data-facet"), current)
				}
			}
			if navs != 3 {
				t.Errorf("/%s has %d combining facets, want 3", lang+p, navs)
			}
		}
	}
	// The login pages.
	all := directoryItems(t, pages["e-tjanster/index.html"])
	logins := 0
	for _, l := range model.Logins {
		var es []string
		for u, e := range all {
			if slices.Contains(strings.Fields(e["data-login"]), l) {
				es = append(es, u)
			}
		}
		pg := pages["e-tjanster/inloggning/"+l+"/index.html"]
		if len(es) == 0 || pg == nil {
			if len(es) > 0 || pg != nil {
				t.Errorf("login %s: %d e-services, page %v", l, len(es), pg != nil)
			}
			continue
		}
		logins++
		slices.Sort(es)
		if got := slices.Sorted(maps.Keys(directoryItems(t, pg))); !slices.Equal(got, es) {
			t.Errorf("/e-tjanster/inloggning/%s/ lists %v, want %v", l, got, es)
		}
	}
	t.Logf("%d selections, %d with e-services (%d pages checked in two languages, %d filter links); %d login pages", selections, len(want), checked, links, logins)
}

// resultsCount is the number in the heading of a directory page's list.
func resultsCount(pg *htmlPage) int {
	h := find(pg.doc, func(n *html.Node) bool { return attr(n, "id") == "gm-results" })
	if h == nil {
		return -1
	}
	for _, f := range strings.Fields(textOf(h)) {
		if n, err := strconv.Atoi(f); err == nil {
			return n
		}
	}
	return -1
}

// linkCount is the count a filter link shows: "Name (n)".
func linkCount(a *html.Node) int {
	c := find(a, func(n *html.Node) bool { return strings.Contains(attr(n, "class"), "count") })
	if c == nil {
		return -1
	}
	n, err := strconv.Atoi(strings.Trim(textOf(c), " ()"))
	if err != nil {
		return -1
	}
	return n
}
