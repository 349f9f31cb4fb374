package generator

import (
	"maps"
	"slices"
	"strings"
	"testing"

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
// it lists every e-service once; each item's data attributes (what the
// script filters on) are the e-service's offering municipalities,
// category, audience and login; and every filter link leads to a page
// that lists exactly the items whose attribute holds the link's value (what
// the script would show), with that link marked aria-current.
func TestDirectoryFilters(t *testing.T) {
	out, _ := buildExample(t, "")
	pages := readPages(t, out)
	site, _ := assembleFixture(t, exampleSite)
	all := directoryItems(t, pages["e-tjanster/index.html"])
	if len(all) != len(site.EServices) {
		t.Errorf("the directory lists %d e-services, the library has %d", len(all), len(site.EServices))
	}
	offering := map[string][]string{}
	for _, m := range site.Municipalities { // in the site's order, as the attribute
		for _, o := range site.Offers {
			if o.Municipality == m {
				offering[o.EService.Slug] = append(offering[o.EService.Slug], m.Slug)
			}
		}
	}
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

	links, values := 0, map[string]int{}
	for nav := range pages["e-tjanster/index.html"].doc.Descendants() {
		facet := attr(nav, "data-facet")
		if nav.Type != html.ElementNode || facet == "" {
			continue
		}
		for a := range nav.Descendants() {
			if a.Type != html.ElementNode || a.Data != "a" {
				continue
			}
			links++
			value, href := attr(a, "data-value"), attr(a, "href")
			values[facet]++
			pg := pages[strings.TrimPrefix(href, "/")+"index.html"]
			if pg == nil {
				t.Errorf("filter link %s leads nowhere", href)
				continue
			}
			var want []string
			for u, e := range all {
				if slices.Contains(strings.Fields(e["data-"+facet]), value) {
					want = append(want, u)
				}
			}
			got := slices.Collect(maps.Keys(directoryItems(t, pg)))
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s lists %v, the script would show %v", href, got, want)
			}
			if len(want) == 0 {
				t.Errorf("%s lists no e-service", href)
			}
			current := 0
			for n := range pg.doc.Descendants() {
				if n.Type == html.ElementNode && n.Data == "a" && attr(n, "aria-current") == "page" && attr(n, "href") == href {
					current++
				}
			}
			if current != 1 {
				t.Errorf("%s marks its own filter link %d times, want once", href, current)
			}
		}
	}
	if len(values) != 4 {
		t.Errorf("filters by %v, want municipalities, category, audience and login", values)
	}
	t.Logf("%d e-services, %d filter pages %v", len(all), links, values)
}
