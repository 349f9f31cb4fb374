package maps

// Why labels are placed this way: a municipality's centroid can lie
// outside it (a bay, a bend) or on its hole, so labels go to the point
// farthest from any edge (a grid search for the "pole of
// inaccessibility"), and a label is only drawn where its estimated box
// fits inside the area, inside the map and clear of the labels already
// placed. Larger areas are labelled first. A municipality whose label does
// not fit is still named: its link carries an aria-label.

import (
	"math"
	"sort"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// labeler places labels without overlaps. It keeps labels off the point
// symbols (soft obstacles) where it can; where no position is clear of
// them, the label goes where it is covered by the fewest (the symbols are
// drawn over the labels).
type labeler struct {
	view   box
	placed []box
	soft   []box
	// grids: the candidates of the areas labelled on this map, by area
	// (both tiers label the same areas: the search is done once).
	grids map[areaKey]grid
}

// areaKey names an area of the map being drawn: its outer ring, by the
// address of its first point and its length.
type areaKey struct {
	first *orb.Point
	n     int
}

// grid is the search for label positions in one area: every grid point
// inside it by falling distance, and the refined best.
type grid struct {
	all  []candidate
	best candidate
}

// candidate is a label position inside an area, with its distance to the
// nearest edge.
type candidate struct {
	p orb.Point
	d float64
}

// place finds a position for a label of text at font size fs inside s and
// reserves its box. The returned point is the label's centre.
func (l *labeler) place(s shape, text string, fs float64, bold bool) (orb.Point, bool) {
	if len(s) == 0 {
		return orb.Point{}, false
	}
	k := 0.58
	if bold {
		k = 0.63
	}
	hw, hh := k*fs*float64(utf8.RuneCountInString(text))/2+1, fs*0.6
	largest, la := 0, -1.0
	for i, p := range s {
		if a := math.Abs(ringArea(p[0])); a > la {
			largest, la = i, a
		}
	}
	mp := orb.MultiPolygon(s)
	if b := mp.Bound(); b.Max[0]-b.Min[0] < 2*hw || b.Max[1]-b.Min[1] < 2*hh {
		return orb.Point{}, false // the area is smaller than the label
	}
	best, bestN := -1, 0
	cs := l.candidates(s[largest], hh)
	for i, c := range cs {
		b := box{c.p[0] - hw, c.p[1] - hh, c.p[0] + hw, c.p[1] + hh}
		if !l.fits(b, mp) {
			continue
		}
		n := 0
		for _, o := range l.soft {
			if b.overlaps(o) {
				n++
			}
		}
		if best < 0 || n < bestN {
			best, bestN = i, n
		}
		if n == 0 {
			break
		}
	}
	if best < 0 {
		return orb.Point{}, false
	}
	c := cs[best].p
	l.placed = append(l.placed, box{c[0] - hw, c[1] - hh, c[0] + hw, c[1] + hh})
	return c, true
}

func (l *labeler) fits(b box, mp orb.MultiPolygon) bool {
	if b.x0 < l.view.x0 || b.y0 < l.view.y0 || b.x1 > l.view.x1 || b.y1 > l.view.y1 {
		return false
	}
	for _, o := range l.placed {
		if b.overlaps(o) {
			return false
		}
	}
	mx, my := (b.x0+b.x1)/2, (b.y0+b.y1)/2
	for _, q := range [...]orb.Point{{b.x0, b.y0}, {mx, b.y0}, {b.x1, b.y0}, {b.x0, my}, {b.x1, my}, {b.x0, b.y1}, {mx, b.y1}, {b.x1, b.y1}} {
		if !multiContains(mp, q) {
			return false
		}
	}
	return true
}

// candidates returns positions inside p at least minD from its edges,
// best first: the pole of inaccessibility (refined), then the other grid
// points by falling distance (at most 64).
func (l *labeler) candidates(p orb.Polygon, minD float64) []candidate {
	if len(p) == 0 || len(p[0]) == 0 {
		return nil
	}
	g, ok := l.grids[areaKey{&p[0][0], len(p[0])}]
	if !ok {
		g = search(p)
		if l.grids != nil {
			l.grids[areaKey{&p[0][0], len(p[0])}] = g
		}
	}
	var cs []candidate
	for _, c := range g.all {
		if c.d < minD {
			break // the others are nearer the edges still
		}
		if len(cs) == 64 {
			break
		}
		cs = append(cs, c)
	}
	if len(cs) == 0 {
		return nil
	}
	return append([]candidate{g.best}, cs...)
}

// search finds the label positions of p: the points of a 14 × 14 grid
// over its bound that lie inside it, by falling distance to its edges,
// and the best of them refined on finer grids around it.
func search(p orb.Polygon) grid {
	b := p[0].Bound()
	const n = 14
	step := math.Max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]) / n
	if step <= 0 {
		return grid{}
	}
	var cs []candidate
	try := func(q orb.Point) (candidate, bool) {
		if !contains(p, q) {
			return candidate{}, false
		}
		return candidate{q, edgeDistance(p, q)}, true
	}
	for y := b.Min[1] + step/2; y < b.Max[1]; y += step {
		for x := b.Min[0] + step/2; x < b.Max[0]; x += step {
			if c, ok := try(orb.Point{x, y}); ok {
				cs = append(cs, c)
			}
		}
	}
	if len(cs) == 0 {
		return grid{}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d > cs[j].d })
	// Refine the best grid point on finer grids around it.
	best := cs[0]
	for s := step / 4; s > step/40; s /= 4 {
		c0 := best.p
		for i := -4; i <= 4; i++ {
			for j := -4; j <= 4; j++ {
				if c, ok := try(orb.Point{c0[0] + float64(i)*s, c0[1] + float64(j)*s}); ok && c.d > best.d {
					best = c
				}
			}
		}
	}
	return grid{all: cs, best: best}
}

// contains reports whether q lies inside p (even–odd over all its
// rings, so holes are outside). Unlike planar.PolygonContains it does not
// compute the rings' bounds on every call, which dominated the label
// search.
func contains(p orb.Polygon, q orb.Point) bool {
	in := false
	for _, r := range p {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a[1] > q[1]) != (b[1] > q[1]) && q[0] < (b[0]-a[0])*(q[1]-a[1])/(b[1]-a[1])+a[0] {
				in = !in
			}
		}
	}
	return in
}

func multiContains(mp orb.MultiPolygon, q orb.Point) bool {
	for _, p := range mp {
		if contains(p, q) {
			return true
		}
	}
	return false
}

// edgeDistance is the distance from q to the nearest edge of p.
func edgeDistance(p orb.Polygon, q orb.Point) float64 {
	d := math.Inf(1)
	for _, r := range p {
		for i := 0; i+1 < len(r); i++ {
			d = math.Min(d, planar.DistanceFromSegmentSquared(r[i], r[i+1], q))
		}
	}
	return math.Sqrt(d)
}
