package geodata

// Why a raster: planar.PolygonContains computes each ring's bounds on
// every call before it casts its ray, which is most of its cost; placing
// 50,000 points took 0.4 s for seven municipalities. So each polygon gets
// a coarse raster over its bounds. A cell that no edge's bounding box
// touches lies wholly inside or wholly outside the polygon, and so does
// every cell connected to it through such cells: one planar.PolygonContains
// call per connected group of cells answers for every point in them.
// Points in the cells that an edge touches are tested by planar as before,
// so planar stays the only judge of inside and outside, holes and borders
// included.

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

const rasterSize = 64 // cells on each side of a polygon's raster

// What a raster cell says of the points in it.
const (
	cellUnknown uint8 = iota
	cellIn
	cellOut
	cellEdge
)

// polygon is a polygon with its bounds and raster.
type polygon struct {
	p      orb.Polygon
	bound  orb.Bound
	dx, dy float64
	cells  []uint8 // rasterSize × rasterSize, row by row; nil: no raster
}

func newPolygon(p orb.Polygon) *polygon {
	pg := &polygon{p: p, bound: p[0].Bound()}
	pg.dx = (pg.bound.Max[0] - pg.bound.Min[0]) / rasterSize
	pg.dy = (pg.bound.Max[1] - pg.bound.Min[1]) / rasterSize
	if !(pg.dx > 0 && pg.dy > 0) {
		return pg // a degenerate polygon: planar decides
	}
	pg.cells = make([]uint8, rasterSize*rasterSize)
	for _, r := range p {
		for i := range r {
			a, b := r[i], r[(i+1)%len(r)]
			x0, x1 := pg.col(min(a[0], b[0])), pg.col(max(a[0], b[0]))
			y0, y1 := pg.row(min(a[1], b[1])), pg.row(max(a[1], b[1]))
			for y := y0; y <= y1; y++ {
				for x := x0; x <= x1; x++ {
					pg.cells[y*rasterSize+x] = cellEdge
				}
			}
		}
	}
	// Give each group of connected cells without an edge the answer of
	// planar for the centre of one of them.
	var group []int
	for start, c := range pg.cells {
		if c != cellUnknown {
			continue
		}
		group = append(group[:0], start)
		pg.cells[start] = cellOut // seen; the answer follows
		for k := 0; k < len(group); k++ {
			i := group[k]
			x, y := i%rasterSize, i/rasterSize
			for _, n := range [4][2]int{{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}} {
				if n[0] >= 0 && n[0] < rasterSize && n[1] >= 0 && n[1] < rasterSize && pg.cells[n[1]*rasterSize+n[0]] == cellUnknown {
					pg.cells[n[1]*rasterSize+n[0]] = cellOut
					group = append(group, n[1]*rasterSize+n[0])
				}
			}
		}
		answer := cellUnknown
		for _, i := range group {
			x, y := i%rasterSize, i/rasterSize
			c := orb.Point{pg.bound.Min[0] + (float64(x)+0.5)*pg.dx, pg.bound.Min[1] + (float64(y)+0.5)*pg.dy}
			if pg.col(c[0]) == x && pg.row(c[1]) == y { // rounding aside, always the first
				answer = cellOut
				if planar.PolygonContains(p, c) {
					answer = cellIn
				}
				break
			}
		}
		if answer == cellUnknown {
			answer = cellEdge // no centre of the group is in it: ask planar for each point
		}
		for _, i := range group {
			pg.cells[i] = answer
		}
	}
	return pg
}

// col and row return the raster cell of a coordinate, clamped to the
// raster. Both only ever grow with their argument, so a point on an edge
// is in a cell that the edge's bounding box touches.
func (pg *polygon) col(x float64) int {
	return min(max(int((x-pg.bound.Min[0])/pg.dx), 0), rasterSize-1)
}

func (pg *polygon) row(y float64) int {
	return min(max(int((y-pg.bound.Min[1])/pg.dy), 0), rasterSize-1)
}

// contains reports whether pt is inside the polygon or on its border.
func (pg *polygon) contains(pt orb.Point) bool {
	if !pg.bound.Contains(pt) {
		return false
	}
	if pg.cells == nil {
		return planar.PolygonContains(pg.p, pt)
	}
	switch pg.cells[pg.row(pt[1])*rasterSize+pg.col(pt[0])] {
	case cellIn:
		return true
	case cellOut:
		return false
	}
	return planar.PolygonContains(pg.p, pt)
}
