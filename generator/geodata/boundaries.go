// Package geodata reads GeoJSON: the municipality boundaries and, later,
// the service points. Problems name the file and the feature.
package geodata

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// Boundary is a municipality's boundary.
type Boundary struct {
	Code     string
	Name     string
	Geometry orb.Geometry // Polygon or MultiPolygon
}

// LoadBoundaries decodes the boundaries file: Polygon or MultiPolygon
// features with a string property "code".
func LoadBoundaries(path string, src []byte, l *diag.List) []Boundary {
	fc, err := geojson.UnmarshalFeatureCollection(src)
	if err != nil {
		line, col := 1, 1
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col = lineCol(src, int(se.Offset))
		}
		l.Errorf(diag.At(path, line, col), "the file must be a GeoJSON FeatureCollection", "cannot read GeoJSON: %v", err)
		return nil
	}
	var out []Boundary
	seen := map[string]int{}
	for i, f := range fc.Features {
		pos := diag.InFeature(path, i, 0, 0)
		code, _ := f.Properties["code"].(string)
		name, _ := f.Properties["name"].(string)
		if code == "" {
			l.Errorf(pos, `add "code": "2281" (the SCB municipality code, as a string) to the feature's properties`, "boundary has no code")
			continue
		}
		switch f.Geometry.(type) {
		case orb.Polygon, orb.MultiPolygon:
		default:
			l.Errorf(pos, "boundaries are Polygon or MultiPolygon features", "boundary %s (%s) is a %s", code, name, geomType(f.Geometry))
			continue
		}
		if j, dup := seen[code]; dup {
			l.Errorf(pos, fmt.Sprintf("merge it with features[%d] into one MultiPolygon", j), "code %s has two boundaries", code)
			continue
		}
		seen[code] = i
		out = append(out, Boundary{Code: code, Name: name, Geometry: f.Geometry})
	}
	return out
}

func geomType(g orb.Geometry) string {
	if g == nil {
		return "feature without geometry"
	}
	return g.GeoJSONType()
}

func lineCol(src []byte, off int) (int, int) {
	off = min(max(off, 0), len(src))
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	return line, off - bytes.LastIndexByte(src[:off], '\n')
}
