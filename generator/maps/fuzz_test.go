package maps

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/safety"
)

// FuzzArea draws the fixture with one more point of fuzzed coordinates,
// name, category and link. The map must not panic, must parse as XML,
// must have no unescaped markup from the data and no javascript: link.
func FuzzArea(f *testing.F) {
	f.Add(16.1, 62.05, "Bibliotek", "bibliotek", "/aby/platser/bibliotek/")
	f.Add(16.1, 89.0, "<script>alert(1)</script>", "x", "javascript:alert(1)")
	f.Add(math.NaN(), 62.0, `"&'`, `"/><script>`, " JAVASCRIPT:x")
	f.Add(math.Inf(-1), math.Inf(1), "\x00\xff\ufffe", "\u2028", "java\tscript:x")
	f.Add(16.03, 62.08, "Aby bibliotek", "bibliotek", "data:text/html,<b>")
	f.Add(-180.0, -85.05112878, "]]>", "", "//evil.example/")
	f.Add(1e308, -1e308, strings.Repeat("å", 300), "c", "")
	f.Fuzz(func(t *testing.T, lon, lat float64, name, cat, href string) {
		bs, pts := fixture()
		pts = append(pts, model.Point{Slug: "fuzz", Name: name, Category: cat, Municipality: "aby", Lon: lon, Lat: lat})
		opt := fixtureOptions()
		opt.Symbols = nil
		opt.PointHref = func(p model.Point) string {
			if p.Slug == "fuzz" {
				return href
			}
			return model.PointURL(p.Municipality, p.Slug)
		}
		opt.Links = func(string) string { return href }
		opt.Title = name
		for _, m := range []Map{
			Area(bs[0], bs[1:], pts, opt),
			Region(bs, pts, opt),
			PointMap(pts[len(pts)-1], bs[0], bs[1:], pts, opt),
		} {
			if err := checkXML(m.SVG); err != nil {
				t.Fatalf("%v\n%s", err, m.SVG)
			}
			low := bytes.ToLower(m.SVG)
			if bytes.Contains(low, []byte("<script")) {
				t.Fatalf("unescaped markup:\n%s", m.SVG)
			}
			for _, e := range parseElements(t, m.SVG) {
				if h, ok := e.attrs["href"]; ok && safety.Href(h) != strings.TrimSpace(h) {
					t.Fatalf("unsafe href %q", h)
				}
				if h, ok := e.attrs["href"]; ok && strings.Contains(strings.ToLower(strings.Join(strings.Fields(h), "")), "javascript:") && !strings.HasPrefix(h, "/") {
					t.Fatalf("javascript: link %q", h)
				}
			}
			if bytes.Contains(m.SVG, []byte("NaN")) && !strings.Contains(name+cat+href, "NaN") {
				t.Fatalf("NaN in the output:\n%s", m.SVG)
			}
		}
	})
}
