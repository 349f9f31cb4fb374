package geodata

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
)

// nationalFile holds the boundaries of Sweden's 290 municipalities, from
// the module root.
const nationalFile = "testdata/geodata/sweden-municipalities.geojson"

// synthPoints returns n points, from a fixed seed, spread over the bounds
// of bs and kept only where they lie in one of the seven municipalities,
// as a site's points do.
func synthPoints(tb testing.TB, bs []model.Boundary, n int) []model.Point {
	tb.Helper()
	var bound orb.Bound
	regions := make([]*region, len(bs))
	for i, b := range bs {
		regions[i] = newRegion(b, b.Code)
		if i == 0 {
			bound = regions[i].bound
		} else {
			bound = bound.Union(regions[i].bound)
		}
	}
	rng := rand.New(rand.NewPCG(2281, 2260))
	points := make([]model.Point, 0, n)
	for len(points) < n {
		pt := orb.Point{
			bound.Min[0] + rng.Float64()*(bound.Max[0]-bound.Min[0]),
			bound.Min[1] + rng.Float64()*(bound.Max[1]-bound.Min[1]),
		}
		for _, r := range regions {
			if r.contains(pt) {
				i := len(points)
				points = append(points, model.Point{
					Name: fmt.Sprintf("Plats %d", i%997), File: fmt.Sprintf("geodata/%s.geojson", testCategories[i%len(testCategories)]),
					Feature: i, Lon: pt[0], Lat: pt[1],
				})
				break
			}
		}
	}
	return points
}

var national struct {
	once  sync.Once
	bs    []model.Boundary
	codes map[string]string
	err   error
}

// nationalBoundaries reads the 290 municipalities of Sweden, each a
// municipality of the site; it fails the test if the file is missing or
// has a problem.
func nationalBoundaries(tb testing.TB) ([]model.Boundary, map[string]string) {
	tb.Helper()
	file := golden.RepoFile(tb, nationalFile)
	national.once.Do(func() {
		src, err := os.ReadFile(file)
		if err != nil {
			national.err = err
			return
		}
		var l diag.List
		national.bs = LoadBoundaries("sweden.geojson", src, &l)
		if l.Len() > 0 || len(national.bs) != 290 {
			national.err = fmt.Errorf("%s: %d boundaries, diagnostics:\n%s", nationalFile, len(national.bs), lines(&l))
			return
		}
		national.codes = map[string]string{}
		for _, b := range national.bs {
			national.codes[b.Code] = siteCodes[b.Code]
			if national.codes[b.Code] == "" {
				national.codes[b.Code] = Slug(b.Name) + "-" + b.Code
			}
		}
	})
	if national.err != nil {
		tb.Fatal(national.err)
	}
	return national.bs, national.codes
}

// placeCounts places a copy of points and counts the points per
// municipality and the diagnostics.
func placeCounts(points []model.Point, bs []model.Boundary, codes map[string]string) (map[string]int, int) {
	ps := append([]model.Point(nil), points...)
	var l diag.List
	Place(ps, bs, codes, &l)
	counts := map[string]int{}
	for _, p := range ps {
		counts[p.Municipality]++
	}
	return counts, l.Len()
}

// TestPlace50k pins what BenchmarkPlace50k computes, so that a speed-up
// that skips work fails: every point placed, in the same municipality
// against the county's 7 and the country's 290 boundaries.
func TestPlace50k(t *testing.T) {
	bs := realBoundaries(t)
	points := synthPoints(t, bs, 50_000)
	counts, ndiag := placeCounts(points, bs, siteCodes)
	var got []string
	for _, code := range sortedKeys(siteCodes) {
		got = append(got, fmt.Sprintf("%s=%d", siteCodes[code], counts[siteCodes[code]]))
	}
	const wantCounts = "ange=5844 timra=2058 harnosand=3501 sundsvall=7796 kramfors=5250 solleftea=10429 ornskoldsvik=15122"
	if g := strings.Join(got, " "); g != wantCounts || ndiag != 0 {
		t.Errorf("placed %s with %d diagnostics, want %s", g, ndiag, wantCounts)
	}
	if testing.Short() {
		return
	}
	nbs, ncodes := nationalBoundaries(t)
	ncounts, nd := placeCounts(points, nbs, ncodes)
	for m, n := range counts {
		if ncounts[m] != n {
			t.Errorf("%s: %d points against the national boundaries, %d against the county's", m, ncounts[m], n)
		}
	}
	if nd != 0 {
		t.Errorf("%d diagnostics against the national boundaries", nd)
	}
}

func BenchmarkPlace50k(b *testing.B) {
	bs := realBoundaries(b)
	points := synthPoints(b, bs, 50_000)
	run := func(b *testing.B, bs []model.Boundary, codes map[string]string) {
		ps := make([]model.Point, len(points))
		b.ReportAllocs()
		for b.Loop() {
			copy(ps, points)
			var l diag.List
			Place(ps, bs, codes, &l)
		}
	}
	b.Run("county7", func(b *testing.B) { run(b, bs, siteCodes) })
	b.Run("national290", func(b *testing.B) {
		nbs, ncodes := nationalBoundaries(b)
		run(b, nbs, ncodes)
	})
}

// synthFile writes points as a GeoJSON file with the properties a real
// file has.
func synthFile(points []model.Point) []byte {
	hours := []string{
		"Mo-Fr 08:00-16:30; PH off",
		"Mo-Th 10:00-19:00; Fr 10:00-18:00; Sa 11:00-15:00",
		"Mo-Fr 07:00-19:00; Sa,Su 10:00-16:00; Jun-Aug Su off",
		"Jun-Aug 10:00-18:00",
		"24/7",
	}
	var b strings.Builder
	b.WriteString(`{"type": "FeatureCollection", "features": [`)
	for i, p := range points {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "\n  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [%.5f, %.5f]},\n", p.Lon, p.Lat)
		fmt.Fprintf(&b, `   "properties": {"name": "Plats %d", "category": %q, "address": "Storgatan %d", "postal_code": "852 3%d", "city": "Sundsvall",`+"\n",
			i, testCategories[i%len(testCategories)], i%90+1, i%10)
		fmt.Fprintf(&b, `    "opening_hours": %q, "phone": "060-19 %02d %02d", "email": "plats%d@sundsvall.se",`+"\n", hours[i%len(hours)], i%100, i/100%100, i)
		fmt.Fprintf(&b, `    "url": "https://sundsvall.se/platser/%d", "wheelchair": "yes", "description": "En plats i kommunen."}}`, i)
	}
	b.WriteString("\n]}\n")
	return []byte(b.String())
}

// TestLoadPoints50k pins what BenchmarkLoadPoints50k computes.
func TestLoadPoints50k(t *testing.T) {
	src := synthFile(synthPoints(t, realBoundaries(t), 50_000))
	var l diag.List
	points := LoadPoints("geodata/platser.geojson", src, testCategories, &l)
	if len(points) != 50_000 || l.Len() != 0 {
		t.Fatalf("%d points, %d diagnostics:\n%.2000s", len(points), l.Len(), lines(&l))
	}
	last := points[len(points)-1]
	if last.Name != "Plats 49999" || last.URL != "https://sundsvall.se/platser/49999" || !last.Hours.Complete || last.Feature != 49999 {
		t.Errorf("last point: %+v", last)
	}
}

func BenchmarkLoadPoints50k(b *testing.B) {
	src := synthFile(synthPoints(b, realBoundaries(b), 50_000))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var l diag.List
		LoadPoints("geodata/platser.geojson", src, testCategories, &l)
	}
}
