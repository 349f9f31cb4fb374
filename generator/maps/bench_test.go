package maps

import (
	"os"
	"testing"

	"github.com/esamverkan/guidemap/generator/model"
)

const nationalBoundaries = "/work/shared/geodata/sweden-municipalities-lantmateriet-2018.geojson"

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
	if m.Points != 500 || m.Clusters != 76 || m.Skipped != 0 || m.Width != 800 || m.Height != 755 {
		t.Errorf("points %d, clusters %d, skipped %d, %d×%d", m.Points, m.Clusters, m.Skipped, m.Width, m.Height)
	}
}

func national(tb testing.TB) []model.Boundary {
	if _, err := os.Stat(nationalBoundaries); err != nil {
		tb.Skip("no national boundaries:", err)
	}
	return readBoundaries(tb, nationalBoundaries)
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
