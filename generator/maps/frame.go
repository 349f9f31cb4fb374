package maps

// Why the geometry goes clone → project → clip → simplify → drop: orb's
// project, clip and simplify all edit their input in place, and the
// boundaries belong to the model that every page reads, so each map works
// on its own deep copy (orb.Clone). Projecting first puts the geometry in
// viewBox units, so the simplification tolerance and the "too small to
// see" threshold are in pixels whatever the map's scale; clipping before
// simplifying spares the work on what lies outside the map.

import (
	"math"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/project"
	"github.com/paulmach/orb/simplify"
)

const (
	// maxLat is the latitude where Web Mercator is cut off. orb's
	// projection helpers panic beyond ±90°, and beyond ±85.05° the map
	// would be mostly polar area, so points there are skipped.
	maxLat = 85.05112878
	// tolerance is the Douglas–Peucker threshold in viewBox units (about
	// CSS pixels at the map's natural size).
	tolerance = 0.5
	// minRingArea is the area in square units below which a ring (an
	// islet, a small hole) is dropped: it would not be seen.
	minRingArea = 4.0
	// margin keeps symbols and labels at the edges inside the viewBox.
	margin = 12.0
	// minSpan is the smallest extent, in Mercator metres, that a map
	// shows: a map of a single point shows a few kilometres around it.
	minSpan = 4000.0
)

// validLonLat reports whether p can be projected: finite, latitude within
// ±85.05° and longitude within ±180°.
func validLonLat(p orb.Point) bool {
	lon, lat := p[0], p[1]
	return !math.IsNaN(lon) && !math.IsNaN(lat) && // NaN fails every comparison below as well
		lat >= -maxLat && lat <= maxLat && lon >= -180 && lon <= 180
}

// validGeometry reports whether every coordinate of g can be projected.
func validGeometry(g orb.Geometry) bool { return factsOf(g).valid }

// facts are what a map needs to know of a geometry of the site (a
// boundary, a base layer) before it draws it: whether every coordinate
// can be projected, and its bound. A boundary is drawn on thousands of
// point maps, and finding both walks every vertex.
type facts struct {
	valid bool
	bound orb.Bound
	parts []orb.Bound // of a polygon or multipolygon: each polygon's outer ring's
}

// factsKey names a geometry by its first vertex's address and its shape:
// the site's geometries are never changed in place (the maps clone what
// they clip), so the same key is the same geometry.
type factsKey struct {
	first       *orb.Point
	n, m, parts int
}

// known holds the facts of the geometries seen lately; it is emptied when
// it holds many, so that it never keeps the geometries of old builds.
var known struct {
	sync.Mutex
	m map[factsKey]facts
}

const knownMax = 4096

// factsOf returns the facts of g, found once for a polygon, multipolygon
// or multilinestring of a few vertices or more.
func factsOf(g orb.Geometry) facts {
	key, ok := keyOf(g)
	if !ok {
		return find(g)
	}
	known.Lock()
	f, hit := known.m[key]
	known.Unlock()
	if hit {
		return f
	}
	f = find(g)
	known.Lock()
	if known.m == nil || len(known.m) >= knownMax {
		known.m = map[factsKey]facts{}
	}
	known.m[key] = f
	known.Unlock()
	return f
}

// find finds g's facts.
func find(g orb.Geometry) facts {
	f := facts{valid: walkValid(g), bound: g.Bound()}
	switch g := g.(type) {
	case orb.Polygon:
		if len(g) > 0 {
			f.parts = []orb.Bound{g[0].Bound()}
		}
	case orb.MultiPolygon:
		f.parts = make([]orb.Bound, len(g))
		for i, p := range g {
			if len(p) > 0 {
				f.parts[i] = p[0].Bound()
			}
		}
	}
	return f
}

