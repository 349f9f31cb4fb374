package maps

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/esamverkan/guidemap/generator/model"
)

// TestLook writes maps of the real boundaries as standalone SVG files to
// look at (render them with a browser), when GUIDEMAP_MAPS_LOOK names a
// folder:
//
//	GUIDEMAP_MAPS_LOOK=/tmp/maps go test ./generator/maps -run TestLook
func TestLook(t *testing.T) {
	dir := os.Getenv("GUIDEMAP_MAPS_LOOK")
	if dir == "" {
		t.Skip("set GUIDEMAP_MAPS_LOOK to a folder to write the maps there")
	}
	bs := realBoundaries(t)
	links := func(code string) string { return "/" + code + "/" }
	write := func(name string, m Map) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), m.SVG, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d bytes, %d×%d, %d points, %d clusters", name, len(m.SVG), m.Width, m.Height, m.Points, m.Clusters)
	}
	syms := Symbols(testCategories)
	write("region.svg", Region(bs, nil, Options{Title: "Västernorrland", Desc: "Karta över de sju kommunerna.", Links: links, CoastalWater: true}))
	write("region-hl.svg", Region(bs, nil, Options{Title: "Västernorrland", Links: links, Highlight: "2281", CoastalWater: true}))
	sv, rest := boundaryByCode(t, bs, "2281")
	pts := synthPoints(sv, 500, 1)
	write("sundsvall-500.svg", Area(sv, rest, pts, Options{Title: "Sundsvall", Symbols: syms, CoastalWater: true}))
	write("sundsvall-spread.svg", Area(sv, rest, spreadPoints(t, sv, 500), Options{Title: "Sundsvall", Symbols: syms, CoastalWater: true}))
	write("sundsvall-60.svg", Area(sv, rest, pts[:60], Options{Title: "Sundsvall", Symbols: syms, CoastalWater: true}))
	ange, rest2 := boundaryByCode(t, bs, "2260")
	write("ange.svg", Area(ange, rest2, synthPoints(ange, 40, 2), Options{Title: "Ånge", Symbols: syms}))
	write("point.svg", PointMap(pts[3], sv, nil, pts[:40], Options{Width: 400, Title: pts[3].Name, Symbols: syms}))
	write("point-span.svg", PointMap(pts[3], sv, rest, NewNearby(pts).Find(pts[3], NearbyQuery{Same: 8, Other: 4, Radius: 2500}), Options{Width: 400, Title: pts[3].Name, Symbols: syms, Span: 3000}))
	write("region-points.svg", Region(bs, pts[:200], Options{Title: "Bibliotek", Links: links, Symbols: syms}))
	// every shape, in a row
	var all []model.Point
	cats := []string{"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11"}
	for i, c := range cats {
		all = append(all, model.Point{Slug: c, Name: c, Category: c, Municipality: "x", Lon: 16.6 + 0.06*float64(i%4), Lat: 62.5 - 0.03*float64(i/4)})
	}
	write("shapes.svg", Area(model.Boundary{}, nil, all, Options{Width: 400, Title: "shapes", Symbols: Symbols(cats)}))
	write("sweden.svg", Region(national(t), nil, Options{Title: "Sverige", Links: links, Highlight: "2281"}))
}
