package geodata

import (
	"path"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
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

// geometryTypes are the types of GeoJSON geometries.
var geometryTypes = []string{"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"}

// LoadBase reads an optional map layer from geodata/base/: the geometries
// of its features. Lines suit roads and rivers, polygons land and lakes;
// points are reported and left out. Every problem names the feature and
// the line and column where it is.
func LoadBase(file string, src []byte, l *diag.List) []model.BaseLayer {
	const leftOut = "base layers hold lines and polygons; service points go in other files under geodata/"
	s := newSource(file, src)
	layer := BaseKind(file)
	var out []model.BaseLayer
	readFeatures(s, l, func(f *feature) {
		if f.geom == nil || string(f.geom) == "null" {
			l.Warnf(f.pos(s, f.off), leftOut, "a feature without geometry in a base layer is left out")
			return
		}
		if f.geom[0] != '{' {
			l.Errorf(f.pos(s, f.geomOff), `write the geometry as {"type": "Polygon", "coordinates": …}`, "the geometry is %s, not a GeoJSON geometry", kind(f.geom))
			return
		}
		g := readGeometry(f.geom, f.geomOff)
		switch g.typ {
		case "LineString", "MultiLineString", "Polygon", "MultiPolygon":
		case "Point", "MultiPoint", "GeometryCollection":
			l.Warnf(f.pos(s, g.typOff), leftOut, "a %s in a base layer is left out", g.typ)
			return
		case "":
			l.Errorf(f.pos(s, f.geomOff), `add "type": "Polygon", "LineString" …`, `the geometry has no "type"`)
			return
		default:
			hint := diag.DidYouMean(g.typ, geometryTypes)
			if hint == "" {
				hint = "the geometry types are " + strings.Join(geometryTypes, ", ")
			}
			l.Errorf(f.pos(s, g.typOff), hint, "%q is not a GeoJSON geometry type", g.typ)
			return
		}
		if g.coords == nil {
			l.Errorf(f.pos(s, f.geomOff), `give "coordinates": `+shapes[g.typ], `the %s has no "coordinates"`, g.typ)
			return
		}
		geom, p := readCoordinates(s, g, inRange, "geometry")
		if p != nil {
			l.Errorf(f.pos(s, p.off), p.hint, "the %s %s", g.typ, p.msg)
			return
		}
		out = append(out, model.BaseLayer{Kind: layer, Geometry: geom})
	})
	s.reportInvalid(l)
	return out
}