// keyOf is g's key in known; false for a geometry not worth keeping.
func keyOf(g orb.Geometry) (factsKey, bool) {
	switch g := g.(type) {
	case orb.Polygon:
		if len(g) > 0 && len(g[0]) >= 16 {
			return factsKey{&g[0][0], len(g[0]), len(g), 1}, true
		}
	case orb.MultiPolygon:
		if len(g) > 0 && len(g[0]) > 0 && len(g[0][0]) > 0 && (len(g) > 1 || len(g[0][0]) >= 16) {
			return factsKey{&g[0][0][0], len(g[0][0]), len(g[0]), len(g)}, true
		}
	case orb.MultiLineString:
		if len(g) > 0 && len(g[0]) > 0 && (len(g) > 1 || len(g[0]) >= 16) {
			return factsKey{&g[0][0], len(g[0]), -1, len(g)}, true
		}
	}
	return factsKey{}, false
}

// walkValid reports whether every coordinate of g can be projected.
func walkValid(g orb.Geometry) bool {
	ok := true
	walkPoints(g, func(p orb.Point) {
		if ok && !validLonLat(p) {
			ok = false
		}
	})
	return ok
}

func walkPoints(g orb.Geometry, f func(orb.Point)) {
	switch g := g.(type) {
	case orb.Point:
		f(g)
	case orb.MultiPoint:
		for _, p := range g {
			f(p)
		}
	case orb.LineString:
		for _, p := range g {
			f(p)
		}
	case orb.Ring:
		for _, p := range g {
			f(p)
		}
	case orb.MultiLineString:
		for _, ls := range g {
			walkPoints(ls, f)
		}
	case orb.Polygon:
		for _, r := range g {
			walkPoints(r, f)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			walkPoints(p, f)
		}
	case orb.Collection:
		for _, c := range g {
			walkPoints(c, f)
		}
	}
}

// frame maps WGS 84 longitude and latitude to viewBox units: Web
// Mercator, scaled and translated so that a bound fits the viewBox.
type frame struct {
	minX, maxY float64 // Mercator origin of the fitted bound (west, north)
	s          float64 // viewBox units per Mercator metre
	ox, oy     float64 // offset of the fitted bound in the viewBox
	w, h       int     // viewBox size
}

// newFrame fits the WGS 84 bound b (which must be valid) into a viewBox
// at most width wide and maxHeight high, keeping the aspect ratio. The
// viewBox is as wide as width unless the area is tall, in which case it
// is narrower.
func newFrame(b orb.Bound, width, maxHeight int) frame {
	lo := project.WGS84.ToMercator(b.Min)
	hi := project.WGS84.ToMercator(b.Max)
	// Expand a degenerate bound (one point, a short line) to minSpan.
	if d := minSpan - (hi[0] - lo[0]); d > 0 {
		lo[0], hi[0] = lo[0]-d/2, hi[0]+d/2
	}
	if d := minSpan - (hi[1] - lo[1]); d > 0 {
		lo[1], hi[1] = lo[1]-d/2, hi[1]+d/2
	}
	dx, dy := hi[0]-lo[0], hi[1]-lo[1]
	availW, availH := float64(width)-2*margin, float64(maxHeight)-2*margin
	s := math.Min(availW/dx, availH/dy)
	w := math.Ceil(dx*s + 2*margin)
	h := math.Ceil(dy*s + 2*margin)
	return frame{
		minX: lo[0], maxY: hi[1], s: s,
		ox: (w - dx*s) / 2, oy: (h - dy*s) / 2,
		w: int(w), h: int(h),
	}
}

// xy projects a valid WGS 84 point to viewBox units.
func (f *frame) xy(p orb.Point) orb.Point {
	m := project.WGS84.ToMercator(p)
	return orb.Point{f.ox + (m[0]-f.minX)*f.s, f.oy + (f.maxY-m[1])*f.s}
}

// geoBound is the WGS 84 bound of the viewBox bound b grown by grow times
// its width and height on every side.
func (f *frame) geoBound(b orb.Bound, grow float64) orb.Bound {
	dx, dy := (b.Max[0]-b.Min[0])*grow, (b.Max[1]-b.Min[1])*grow
	x0, x1 := b.Min[0]-dx, b.Max[0]+dx
	y0, y1 := b.Min[1]-dy, b.Max[1]+dy // y grows downwards
	merc := func(x, y float64) orb.Point {
		return project.Mercator.ToWGS84(orb.Point{(x-f.ox)/f.s + f.minX, f.maxY - (y-f.oy)/f.s})
	}
	return orb.Bound{Min: merc(x0, y1), Max: merc(x1, y0)}
}

