package maps

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

// TestFactsOf: the facts a map keeps of a geometry are those found anew,
// however the geometry is wrapped (a Polygon, or a MultiPolygon holding
// it), and the cache stays bounded.
func TestFactsOf(t *testing.T) {
	ring := func(x, y float64, n int) orb.Ring {
		var r orb.Ring
		for i := range n {
			a := 2 * math.Pi * float64(i) / float64(n)
			r = append(r, orb.Point{x + math.Cos(a), y + math.Sin(a)})
		}
		return append(r, r[0])
	}
	poly := orb.Polygon{ring(17, 62, 40)}
	multi := orb.MultiPolygon{poly, {ring(18, 63, 40)}}
	bad := orb.MultiPolygon{{append(ring(17, 62, 40), orb.Point{500, 62})}}
	for _, g := range []orb.Geometry{poly, orb.MultiPolygon{poly}, multi, bad, orb.MultiLineString{orb.LineString(ring(16, 61, 30))}} {
		for range 2 { // found, then kept
			got, want := factsOf(g), find(g)
			if got.valid != want.valid || got.bound != want.bound || len(got.parts) != len(want.parts) {
				t.Errorf("%T: %+v, found anew %+v", g, got, want)
			}
		}
	}
	if factsOf(bad).valid {
		t.Error("a geometry with a longitude of 500 is valid")
	}
	if b := factsOf(multi).parts; len(b) != 2 || b[1] != multi[1][0].Bound() {
		t.Errorf("parts %v", b)
	}
	for i := range knownMax + 10 {
		factsOf(orb.Polygon{ring(float64(i%100), 60, 20)})
	}
	known.Lock()
	n := len(known.m)
	known.Unlock()
	if n > knownMax {
		t.Errorf("the cache holds %d geometries, more than %d", n, knownMax)
	}
}
