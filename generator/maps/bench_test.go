package maps

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/generator/model"
)

// nationalBoundaries holds the boundaries of Sweden's 290 municipalities,
// from the module root.
const nationalBoundaries = "testdata/geodata/sweden-municipalities.geojson"

// benchArea500 is the input of BenchmarkArea500: Sundsvall with 500
// synthetic points and its neighbours.
func benchArea500(tb testing.TB) (model.Boundary, []model.Boundary, []model.Point, Options) {
	sv, rest := boundaryByCode(tb, realBoundaries(tb), "2281")
	return sv, rest, realisticPoints(synthPoints(sv, 500, 1)), Options{Title: "Sundsvall", Symbols: Symbols(testCategories)}
}

func BenchmarkArea500(b *testing.B) {
	sv, rest, pts, opt := benchArea500(b)
	b.ReportAllocs()
	for b.Loop() {
		Area(sv, rest, pts, opt)
	}
}

// TestBenchArea500 pins what the benchmark draws, so that a speed-up that
// skips work fails.
func TestBenchArea500(t *testing.T) {
	sv, rest, pts, opt := benchArea500(t)
	m := Area(sv, rest, pts, opt)
	if m.Points != 500 || m.Clusters != 64 || m.Skipped != 0 || m.Width != 800 || m.Height != 755 {
		t.Errorf("points %d, clusters %d, skipped %d, %d×%d", m.Points, m.Clusters, m.Skipped, m.Width, m.Height)
	}
}

// national reads the 290 boundaries; it fails the test if the file is
// missing.
func national(tb testing.TB) []model.Boundary {
	tb.Helper()
	return readBoundaries(tb, golden.RepoFile(tb, nationalBoundaries))
}

func BenchmarkRegion290(b *testing.B) {
	bs := national(b)
	opt := Options{Title: "Sverige", Links: func(code string) string { return "/" + code + "/" }}
	b.ReportAllocs()
	for b.Loop() {
		Region(bs, nil, opt)
	}
}

// TestBenchRegion290 pins the national map: 290 municipalities, each a
// link with one path.
func TestBenchRegion290(t *testing.T) {
	bs := national(t)
	m := Region(bs, nil, Options{Title: "Sverige", Links: func(code string) string { return "/" + code + "/" }})
	links, paths := 0, 0
	for _, e := range parseElements(t, m.SVG) {
		switch e.name {
		case "a":
			links++
		case "path":
			paths++
		}
	}
	if len(bs) != 290 || links != 290 || paths != 290 || m.Skipped != 0 {
		t.Errorf("%d boundaries, %d links, %d paths, %d skipped", len(bs), links, paths, m.Skipped)
	}
	t.Logf("national region map: %d bytes, %d×%d", len(m.SVG), m.Width, m.Height)
}