// view is the viewBox as a bound, grown by pad units on every side.
func (f *frame) view(pad float64) orb.Bound {
	return orb.Bound{Min: orb.Point{-pad, -pad}, Max: orb.Point{float64(f.w) + pad, float64(f.h) + pad}}
}

// proj returns the projection parameters for scripts: a point at
// longitude λ and latitude φ (radians) lies at x = X0 + S·λ,
// y = Y0 − S·ln(tan(π/4 + φ/2)).
func (f *frame) proj() (x0, y0, s float64) {
	return f.ox - f.minX*f.s, f.oy + f.maxY*f.s, f.s * orb.EarthRadius
}

// shape is a projected area: its polygons in viewBox units, simplified and
// clipped, ready to be written as one path.
type shape []orb.Polygon

// projectAreas projects a Polygon or MultiPolygon into f. It returns nil
// for other geometries and for geometries with coordinates that cannot be
// projected (check with validGeometry to tell the two apart). With
// keepLargest, the largest polygon survives even when it is smaller than
// minRingArea, so that a small municipality still has a shape on a
// national map.
func projectAreas(g orb.Geometry, f *frame, clipTo *orb.Bound, keepLargest bool) shape {
	var mp orb.MultiPolygon
	switch g := g.(type) {
	case orb.Polygon:
		mp = orb.MultiPolygon{g}
	case orb.MultiPolygon:
		mp = g
	default:
		return nil
	}
	if !validGeometry(mp) {
		return nil
	}
	cut := false
	if clipTo != nil {
		// Cut away, in longitude and latitude, what lies far outside the
		// view before projecting: a map of a neighbourhood then projects
		// the few vertices near it, not a whole municipality's outline.
		// The cut is half a view away on every side, so where it meets
		// the outline is never seen; the view's own cut comes after.
		// Only the polygons whose outer ring comes near are copied (the
		// cut edits in place): an archipelago has hundreds.
		fs := factsOf(mp)
		if geo := f.geoBound(*clipTo, 0.5); !within(fs.bound, geo) {
			var near orb.MultiPolygon
			for i, p := range mp {
				if i < len(fs.parts) && !fs.parts[i].Intersects(geo) {
					continue
				}
				near = append(near, p.Clone())
			}
			mp = clip.MultiPolygon(geo, near)
			if len(mp) == 0 {
				return nil
			}
			cut = true
		}
	}
	if !cut {
		mp = orb.Clone(mp).(orb.MultiPolygon) // project, clip and simplify edit in place
	}
	mp = project.MultiPolygon(mp, f.xy)
	if clipTo != nil && !within(mp.Bound(), *clipTo) {
		mp = clip.MultiPolygon(*clipTo, mp)
	}
	var out shape
	largest, largestArea := orb.Polygon(nil), -1.0
	dp, fine := simplify.DouglasPeucker(tolerance), simplify.DouglasPeucker(tolerance/5)
	for _, p := range mp {
		if len(p) == 0 || len(p[0]) < 4 {
			continue
		}
		if b := p[0].Bound(); b.Max[0]-b.Min[0] < 4 && b.Max[1]-b.Min[1] < 4 {
			p = fine.Polygon(p) // a tiny polygon keeps its shape, should it be kept
		} else {
			p = dp.Polygon(p)
		}
		if len(p) == 0 || len(p[0]) < 4 {
			continue
		}
		a := math.Abs(ringArea(p[0]))
		if a > largestArea {
			largest, largestArea = p, a
		}
		if a < minRingArea {
			continue
		}
		kept := p[:1]
		for _, hole := range p[1:] {
			if math.Abs(ringArea(hole)) >= minRingArea {
				kept = append(kept, hole)
			}
		}
		out = append(out, kept)
	}
	if len(out) == 0 && keepLargest && largest != nil {
		out = shape{largest[:1]}
	}
	return out
}

