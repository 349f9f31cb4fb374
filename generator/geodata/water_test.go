package geodata

import (
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
)

// TestCheckWater: a point in the sea (outside the land layer) or in a
// lake is a warning that names the file, the feature, the point, where it
// lies and how far the shore is; a point on land, or on an island in the
// lake, is not.
func TestCheckWater(t *testing.T) {
	ring := func(x0, y0, x1, y1 float64) orb.Ring {
		return orb.Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}
	}
	base := []model.BaseLayer{
		{Kind: "land", Geometry: orb.MultiPolygon{{ring(17.0, 62.0, 17.2, 62.2)}, {ring(17.3, 62.0, 17.31, 62.01)}}},
		{Kind: "water", Name: "Storsjön", Geometry: orb.Polygon{ring(17.05, 62.05, 17.1, 62.1), ring(17.07, 62.07, 17.08, 62.08)}},
		{Kind: "water", Geometry: orb.LineString{{17.0, 62.0}, {17.2, 62.2}}}, // a river: no area
	}
	points := []model.Point{
		{File: "geodata/a.geojson", Feature: 0, Name: "På land", Lon: 17.01, Lat: 62.01},
		{File: "geodata/a.geojson", Feature: 1, Name: "Ute i havet", Lon: 17.21, Lat: 62.1},
		{File: "geodata/a.geojson", Feature: 2, Name: "Mitt i sjön", Lon: 17.055, Lat: 62.075},
		{File: "geodata/a.geojson", Feature: 3, Name: "På holmen", Lon: 17.075, Lat: 62.075},
		{File: "geodata/a.geojson", Feature: 4, Name: "På ön", Lon: 17.305, Lat: 62.005},
	}
	l := &diag.List{}
	CheckWater(points, base, l)
	var got []string
	for _, d := range l.Items() {
		got = append(got, d.String())
	}
	want := []string{
		`geodata/a.geojson: features[1]: warning: "Ute i havet" at 17.21000, 62.10000 lies in the sea 520 m from the shore`,
		`geodata/a.geojson: features[2]: warning: "Mitt i sjön" at 17.05500, 62.07500 lies in Storsjön, 260 m from its shore`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d warnings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("warning %d:\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
	// Without base layers, nothing is checked.
	l = &diag.List{}
	CheckWater(points, nil, l)
	if l.Len() != 0 {
		t.Errorf("no base layers, yet %d warnings", l.Len())
	}
}
