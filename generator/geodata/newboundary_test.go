package geodata

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
)

// A small square near Timrå, and one near Sundsvall, as GeoJSON rings.
const (
	timraRing     = `[[[17.3,62.5],[17.4,62.5],[17.4,62.6],[17.3,62.6],[17.3,62.5]]]`
	sundsvallRing = `[[[17.2,62.3],[17.3,62.3],[17.3,62.4],[17.2,62.4],[17.2,62.3]]]`
)

func squareFeature(props string) string {
	return `{"type":"Feature","properties":` + props + `,"geometry":{"type":"Polygon","coordinates":` + timraRing + `}}`
}

// TestReadBoundary: the boundary of a new municipality is taken from a
// Feature or from a FeatureCollection of one or many municipalities, with
// the property names of Lantmäteriet's and SCB's open data; a file that
// is no GeoJSON, a geometry that is no area, positions in SWEREF 99 TM and
// a feature of another municipality are reported with file, feature, line
// and column.
func TestReadBoundary(t *testing.T) {
	for _, tc := range []struct {
		name, src, code, muni string
		want                  string // the boundary's code, name and geometry type; or the diagnostics
	}{
		{"a Feature with SCB's property names",
			squareFeature(`{"KnKod":"2262","KnNamn":"Timrå","LnKod":"22"}`), "2262", "Timrå kommun",
			"2262 Timrå Polygon"},
		{"a county's FeatureCollection with Lantmäteriet's names: the feature of the code",
			`{"type":"FeatureCollection","features":[` + squareFeature(`{"kommunkod":"2262","kommunnamn":"Timrå"}`) + `,
{"type":"Feature","properties":{"kommunkod":"2281","kommunnamn":"Sundsvall"},"geometry":{"type":"MultiPolygon","coordinates":[` + sundsvallRing + `,` + timraRing + `]}}]}`,
			"2281", "Sundsvalls kommun", "2281 Sundsvall MultiPolygon"},
		{"a code written as a number keeps its leading zero",
			squareFeature(`{"code":114,"name":"Upplands Väsby"}`), "0114", "Upplands Väsby kommun",
			"0114 Upplands Väsby Polygon"},
		{"the one feature of a file without a code",
			`{"type":"FeatureCollection","features":[` + squareFeature(`{}`) + `]}`, "2262", "Timrå kommun",
			"2262  Polygon"},
		{"not GeoJSON but a JSON array", `[17.3, 62.5]`, "2262", "",
			`x.geojson:1:1: the file is not a GeoJSON Feature or FeatureCollection; ` + newBoundaryHint},
		{"not JSON", "kommunkod;kommunnamn\n2262;Timrå\n", "2262", "",
			`x.geojson:1:1: cannot read GeoJSON: invalid character 'k' looking for beginning of value; the file must be valid JSON: check for a missing comma, bracket or quote`},
		{"a bare geometry", `{"type":"Polygon","coordinates":` + timraRing + `}`, "2262", "",
			`x.geojson:1:1: the file is a GeoJSON "Polygon", not a Feature or FeatureCollection; ` + newBoundaryHint},
		{"a point, not an area",
			`{"type":"Feature","properties":{"code":"2262"},"geometry":{"type":"Point","coordinates":[17.3,62.5]}}`, "2262", "",
			`x.geojson:1:67: boundary 2262 is a Point; boundaries are Polygon or MultiPolygon features`},
		{"positions in SWEREF 99 TM",
			`{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"KnKod":"2262","KnNamn":"Timrå"},"geometry":{"type":"Polygon","coordinates":[[[617000,6920000],[627000,6920000],[627000,6930000],[617000,6920000]]]}}]}`,
			"2262", "",
			`x.geojson:2:111: features[0]: boundary 2262 (Timrå) has a position in metres, [617000, 6920000], as in SWEREF 99 TM; convert the file to longitude and latitude (WGS 84), e.g. ogr2ogr -f GeoJSON -t_srs EPSG:4326 kommun.geojson FILE`},
		{"the file's one municipality is another",
			squareFeature(`{"code":"2262","name":"Timrå"}`), "2281", "Sundsvalls kommun",
			`x.geojson:1:1: no feature has code 2281 (the file has code 2262); check --code, or take the municipality's boundary from a file that has it; the code is read from the property code, kommunkod, KnKod, kod`},
		{"the code's name is another municipality's",
			squareFeature(`{"code":"2262","name":"Timrå"}`), "2262", "Sundsvalls kommun",
			`x.geojson:1:54: the boundary with code 2262 is Timrå, not Sundsvalls kommun; check --code 2262, or take the feature of Sundsvalls kommun from the file`},
		{"two features of the code",
			`{"type":"FeatureCollection","features":[` + squareFeature(`{"code":"2262"}`) + `,` + squareFeature(`{"code":"2262"}`) + `]}`, "2262", "",
			`x.geojson:1:197: features[1]: the file has two boundaries for code 2262; merge the features of code 2262 into one MultiPolygon`},
		{"many features, none with a code",
			`{"type":"FeatureCollection","features":[` + squareFeature(`{"namn":"Timrå"}`) + `,` + squareFeature(`{"namn":"Sundsvall"}`) + `]}`, "2262", "",
			`x.geojson:1:1: the file has 2 features and none has a code; give the municipality's feature its "code" (the SCB municipality code), or keep only that feature in the file`},
		{"no feature at all", `{"type":"FeatureCollection","features":[]}`, "2262", "",
			`x.geojson:1:1: the file has no feature; ` + newBoundaryHint},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := &diag.List{}
			b, ok := ReadBoundary("x.geojson", []byte(tc.src), tc.code, tc.muni, l)
			got := strings.TrimSuffix(lines(l), "\n")
			if ok {
				if got != "" {
					t.Errorf("ok, with diagnostics:\n%s", got)
				}
				got = b.Code + " " + b.Name + " " + b.Geometry.GeoJSONType()
			} else if got == "" {
				t.Errorf("not ok, without a diagnostic")
			}
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// TestBoundaryFeature: a boundary written by BoundaryFeature reads back
// as the same boundary, its positions rounded to 5 decimals.
func TestBoundaryFeature(t *testing.T) {
	for _, b := range realBoundaries(t) {
		l := &diag.List{}
		got, ok := ReadBoundary("f.geojson", BoundaryFeature(b), b.Code, b.Name, l)
		if !ok {
			t.Fatalf("%s: %s", b.Code, lines(l))
		}
		if got.Code != b.Code || got.Name != b.Name || got.Geometry.GeoJSONType() != b.Geometry.GeoJSONType() {
			t.Errorf("%s %s %s read back as %s %s %s", b.Code, b.Name, b.Geometry.GeoJSONType(), got.Code, got.Name, got.Geometry.GeoJSONType())
		}
		// The example's positions have 5 decimals already; Kramfors has a
		// position twice in a row, which is written once.
		if !orb.Equal(got.Geometry, withoutRepeats(b.Geometry)) {
			t.Errorf("%s: the geometry changed", b.Code)
		}
	}
	// More decimals are rounded, and a position repeated by the rounding is left out.
	b := model.Boundary{Code: "2262", Name: "Timrå", Geometry: orb.Polygon{{
		{17.300001, 62.5}, {17.3000012, 62.5}, {17.4, 62.5}, {17.4, 62.6}, {17.3, 62.6}, {17.300001, 62.5}}}}
	want := `{"type":"Feature","properties":{"code":"2262","name":"Timrå"},"geometry":{"type":"Polygon","coordinates":[[[17.3,62.5],[17.4,62.5],[17.4,62.6],[17.3,62.6],[17.3,62.5]]]}}`
	if got := string(BoundaryFeature(b)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// withoutRepeats is g without a position that repeats the one before it.
func withoutRepeats(g orb.Geometry) orb.Geometry {
	poly := func(p orb.Polygon) orb.Polygon {
		var out orb.Polygon
		for _, r := range p {
			var ring orb.Ring
			for _, pt := range r {
				if len(ring) == 0 || ring[len(ring)-1] != pt {
					ring = append(ring, pt)
				}
			}
			out = append(out, ring)
		}
		return out
	}
	switch g := g.(type) {
	case orb.Polygon:
		return poly(g)
	case orb.MultiPolygon:
		var out orb.MultiPolygon
		for _, p := range g {
			out = append(out, poly(p))
		}
		return out
	}
	return g
}

// TestAddBoundary: a new boundary goes among the site's boundaries in the
// order of the codes, and the rest of the file stays as it was.
func TestAddBoundary(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "geodata", "municipalities.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	// The example's file without Timrå (2262): its features as they are
	// written, and the file around them.
	var fc struct {
		Type        string            `json:"type"`
		Attribution string            `json:"attribution"`
		Features    []json.RawMessage `json:"features"`
	}
	if err := json.Unmarshal(src, &fc); err != nil {
		t.Fatal(err)
	}
	var timra []byte
	fc.Features = slices.DeleteFunc(fc.Features, func(f json.RawMessage) bool {
		if bytes.Contains(f, []byte(`"code":"2262"`)) {
			timra = f
			return true
		}
		return false
	})
	without, _ := json.Marshal(fc)
	feature := func(code string) []byte {
		return []byte(`{"type":"Feature","properties":{"code":"` + code + `","name":"Ny"},"geometry":{"type":"Polygon","coordinates":` + timraRing + `}}`)
	}
	for _, tc := range []struct {
		name      string
		src, add  []byte
		code      string
		wantCodes string
		wantDiag  string
	}{
		{"between two codes", without, timra, "2262", "2260 2262 2280 2281 2282 2283 2284", ""},
		{"first", without, feature("0114"), "0114", "0114 2260 2280 2281 2282 2283 2284", ""},
		{"last", without, feature("2321"), "2321", "2260 2280 2281 2282 2283 2284 2321", ""},
		{"into an empty collection", []byte("{\"type\": \"FeatureCollection\", \"features\": [ ]}\n"), feature("2262"), "2262", "2262", ""},
		{"a new file", nil, feature("2262"), "2262", "2262", ""},
		{"a code the site has", src, feature("2281"), "2281", "",
			"geodata/municipalities.geojson:1:9324: features[3]: the site has a boundary for code 2281 already (Sundsvall); remove it first, or leave out --boundary to keep it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := &diag.List{}
			out, ok := AddBoundary("geodata/municipalities.geojson", tc.src, tc.add, tc.code, l)
			if got := strings.TrimSuffix(lines(l), "\n"); got != tc.wantDiag || ok != (tc.wantDiag == "") {
				t.Fatalf("ok %v, diagnostics:\n%s\nwant:\n%s", ok, got, tc.wantDiag)
			}
			if !ok {
				return
			}
			check := &diag.List{}
			var codes []string
			for _, b := range LoadBoundaries("geodata/municipalities.geojson", out, check) {
				codes = append(codes, b.Code)
			}
			if check.Len() > 0 || strings.Join(codes, " ") != tc.wantCodes {
				t.Errorf("the new file has the codes %q, want %q; diagnostics:\n%s", codes, tc.wantCodes, lines(check))
			}
			// Take the new feature out again: what is left is the file as it was.
			i := bytes.Index(out, tc.add)
			rest := append(slices.Clone(out[:i]), out[i+len(tc.add):]...)
			switch {
			case len(tc.src) == 0:
			case bytes.Equal(rest[i-1:i+1], []byte(",,")) || rest[i] == ',' && rest[i-1] == '[':
				rest = slices.Delete(rest, i, i+1)
			case rest[i-1] == ',':
				rest = slices.Delete(rest, i-1, i)
			}
			if len(tc.src) > 0 && !bytes.Equal(rest, tc.src) {
				t.Errorf("the rest of the file changed:\n%s", rest)
			}
		})
	}
}

// FuzzReadBoundary: no input panics ReadBoundary; every problem names the
// file and a line and column in it; a boundary read is written and read
// again by BoundaryFeature and ReadBoundary, and added to a boundaries
// file that then loads.
func FuzzReadBoundary(f *testing.F) {
	for _, s := range []string{
		squareFeature(`{"KnKod":"2262","KnNamn":"Timrå"}`),
		`{"type":"FeatureCollection","features":[` + squareFeature(`{"kommunkod":2262}`) + `,` + squareFeature(`{"code":"2281"}`) + `]}`,
		`{"type":"Feature","properties":{"code":"2262"},"geometry":{"type":"MultiPolygon","coordinates":[[[[617000,6920000],[1,2],[3,4],[617000,6920000]]]]}}`,
		`{"type":"Feature","properties":null,"geometry":{"type":"Polygon","coordinates":[[[NaN,1],[2,3]]]}}`,
		`{"type":"FeatureCollection","features":[null,1,{"type":"Feature"}]}`,
		`[]`, `"x"`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		l := &diag.List{}
		b, ok := ReadBoundary("in.geojson", src, "2262", "Timrå kommun", l)
		checkPositions(t, "in.geojson", src, l, false)
		if !ok {
			return
		}
		feature := BoundaryFeature(b)
		l2 := &diag.List{}
		if _, ok := ReadBoundary("f.geojson", feature, "2262", "", l2); !ok {
			// Rounding to 5 decimals may collapse a ring of a boundary smaller than a metre.
			if !strings.Contains(lines(l2), "fewer than 4 positions") && !strings.Contains(lines(l2), "without rings") && !strings.Contains(lines(l2), "has no polygon") {
				t.Fatalf("%s does not read back: %s", feature, lines(l2))
			}
			return
		}
		out, ok := AddBoundary("b.geojson", nil, feature, "2262", l2)
		if !ok || len(LoadBoundaries("b.geojson", out, l2)) != 1 {
			t.Fatalf("added, %s does not load: %s", out, lines(l2))
		}
	})
}
