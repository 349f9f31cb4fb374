package maps

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
)

// square is a closed counter-clockwise ring.
func square(x0, y0, x1, y1 float64) orb.Ring {
	return orb.Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}
}

// fixture is two square municipalities side by side: Aby (0001) with a
// hole, and Bstad (0002), a MultiPolygon of a square and the exclave that
// fills Aby's hole; six points of three categories, two of them so close
// that they are drawn as a cluster.
func fixture() ([]model.Boundary, []model.Point) {
	hole := square(16.08, 62.04, 16.12, 62.06)
	bs := []model.Boundary{
		{Code: "0001", Name: "Aby", Geometry: orb.Polygon{square(16.0, 62.0, 16.2, 62.1), hole.Clone()}},
		{Code: "0002", Name: "Bstad", Geometry: orb.MultiPolygon{{square(16.2, 62.0, 16.4, 62.1)}, {hole.Clone()}}},
	}
	pts := []model.Point{
		{Slug: "bibliotek", Name: "Aby bibliotek", Category: "bibliotek", Municipality: "aby", Lon: 16.03, Lat: 62.08},
		{Slug: "badhus", Name: "Aby badhus", Category: "badhus", Municipality: "aby", Lon: 16.15, Lat: 62.02},
		{Slug: "torget", Name: "Återvinning Torget", Category: "atervinning", Municipality: "aby", Lon: 16.05, Lat: 62.02},
		{Slug: "hamnen", Name: "Återvinning Hamnen", Category: "atervinning", Municipality: "aby", Lon: 16.0505, Lat: 62.0201},
		{Slug: "bibliotek", Name: "Bstad bibliotek", Category: "bibliotek", Municipality: "bstad", Lon: 16.3, Lat: 62.05},
		{Slug: "enklaven", Name: "Enklavens badhus", Category: "badhus", Municipality: "bstad", Lon: 16.1, Lat: 62.05},
	}
	return bs, pts
}

var fixtureSymbols = Symbols([]string{"bibliotek", "atervinning", "badhus"})

func fixtureOptions() Options {
	return Options{
		Width: 400, Title: "Karta", Desc: "Två kommuner.", IDPrefix: "fx",
		Links:   func(code string) string { return "/" + code + "/" },
		Symbols: fixtureSymbols,
	}
}

// fixtureMaps are the maps of the fixture, by golden file name.
func fixtureMaps() map[string]Map {
	bs, pts := fixture()
	opt := fixtureOptions()
	hl := opt
	hl.Highlight = "0002"
	hl.CoastalWater = true
	en := opt
	en.Lang = "en"
	en.Title = "Map of Aby"
	en.Symbols = nil
	near := opt
	near.Span = 3000
	withBase := opt
	withBase.Base = fixtureBase()
	nearBase := near
	nearBase.Base = fixtureBase()
	return map[string]Map{
		"region-base":   Region(bs, pts, withBase),
		"area-base":     Area(bs[0], bs[1:], pts, withBase),
		"point-base":    PointMap(pts[0], bs[0], bs[1:], pts, nearBase),
		"region":        Region(bs, nil, opt),
		"region-hl":     Region(bs, nil, hl),
		"region-points": Region(bs, pts, opt),
		"area":          Area(bs[0], bs[1:], pts[:4], opt),
		"area-en":       Area(bs[0], bs, pts[:4], en),
		"point":         PointMap(pts[0], bs[0], nil, pts, opt),
		"point-near":    PointMap(pts[1], bs[0], bs[1:], NewNearby(pts).Find(pts[1], NearbyQuery{Same: 8, Other: 2, Radius: 6000}), near),
	}
}

// overviewFixture is the overview of the fixture's first municipality:
// its image file, and the marks of its first point with the frame of its
// point map.
func overviewFixture() (file, marks []byte) {
	bs, pts := fixture()
	opt := fixtureOptions()
	opt.Base = fixtureBase()
	opt.Title, opt.Width = "Var i Aby", 240
	near := opt
	near.Span = 3000
	ext := PointMap(pts[0], bs[0], bs[1:], pts, near).Extent
	ov := NewOverview(bs[0], bs[1:], opt)
	return ov.File(), ov.Marks(pts[0], pts[0].Name, ext)
}

