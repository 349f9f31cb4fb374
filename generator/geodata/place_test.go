package geodata

import (
	"fmt"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// boundary returns the boundary with code.
func boundary(t *testing.T, bs []model.Boundary, code string) model.Boundary {
	t.Helper()
	for _, b := range bs {
		if b.Code == code {
			return b
		}
	}
	t.Fatalf("no boundary %s", code)
	return model.Boundary{}
}

// inside returns a point inside ring: its centroid, checked.
func inside(t *testing.T, ring orb.Ring) orb.Point {
	t.Helper()
	c, _ := planar.CentroidArea(orb.Polygon{ring})
	if !planar.RingContains(ring, c) {
		t.Fatalf("the centroid %v is not inside the ring", c)
	}
	return c
}

// smallest returns the polygon of mp with the fewest vertices.
func smallest(mp orb.MultiPolygon) orb.Polygon {
	best := mp[0]
	for _, p := range mp[1:] {
		if len(p[0]) < len(best[0]) {
			best = p
		}
	}
	return best
}

func TestPlace(t *testing.T) {
	bs := realBoundaries(t)

	// Ånge (2260) has a hole; the land in it is Sundsvall's (2281).
	ange := boundary(t, bs, "2260").Geometry.(orb.Polygon)
	if len(ange) != 2 {
		t.Fatalf("Ånge has %d rings, want an outer ring and a hole", len(ange))
	}
	exclave := inside(t, ange[1])
	if planar.PolygonContains(ange, exclave) {
		t.Fatal("the point in the hole is in Ånge's polygon")
	}
	// The part of a MultiPolygon away from the rest: Kramfors's island.
	island := inside(t, smallest(boundary(t, bs, "2282").Geometry.(orb.MultiPolygon))[0])

	tests := []struct {
		name     string
		lon, lat float64
		stated   string
		want     string // the municipality after placement
		wantDiag string
	}{
		{name: "Sundsvall", lon: 17.31, lat: 62.39, want: "sundsvall"},
		{name: "Ånge", lon: 15.66, lat: 62.52, want: "ange"},
		{name: "Härnösand", lon: 17.94, lat: 62.63, want: "harnosand"},
		{name: "Örnsköldsvik", lon: 18.72, lat: 63.29, want: "ornskoldsvik"},
		{name: "Kramfors", lon: 17.78, lat: 62.93, want: "kramfors"},
		{name: "Sollefteå", lon: 17.27, lat: 63.17, want: "solleftea"},
		{name: "Timrå", lon: 17.33, lat: 62.49, want: "timra"},
		{name: "the Sundsvall exclave in Ånge's hole", lon: exclave[0], lat: exclave[1], want: "sundsvall"},
		{name: "an island part of Kramfors", lon: island[0], lat: island[1], want: "kramfors"},
		{name: "the sea inside Sundsvall's area", lon: 17.75, lat: 62.35, want: "sundsvall"},
		{name: "stated and right", lon: 17.31, lat: 62.39, stated: "sundsvall", want: "sundsvall"},
		{name: "stated in the exclave", lon: exclave[0], lat: exclave[1], stated: "sundsvall", want: "sundsvall"},
		{
			name: "outside every municipality", lon: 18.3, lat: 62.3,
			wantDiag: `geodata/test.geojson: features[0]: "outside every municipality" at 18.30000, 62.30000 lies in no municipality of the site; check the coordinates (GeoJSON is [longitude, latitude]), or add the municipality and its boundary`,
		},
		{
			name: "stated but elsewhere", lon: exclave[0], lat: exclave[1], stated: "ange", want: "ange",
			wantDiag: fmt.Sprintf(`geodata/test.geojson: features[0]: "stated but elsewhere" has municipality "ange", but at %.5f, %.5f it lies in Sundsvall (sundsvall); correct the coordinates or the municipality; a point without "municipality" is placed where it lies`, exclave[0], exclave[1]),
		},
		{
			name: "stated and outside", lon: 18.3, lat: 62.3, stated: "sundsvall", want: "sundsvall",
			wantDiag: `geodata/test.geojson: features[0]: "stated and outside" at 18.30000, 62.30000 lies in no municipality of the site; check the coordinates (GeoJSON is [longitude, latitude]), or add the municipality and its boundary`,
		},
		{
			name: "unknown municipality", lon: 17.31, lat: 62.39, stated: "sundsval", want: "sundsval",
			wantDiag: `geodata/test.geojson: features[0]: "unknown municipality": unknown municipality "sundsval"; did you mean "sundsvall"?`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			points := []model.Point{{Name: tt.name, Lon: tt.lon, Lat: tt.lat, Municipality: tt.stated, File: "geodata/test.geojson"}}
			var l diag.List
			Place(points, bs, siteCodes, &l)
			if got := points[0].Municipality; got != tt.want {
				t.Errorf("Municipality = %q, want %q", got, tt.want)
			}
			if got := strings.TrimSuffix(lines(&l), "\n"); got != tt.wantDiag {
				t.Errorf("diagnostics:\n got %s\nwant %s", got, tt.wantDiag)
			}
		})
	}
}

