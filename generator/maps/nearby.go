package maps

// Why a k-d tree per category: a point's page shows the few places
// nearest to it, of its own category and of others. Collecting them by
// scanning the points (as the pages once did) costs O(n) a page and
// O(n²) a site; a grid of fixed cells is O(n) only while the points are
// spread evenly, and real places crowd into towns. A static k-d tree
// (the points sorted into one array, each range split at its median on
// alternating axes) answers "the k nearest within r" in O(log n + k)
// whatever the density, is built in O(n log² n) without pointers, and
// one tree per category answers "the nearest of category c" without
// filtering. Distances are in Web Mercator metres scaled by the cosine
// of the query's latitude: ground metres, near enough over a few
// kilometres.

import (
	"cmp"
	"math"
	"slices"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
)

// Nearby finds the places near a point: built once for a site's points,
// read by any number of goroutines.
type Nearby struct {
	cats  []string           // the categories, sorted
	trees map[string]*kdTree // category → its points
}

// NearbyQuery says which places Nearby.Find returns.
type NearbyQuery struct {
	// Same is the most places of the point's own category, Other the most
	// of all other categories together.
	Same, Other int
	// Radius is the farthest a place may be, in metres on the ground.
	Radius float64
}

// NewNearby indexes points, which it keeps and which must not change
// afterwards. Points that cannot be projected are left out.
func NewNearby(points []model.Point) *Nearby {
	by := map[string][]kdItem{}
	for i := range points {
		p := &points[i]
		if !validLonLat(orb.Point{p.Lon, p.Lat}) {
			continue
		}
		m := project.WGS84.ToMercator(orb.Point{p.Lon, p.Lat})
		by[p.Category] = append(by[p.Category], kdItem{x: m[0], y: m[1], p: p})
	}
	n := &Nearby{trees: make(map[string]*kdTree, len(by))}
	for c, items := range by {
		n.cats = append(n.cats, c)
		n.trees[c] = newKDTree(items)
	}
	slices.Sort(n.cats)
	return n
}

// Find returns the places near p, p itself left out: up to q.Same of its
// category and up to q.Other of other categories, each within q.Radius,
// nearest first; places at the same distance are ordered by slug, then
// municipality, then name. A point that cannot be projected has none.
func (n *Nearby) Find(p model.Point, q NearbyQuery) []model.Point {
	here := orb.Point{p.Lon, p.Lat}
	if !validLonLat(here) || q.Radius <= 0 {
		return nil
	}
	m := project.WGS84.ToMercator(here)
	s := kdSearch{x: m[0], y: m[1], self: &p}
	// Mercator metres are stretched by 1/cos φ.
	r := q.Radius / math.Cos(p.Lat*math.Pi/180)
	s.r2 = r * r
	var out []model.Point
	if t := n.trees[p.Category]; t != nil && q.Same > 0 {
		s.k, s.best = q.Same, s.best[:0]
		t.search(&s, 0, len(t.items), 0)
		out = append(out, s.points()...)
	}
	if q.Other > 0 {
		s.k, s.best = q.Other, s.best[:0]
		for _, c := range n.cats {
			if c != p.Category {
				t := n.trees[c]
				t.search(&s, 0, len(t.items), 0)
			}
		}
		out = append(out, s.points()...)
	}
	return out
}

// kdItem is a point at Mercator x, y.
type kdItem struct {
	x, y float64
	p    *model.Point
}

// kdTree holds its items so that each range [lo, hi) has its median item
// at (lo+hi)/2, split on x at even depths and on y at odd ones.
type kdTree struct{ items []kdItem }

func newKDTree(items []kdItem) *kdTree {
	t := &kdTree{items: items}
	t.build(0, len(items), 0)
	return t
}

func (t *kdTree) build(lo, hi, depth int) {
	if hi-lo < 2 {
		return
	}
	axis := depth % 2
	slices.SortFunc(t.items[lo:hi], func(a, b kdItem) int {
		c := cmp.Compare(a.x, b.x)
		if axis == 1 {
			c = cmp.Compare(a.y, b.y)
		}
		if c != 0 { // itemOrder only for ties: cmp.Or would call it every time
			return c
		}
		return cmp.Or(cmp.Compare(a.x, b.x), cmp.Compare(a.y, b.y), itemOrder(a, b))
	})
	mid := (lo + hi) / 2
	t.build(lo, mid, depth+1)
	t.build(mid+1, hi, depth+1)
}

// itemOrder orders items at the same place, so that the tree and the
// answers do not depend on the input order.
func itemOrder(a, b kdItem) int {
	return cmp.Or(cmp.Compare(a.p.Slug, b.p.Slug), cmp.Compare(a.p.Municipality, b.p.Municipality), cmp.Compare(a.p.Name, b.p.Name))
}

// kdSearch is one k-nearest search: the best k found so far, sorted.
type kdSearch struct {
	x, y float64
	r2   float64 // the radius, squared
	k    int
	self *model.Point
	best []kdHit
}

type kdHit struct {
	d2   float64
	item *kdItem
}

func hitOrder(a, b kdHit) int {
	if c := cmp.Compare(a.d2, b.d2); c != 0 {
		return c
	}
	return itemOrder(*a.item, *b.item)
}

// offer keeps it among the best k if it is within the radius and nearer
// (or at the same distance and first in order) than the worst kept.
func (s *kdSearch) offer(it *kdItem) {
	dx, dy := it.x-s.x, it.y-s.y
	h := kdHit{d2: dx*dx + dy*dy, item: it}
	if h.d2 > s.r2 || h.d2 == 0 && s.isSelf(it.p) {
		return
	}
	if len(s.best) == s.k && hitOrder(h, s.best[s.k-1]) >= 0 {
		return
	}
	i, _ := slices.BinarySearchFunc(s.best, h, hitOrder)
	if len(s.best) == s.k {
		s.best = s.best[:s.k-1]
	}
	s.best = slices.Insert(s.best, i, h)
}

// isSelf reports whether p, at the place searched from, is the point
// searched from (samePoint, without copying the points; a slug names one
// point in its municipality).
func (s *kdSearch) isSelf(p *model.Point) bool {
	q := s.self
	if p.Slug != "" || q.Slug != "" {
		return p.Slug == q.Slug && p.Municipality == q.Municipality
	}
	return p.Name == q.Name && p.Lon == q.Lon && p.Lat == q.Lat
}

// bound is the largest squared distance still worth looking at.
func (s *kdSearch) bound() float64 {
	if len(s.best) == s.k {
		return s.best[s.k-1].d2
	}
	return s.r2
}

func (t *kdTree) search(s *kdSearch, lo, hi, depth int) {
	if hi <= lo {
		return
	}
	mid := (lo + hi) / 2
	it := &t.items[mid]
	s.offer(it)
	d := s.x - it.x
	if depth%2 == 1 {
		d = s.y - it.y
	}
	near, far := [2]int{lo, mid}, [2]int{mid + 1, hi}
	if d > 0 {
		near, far = far, near
	}
	t.search(s, near[0], near[1], depth+1)
	if d*d <= s.bound() { // <=: a place at the same distance may come first by slug
		t.search(s, far[0], far[1], depth+1)
	}
}

func (s *kdSearch) points() []model.Point {
	out := make([]model.Point, len(s.best))
	for i, h := range s.best {
		out[i] = *h.item.p
	}
	return out
}
