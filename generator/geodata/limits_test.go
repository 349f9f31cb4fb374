package geodata

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
)

// TestLimits: a file with more features than maxFeatures, or a geometry
// with more positions than maxVertices, is an error that names the
// feature; the features before it are read. (The limits are lowered for
// the test; MaxFeatures and MaxVertices are far above real data:
// TestRealDataWithinLimits.)
func TestLimits(t *testing.T) {
	defer func(f, v int) { maxFeatures, maxVertices = f, v }(maxFeatures, maxVertices)
	maxFeatures, maxVertices = 3, 5
	point := func(i int) string {
		return fmt.Sprintf(`{"type":"Feature","geometry":{"type":"Point","coordinates":[17.%d,62.4]},"properties":{"name":"Plats %d"}}`, i, i)
	}
	points := func(n int) string {
		var fs []string
		for i := range n {
			fs = append(fs, point(i))
		}
		return `{"type":"FeatureCollection","features":[` + "\n" + strings.Join(fs, ",\n") + "]}"
	}
	ring := func(n int) string {
		var ps []string
		for i := range n - 1 {
			ps = append(ps, fmt.Sprintf("[17.%d,62.%d]", i, i%2))
		}
		ps = append(ps, ps[0])
		return "[[" + strings.Join(ps, ",") + "]]"
	}
	boundary := func(n int) string {
		return `{"type":"FeatureCollection","features":[` + "\n" + `{"type":"Feature","properties":{"code":"2281","name":"Sundsvall"},"geometry":{"type":"Polygon","coordinates":` + ring(n) + "}}]}"
	}
	lake := func(n int) string {
		return `{"type":"FeatureCollection","features":[` + "\n" + `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":` + ring(n) + "}}]}"
	}
	lakes := func(n int) string {
		var fs []string
		for range n {
			fs = append(fs, `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":`+ring(4)+"}}")
		}
		return `{"type":"FeatureCollection","features":[` + "\n" + strings.Join(fs, ",\n") + "]}"
	}
	tests := []struct {
		name, file, src string
		load            func(file, src string, l *diag.List) int
		n               int    // what is read
		want            string // the error
	}{
		{"points at the limit", "geodata/platser/bibliotek.geojson", points(3), loadPoints, 3, ""},
		{"points past the limit", "geodata/platser/bibliotek.geojson", points(5), loadPoints, 3,
			"geodata/platser/bibliotek.geojson:5:1: features[3]: the file has more than 3 features; split the features into several files"},
		{"a boundary at the limit", "geodata/municipalities.geojson", boundary(5), loadBoundaries, 1, ""},
		{"a boundary past the limit", "geodata/municipalities.geojson", boundary(6), loadBoundaries, 0,
			"geodata/municipalities.geojson:2:172: features[0]: boundary 2281 (Sundsvall) has more than 5 positions; simplify the geometry, e.g. with mapshaper -simplify 10%"},
		{"a lake past the limit", "geodata/base/lakes.geojson", lake(6), loadBase, 0,
			"geodata/base/lakes.geojson:2:140: features[0]: the Polygon has more than 5 positions; simplify the geometry, e.g. with mapshaper -simplify 10%"},
		{"base features past the limit", "geodata/base/lakes.geojson", lakes(5), loadBase, 3,
			"geodata/base/lakes.geojson:5:1: features[3]: the file has more than 3 features; split the features into several files"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			n := tt.load(tt.file, tt.src, &l)
			var errs []string
			for _, d := range l.Items() {
				if d.Severity == diag.Error {
					errs = append(errs, d.String())
				}
			}
			got := strings.Join(errs, "\n")
			if tt.want == "" && got != "" || tt.want != "" && !strings.HasPrefix(got, tt.want) {
				t.Errorf("errors:\n%s\nwant\n%s", got, tt.want)
			}
			if n != tt.n {
				t.Errorf("read %d, want %d", n, tt.n)
			}
			checkPositions(t, tt.file, []byte(tt.src), &l, false)
		})
	}
}

func loadPoints(file, src string, l *diag.List) int {
	return len(LoadPoints(file, []byte(src), testCategories, l))
}

func loadBoundaries(file, src string, l *diag.List) int {
	return len(LoadBoundaries(file, []byte(src), l))
}

func loadBase(file, src string, l *diag.List) int { return len(LoadBase(file, []byte(src), l)) }

// TestRealDataWithinLimits: the boundaries of Sweden and the example's
// layers are far within MaxVertices and MaxFeatures (at least ten times).
func TestRealDataWithinLimits(t *testing.T) {
	for _, f := range []string{"../../testdata/geodata/sweden-municipalities.geojson", "../../geodata/base/land.geojson", "../../geodata/platser/bibliotek.geojson"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		features, most := 0, 0
		s := newSource(f, src)
		readFeatures(s, &diag.List{}, func(ft *feature) {
			features++
			if ft.geom == nil {
				return
			}
			if n := bytes.Count(ft.geom, []byte("],")) + 1; n > most {
				most = n
			}
		})
		if features*10 > MaxFeatures || most*10 > MaxVertices || features == 0 || most == 0 {
			t.Errorf("%s: %d features, at most about %d positions in one", f, features, most)
		}
		t.Logf("%s: %d features, at most about %d positions in one", f, features, most)
	}
}
