package geodata

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/hours"
)

// checkPositions fails unless every diagnostic names file and a line and
// column that exist in src (or just past its end).
func checkPositions(t *testing.T, file string, src []byte, l *diag.List, lineless bool) {
	t.Helper()
	lines := bytes.Split(bytes.TrimPrefix(src, []byte("\ufeff")), []byte("\n"))
	for _, d := range l.Items() {
		p := d.Pos
		if p.File != file {
			t.Errorf("%s: file is %q, want %q", d, p.File, file)
		}
		if p.Feature < 0 {
			t.Errorf("%s: feature %d", d, p.Feature)
		}
		if lineless && p.Line == 0 && p.Col == 0 && p.Feature > 0 {
			continue // Place: a feature, but no line
		}
		if p.Line < 1 || p.Col < 1 {
			t.Errorf("%s: line and column must be 1 or more", d)
			continue
		}
		if p.Line > len(lines) {
			t.Errorf("%s: the input has %d lines", d, len(lines))
			continue
		}
		if n := utf8.RuneCount(lines[p.Line-1]); p.Col > n+1 {
			t.Errorf("%s: line %d has %d characters", d, p.Line, n)
		}
	}
}

func FuzzLoadPoints(f *testing.F) {
	for _, pattern := range []string{"testdata/bad/*.geojson", "../../geodata/*.geojson"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if src, err := os.ReadFile(name); err == nil && len(src) < 64<<10 {
				f.Add(src)
			}
		}
	}
	for _, s := range []string{
		`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[17.3,62.4]},"properties":{"name":"A","url":"javascript:x","opening_hours":"Mo-Fr 08:00-16:00; PH off"}}]}`,
		`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[-Infinity,NaN]},"properties":{"name":NaN}}]}`,
		`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1e400,-1e400]},"properties":{"name":"\u00e5\ud800"}}]}`,
		`{"type":"FeatureCollection","features":[null,1,"x",[],{}]}`,
		"\ufeff{\"type\":\"FeatureCollection\",\"features\":[\r\n{\"type\":\"Feature\"}]}",
		`{"features":[{"properties":{"name":"x","name":"y"},"geometry":{"type":"Point","coordinates":[17,62]}}],"type":"FeatureCollection"}`,
	} {
		f.Add([]byte(s))
	}
	const file = "geodata/bibliotek.geojson"
	var l0 diag.List
	src, err := os.ReadFile("../../geodata/municipalities.geojson")
	if err != nil {
		f.Fatal(err)
	}
	bs := LoadBoundaries("geodata/municipalities.geojson", src, &l0)
	f.Fuzz(func(t *testing.T, src []byte) {
		var l diag.List
		points := LoadPoints(file, src, testCategories, &l)
		checkPositions(t, file, src, &l, false)
		for _, p := range points {
			if math.IsNaN(p.Lon) || math.IsNaN(p.Lat) || p.Lon < -180 || p.Lon > 180 || p.Lat < -90 || p.Lat > 90 {
				t.Errorf("point %q at %v, %v", p.Name, p.Lon, p.Lat)
			}
			if p.URL != "" && !strings.HasPrefix(p.URL, "https://") && !strings.HasPrefix(p.URL, "http://") {
				t.Errorf("point %q has url %q", p.Name, p.URL)
			}
			if p.Category != "" && !contains(testCategories, p.Category) {
				t.Errorf("point %q has category %q", p.Name, p.Category)
			}
			// The hours are what hours.Parse makes of the value; FuzzParse
			// in package hours checks that value.
			if h, _ := hours.Parse(p.Hours.Raw); !reflect.DeepEqual(h, p.Hours) {
				t.Errorf("point %q has hours %+v, want %+v", p.Name, p.Hours, h)
			}
		}
		if len(points) > 0 {
			var lp diag.List
			Place(points, bs, siteCodes, &lp)
			checkPositions(t, file, src, &lp, true)
		}

		var lb diag.List
		LoadBoundaries(file, src, &lb)
		checkPositions(t, file, src, &lb, false)
	})
}
