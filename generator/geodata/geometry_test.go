package geodata

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/paulmach/orb"
)

// TestGeometriesAsEncodingJSON checks that the coordinates reader gives the
// geometries encoding/json gives (as orb's GeoJSON decoder did), to the
// bit, for the example site's boundaries and Sweden's 290.
func TestGeometriesAsEncodingJSON(t *testing.T) {
	for _, file := range []string{
		golden.RepoFile(t, "geodata/municipalities.geojson"),
		golden.RepoFile(t, nationalFile),
	} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var l diag.List
		bs := LoadBoundaries(filepath.Base(file), src, &l)
		if l.Len() > 0 {
			t.Fatalf("%s:\n%s", file, lines(&l))
		}
		var fc struct {
			Features []struct {
				Properties struct{ Code string }
				Geometry   struct {
					Type        string
					Coordinates json.RawMessage
				}
			}
		}
		if err := json.Unmarshal(src, &fc); err != nil {
			t.Fatal(err)
		}
		if len(bs) != len(fc.Features) {
			t.Fatalf("%s: %d boundaries of %d features", file, len(bs), len(fc.Features))
		}
		for i, f := range fc.Features {
			var want orb.Geometry
			switch f.Geometry.Type {
			case "Polygon":
				var p orb.Polygon
				err = json.Unmarshal(f.Geometry.Coordinates, &p)
				want = p
			case "MultiPolygon":
				var mp orb.MultiPolygon
				err = json.Unmarshal(f.Geometry.Coordinates, &mp)
				want = mp
			}
			if err != nil {
				t.Fatal(err)
			}
			if bs[i].Code != f.Properties.Code || !reflect.DeepEqual(bs[i].Geometry, want) {
				t.Errorf("%s: features[%d] (%s) differs from encoding/json", file, i, f.Properties.Code)
			}
		}
	}
}