// TestOverview checks the overview's image (a standalone SVG without a
// name, with the narrow labels only) and its marks (the map's name, the
// place as a named image 25 pixels across, the frame of its map as a
// rectangle, in a viewBox of the image's size).
func TestOverview(t *testing.T) {
	file, marks := overviewFixture()
	for _, svg := range [][]byte{file, marks} {
		if err := checkXML(svg); err != nil {
			t.Fatal(err)
		}
	}
	_, pts := fixture()
	var here, frame, titles, labels int
	for i, e := range parseElements(t, marks) {
		if i == 0 && (e.attrs["viewBox"] == "" || e.attrs["role"] != "group" || e.attrs["aria-labelledby"] == "" || e.attrs["data-proj"] != "") {
			t.Errorf("the marks' svg: %v", e.attrs)
		}
		if e.attrs["class"] == "m-here" && e.attrs["role"] == "img" && e.attrs["aria-label"] == pts[0].Name {
			here++
		}
		if e.name == "rect" && e.attrs["class"] == "m-frame" {
			frame++
		}
		if e.name == "title" {
			titles++
		}
	}
	if here != 1 || frame != 1 || titles != 1 {
		t.Errorf("%d marks of the place, %d frames and %d titles, want 1, 1 and 1:\n%s", here, frame, titles, marks)
	}
	for i, e := range parseElements(t, file) {
		if i == 0 && e.attrs["xmlns"] != "http://www.w3.org/2000/svg" {
			t.Errorf("the image's svg has no SVG namespace: %v", e.attrs)
		}
		if e.name == "title" || e.name == "desc" || e.attrs["role"] != "" || e.attrs["class"] == "m-here" || e.attrs["class"] == "m-frame" {
			t.Errorf("the image has %s %v, which is the marks'", e.name, e.attrs)
		}
		if e.name == "text" {
			labels++
			if c := e.attrs["class"]; c == "t-n" || c == "t-w" {
				t.Errorf("a label of the image has the class %s", c)
			}
		}
	}
	if labels == 0 {
		t.Errorf("the image names nothing:\n%s", file)
	}
	bs, _ := fixture()
	if NewOverview(model.Boundary{Code: "x"}, bs, Options{}) != nil {
		t.Error("an overview of a boundary without geometry")
	}
}

// fixtureBase are base layers for the fixture: land with an island and
// a bay, a lake, two rivers of different ranks, and four towns (one a
// seat, one too small for a region's map, one outside every map).
func fixtureBase() []BaseLayer {
	return []BaseLayer{
		{Kind: Land, Geometry: orb.MultiPolygon{
			{orb.Ring{{15.9, 61.9}, {16.35, 61.9}, {16.35, 62.05}, {16.3, 62.07}, {16.35, 62.09}, {16.35, 62.2}, {15.9, 62.2}, {15.9, 61.9}}},
			{square(16.37, 62.03, 16.39, 62.05)},
		}},
		{Kind: Water, Geometry: orb.Polygon{square(16.05, 62.06, 16.1, 62.09)}},
		{Kind: Water, Rank: 1, Geometry: orb.LineString{{16.0, 62.0}, {16.05, 62.06}}},
		{Kind: Water, Rank: 8, Geometry: orb.LineString{{16.1, 62.09}, {16.2, 62.1}}},
		{Kind: Places, Name: "Aby", Rank: 3, Seat: true, Geometry: orb.Point{16.04, 62.05}},
		{Kind: Places, Name: "Bstad", Rank: 2, Seat: true, Geometry: orb.Point{16.25, 62.06}},
		{Kind: Places, Name: "Lilla By", Rank: 6, Geometry: orb.Point{16.045, 62.074}},
		{Kind: Places, Name: "Borta", Rank: 1, Geometry: orb.Point{18.0, 64.0}},
	}
}

func TestGolden(t *testing.T) {
	for name, m := range fixtureMaps() {
		t.Run(name, func(t *testing.T) {
			golden.Compare(t, "testdata/"+name+".svg", m.SVG)
		})
	}
	file, marks := overviewFixture()
	golden.Compare(t, "testdata/overview-base.svg", file)
	golden.Compare(t, "testdata/overview-marks.svg", marks)
	var legend bytes.Buffer
	l := Legend(Symbols([]string{"c00", "c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09", "c10", "c11"}))
	for i := range 12 {
		c := "c" + strconv.Itoa(i/10) + strconv.Itoa(i%10)
		legend.WriteString("<!-- " + c + " -->")
		legend.Write(l[c])
		legend.WriteString("\n")
	}
	legend.WriteString("<!-- cluster -->")
	legend.Write(LegendCluster())
	legend.WriteString("\n")
	golden.Compare(t, "testdata/legend.svg.txt", legend.Bytes())
}

