package maps

import (
	"fmt"
	"math"
	"testing"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// maxMapSize is the budget of a municipality map with 500 points (issue
// 5: "a minified municipality map stays under 60 KB"). The output is
// already minimal (the minifier only drops the newlines between
// elements), so the test measures it as it is.
const maxMapSize = 60 << 10

// realisticPoints gives the synthetic points names, slugs and links as
// long as real ones ("Återvinningscentral Matfors 12",
// /sundsvall/platser/atervinningscentral-matfors-12/).
func realisticPoints(pts []model.Point) []model.Point {
	places := []string{"Matfors", "Njurundabommen", "Kvissleby", "Stöde", "Alnö", "Sundsbruk", "Centrum", "Nacksta"}
	out := make([]model.Point, len(pts))
	for i, p := range pts {
		place := places[i%len(places)]
		p.Name = fmt.Sprintf("%s %s %d", categoryName[p.Category], place, i)
		p.Slug = fmt.Sprintf("%s-%s-%d", p.Category, model.CollateKey(place), i)
		out[i] = p
	}
	return out
}

var categoryName = map[string]string{
	"bibliotek": "Bibliotek", "atervinningscentral": "Återvinningscentral", "badhus": "Badhus",
	"idrottshall": "Idrottshall", "badplats": "Badplats", "lekplats": "Lekplats",
	"kontaktcenter": "Kontaktcenter", "forskola": "Förskola",
}

// spreadPoints puts up to n points on a grid inside b, as close together
// as they can be without being grouped on the wide layout: the worst case
// for the size.
func spreadPoints(tb testing.TB, b model.Boundary, n int) []model.Point {
	tb.Helper()
	mp := b.Geometry.(orb.MultiPolygon)
	f := newFrame(b.Geometry.Bound(), 800, 1000)
	bound := b.Geometry.Bound()
	apart := 2 * symbolRadius / (breakWidth / float64(f.w)) // in units
	var last []model.Point
	for step := 0.2; step > 0.001; step *= 0.97 {
		var out []model.Point
		for lat := bound.Min[1]; lat < bound.Max[1]; lat += step / 2 {
			for lon := bound.Min[0]; lon < bound.Max[0]; lon += step {
				if planar.MultiPolygonContains(mp, orb.Point{lon, lat}) {
					cat := testCategories[len(out)%len(testCategories)]
					out = append(out, model.Point{Category: cat, Municipality: "sundsvall", Lon: lon, Lat: lat})
				}
			}
		}
		a, c := f.xy(orb.Point{bound.Min[0], bound.Min[1]}), f.xy(orb.Point{bound.Min[0] + step, bound.Min[1] + step/2})
		if math.Min(math.Abs(a[0]-c[0]), math.Abs(a[1]-c[1])) < apart*1.05 || len(out) >= n {
			if len(out) >= n {
				last = out[:n]
			}
			if len(last) < 100 {
				tb.Fatalf("only %d points fit apart", len(last))
			}
			return realisticPoints(last)
		}
		last = out
	}
	tb.Fatal("no grid fits")
	return nil
}

func TestSizeArea500(t *testing.T) {
	sv, rest := boundaryByCode(t, realBoundaries(t), "2281")
	opt := Options{Title: "Karta över Sundsvall", Desc: "Alla platser i Sundsvalls kommun.", Symbols: Symbols(testCategories), CoastalWater: true,
		PointHref: func(p model.Point) string { return model.PointURL(p.Municipality, p.Slug) }}
	for _, tc := range []struct {
		name string
		pts  []model.Point
	}{
		{"towns and countryside", realisticPoints(synthPoints(sv, 500, 1))},
		{"spread on a grid, no point grouped on the wide layout", spreadPoints(t, sv, 500)},
	} {
		m := Area(sv, rest, tc.pts, opt)
		t.Logf("%s: %d bytes (%.1f KB), %d points, %d clusters", tc.name, len(m.SVG), float64(len(m.SVG))/1024, m.Points, m.Clusters)
		if m.Points != len(tc.pts) {
			t.Errorf("%s: %d points drawn, want %d", tc.name, m.Points, len(tc.pts))
		}
		if len(m.SVG) >= maxMapSize {
			t.Errorf("%s: %d bytes, want under %d", tc.name, len(m.SVG), maxMapSize)
		}
		if err := checkXML(m.SVG); err != nil {
			t.Error(err)
		}
	}
	r := Region(realBoundaries(t), nil, Options{Title: "Västernorrland", Links: func(c string) string { return "/" + c + "/" }})
	t.Logf("region map of the 7 municipalities: %d bytes", len(r.SVG))
}
