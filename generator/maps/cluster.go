package maps

import (
	"math"
	"slices"
)

// Why clusters are merged until none overlap: a single pass that lets
// points join a nearby seed leaves clusters whose circles still overlap
// each other or a lone symbol beside them. So the grouping starts with
// every point on its own and merges any two groups whose symbols would
// overlap, pass after pass, until a pass merges nothing. The passes visit
// the groups in the order of their first member, and the points come
// sorted, so the result depends only on the set of points.
//
// A map shows at most maxSymbols symbols: past that, it is too crowded to
// read and too large to send (a municipality map of 500 points must stay
// under its budget). When more groups are left, the merge distance grows by a
// quarter and the merging goes on from where it was, until they fit.

// The grouping works in CSS pixels at a layout's scale (see tier).

// groupRadius is the drawn radius, in CSS pixels, of a group of n points.
func groupRadius(n int) float64 {
	switch {
	case n == 1:
		return symbolRadius
	case n < 10:
		return 13
	case n < 100:
		return 14.5
	}
	return 16
}

// maxSymbols is the most symbols (lone points and clusters) a map draws.
const maxSymbols = 300

// overlapAllowed is how far, in pixels, two symbols may overlap: not at
// all, so that each keeps its whole target.
const overlapAllowed = 0

// tooClose reports whether groups of na and nb points, d apart, overlap:
// their radii add up to more than d (less overlapAllowed). k ≥ 1 widens
// the distance when a map has too many symbols.
func tooClose(d float64, na, nb int, k float64) bool {
	return d < (groupRadius(na)+groupRadius(nb)-overlapAllowed)*k
}

// maxReach is the largest distance at which two groups can be too close.
var maxReach = 2*groupRadius(100) - overlapAllowed

// cluster is a group of points drawn as one symbol.
type cluster struct {
	x, y    float64 // the mean of the members' positions
	members []int   // indices into the points, ascending
}

// clusterPoints groups the points at xy (sorted by the caller into a
// deterministic order) so that no two groups' symbols overlap. A grid of
// cells maxReach wide keeps each search to the 3 × 3 cells around a
// group. The result is in order of the groups' first members.
func clusterPoints(xy [][2]float64) []cluster {
	var gs []cluster
	if len(xy) > seedAbove {
		gs = seed(xy)
	} else {
		gs = make([]cluster, len(xy))
		for i, p := range xy {
			gs[i] = cluster{x: p[0], y: p[1], members: []int{i}}
		}
	}
	gs = merge(gs, 1)
	for k := 1.25; len(gs) > maxSymbols; k *= 1.25 {
		gs = merge(gs, k)
	}
	for i := range gs {
		slices.Sort(gs[i].members)
	}
	slices.SortFunc(gs, func(a, b cluster) int { return a.members[0] - b.members[0] })
	return gs
}

// seedAbove is the number of points above which clusterPoints first
// gathers them around seeds: 50,000 points on a 280-pixel map put hundreds
// in each cell of the grid, and merging pairs pass after pass compared
// each with thousands, hundreds of times.
const seedAbove = 1000

// seed gathers the points, in their order, into groups: a point not yet
// in a group starts one with every other such point closer than two
// symbols' radii (whose symbols would overlap its own). The groups are
// then merged like single points.
func seed(xy [][2]float64) []cluster {
	const d = 2 * symbolRadius
	cell := func(p [2]float64) [2]int { return [2]int{int(math.Floor(p[0] / d)), int(math.Floor(p[1] / d))} }
	grid := make(map[[2]int][]int, len(xy)/4)
	for i, p := range xy {
		c := cell(p)
		grid[c] = append(grid[c], i)
	}
	taken := make([]bool, len(xy))
	var gs []cluster
	for i, p := range xy {
		if taken[i] {
			continue
		}
		g := cluster{}
		c := cell(p)
		for dy := -1; dy <= 1; dy++ {
			for dx := -1; dx <= 1; dx++ {
				k := [2]int{c[0] + dx, c[1] + dy}
				rest := grid[k][:0]
				for _, j := range grid[k] {
					if taken[j] {
						continue
					}
					if q := xy[j]; j == i || (q[0]-p[0])*(q[0]-p[0])+(q[1]-p[1])*(q[1]-p[1]) < d*d {
						taken[j] = true
						g.members = append(g.members, j)
						g.x += q[0]
						g.y += q[1]
						continue
					}
					rest = append(rest, j)
				}
				grid[k] = rest // what is taken leaves the grid
			}
		}
		n := float64(len(g.members))
		g.x, g.y = g.x/n, g.y/n
		gs = append(gs, g)
	}
	return gs
}

// merge merges groups that are too close at distance factor k until none
// are.
func merge(gs []cluster, k float64) []cluster {
	reach := maxReach * k
	cell := func(x, y float64) [2]int {
		return [2]int{int(math.Floor(x / reach)), int(math.Floor(y / reach))}
	}
	for {
		grid := make(map[[2]int][]int, len(gs))
		for i, g := range gs {
			c := cell(g.x, g.y)
			grid[c] = append(grid[c], i)
		}
		merged := false
		alive := make([]bool, len(gs))
		for i := range alive {
			alive[i] = true
		}
		for i := range gs {
			if !alive[i] {
				continue
			}
			g := &gs[i]
			c := cell(g.x, g.y) // the cell it was filed under this pass
			best, bestD := -1, math.Inf(1)
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					for _, j := range grid[[2]int{c[0] + dx, c[1] + dy}] {
						if j == i || !alive[j] {
							continue
						}
						h := &gs[j]
						d := math.Hypot(h.x-g.x, h.y-g.y)
						if tooClose(d, len(g.members), len(h.members), k) && (d < bestD || d == bestD && j < best) {
							best, bestD = j, d
						}
					}
				}
			}
			if best < 0 {
				continue
			}
			// Merge best into i. The group keeps the cell it was filed
			// under for the rest of this pass; the next pass refiles it.
			h := &gs[best]
			n, m := float64(len(g.members)), float64(len(h.members))
			g.x, g.y = (g.x*n+h.x*m)/(n+m), (g.y*n+h.y*m)/(n+m)
			g.members = append(g.members, h.members...)
			alive[best] = false
			merged = true
		}
		out := gs[:0]
		for i, g := range gs {
			if alive[i] {
				out = append(out, g)
			}
		}
		gs = out
		if !merged {
			return gs
		}
	}
}
