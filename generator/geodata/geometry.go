package geodata

// Why a reader of our own for coordinates: a boundary or a base layer with
// a bad ring or position must be reported where that ring or position is,
// and orb's GeoJSON decoder keeps no offsets (it also links a BSON codec
// into the binary that nothing here needs). The coordinates are read from
// the checked bytes of the source with the same walk as the features, each
// number by strconv.ParseFloat, as encoding/json would, so the geometries
// are the same as orb's to the bit.

import (
	"math"
	"strconv"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/paulmach/orb"
)

// geomProblem is what is wrong with a geometry, and where: msg is a
// predicate to follow the geometry's name ("has a ring with fewer than 4
// positions"), hint says how to fix it.
type geomProblem struct {
	off       int
	msg, hint string
}

// positionCheck checks one position of a geometry; it returns a problem's
// msg and hint, or "" when the position is good.
type positionCheck func(lon, lat float64) (msg, hint string)

// inRange accepts positions in the range of WGS 84 degrees.
func inRange(lon, lat float64) (msg, hint string) {
	if lon < -180 || lon > 180 || lat < -90 || lat > 90 {
		return diag.Textf("has a position out of range: [%g, %g]", lon, lat), diag.Textf("give every position as [longitude, latitude], in WGS 84")
	}
	return "", ""
}

// inSweden accepts what inRange does, except positions that look like
// [latitude, longitude] (see looksSwapped).
func inSweden(lon, lat float64) (msg, hint string) {
	if looksSwapped(lon, lat) {
		return diag.Textf("looks like latitude and longitude are swapped: GeoJSON is [longitude, latitude]"), diag.Textf("give every position as [longitude, latitude], in WGS 84")
	}
	return inRange(lon, lat)
}

// What the arrays of coordinates hold, for messages (made once: a site has
// many rings).
var (
	wantLines    = diag.Textf("a list of lines")
	wantRings    = diag.Textf("a list of rings")
	wantPolygons = diag.Textf("a list of polygons")
	wantPolygon  = diag.Textf("a polygon: a list of rings")
	wantRing     = diag.Textf("a ring: a list of positions")
	wantLine     = diag.Textf("a line: a list of positions")
)

// shapes are how the coordinates of each geometry type that
// readCoordinates reads are written, for hints.
var shapes = map[string]string{
	"Point":           diag.Textf("[longitude, latitude]"),
	"LineString":      diag.Textf("[[longitude, latitude], …]"),
	"MultiLineString": diag.Textf("[[[longitude, latitude], …], …]"),
	"Polygon":         diag.Textf("[[[longitude, latitude], …], …]"),
	"MultiPolygon":    diag.Textf("[[[[longitude, latitude], …], …], …]"),
}

// emptyHint is the hint for a geometry without coordinates; what is
// "boundary" or "geometry".
func emptyHint(what string) string {
	if what == "boundary" {
		return diag.Textf("give the boundary's coordinates")
	}
	return diag.Textf("give the geometry's coordinates")
}

// readCoordinates decodes the coordinates of g, a Point, LineString,
// MultiLineString, Polygon or MultiPolygon, checking every position with
// check and that a ring is closed (at least 4 positions) and a line has 2.
// It stops at the first problem. what names the geometry in hints
// ("boundary").
func readCoordinates(s *source, g geometry, check positionCheck, what string) (orb.Geometry, *geomProblem) {
	r := &coordReader{s: s, check: check, typ: g.typ, what: what}
	raw, off := g.coords, g.coordsOff
	var out orb.Geometry
	switch g.typ {
	case "Point":
		out = r.position(raw, off)
	case "LineString":
		out = r.line(raw, off)
	case "MultiLineString":
		var mls orb.MultiLineString
		if r.list(raw, off, wantLines) {
			elements(raw, off, func(v []byte, o int) {
				if r.bad == nil {
					mls = append(mls, r.line(v, o))
				}
			})
		}
		if r.bad == nil && len(mls) == 0 {
			r.fail(off, r.empty(), "has no line")
		}
		out = mls
	case "Polygon":
		out = r.polygon(raw, off, wantRings)
	case "MultiPolygon":
		var mp orb.MultiPolygon
		if r.list(raw, off, wantPolygons) {
			elements(raw, off, func(v []byte, o int) {
				if r.bad == nil {
					mp = append(mp, r.polygon(v, o, wantPolygon))
				}
			})
		}
		if r.bad == nil && len(mp) == 0 {
			r.fail(off, r.empty(), "has no polygon")
		}
		out = mp
	default:
		panic("readCoordinates: " + g.typ)
	}
	if r.bad != nil {
		return nil, r.bad
	}
	return out, nil
}