func TestLoadBase(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            orb.Geometry
		kind, wantDiag  string
	}{
		{"a lake", "geodata/base/sjoar.geojson",
			`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[16,62],[17,62],[17,63,120],[16,62]]]}}]}`,
			orb.Polygon{{{16, 62}, {17, 62}, {17, 63}, {16, 62}}}, "water", ""},
		{"a road", "geodata/base/vagar.geojson",
			`{"type":"FeatureCollection","features":[{"type":"Feature","properties":null,"geometry":{"type":"MultiLineString","coordinates":[[[16.5,62.25],[17,62]]]}}]}`,
			orb.MultiLineString{{{16.5, 62.25}, {17, 62}}}, "road", ""},
		{"a land outline", "geodata/base/land.geojson",
			`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[16,62],[17,62],[17,63],[16,62]]]]}}]}`,
			orb.MultiPolygon{{{{16, 62}, {17, 62}, {17, 63}, {16, 62}}}}, "land", ""},
		{"a line", "geodata/base/roads.geojson",
			"{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[16,62],[17,-62]]}}]}",
			orb.LineString{{16, 62}, {17, -62}}, "road", ""},
		{"a line at [60, 20] is not taken for swapped", "geodata/base/land.geojson",
			`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[60,20],[61,21]]}}]}`,
			orb.LineString{{60, 20}, {61, 21}}, "land", ""},
		{"NaN", "geodata/base/sjoar.geojson",
			"{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[16,62],[NaN,62]]}}]}",
			nil, "", "geodata/base/sjoar.geojson:2:75: features[0]: the LineString has a coordinate that is NaN, which is not valid JSON; give every position as [longitude, latitude], in degrees, as [17.3069, 62.3908]"},
		{"not a FeatureCollection", "geodata/base/sjoar.geojson", `[]`,
			nil, "", `geodata/base/sjoar.geojson:1:1: the file is not a GeoJSON FeatureCollection; a GeoJSON file is {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": …, "properties": {…}}, …]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			got := LoadBase(tt.file, []byte(tt.src), &l)
			if d := lines(&l); d != tt.wantDiag+"\n" && !(d == "" && tt.wantDiag == "") {
				t.Errorf("diagnostics:\n%s\nwant\n%s", d, tt.wantDiag)
			}
			if tt.want == nil {
				if len(got) != 0 {
					t.Errorf("got %v, want nothing", got)
				}
				return
			}
			if len(got) != 1 || got[0].Kind != tt.kind || !reflect.DeepEqual(got[0].Geometry, tt.want) {
				t.Errorf("got %+v, want %s %v", got, tt.kind, tt.want)
			}
		})
	}
}

// FuzzLoadBase checks that base layers and boundaries read from any input
// do not panic, give geometries with every position in range, and name a
// position that exists in every diagnostic.
func FuzzLoadBase(f *testing.F) {
	for _, pattern := range []string{"testdata/bad/base/*.geojson", "testdata/bad/municipalities.geojson"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if src, err := os.ReadFile(name); err == nil {
				f.Add(src)
			}
		}
	}
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[1,2],[3,4],[5,6],[1,2]]],[],{}]}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2,3,4],[-Infinity,2]]}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","attribution":"Tätorter: © Lantmäteriet","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[17.3,62.4]},"properties":{"name":"Sundsvall","rank":1,"seat":true}},{"type":"Feature","geometry":{"type":"Point","coordinates":[17,62]},"properties":{"name":null,"rank":"x","scalerank":2.5}}]}`))
	const file, places = "geodata/base/sjoar.geojson", "geodata/base/places.geojson"
	f.Fuzz(func(t *testing.T, src []byte) {
		_ = Attribution(src)
		var lp diag.List
		for _, b := range LoadBase(places, src, &lp) {
			p, ok := b.Geometry.(orb.Point)
			if b.Kind != "places" || !ok || b.Name == "" || !(p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90) || b.Rank < 0 {
				t.Errorf("place %+v", b)
			}
		}
		checkPositions(t, places, src, &lp, false)
		var l diag.List
		layers := LoadBase(file, src, &l)
		checkPositions(t, file, src, &l, false)
		for _, b := range layers {
			if b.Kind != "water" {
				t.Errorf("kind %q", b.Kind)
			}
			var bad []orb.Point
			forEachPoint(b.Geometry, func(p orb.Point) {
				if !(p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90) {
					bad = append(bad, p)
				}
			})
			if len(bad) > 0 {
				t.Errorf("positions out of range: %v", bad)
			}
		}
		var lb diag.List
		for _, b := range LoadBoundaries(file, src, &lb) {
			forEachPoint(b.Geometry, func(p orb.Point) {
				if looksSwapped(p[0], p[1]) || !(p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90) {
					t.Errorf("boundary %s: position %v", b.Code, p)
				}
			})
		}
		checkPositions(t, file, src, &lb, false)
	})
}

func forEachPoint(g orb.Geometry, fn func(orb.Point)) {
	switch g := g.(type) {
	case orb.LineString:
		for _, p := range g {
			fn(p)
		}
	case orb.MultiLineString:
		for _, ls := range g {
			forEachPoint(ls, fn)
		}
	case orb.Polygon:
		for _, r := range g {
			forEachPoint(orb.LineString(r), fn)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			forEachPoint(p, fn)
		}
	}
}

// BenchmarkLoadBoundaries290 reads Sweden's 290 boundaries (2.4 MB);
// TestGeometriesAsEncodingJSON pins what it reads.
func BenchmarkLoadBoundaries290(b *testing.B) {
	src, err := os.ReadFile(golden.RepoFile(b, nationalFile))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var l diag.List
		if bs := LoadBoundaries("sweden.geojson", src, &l); len(bs) != 290 || l.Len() > 0 {
			b.Fatalf("%d boundaries, %d diagnostics", len(bs), l.Len())
		}
	}
}
