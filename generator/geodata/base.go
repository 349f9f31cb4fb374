package geodata

import (
	"encoding/json"
	"errors"
	"path"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// BaseKind tells from a base-layer file's name what it shows: "land" (a
// land outline: the maps cut the municipalities at the shore), "road" or
// "water" (lakes, rivers, the sea). Names are matched in Swedish and
// English: land.geojson, vagar.geojson, roads.geojson, sjoar.geojson,
// vatten.geojson, lakes.geojson …
func BaseKind(file string) string {
	name := strings.ToLower(strings.TrimSuffix(path.Base(file), path.Ext(file)))
	switch {
	case strings.Contains(name, "land") || strings.Contains(name, "kust"):
		return "land"
	case strings.Contains(name, "vag") || strings.Contains(name, "väg") || strings.Contains(name, "road"):
		return "road"
	}
	return "water"
}

// LoadBase reads an optional map layer from geodata/base/: the geometries
// of its features. Lines suit roads and rivers, polygons land and lakes;
// points are reported and left out.
func LoadBase(file string, src []byte, l *diag.List) []model.BaseLayer {
	fc, err := geojson.UnmarshalFeatureCollection(src)
	if err != nil {
		line, col := 1, 1
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col = lineColOf(src, int(se.Offset))
		}
		l.Errorf(diag.At(file, line, col), "a base layer is a GeoJSON FeatureCollection of lines or polygons", "cannot read GeoJSON: %v", err)
		return nil
	}
	kind := BaseKind(file)
	var out []model.BaseLayer
	for i, f := range fc.Features {
		switch f.Geometry.(type) {
		case orb.Polygon, orb.MultiPolygon, orb.LineString, orb.MultiLineString:
			out = append(out, model.BaseLayer{Kind: kind, Geometry: f.Geometry})
		default:
			l.Warnf(diag.InFeature(file, i, 0, 0), "base layers hold lines and polygons; service points go in other files under geodata/",
				"a %s in a base layer is left out", geomName(f.Geometry))
		}
	}
	return out
}

func geomName(g orb.Geometry) string {
	if g == nil {
		return "feature without geometry"
	}
	return g.GeoJSONType()
}

func lineColOf(src []byte, off int) (int, int) {
	off = min(max(off, 0), len(src))
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, off - start + 1
}