func TestFixtureCounts(t *testing.T) {
	ms := fixtureMaps()
	for _, tc := range []struct {
		name                      string
		points, clusters, skipped int
	}{
		{"region", 0, 0, 0},
		{"region-points", 6, 1, 0},
		{"area", 4, 1, 0},
		{"point", 5, 1, 0},      // the point itself and the four nearby in view, two of them in a cluster
		{"point-near", 4, 1, 0}, // the point, Enklavens badhus, and the two nearest of other categories in a cluster
	} {
		m := ms[tc.name]
		if m.Points != tc.points || m.Clusters != tc.clusters || m.Skipped != tc.skipped {
			t.Errorf("%s: points %d, clusters %d, skipped %d; want %d, %d, %d", tc.name, m.Points, m.Clusters, m.Skipped, tc.points, tc.clusters, tc.skipped)
		}
	}
}

func TestValidXML(t *testing.T) {
	for name, m := range fixtureMaps() {
		if err := checkXML(m.SVG); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if bytes.HasPrefix(m.SVG, []byte("<?xml")) || bytes.Contains(m.SVG, []byte("<!DOCTYPE")) {
			t.Errorf("%s: has an XML declaration or DOCTYPE", name)
		}
	}
	for name, l := range Legend(fixtureSymbols) {
		if err := checkXML(l); err != nil {
			t.Errorf("legend %s: %v", name, err)
		}
	}
	if err := checkXML(LegendCluster()); err != nil {
		t.Errorf("cluster legend: %v", err)
	}
}

// element is an element of a parsed map, with its attributes.
type element struct {
	name  string
	attrs map[string]string
}

func parseElements(t testing.TB, svg []byte) []element {
	t.Helper()
	var out []element
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("%v\n%s", err, svg)
		}
		if s, ok := tok.(xml.StartElement); ok {
			e := element{name: s.Name.Local, attrs: map[string]string{}}
			for _, a := range s.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			out = append(out, e)
		}
	}
}

var clusterCount = regexp.MustCompile(`^(\d+) (platser|places): `)

// TestEveryPointDrawn checks that every point of the input is either a
// link with its name or named in a cluster's label, and that the links
// and the clusters' counts add up to the points.
func TestEveryPointDrawn(t *testing.T) {
	bs, pts := fixture()
	sv, rest := boundaryByCode(t, realBoundaries(t), "2281")
	many := synthPoints(sv, 300, 7)
	for _, tc := range []struct {
		name string
		m    Map
		pts  []model.Point
	}{
		{"region", Region(bs, pts, fixtureOptions()), pts},
		{"area", Area(bs[0], bs[1:], pts, fixtureOptions()), pts},
		{"sundsvall", Area(sv, rest, many, Options{}), many},
	} {
		for _, tier := range []string{"t-n", "t-w"} {
			t.Run(tc.name+"/"+tier, func(t *testing.T) {
				links := map[string]int{}
				var clusters []string
				total := 0
				for _, e := range parseElements(t, tc.m.SVG) {
					if c := e.attrs["class"]; (c == "t-n" || c == "t-w") && c != tier {
						continue // the other layout's
					}
					switch {
					case e.name == "a" && strings.Contains(e.attrs["href"], "/platser/"):
						links[e.attrs["aria-label"]]++
						total++
					case e.name == "g" && e.attrs["role"] == "img":
						l := e.attrs["aria-label"]
						m := clusterCount.FindStringSubmatch(l)
						if m == nil {
							t.Fatalf("cluster label %q has no count", l)
						}
						n, _ := strconv.Atoi(m[1])
						total += n
						clusters = append(clusters, l)
					}
				}
				if total != len(tc.pts) {
					t.Errorf("links and clusters hold %d points, want %d", total, len(tc.pts))
				}
				for _, p := range tc.pts {
					if links[p.Name] > 0 {
						links[p.Name]--
						continue
					}
					found := false
					for _, c := range clusters {
						n, _ := strconv.Atoi(clusterCount.FindStringSubmatch(c)[1])
						if strings.Contains(c, p.Name) || n > maxNames {
							found = true // clusters of more than maxNames name only the first
							break
						}
					}
					if !found {
						t.Errorf("point %q is neither a link nor in a cluster", p.Name)
					}
				}
			})
		}
	}
}