// benchRegion50k is the input of BenchmarkRegion50k: the seven
// municipalities with 50,000 synthetic points spread over all of them, the
// maps part of the 50,000-point benchmark (loading and placement
// are in generator/geodata).
func benchRegion50k(tb testing.TB) ([]model.Boundary, []model.Point, Options) {
	bs := realBoundaries(tb)
	var pts []model.Point
	for i, b := range bs {
		pts = append(pts, realisticPoints(synthPoints(b, 50000/len(bs)+boolInt(i < 50000%len(bs)), uint64(i+1)))...)
	}
	return bs, pts, Options{Title: "Västernorrland", Symbols: Symbols(testCategories)}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func BenchmarkRegion50k(b *testing.B) {
	bs, pts, opt := benchRegion50k(b)
	b.ReportAllocs()
	var m Map
	for b.Loop() {
		m = Region(bs, pts, opt)
	}
	b.ReportMetric(float64(len(m.SVG)), "bytes")
}

// TestBenchRegion50k pins the 50,000-point map: every point is drawn or
// counted in a cluster, and clustering keeps the map near the size of a
// municipality map (the 60 KB budget holds for municipality maps; a region
// with 50,000 points carries more cluster labels).
func TestBenchRegion50k(t *testing.T) {
	if testing.Short() {
		t.Skip("50,000 points")
	}
	bs, pts, opt := benchRegion50k(t)
	m := Region(bs, pts, opt)
	if len(pts) != 50000 || m.Skipped != 0 || m.Points != 50000 {
		t.Errorf("%d points in, %d drawn, %d skipped", len(pts), m.Points, m.Skipped)
	}
	if len(m.SVG) > 100<<10 {
		t.Errorf("the 50,000-point region map is %d bytes, over 100 KB", len(m.SVG))
	}
	t.Logf("50,000 points: %d bytes, %d clusters", len(m.SVG), m.Clusters)
}

// readBase reads a base layer file as the loader does (generator/geodata,
// which the maps package does not import): every feature a layer of kind,
// with its name, rank (a river's scalerank + 1) and seat.
func readBase(tb testing.TB, path string, kind LayerKind) []BaseLayer {
	tb.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Properties map[string]any
			Geometry   struct {
				Type        string
				Coordinates json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(src, &fc); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	var out []BaseLayer
	for i, f := range fc.Features {
		g, err := decodeGeometry(f.Geometry.Type, f.Geometry.Coordinates)
		if err != nil {
			tb.Fatalf("%s: features[%d]: %v", path, i, err)
		}
		l := BaseLayer{Kind: kind, Geometry: g}
		l.Name, _ = f.Properties["name"].(string)
		if r, ok := f.Properties["rank"].(float64); ok {
			l.Rank = int(r)
		}
		if r, ok := f.Properties["scalerank"].(float64); ok {
			l.Rank = int(r) + 1
		}
		l.Seat, _ = f.Properties["seat"].(bool)
		out = append(out, l)
	}
	return out
}

// exampleBase is the example site's base layers: the coast (GSHHG), lakes,
// rivers and towns of the county.
func exampleBase(tb testing.TB) []BaseLayer {
	dir := golden.RepoFile(tb, "geodata/base")
	var out []BaseLayer
	for _, l := range []struct {
		file string
		kind LayerKind
	}{{"land.geojson", Land}, {"lakes.geojson", Water}, {"rivers.geojson", Water}, {"places.geojson", Places}} {
		out = append(out, readBase(tb, filepath.Join(dir, l.file), l.kind)...)
	}
	return out
}

// BenchmarkRegion50kBase is BenchmarkRegion50k over the example's base
// layers, as the example site draws its maps.
func BenchmarkRegion50kBase(b *testing.B) {
	bs, pts, opt := benchRegion50k(b)
	opt.Base = exampleBase(b)
	b.ReportAllocs()
	var m Map
	for b.Loop() {
		m = Region(bs, pts, opt)
	}
	b.ReportMetric(float64(len(m.SVG)), "bytes")
}

// BenchmarkArea500Base is BenchmarkArea500 over the example's base layers.
func BenchmarkArea500Base(b *testing.B) {
	sv, rest, pts, opt := benchArea500(b)
	opt.Base = exampleBase(b)
	b.ReportAllocs()
	var m Map
	for b.Loop() {
		m = Area(sv, rest, pts, opt)
	}
	b.ReportMetric(float64(len(m.SVG)), "bytes")
}

// BenchmarkRegion290Land is the national map of 290 municipalities cut to
// the shore by the whole country's land (../shared/geodata/base/extra/
// sweden-land.geojson), as a national site draws it.
func BenchmarkRegion290Land(b *testing.B) {
	bs := national(b)
	land := readBase(b, filepath.Join(golden.ModuleRoot(b), "..", "shared", "geodata", "base", "extra", "sweden-land.geojson"), Land)
	opt := Options{Title: "Sverige", Links: func(code string) string { return "/" + code + "/" }, Base: land}
	b.ReportAllocs()
	var m Map
	for b.Loop() {
		m = Region(bs, nil, opt)
	}
	b.ReportMetric(float64(len(m.SVG)), "bytes")
}
