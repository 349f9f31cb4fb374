// Package geodata reads GeoJSON: the municipality boundaries, the service
// points and the base layers of the maps, with every problem named by file, feature index, line
// and column. It places points in their municipality by point-in-polygon
// and parses OpenStreetMap opening_hours values.
package geodata

import (
	"encoding/json"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
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
			l.Errorf(f.pos(s, f.off), boundaryHint, "boundary %s (%s) has no geometry", code, name)
			return
		}
		g, ok := boundaryGeometry(s, l, f, diag.Textf("boundary %s (%s)", code, name))
		if !ok {
			return
		}
		if j, dup := seen[code]; dup {
			l.Errorf(f.pos(s, f.off), diag.Textf("merge it with features[%d] into one MultiPolygon", j), "code %s has two boundaries", code)
			return
		}
		seen[code] = f.index
		out = append(out, model.Boundary{Code: code, Name: name, Geometry: g})
	})
	s.reportInvalid(l)
	return out
}

const boundaryHint = "boundaries are Polygon or MultiPolygon features"

// boundaryGeometry reads the Polygon or MultiPolygon of a boundary, who,
// and reports where it is wrong.
func boundaryGeometry(s *source, l *diag.List, f *feature, who string) (orb.Geometry, bool) {
	return checkedBoundaryGeometry(s, l, f, who, inSweden)
}

// checkedBoundaryGeometry is boundaryGeometry with every position checked
// by check.
func checkedBoundaryGeometry(s *source, l *diag.List, f *feature, who string, check positionCheck) (orb.Geometry, bool) {
	if f.geom[0] != '{' {
		l.Errorf(f.pos(s, f.geomOff), boundaryHint, "%s: the geometry is %s, not a GeoJSON geometry", who, kind(f.geom))
		return nil, false
	}
	g := readGeometry(f.geom, f.geomOff)
	switch g.typ {
	case "Polygon", "MultiPolygon":
	case "":
		l.Errorf(f.pos(s, f.geomOff), boundaryHint, `%s: the geometry has no "type"`, who)
		return nil, false
	default:
		l.Errorf(f.pos(s, g.typOff), boundaryHint, "%s is a %s", who, g.typ)
		return nil, false
	}
	if g.coords == nil {
		l.Errorf(f.pos(s, f.geomOff), diag.Textf(`give "coordinates": %s`, shapes[g.typ]), `%s: the %s has no "coordinates"`, who, g.typ)
		return nil, false
	}
	geom, p := readCoordinates(s, g, check, "boundary")
	if p != nil {
		l.Errorf(f.pos(s, p.off), p.hint, "%s %s", who, p.msg)
		return nil, false
	}
	return geom, true
}