func TestPlaceUniqueSlugs(t *testing.T) {
	bs := realBoundaries(t)
	at := func(name, file string, feature int, lon, lat float64) model.Point {
		return model.Point{Name: name, Slug: "ignored", File: file, Feature: feature, Lon: lon, Lat: lat}
	}
	points := []model.Point{
		at("Biblioteket", "geodata/bibliotek.geojson", 0, 17.31, 62.39),
		at("Biblioteket", "geodata/bibliotek.geojson", 1, 17.32, 62.40),
		at("Biblioteket", "geodata/bibliotek.geojson", 2, 15.66, 62.52), // another municipality
		at("Biblioteket 2", "geodata/bibliotek.geojson", 3, 17.33, 62.38),
		at("Biblioteket", "geodata/kultur.geojson", 0, 17.34, 62.38),
	}
	var l diag.List
	Place(points, bs, siteCodes, &l)
	if l.Len() > 0 {
		t.Fatal(lines(&l))
	}
	var got []string
	for _, p := range points {
		got = append(got, p.Municipality+"/"+p.Slug)
	}
	want := "sundsvall/biblioteket sundsvall/biblioteket-2 ange/biblioteket sundsvall/biblioteket-2-2 sundsvall/biblioteket-3"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("\n got %s\nwant %s", g, want)
	}
	// Placing again gives the same slugs.
	Place(points, bs, siteCodes, &l)
	var again []string
	for _, p := range points {
		again = append(again, p.Municipality+"/"+p.Slug)
	}
	if g := strings.Join(again, " "); g != want {
		t.Errorf("second Place:\n got %s\nwant %s", g, want)
	}
}

// TestPlaceNational places the town centres against all 290 boundaries,
// of which only the seven are municipalities of the site.
func TestPlaceNational(t *testing.T) {
	bs, _ := nationalBoundaries(t)
	var l diag.List
	points := []model.Point{
		{Name: "Sundsvall", Lon: 17.31, Lat: 62.39, File: "x"},
		{Name: "Ånge", Lon: 15.66, Lat: 62.52, File: "x", Feature: 1},
		{Name: "Stockholm", Lon: 18.07, Lat: 59.33, File: "x", Feature: 2},
	}
	Place(points, bs, siteCodes, &l)
	if points[0].Municipality != "sundsvall" || points[1].Municipality != "ange" {
		t.Errorf("placed in %q and %q", points[0].Municipality, points[1].Municipality)
	}
	want := `x: features[2]: "Stockholm" at 18.07000, 59.33000 lies in no municipality of the site: it is in Stockholm (0180); check the coordinates (GeoJSON is [longitude, latitude]), or add the municipality and its boundary` + "\n"
	if got := lines(&l); got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

// TestRasterAgreesWithPlanar checks the raster against planar on a dense
// grid over the county, on every vertex and on the middle of every edge.
func TestRasterAgreesWithPlanar(t *testing.T) {
	for _, b := range realBoundaries(t) {
		r := newRegion(b, b.Code)
		var pts []orb.Point
		const n = 128 // two points in each raster cell
		for i := 0; i <= n; i++ {
			for j := 0; j <= n; j++ {
				pts = append(pts, orb.Point{
					r.bound.Min[0] + (float64(i)+0.25)/n*(r.bound.Max[0]-r.bound.Min[0]),
					r.bound.Min[1] + (float64(j)+0.25)/n*(r.bound.Max[1]-r.bound.Min[1]),
				})
			}
		}
		for _, pg := range r.polys {
			for _, ring := range pg.p {
				for k := range ring {
					a, c := ring[k], ring[(k+1)%len(ring)]
					pts = append(pts, a, orb.Point{(a[0] + c[0]) / 2, (a[1] + c[1]) / 2})
				}
			}
		}
		// The raster must answer for most cells, or it saves nothing.
		if cells := r.polys[len(r.polys)-1].cells; cells != nil {
			var in, out int
			for _, c := range cells {
				in += btoi(c == cellIn)
				out += btoi(c == cellOut)
			}
			if in < len(cells)/16 || in+out < len(cells)/2 {
				t.Errorf("%s: %d cells inside and %d outside of %d", b.Name, in, out, len(cells))
			}
		}
		for _, pt := range pts {
			want := false
			for _, pg := range r.polys {
				want = want || planar.PolygonContains(pg.p, pt)
			}
			if got := r.contains(pt); got != want {
				t.Fatalf("%s (%s): %v: raster says %v, planar %v", b.Name, b.Code, pt, got, want)
			}
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