func TestHostileNames(t *testing.T) {
	bs, _ := fixture()
	bs[0].Name = `<script>alert("x")</script>`
	bs[1].Name = `"&' javascript:alert(1)`
	hostile := []string{`<script>alert(1)</script>`, `"&'`, `javascript:alert(1)`, "a\x00b\x1b\u2028\ufffe\xff", `]]><!--`}
	var pts []model.Point
	for i, n := range hostile {
		pts = append(pts, model.Point{Slug: "p" + strconv.Itoa(i), Name: n, Category: n, Municipality: "m",
			Lon: 16.02 + 0.035*float64(i), Lat: 62.05})
	}
	hrefs := []string{"javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "\x01javascript:x", "data:text/html,x", "vbscript:x", `/ok/"><script>`}
	opt := Options{
		Title: `</title><script>x</script>`, Desc: `<desc>&`, IDPrefix: `"><script>`,
		Links:     func(code string) string { return hrefs[len(code)%len(hrefs)] },
		PointHref: func(p model.Point) string { i, _ := strconv.Atoi(p.Slug[1:]); return hrefs[i%len(hrefs)] },
		Symbols:   map[string]Symbol{hostile[0]: {Shape: 200, Color: `red"/><script>`}},
	}
	for name, m := range map[string]Map{
		"region": Region(bs, pts, opt),
		"area":   Area(bs[0], bs[1:], pts, opt),
		"point":  PointMap(pts[0], bs[0], nil, pts, opt),
	} {
		s := string(m.SVG)
		if err := checkXML(m.SVG); err != nil {
			t.Errorf("%s: %v\n%s", name, err, s)
		}
		if strings.Contains(strings.ToLower(s), "<script") {
			t.Errorf("%s: unescaped <script>:\n%s", name, s)
		}
		for _, e := range parseElements(t, m.SVG) {
			if h, ok := e.attrs["href"]; ok {
				norm := strings.ToLower(strings.Map(func(r rune) rune {
					if r <= ' ' {
						return -1
					}
					return r
				}, h))
				if !strings.HasPrefix(norm, "#") && !strings.HasPrefix(norm, "/") {
					t.Errorf("%s: unsafe href %q", name, h)
				}
			}
		}
		if !strings.Contains(s, "&lt;script&gt;") || !strings.Contains(s, "&#34;&amp;&#39;") {
			t.Errorf("%s: names not escaped as expected:\n%s", name, s)
		}
	}
	// The one safe href of the list is kept.
	if m := Area(bs[0], nil, pts[:1], Options{PointHref: func(model.Point) string { return "https://example.org/x?a=1&b=2" }}); !bytes.Contains(m.SVG, []byte(`href="https://example.org/x?a=1&amp;b=2"`)) {
		t.Errorf("safe absolute href dropped:\n%s", m.SVG)
	}
}