// projectLines projects the lines of g (LineString, MultiLineString, or
// the outlines of polygons) into f, clipped to clipTo and simplified.
func projectLines(g orb.Geometry, f *frame, clipTo orb.Bound) orb.MultiLineString {
	var mls orb.MultiLineString
	switch g := g.(type) {
	case orb.LineString:
		mls = orb.MultiLineString{g}
	case orb.MultiLineString:
		mls = g
	default:
		return nil
	}
	if !validGeometry(mls) {
		return nil
	}
	mls = orb.Clone(mls).(orb.MultiLineString)
	mls = project.MultiLineString(mls, f.xy)
	if !within(mls.Bound(), clipTo) {
		mls = clip.MultiLineString(clipTo, mls)
	}
	dp := simplify.DouglasPeucker(tolerance)
	out := mls[:0]
	for _, ls := range mls {
		if len(ls) < 2 {
			continue
		}
		ls = dp.LineString(ls)
		if b := ls.Bound(); b.Max[0]-b.Min[0] < 1 && b.Max[1]-b.Min[1] < 1 {
			continue
		}
		out = append(out, ls)
	}
	return out
}

func within(b, box orb.Bound) bool {
	return b.Min[0] >= box.Min[0] && b.Min[1] >= box.Min[1] && b.Max[0] <= box.Max[0] && b.Max[1] <= box.Max[1]
}

// ringArea is the signed area of a ring (shoelace formula).
func ringArea(r orb.Ring) float64 {
	a := 0.0
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return a / 2
}

// appendPath appends the path data of the rings of s: an absolute move to
// the first ring's start, relative lines after it, a relative move from
// the start of one ring to the next. Coordinates are rounded to tenths
// first and the deltas taken between rounded values, so the relative
// commands add up exactly. Points that round to the previous one are left
// out, and so is each ring's closing point ("z" closes it).
func appendPath(b []byte, s shape) []byte {
	var cx, cy int64 // the current point, in tenths
	first := true
	for _, p := range s {
		for _, r := range p {
			b = appendRing(b, r, &cx, &cy, &first, true)
		}
	}
	return b
}

// appendLines appends the path data of open lines.
func appendLines(b []byte, mls orb.MultiLineString) []byte {
	var cx, cy int64
	first := true
	for _, ls := range mls {
		b = appendRing(b, orb.Ring(ls), &cx, &cy, &first, false)
	}
	return b
}

func appendRing(b []byte, r orb.Ring, cx, cy *int64, first *bool, closed bool) []byte {
	n := len(r)
	if closed && n > 1 && r[0] == r[n-1] {
		n--
	}
	if n < 2 {
		return b
	}
	sx, sy := tenths(r[0][0]), tenths(r[0][1])
	if *first {
		b = append(b, 'M')
		b = appendTenths(b, sx)
		b = appendPair(b, sy)
		*first = false
	} else {
		b = append(b, 'm')
		b = appendTenths(b, sx-*cx)
		b = appendPair(b, sy-*cy)
	}
	px, py := sx, sy
	wrote := false
	for _, q := range r[1:n] {
		x, y := tenths(q[0]), tenths(q[1])
		if x == px && y == py {
			continue
		}
		if !wrote {
			b = append(b, 'l')
			wrote = true
		} else if x-px >= 0 {
			b = append(b, ' ')
		}
		b = appendTenths(b, x-px)
		b = appendPair(b, y-py)
		px, py = x, y
	}
	if closed {
		b = append(b, 'z')
		*cx, *cy = sx, sy // after z the current point is the ring's start
	} else {
		*cx, *cy = px, py
	}
	return b
}

// appendPair appends the second number of a coordinate pair, with a
// space before it unless its minus sign separates it.
func appendPair(b []byte, v int64) []byte {
	if v >= 0 {
		b = append(b, ' ')
	}
	return appendTenths(b, v)
}
