// Package geodata reads GeoJSON: the municipality boundaries and the
// service points, with every problem named by file, feature index, line
// and column. It places points in their municipality by point-in-polygon
// and parses OpenStreetMap opening_hours values.
package geodata

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// LoadBoundaries decodes the boundaries file: Polygon or MultiPolygon
// features with a string property "code" (the SCB municipality code) and
// a "name". Features with problems are reported to l and left out.
func LoadBoundaries(path string, src []byte, l *diag.List) []model.Boundary {
	s := newSource(path, src)
	var out []model.Boundary
	seen := map[string]int{}
	readFeatures(s, l, func(f *feature) {
		code, name, codeOff := "", "", -1
		for _, p := range f.props {
			var v string
			switch p.key {
			case "code":
				codeOff = p.keyOff
				if json.Unmarshal(p.val, &v) != nil {
					l.Errorf(f.pos(s, p.keyOff), `write the code as a string: "code": "2281"`, "the boundary's code must be a string, not %s", kind(p.val))
					return
				}
				code = v
			case "name":
				if json.Unmarshal(p.val, &v) == nil {
					name = v
				}
			}
		}
		if code == "" {
			pos := f.propsPos(s)
			if codeOff >= 0 {
				pos = f.pos(s, codeOff)
			}
			l.Errorf(pos, `add "code": "2281" (the SCB municipality code, as a string) to the feature's properties`, "boundary has no code")
			return
		}
		if f.geom == nil || string(f.geom) == "null" {
			l.Errorf(f.pos(s, f.off), "boundaries are Polygon or MultiPolygon features", "boundary %s (%s) has no geometry", code, name)
			return
		}
		gpos := f.pos(s, f.geomOff)
		gj, err := geojson.UnmarshalGeometry(f.geom)
		if err != nil {
			l.Errorf(gpos, "boundaries are Polygon or MultiPolygon features", "boundary %s (%s): cannot read the geometry: %v", code, name, err)
			return
		}
		g := gj.Geometry()
		switch g.(type) {
		case orb.Polygon, orb.MultiPolygon:
		default:
			l.Errorf(gpos, "boundaries are Polygon or MultiPolygon features", "boundary %s (%s) is a %s", code, name, geomType(g))
			return
		}
		if msg, hint := checkArea(g); msg != "" {
			l.Errorf(gpos, hint, "boundary %s (%s) %s", code, name, msg)
			return
		}
		if j, dup := seen[code]; dup {
			l.Errorf(f.pos(s, f.off), fmt.Sprintf("merge it with features[%d] into one MultiPolygon", j), "code %s has two boundaries", code)
			return
		}
		seen[code] = f.index
		out = append(out, model.Boundary{Code: code, Name: name, Geometry: g})
	})
	s.reportInvalid(l)
	return out
}

func geomType(g orb.Geometry) string {
	if g == nil {
		return "feature without geometry"
	}
	return g.GeoJSONType()
}

// checkArea checks what point-in-polygon needs: every polygon has an
// outer ring, every ring at least four positions, and every position is in
// range.
func checkArea(g orb.Geometry) (msg, hint string) {
	var polys []orb.Polygon
	switch g := g.(type) {
	case orb.Polygon:
		polys = []orb.Polygon{g}
	case orb.MultiPolygon:
		polys = g
	}
	if len(polys) == 0 {
		return "has no polygon", "give the boundary's coordinates"
	}
	for _, p := range polys {
		if len(p) == 0 {
			return "has a polygon without rings", "give the boundary's coordinates"
		}
		for _, r := range p {
			if len(r) < 4 {
				return "has a ring with fewer than 4 positions", "a ring is closed: its last position is its first, so it has at least 4"
			}
			for _, pt := range r {
				lon, lat := pt[0], pt[1]
				if looksSwapped(lon, lat) {
					return "looks like latitude and longitude are swapped: GeoJSON is [longitude, latitude]", "give every position as [longitude, latitude], in WGS 84"
				}
				if math.IsNaN(lon) || math.IsNaN(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90 {
					return fmt.Sprintf("has a position out of range: [%g, %g]", lon, lat), "give every position as [longitude, latitude], in WGS 84"
				}
			}
		}
	}
	return "", ""
}