func TestBadCoordinates(t *testing.T) {
	bs, pts := fixture()
	bad := []model.Point{
		{Slug: "north", Name: "North", Category: "badhus", Lon: 16.1, Lat: 89},
		{Slug: "south", Name: "South", Category: "badhus", Lon: 16.1, Lat: -85.1},
		{Slug: "nan", Name: "NaN", Category: "badhus", Lon: math.NaN(), Lat: 62},
		{Slug: "nanlat", Name: "NaN lat", Category: "badhus", Lon: 16, Lat: math.NaN()},
		{Slug: "inf", Name: "Inf", Category: "badhus", Lon: math.Inf(1), Lat: 62},
		{Slug: "lon", Name: "Lon", Category: "badhus", Lon: 200, Lat: 62},
	}
	badBoundary := model.Boundary{Code: "0003", Name: "Pole", Geometry: orb.Polygon{square(16, 80, 17, 89)}}
	nanBoundary := model.Boundary{Code: "0004", Name: "NaN", Geometry: orb.Polygon{square(16, math.NaN(), 17, 62)}}
	all := append(append([]model.Point{}, pts...), bad...)
	for _, tc := range []struct {
		name    string
		m       func() Map
		skipped int
		points  int
	}{
		{"region", func() Map { return Region(append(bs, badBoundary, nanBoundary), all, Options{}) }, 8, 6},
		{"area", func() Map { return Area(bs[0], append(bs[1:], badBoundary), all, Options{}) }, 7, 6},
		{"area of bad boundary", func() Map { return Area(badBoundary, bs, bad, Options{}) }, 7, 0},
		{"point at 89°", func() Map { return PointMap(bad[0], bs[0], nil, all, Options{Span: 1000}) }, 6, 5}, // shows Aby; Bstad's point is out of view
		{"point NaN", func() Map { return PointMap(bad[2], nanBoundary, nil, nil, Options{}) }, 2, 0},
		{"only bad", func() Map { return Region([]model.Boundary{badBoundary}, bad, Options{}) }, 7, 0},
		{"nothing", func() Map { return Region(nil, nil, Options{}) }, 0, 0},
		{"nil geometry", func() Map { return Area(model.Boundary{Code: "x"}, []model.Boundary{{}}, nil, Options{}) }, 2, 0},
		{"bad base layer", func() Map {
			return Area(bs[0], nil, nil, Options{Base: []BaseLayer{{Kind: Water, Geometry: orb.Polygon{square(16, 62, 17, 90)}}}})
		}, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.m() // must not panic
			if err := checkXML(m.SVG); err != nil {
				t.Error(err)
			}
			if m.Skipped != tc.skipped || m.Points != tc.points {
				t.Errorf("skipped %d, points %d; want %d, %d", m.Skipped, m.Points, tc.skipped, tc.points)
			}
			if bytes.Contains(m.SVG, []byte("NaN")) && !strings.Contains(tc.name, "NaN") || bytes.Contains(m.SVG, []byte("Inf")) {
				t.Errorf("NaN or Inf in the output:\n%s", m.SVG)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	bs := realBoundaries(t)
	sv, rest := boundaryByCode(t, bs, "2281")
	pts := synthPoints(sv, 500, 3)
	// Exact duplicates and points that differ only in name must not
	// depend on order either.
	pts = append(pts, pts[10], pts[11])
	twin := pts[12]
	twin.Name, twin.Slug = "Tvilling", "tvilling"
	pts = append(pts, twin)
	opt := Options{Title: "Sundsvall", Symbols: Symbols(testCategories)}
	first := Area(sv, rest, pts, opt).SVG
	if again := Area(sv, rest, pts, opt).SVG; !bytes.Equal(first, again) {
		t.Fatal("same input, different output")
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 5 {
		shuffled := append([]model.Point{}, pts...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		ns := append([]model.Boundary{}, rest...)
		r.Shuffle(len(ns), func(i, j int) { ns[i], ns[j] = ns[j], ns[i] })
		if got := Area(sv, ns, shuffled, opt).SVG; !bytes.Equal(first, got) {
			t.Fatalf("shuffle %d: output depends on the order of the points or neighbours", i)
		}
	}
	reg := Region(bs, pts, opt).SVG
	shuffled := append([]model.Boundary{}, bs...)
	r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if got := Region(shuffled, pts, opt).SVG; !bytes.Equal(reg, got) {
		t.Fatal("region map depends on the order of the boundaries")
	}
}

// TestInputUnchanged guards orb's in-place project, clip and simplify:
// the maps must work on clones.
func TestInputUnchanged(t *testing.T) {
	bs := realBoundaries(t)
	before := make([]orb.Geometry, len(bs))
	for i, b := range bs {
		before[i] = orb.Clone(b.Geometry)
	}
	sv, rest := boundaryByCode(t, bs, "2281")
	pts := synthPoints(sv, 50, 1)
	ptsBefore := append([]model.Point{}, pts...)
	Region(bs, pts, Options{})
	Area(sv, rest, pts, Options{Base: []BaseLayer{{Kind: Land, Geometry: bs[0].Geometry}}})
	PointMap(pts[0], sv, rest, pts, Options{Span: 3000})
	for i, b := range bs {
		if !orb.Equal(b.Geometry, before[i]) {
			t.Errorf("boundary %s was modified", b.Code)
		}
	}
	if !reflect.DeepEqual(pts, ptsBefore) {
		t.Error("points were modified")
	}
}

func TestIDsPrefixed(t *testing.T) {
	bs, pts := fixture()
	land := BaseLayer{Kind: Land, Geometry: orb.Polygon{square(16.01, 62.01, 16.39, 62.09)}}
	a := Area(bs[0], bs[1:], pts, Options{IDPrefix: "karta-1", Base: []BaseLayer{land}, Title: "A", Desc: "B"})
	b := Region(bs, pts, Options{IDPrefix: "karta-2", Title: "A", Desc: "B"})
	seen := map[string]bool{}
	for _, m := range []Map{a, b} {
		for _, e := range parseElements(t, m.SVG) {
			id, ok := e.attrs["id"]
			if !ok {
				continue
			}
			if !strings.HasPrefix(id, "karta-1-") && !strings.HasPrefix(id, "karta-2-") {
				t.Errorf("id %q without the prefix", id)
			}
			if seen[id] {
				t.Errorf("id %q twice in one page", id)
			}
			seen[id] = true
		}
	}
	// Every reference points to an id of the same map.
	ref := regexp.MustCompile(`(?:href="#|url\(#|aria-labelledby="|aria-describedby=")([^")]+)`)
	for _, m := range []Map{a, b} {
		ids := map[string]bool{}
		for _, e := range parseElements(t, m.SVG) {
			if id, ok := e.attrs["id"]; ok {
				ids[id] = true
			}
		}
		for _, r := range ref.FindAllStringSubmatch(string(m.SVG), -1) {
			if !ids[r[1]] {
				t.Errorf("reference to missing id %q", r[1])
			}
		}
	}
	if sanitizeID(`9"><x`) != "m9x" || sanitizeID("") != "map" || sanitizeID("åäö") != "map" {
		t.Errorf("sanitizeID: %q %q %q", sanitizeID(`9"><x`), sanitizeID(""), sanitizeID("åäö"))
	}
}

// TestAccessibleStructure checks the roles and names the brief asks for:
// the map is a group named by its title and described by its desc;
// decorative layers are hidden; every link has a name.
func TestAccessibleStructure(t *testing.T) {
	for name, m := range fixtureMaps() {
		els := parseElements(t, m.SVG)
		root := els[0]
		if root.attrs["role"] != "group" || root.attrs["aria-labelledby"] == "" || root.attrs["aria-describedby"] == "" {
			t.Errorf("%s: root %v", name, root.attrs)
		}
		if root.attrs["width"] != strconv.Itoa(m.Width) || root.attrs["height"] != strconv.Itoa(m.Height) || root.attrs["viewBox"] != "" {
			t.Errorf("%s: size %v (the root is in pixels, without a viewBox)", name, root.attrs)
		}
		if base := els[slices.IndexFunc(els, func(e element) bool { return e.attrs["class"] == "m-base" })]; base.attrs["viewBox"] != "0 0 "+strconv.Itoa(m.Width)+" "+strconv.Itoa(m.Height) {
			t.Errorf("%s: base %v", name, base.attrs)
		}
		for _, e := range els {
			if e.name == "a" && strings.TrimSpace(e.attrs["aria-label"]) == "" {
				t.Errorf("%s: link without a name: %v", name, e.attrs)
			}
			if e.attrs["role"] == "img" && strings.TrimSpace(e.attrs["aria-label"]) == "" {
				t.Errorf("%s: image without a name: %v", name, e.attrs)
			}
			if e.name == "g" && e.attrs["pointer-events"] == "none" && e.attrs["aria-hidden"] != "true" {
				t.Errorf("%s: label layer not hidden: %v", name, e.attrs)
			}
		}
	}
	if m := Region(nil, nil, Options{}); bytes.Contains(m.SVG, []byte("aria-labelledby")) {
		t.Errorf("a map without title must not point to one:\n%s", m.SVG)
	}
}

func TestDescNotes(t *testing.T) {
	ms := fixtureMaps()
	if s := string(ms["region-hl"].SVG); !strings.Contains(s, swedish.sea) {
		t.Errorf("CoastalWater: the desc does not mention the sea:\n%s", s)
	}
	if s := string(ms["area"].SVG); !strings.Contains(s, swedish.clusters) {
		t.Errorf("a map with a cluster does not explain it:\n%s", s)
	}
	if s := string(ms["area-en"].SVG); !strings.Contains(s, "2 places: Återvinning Hamnen, Återvinning Torget") {
		t.Errorf("English cluster label missing:\n%s", s)
	}
	bs, _ := fixture()
	land := BaseLayer{Kind: Land, Geometry: orb.Polygon{square(16.01, 62.01, 16.39, 62.09)}}
	if s := string(Region(bs, nil, Options{CoastalWater: true, Base: []BaseLayer{land}}).SVG); strings.Contains(s, swedish.sea) || !strings.Contains(s, "clip-path") {
		t.Errorf("with a land layer the areas are cut to the shore and the note is left out:\n%s", s)
	}
}

func TestClusterLabel(t *testing.T) {
	var names []string
	for i := range 12 {
		names = append(names, "Plats "+string(rune('A'+11-i)))
	}
	names = append(names, "Ödet", "Ängen", "Zeta", "åsen")
	got := clusterLabel(swedish, names)
	want := "16 platser: Plats A, Plats B, Plats C, Plats D, Plats E, Plats F, Plats G, Plats H, Plats I, Plats J och 6 till"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := clusterLabel(english, []string{"Ödet", "Ängen", "Zeta", "åsen"}); got != "4 places: Zeta, åsen, Ängen, Ödet" {
		t.Errorf("got %q", got)
	}
}

// TestClustersDoNotOverlap checks the grouping on random points: no two
// drawn symbols overlap more than the allowed touch.
func TestClustersDoNotOverlap(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for round := range 20 {
		n := 50 + r.IntN(800)
		xy := make([][2]float64, n)
		for i := range xy {
			xy[i] = [2]float64{r.Float64() * 800, r.Float64() * 600}
			if i%4 == 0 { // some dense spots
				xy[i] = [2]float64{400 + r.NormFloat64()*20, 300 + r.NormFloat64()*20}
			}
		}
		gs := clusterPoints(xy)
		total := 0
		for i, a := range gs {
			total += len(a.members)
			for _, b := range gs[i+1:] {
				if d := math.Hypot(a.x-b.x, a.y-b.y); tooClose(d, len(a.members), len(b.members), 1) {
					t.Fatalf("round %d: groups of %d and %d only %.1f apart", round, len(a.members), len(b.members), d)
				}
			}
		}
		if total != n {
			t.Fatalf("round %d: %d points in groups, want %d", round, total, n)
		}
	}
}

func TestSymbols(t *testing.T) {
	seen := map[string]Shape{}
	for s := range numShapes {
		p := shapePaths[s]
		if p == "" {
			t.Errorf("shape %v has no path", s)
		}
		if o, dup := seen[p]; dup {
			t.Errorf("shapes %v and %v are the same", o, s)
		}
		seen[p] = s
	}
	if numShapes < 10 {
		t.Errorf("%d shapes, want at least 10", numShapes)
	}
	cats := make([]string, 70)
	for i := range cats {
		cats[i] = "c" + strconv.Itoa(i)
	}
	syms := Symbols(cats)
	pairs := map[Symbol]string{}
	for _, c := range cats[:60] {
		if o, dup := pairs[syms[c]]; dup {
			t.Errorf("%s and %s share a symbol", o, c)
		}
		pairs[syms[c]] = c
	}
	for i, c := range cats[:12] {
		if syms[c].Shape != Shape(i) {
			t.Errorf("category %d has shape %v", i, syms[c].Shape)
		}
	}
	if (Symbol{Color: `"/>`}).color() != Palette[0] || (Symbol{Color: "#ABCDEF"}).color() != "#ABCDEF" {
		t.Error("colour check")
	}
}

// TestContrast checks WCAG 1.4.11 (3:1 for the symbols against every fill
// they can lie on) and 1.4.3 (4.5:1 for label text).
func TestContrast(t *testing.T) {
	fills := []string{areaFill, highlightFill, contextFill, waterFill, "#ffffff"}
	for _, c := range append(append([]string{}, Palette...), clusterFill, fallbackSymbol.Color) {
		for _, f := range fills {
			if r := contrast(c, f); r < 3 {
				t.Errorf("symbol %s on %s: %.2f:1, want 3:1", c, f, r)
			}
		}
	}
	for _, f := range []string{areaFill, highlightFill, contextFill} {
		for _, c := range []string{labelColor, contextLabel} {
			if r := contrast(c, f); r < 4.5 {
				t.Errorf("label %s on %s: %.2f:1, want 4.5:1", c, f, r)
			}
		}
		if r := contrast(areaStroke, f); r < 3 {
			t.Errorf("boundary %s on %s: %.2f:1, want 3:1", areaStroke, f, r)
		}
	}
	if r := contrast("#ffffff", clusterFill); r < 4.5 {
		t.Errorf("cluster count: %.2f:1", r)
	}
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	ch := func(c uint64) float64 {
		x := float64(c) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(v>>16&255) + 0.7152*ch(v>>8&255) + 0.0722*ch(v&255)
}

func TestAppendTenths(t *testing.T) {
	for v, want := range map[int64]string{0: "0", 5: "0.5", -5: "-0.5", 10: "1", 1234: "123.4", -1230: "-123"} {
		if got := string(appendTenths(nil, v)); got != want {
			t.Errorf("appendTenths(%d) = %q, want %q", v, got, want)
		}
	}
	// Relative path commands add up: the rounded start plus the deltas
	// is every rounded vertex.
	r := orb.Ring{{0.04, 0.04}, {0.16, 0.04}, {0.16, 0.16}, {10.25, 3.35}, {0.04, 0.04}}
	if got := string(appendPath(nil, shape{{r}})); got != "M0 0l0.2 0 0 0.2 10.1 3.2z" {
		t.Errorf("path %q", got)
	}
}

func TestBaseLayers(t *testing.T) {
	bs, pts := fixture()
	base := []BaseLayer{
		{Kind: Water, Geometry: orb.Collection{orb.Polygon{square(16.05, 62.06, 16.1, 62.09)}, orb.LineString{{16, 62}, {16.1, 62.1}}}},
		{Kind: Road, Geometry: orb.MultiLineString{{{16.0, 62.03}, {16.39, 62.03}}}},
		{Kind: Land, Geometry: orb.MultiPolygon{{square(16.01, 62.01, 16.39, 62.09)}}},
	}
	m := Area(bs[0], bs[1:], pts, Options{Base: base, IDPrefix: "b"})
	s := string(m.SVG)
	for _, want := range []string{`<clipPath id="b-land">`, `clip-path="url(#b-land)"`, `fill="` + waterFill + `"`, `stroke="` + roadStroke + `"`,
		`stroke="` + riverStroke + `" stroke-width="1"`,                                                           // the line of the water layer is a river
		`<use href="#b-coast" fill="` + contextFill + `" class="m-land" fill-rule="evenodd" aria-hidden="true"/>`, // land outside the boundaries
		`<clipPath id="b-land"><use href="#b-coast"/></clipPath>`,                                                 // the same outline, once
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %s:\n%s", want, s)
		}
	}
	if err := checkXML(m.SVG); err != nil {
		t.Error(err)
	}
}

// TestTowns: a map names the towns in view by rank (the smaller ones only
// on a map of a small area), seats first, never where a name would cover
// another or a symbol would cover it.
func TestTowns(t *testing.T) {
	bs, pts := fixture()
	opt := fixtureOptions()
	opt.Base = fixtureBase()
	near := opt
	near.Span = 3000
	for _, tt := range []struct {
		name      string
		m         Map
		want, not []string
	}{
		{"area", Area(bs[0], bs[1:], pts, opt), []string{">Aby</text>", ">Bstad</text>"}, []string{">Borta<", ">Lilla By<"}},
		{"point", PointMap(pts[0], bs[0], bs[1:], NewNearby(pts).Find(pts[0], NearbyQuery{Same: 1, Other: 1, Radius: 3000}), near), []string{">Lilla By</text>"}, []string{">Borta<", ">Bstad</text>"}},
	} {
		s := string(tt.m.SVG)
		for _, w := range tt.want {
			if !strings.Contains(s, w) {
				t.Errorf("%s: no %s", tt.name, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(s, w) {
				t.Errorf("%s: has %s", tt.name, w)
			}
		}
	}
	if r := townRanks(1.0 / 500); r != 2 {
		t.Errorf("a county's map names ranks up to %d, want 2", r)
	}
	if r := townRanks(1.0 / 100); r != 4 {
		t.Errorf("a municipality's map names ranks up to %d, want 4", r)
	}
}

// TestDarkContrast checks the maps' colours in the dark scheme, which the
// theme sets on the SVGs' classes from the custom properties of its dark
// block (themes/default/css/10-base.css): text 4.5:1 on every fill it can
// lie on and on its halo, boundaries 3:1, and the white outline of every
// symbol and cluster 3:1 on every fill.
func TestDarkContrast(t *testing.T) {
	css, err := os.ReadFile(filepath.Join("..", "..", "themes", "default", "css", "10-base.css"))
	if err != nil {
		t.Fatal(err)
	}
	dark := string(css)
	i := strings.Index(dark, "prefers-color-scheme: dark")
	if i < 0 {
		t.Fatal("10-base.css has no dark block")
	}
	dark = dark[i:]
	c := map[string]string{}
	for _, m := range regexp.MustCompile(`--(map-[a-z-]+):\s*(#[0-9a-f]{6});`).FindAllStringSubmatch(dark, -1) {
		c[m[1]] = m[2]
	}
	for _, k := range []string{"map-sea", "map-land", "map-area", "map-hl", "map-edge", "map-text", "map-ctx-text", "map-halo"} {
		if c[k] == "" {
			t.Fatalf("the dark block has no --%s", k)
		}
	}
	fills := []string{c["map-sea"], c["map-land"], c["map-area"], c["map-hl"]}
	for _, f := range fills {
		for _, text := range []string{c["map-text"], c["map-ctx-text"]} {
			if r := contrast(text, f); r < 4.5 {
				t.Errorf("text %s on %s: %.2f:1, want 4.5:1", text, f, r)
			}
		}
		if r := contrast(c["map-edge"], f); r < 3 {
			t.Errorf("boundary %s on %s: %.2f:1, want 3:1", c["map-edge"], f, r)
		}
		if r := contrast("#ffffff", f); r < 3 {
			t.Errorf("the symbols' white outline on %s: %.2f:1, want 3:1", f, r)
		}
	}
	for _, text := range []string{c["map-text"], c["map-ctx-text"]} {
		if r := contrast(text, c["map-halo"]); r < 4.5 {
			t.Errorf("text %s on its halo %s: %.2f:1", text, c["map-halo"], r)
		}
	}
	// The classes the dark rules colour are on the maps.
	bs, pts := fixture()
	opt := fixtureOptions()
	opt.Base = fixtureBase()
	opt.Highlight = "0002"
	svg := string(Region(bs, pts, opt).SVG) + string(Area(bs[0], bs[1:], pts, opt).SVG)
	// A neighbour whose seat is named has no name of its own: without
	// the towns, Bby is named.
	noTowns := opt
	noTowns.Base = slices.DeleteFunc(fixtureBase(), func(l BaseLayer) bool { return l.Kind == Places })
	svg += string(Area(bs[0], bs[1:], pts, noTowns).SVG)
	for _, class := range []string{"m-sea", "m-land", "m-area", "m-hl", "m-river", "m-label", "m-ctx", "m-ctxlabel", "m-town"} {
		if !strings.Contains(svg, `class="`+class+`"`) {
			t.Errorf("no element of class %s on the fixture's maps", class)
		}
	}
}