// coordReader reads the nested arrays of coordinates and keeps the first
// problem.
type coordReader struct {
	s     *source
	check positionCheck
	typ   string // the geometry's type
	what  string // "boundary" or "geometry", for hints
	bad   *geomProblem
	n     int // the positions read
}

// hint is the shape of the coordinates, for a value in the wrong place.
// (Made when a problem is found: a site has many geometries.)
func (r *coordReader) hint() string {
	return diag.Textf("a %s's coordinates are %s", r.typ, shapes[r.typ])
}

// empty is the hint for no coordinates.
func (r *coordReader) empty() string { return emptyHint(r.what) }

func (r *coordReader) fail(off int, hint, format string, args ...any) {
	if r.bad == nil {
		r.bad = &geomProblem{off: off, msg: diag.Textf(format, args...), hint: hint}
	}
}

// list reports whether raw is an array, and a problem if it is not.
func (r *coordReader) list(raw []byte, off int, want string) bool {
	if raw[0] == '[' {
		return true
	}
	r.fail(off, r.hint(), "has %s where %s belongs", kind(raw), want)
	return false
}

func (r *coordReader) polygon(raw []byte, off int, want string) orb.Polygon {
	var p orb.Polygon
	if !r.list(raw, off, want) {
		return nil
	}
	elements(raw, off, func(v []byte, o int) {
		if r.bad != nil {
			return
		}
		ring := r.positions(v, o, wantRing)
		if r.bad == nil && len(ring) < 4 {
			r.fail(o, "a ring is closed: its last position is its first, so it has at least 4", "has a ring with fewer than 4 positions")
		}
		p = append(p, orb.Ring(ring))
	})
	if r.bad == nil && len(p) == 0 {
		r.fail(off, r.empty(), "has a polygon without rings")
	}
	return p
}

func (r *coordReader) line(raw []byte, off int) orb.LineString {
	ls := r.positions(raw, off, wantLine)
	if r.bad == nil && len(ls) < 2 {
		r.fail(off, "a line goes through at least 2 positions", "has a line with fewer than 2 positions")
	}
	return ls
}

// positions reads a list of positions.
func (r *coordReader) positions(raw []byte, off int, want string) []orb.Point {
	if !r.list(raw, off, want) {
		return nil
	}
	var out []orb.Point
	elements(raw, off, func(v []byte, o int) {
		if r.bad == nil {
			out = append(out, r.position(v, o))
		}
	})
	return out
}

// position reads [longitude, latitude]; more numbers (an altitude) are
// read and left out, as orb does.
func (r *coordReader) position(raw []byte, off int) orb.Point {
	const hint = "give every position as [longitude, latitude], in degrees, as [17.3069, 62.3908]"
	if raw[0] != '[' {
		r.fail(off, r.hint(), "has %s where a position [longitude, latitude] belongs", kind(raw))
		return orb.Point{}
	}
	if r.n++; r.n > maxVertices {
		r.fail(off, "simplify the geometry, e.g. with mapshaper -simplify 10%", "has more than %d positions", maxVertices)
		return orb.Point{}
	}
	var pt orb.Point
	n := 0
	elements(raw, off, func(v []byte, o int) {
		if r.bad != nil {
			return
		}
		if lit, bad := r.s.invalid(o); bad {
			r.fail(o, hint, "has a coordinate that is %s, which is not valid JSON", lit)
			return
		}
		switch v[0] {
		case '"':
			r.fail(o, "write the number without quotes", "has a coordinate written as text: %s", v)
			return
		case '[', '{', 't', 'f', 'n':
			r.fail(o, hint, "has %s where a coordinate belongs", kind(v))
			return
		}
		x, err := strconv.ParseFloat(string(v), 64)
		if err != nil || math.IsInf(x, 0) {
			r.fail(o, hint, "has a coordinate %s that is not a number of degrees", v)
			return
		}
		if n < 2 {
			pt[n] = x
		}
		n++
	})
	if r.bad != nil {
		return pt
	}
	if n < 2 {
		r.fail(off, hint, "has a position that is not [longitude, latitude]: %s", raw)
		return pt
	}
	if msg, hint := r.check(pt[0], pt[1]); msg != "" {
		r.fail(off, hint, "%s", msg)
	}
	return pt
}
