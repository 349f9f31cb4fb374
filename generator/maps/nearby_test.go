package maps

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
)

// at is a point of category cat dx metres east and dy metres north of
// 62.39° N 17.30° E (Sundsvall), on the ground.
func at(slug, cat string, dx, dy float64) model.Point {
	const lat0, lon0 = 62.39, 17.30
	lat := lat0 + dy/111_132
	lon := lon0 + dx/(111_320*math.Cos(lat0*math.Pi/180))
	return model.Point{Slug: slug, Name: strings.ToUpper(slug), Municipality: "sundsvall", Category: cat, Lon: lon, Lat: lat}
}

func slugs(ps []model.Point) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Slug)
	}
	return strings.Join(s, " ")
}

func TestNearbyFind(t *testing.T) {
	here := at("here", "bibliotek", 0, 0)
	pts := []model.Point{
		here,
		at("b-100", "bibliotek", 100, 0),
		at("b-east", "bibliotek", 300, 0),
		at("a-west", "bibliotek", -300, 0), // the same distance as b-east: first by slug
		at("b-900", "bibliotek", 0, 900),
		at("b-far", "bibliotek", 4000, 0),
		at("s-200", "skola", 0, -200),
		at("s-250", "skola", 250, 0),
		at("p-400", "park", 0, 400),
		at("p-far", "park", -5000, 0),
		{Slug: "bad", Category: "bibliotek", Lon: math.NaN(), Lat: 62.39},
	}
	for _, tc := range []struct {
		name string
		p    model.Point
		q    NearbyQuery
		want string
	}{
		{"same category, nearest first, ties by slug", here, NearbyQuery{Same: 10, Radius: 2000}, "b-100 a-west b-east b-900"},
		{"k cuts the same category", here, NearbyQuery{Same: 2, Radius: 2000}, "b-100 a-west"},
		{"k cuts inside a tie", here, NearbyQuery{Same: 1, Radius: 2000, Other: 0}, "b-100"},
		{"radius", here, NearbyQuery{Same: 10, Radius: 200}, "b-100"},
		{"radius takes the far one", here, NearbyQuery{Same: 10, Radius: 4500}, "b-100 a-west b-east b-900 b-far"},
		{"other categories after, nearest first", here, NearbyQuery{Same: 1, Other: 2, Radius: 2000}, "b-100 s-200 s-250"},
		{"others of every category", here, NearbyQuery{Other: 5, Radius: 2000}, "s-200 s-250 p-400"},
		{"others within the radius", here, NearbyQuery{Other: 5, Radius: 300}, "s-200 s-250"},
		{"itself left out, of another category", pts[6], NearbyQuery{Same: 5, Other: 1, Radius: 1000}, "s-250 here"},
		{"a point not in the index", at("new", "bibliotek", 90, 0), NearbyQuery{Same: 2, Radius: 1000}, "b-100 here"},
		{"a category nobody has", at("new", "badplats", 0, 0), NearbyQuery{Same: 2, Other: 1, Radius: 1000}, "here"},
		{"no radius", here, NearbyQuery{Same: 5, Other: 5}, ""},
		{"a point that cannot be projected", pts[len(pts)-1], NearbyQuery{Same: 5, Other: 5, Radius: 1e7}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := slugs(NewNearby(pts).Find(tc.p, tc.q)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestNearbyMatchesScan compares the tree with a scan of every point, on
// random points with many at the same place, in any input order.
func TestNearbyMatchesScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	cats := []string{"a", "b", "c"}
	var pts []model.Point
	for i := range 600 {
		dx, dy := rng.Float64()*6000-3000, rng.Float64()*6000-3000
		if i%5 == 0 { // a crowd at a few places
			dx, dy = float64(rng.IntN(3))*100, 0
		}
		pts = append(pts, at(fmt.Sprintf("p%03d", i), cats[rng.IntN(len(cats))], dx, dy))
	}
	shuffled := slices.Clone(pts)
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	a, b := NewNearby(pts), NewNearby(shuffled)
	q := NearbyQuery{Same: 8, Other: 4, Radius: 1500}
	for _, p := range pts[:200] {
		want := slugs(scanNearby(pts, p, q))
		if got := slugs(a.Find(p, q)); got != want {
			t.Fatalf("%s: tree %q, scan %q", p.Slug, got, want)
		}
		if got := slugs(b.Find(p, q)); got != want {
			t.Fatalf("%s: shuffled %q, scan %q", p.Slug, got, want)
		}
	}
}

// scanNearby is Find by looking at every point.
func scanNearby(pts []model.Point, p model.Point, q NearbyQuery) []model.Point {
	type hit struct {
		d float64
		p model.Point
	}
	c := project.WGS84.ToMercator(orb.Point{p.Lon, p.Lat})
	r := q.Radius / math.Cos(p.Lat*math.Pi/180)
	var same, other []hit
	for _, o := range pts {
		m := project.WGS84.ToMercator(orb.Point{o.Lon, o.Lat})
		dx, dy := m[0]-c[0], m[1]-c[1]
		d := dx*dx + dy*dy
		if d > r*r || samePoint(o, p) {
			continue
		}
		if o.Category == p.Category {
			same = append(same, hit{d, o})
		} else {
			other = append(other, hit{d, o})
		}
	}
	var out []model.Point
	for _, l := range []struct {
		hs []hit
		k  int
	}{{same, q.Same}, {other, q.Other}} {
		slices.SortFunc(l.hs, func(a, b hit) int { return cmp.Or(cmp.Compare(a.d, b.d), cmp.Compare(a.p.Slug, b.p.Slug)) })
		for _, h := range l.hs[:min(l.k, len(l.hs))] {
			out = append(out, h.p)
		}
	}
	return out
}

// TestNearbyBounded: however many places crowd around a point, it gets
// at most Same + Other of them.
func TestNearbyBounded(t *testing.T) {
	var pts []model.Point
	for i := range 5000 {
		pts = append(pts, at(fmt.Sprintf("p%04d", i), []string{"a", "b"}[i%2], float64(i%70)*10, float64(i/70)*10))
	}
	nb := NewNearby(pts)
	q := NearbyQuery{Same: 8, Other: 4, Radius: 3000}
	for _, p := range pts[:100] {
		if got := nb.Find(p, q); len(got) != 12 {
			t.Fatalf("%s has %d near places, want 12", p.Slug, len(got))
		}
	}
}

// BenchmarkNearby finds the near places of every point: the time per
// point stays flat as the points grow.
func BenchmarkNearby(b *testing.B) {
	for _, n := range []int{5000, 50000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			pts := make([]model.Point, n)
			for i := range pts {
				pts[i] = at(fmt.Sprint(i), testCategories[i%len(testCategories)], rng.Float64()*50000, rng.Float64()*50000)
			}
			q := NearbyQuery{Same: 8, Other: 4, Radius: 2500}
			b.ReportAllocs()
			for b.Loop() {
				nb := NewNearby(pts)
				for _, p := range pts {
					nb.Find(p, q)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/point")
		})
	}
}
