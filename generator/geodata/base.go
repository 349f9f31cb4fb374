package geodata

import (
	"encoding/json"
	"math"
	"path"
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
)

// BaseKind tells from a base-layer file's name what it shows: "land" (a
// land outline: the maps cut the municipalities at the shore), "road",
// "places" (towns and villages, named on the maps) or "water" (lakes,
// rivers, the sea). Names are matched in Swedish and English:
// land.geojson, vagar.geojson, roads.geojson, places.geojson,
// orter.geojson, tatorter.geojson, sjoar.geojson, vatten.geojson,
// lakes.geojson …
func BaseKind(file string) string {
	name := strings.ToLower(strings.TrimSuffix(path.Base(file), path.Ext(file)))
	switch {
	case strings.Contains(name, "land") || strings.Contains(name, "kust"):
		return "land"
	case strings.Contains(name, "vag") || strings.Contains(name, "väg") || strings.Contains(name, "road"):
		return "road"
	case strings.Contains(name, "place") || strings.Contains(name, "orter") || strings.Contains(name, "town"):
		return "places"
	}
	return "water"
}

// Attribution is the text of a GeoJSON file's "attribution" member (a
// foreign member of its FeatureCollection: where the data comes from and
// under which licence, for the maps' credit line), or "" when it has none
// or is not valid JSON.
func Attribution(src []byte) string {
	var top struct {
		Attribution any `json:"attribution"`
	}
	if json.Unmarshal(src, &top) != nil {
		return ""
	}
	a, _ := top.Attribution.(string)
	return strings.Join(strings.Fields(a), " ")
}

// geometryTypes are the types of GeoJSON geometries.
var geometryTypes = []string{"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"}

// LoadBase reads an optional map layer from geodata/base/: the geometries
// of its features. Lines suit roads and rivers, polygons land and lakes;
// points are reported and left out. Every problem names the feature and
// the line and column where it is.
func LoadBase(file string, src []byte, l *diag.List) []model.BaseLayer {
	s := newSource(file, src)
	layer := BaseKind(file)
	leftOutHint := "base layers hold lines and polygons; service points go in other files under geodata/"
	if layer == "places" {
		leftOutHint = `a places layer holds points: {"type": "Point", "coordinates": [lon, lat]} with the properties name, rank and seat`
	}
	var out []model.BaseLayer
	readFeatures(s, l, func(f *feature) {
		if f.geom == nil || string(f.geom) == "null" {
			l.Warnf(f.pos(s, f.off), leftOutHint, "a feature without geometry in a base layer is left out")
			return
		}
		if f.geom[0] != '{' {
			l.Errorf(f.pos(s, f.geomOff), `write the geometry as {"type": "Polygon", "coordinates": …}`, "the geometry is %s, not a GeoJSON geometry", kind(f.geom))
			return
		}
		g := readGeometry(f.geom, f.geomOff)
		switch {
		case layer == "places" && g.typ == "Point":
		case layer != "places" && (g.typ == "LineString" || g.typ == "MultiLineString" || g.typ == "Polygon" || g.typ == "MultiPolygon"):
		case slices.Contains(geometryTypes, g.typ):
			l.Warnf(f.pos(s, g.typOff), leftOutHint, "a %s in a %s layer is left out", g.typ, layer)
			return
		case g.typ == "":
			l.Errorf(f.pos(s, f.geomOff), `add "type": "Polygon", "LineString" …`, `the geometry has no "type"`)
			return
		default:
			hint := diag.DidYouMean(g.typ, geometryTypes)
			if hint == "" {
				hint = diag.Textf("the geometry types are %s", strings.Join(geometryTypes, ", "))
			}
			l.Errorf(f.pos(s, g.typOff), hint, "%q is not a GeoJSON geometry type", g.typ)
			return
		}
		if g.coords == nil {
			l.Errorf(f.pos(s, f.geomOff), diag.Textf(`give "coordinates": %s`, shapes[g.typ]), `the %s has no "coordinates"`, g.typ)
			return
		}
		geom, p := readCoordinates(s, g, inRange, "geometry")
		if p != nil {
			l.Errorf(f.pos(s, p.off), p.hint, "the %s %s", g.typ, p.msg)
			return
		}
		bl := model.BaseLayer{Kind: layer, Geometry: geom}
		readBaseProperties(s, l, f, &bl)
		if layer == "places" && bl.Name == "" {
			l.Warnf(f.propsPos(s), `give the place its "name"`, "a place without a name is left out")
			return
		}
		out = append(out, bl)
	})
	s.reportInvalid(l)
	return out
}

// readBaseProperties reads what the maps use of a base feature's
// properties: its name (a town's, lake's or river's), its rank (a town's
// "rank", 1 the largest; a lake's or river's "scalerank", 0 the largest,
// as Natural Earth gives it, stored plus one) and whether a town is a
// municipality's "seat". Other properties are the file's own.
func readBaseProperties(s *source, l *diag.List, f *feature, bl *model.BaseLayer) {
	for _, p := range f.props {
		switch p.key {
		case "name":
			if p.val[0] == '"' {
				bl.Name = strings.TrimSpace(text(p.val))
			} else if string(p.val) != "null" {
				l.Warnf(f.pos(s, p.valOff), `write the name as text: "name": "Sundsvall"`, "the name is %s, not text; it is left out", kind(p.val))
			}
		case "rank", "scalerank":
			var n float64
			if json.Unmarshal(p.val, &n) != nil || n < 0 || n > 100 || n != math.Trunc(n) {
				if string(p.val) != "null" {
					l.Warnf(f.pos(s, p.valOff), "give a whole number from 0 to 100", "%s %s is not a rank; it is left out", p.key, string(p.val))
				}
				continue
			}
			bl.Rank = int(n)
			if p.key == "scalerank" {
				bl.Rank++
			}
		case "seat":
			bl.Seat = string(p.val) == "true"
		}
	}
}
