package maps

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// realBoundaries reads the bundled boundaries of the seven municipalities.
func realBoundaries(tb testing.TB) []model.Boundary {
	tb.Helper()
	return readBoundaries(tb, golden.RepoFile(tb, "geodata/municipalities.geojson"))
}

// readBoundaries reads a boundaries file with encoding/json: the maps
// package does not import geodata, its sibling, and the test files are
// valid.
func readBoundaries(tb testing.TB, path string) []model.Boundary {
	tb.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Properties struct{ Code, Name string }
			Geometry   struct {
				Type        string
				Coordinates json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(src, &fc); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	var out []model.Boundary
	for i, f := range fc.Features {
		g, err := decodeGeometry(f.Geometry.Type, f.Geometry.Coordinates)
		if err == nil && !slices.Contains([]string{"Polygon", "MultiPolygon"}, f.Geometry.Type) {
			err = fmt.Errorf("a %s, not a Polygon or MultiPolygon", f.Geometry.Type)
		}
		if err != nil {
			tb.Fatalf("%s: features[%d]: %v", path, i, err)
		}
		out = append(out, model.Boundary{Code: f.Properties.Code, Name: f.Properties.Name, Geometry: g})
	}
	return out
}

// decodeGeometry decodes the coordinates of a GeoJSON geometry of type
// typ: a Polygon, MultiPolygon, LineString, MultiLineString or Point.
func decodeGeometry(typ string, coords json.RawMessage) (orb.Geometry, error) {
	var g orb.Geometry
	var err error
	switch typ {
	case "Polygon":
		var p orb.Polygon
		err, g = json.Unmarshal(coords, &p), p
	case "MultiPolygon":
		var p orb.MultiPolygon
		err, g = json.Unmarshal(coords, &p), p
	case "LineString":
		var p orb.LineString
		err, g = json.Unmarshal(coords, &p), p
	case "MultiLineString":
		var p orb.MultiLineString
		err, g = json.Unmarshal(coords, &p), p
	case "Point":
		var p orb.Point
		err, g = json.Unmarshal(coords, &p), p
	default:
		err = fmt.Errorf("a %s, which the tests do not read", typ)
	}
	return g, err
}

func boundaryByCode(tb testing.TB, bs []model.Boundary, code string) (model.Boundary, []model.Boundary) {
	tb.Helper()
	for i, b := range bs {
		if b.Code == code {
			rest := append(append([]model.Boundary{}, bs[:i]...), bs[i+1:]...)
			return b, rest
		}
	}
	tb.Fatalf("no boundary %s", code)
	return model.Boundary{}, nil
}

var testCategories = []string{"bibliotek", "atervinningscentral", "badhus", "idrottshall",
	"badplats", "lekplats", "kontaktcenter", "forskola"}

// synthPoints returns n points spread over b (uniformly, with a third of
// them gathered around a few towns so that some cluster), the same for
// the same seed.
func synthPoints(b model.Boundary, n int, seed uint64) []model.Point {
	r := rand.New(rand.NewPCG(seed, 42))
	bound := b.Geometry.Bound()
	var mp orb.MultiPolygon
	switch g := b.Geometry.(type) {
	case orb.Polygon:
		mp = orb.MultiPolygon{g}
	case orb.MultiPolygon:
		mp = g
	}
	// towns: a few centres inside the area
	var towns []orb.Point
	for len(towns) < 5 {
		p := orb.Point{bound.Min[0] + r.Float64()*(bound.Max[0]-bound.Min[0]), bound.Min[1] + r.Float64()*(bound.Max[1]-bound.Min[1])}
		if planar.MultiPolygonContains(mp, p) {
			towns = append(towns, p)
		}
	}
	out := make([]model.Point, 0, n)
	for len(out) < n {
		var p orb.Point
		if len(out)%3 == 0 {
			t := towns[r.IntN(len(towns))]
			p = orb.Point{t[0] + r.NormFloat64()*0.04, t[1] + r.NormFloat64()*0.02}
		} else {
			p = orb.Point{bound.Min[0] + r.Float64()*(bound.Max[0]-bound.Min[0]), bound.Min[1] + r.Float64()*(bound.Max[1]-bound.Min[1])}
		}
		if !planar.MultiPolygonContains(mp, p) {
			continue
		}
		i := len(out)
		cat := testCategories[i%len(testCategories)]
		out = append(out, model.Point{
			Slug: fmt.Sprintf("%s-%d", cat, i), Name: fmt.Sprintf("Plats %d (%s)", i, cat),
			Category: cat, Municipality: "sundsvall", Lon: p[0], Lat: p[1],
		})
	}
	return out
}

// checkXML parses the whole output with encoding/xml and returns the
// first error.
func checkXML(svg []byte) error {
	d := xml.NewDecoder(bytes.NewReader(svg))
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if t.Name.Local != "svg" {
					return fmt.Errorf("root element is %s", t.Name.Local)
				}
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.ProcInst, xml.Directive:
			return fmt.Errorf("unexpected %T (no XML declaration or DOCTYPE in inline SVG)", t)
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d root elements", roots)
	}
	return nil
}
