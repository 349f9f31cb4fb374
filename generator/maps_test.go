package generator

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

var clusterLabel = regexp.MustCompile(`^(\d+) (platser|places)`)

// TestMapsMatchTheirLists checks every map page of the example site: the
// points drawn on the map (as links, or counted in a cluster) are exactly
// the places in the list beside it.
func TestMapsMatchTheirLists(t *testing.T) {
	out, res := buildExample(t, "")
	pages := readPages(t, out)
	maps := 0
	for name, p := range pages {
		if !strings.Contains(name, "/karta/") && !strings.HasPrefix(name, "karta/") {
			continue
		}
		// The map lays its points out for a narrow and a wide map
		// (classes t-n and t-w): each layout holds every point.
		for _, tier := range []string{"t-n", "t-w"} {
			var svgLinks, listLinks []string
			clustered := 0
			var walk func(n *html.Node, inSVG, inList bool)
			walk = func(n *html.Node, inSVG, inList bool) {
				if n.Type == html.ElementNode {
					if c := attr(n, "class"); inSVG && (c == "t-n" || c == "t-w") && c != tier {
						return
					}
					switch {
					case n.Data == "svg" && attr(n, "role") == "group":
						inSVG = true
					case n.Data == "ul" && strings.Contains(attr(n, "class"), "place-list"):
						inList = true
					case n.Data == "a" && inSVG && strings.Contains(attr(n, "href"), "/platser/"):
						svgLinks = append(svgLinks, attr(n, "href"))
					case n.Data == "a" && inList:
						listLinks = append(listLinks, attr(n, "href"))
					case inSVG && attr(n, "role") == "img":
						if m := clusterLabel.FindStringSubmatch(attr(n, "aria-label")); m != nil {
							c, _ := strconv.Atoi(m[1])
							clustered += c
						}
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c, inSVG, inList)
				}
			}
			walk(p.doc, false, false)
			if len(listLinks) == 0 {
				continue // the index of maps lists categories, not places
			}
			if tier == "t-n" {
				maps++
			}
			if len(svgLinks)+clustered != len(listLinks) {
				t.Errorf("%s (%s): the map has %d points (%d links, %d in clusters), the list %d", name, tier, len(svgLinks)+clustered, len(svgLinks), clustered, len(listLinks))
			}
			inList := map[string]bool{}
			for _, l := range listLinks {
				inList[l] = true
			}
			for _, l := range svgLinks {
				if !inList[l] {
					t.Errorf("%s (%s): the map links to %s, which is not in the list", name, tier, l)
				}
			}
		}
	}
	if maps < 50 {
		t.Errorf("checked %d map pages, want all of them (more than 50)", maps)
	}
	t.Logf("%d map pages: every point on the map is in the list and the other way round; %d points in all", maps, res.Points)
}

// TestOpenDataPoints reads the open data of the example site back: the
// GeoJSON has every point, each CSV is RFC 4180 with the header and the
// category's points.
func TestOpenDataPoints(t *testing.T) {
	out, res := buildExample(t, "")
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Geometry struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(mustRead(t, filepath.Join(out, "data/platser.geojson")), &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != res.Points || res.Points < 150 {
		t.Errorf("platser.geojson: %s with %d features, the site has %d points (want 150 or more)", fc.Type, len(fc.Features), res.Points)
	}
	rows := 0
	files, _ := filepath.Glob(filepath.Join(out, "data/platser/*.csv"))
	for _, f := range files {
		recs, err := csv.NewReader(strings.NewReader(string(mustRead(t, f)))).ReadAll()
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if strings.Join(recs[0], ",") != strings.Join(pointsCSVHeader, ",") {
			t.Errorf("%s: header %v", f, recs[0])
		}
		for _, r := range recs[1:] {
			if len(r[0]) != 4 {
				t.Errorf("%s: source %q is not an SCB municipality code", f, r[0])
			}
		}
		rows += len(recs) - 1
	}
	if rows != res.Points || len(files) < 8 {
		t.Errorf("%d CSV files with %d rows, want at least 8 files with %d", len(files), rows, res.Points)
	}
}

// pointsCSVHeader is what the CSV files must start with.
var pointsCSVHeader = []string{"source", "id", "name", "description", "street", "postalcode", "city",
	"latitude", "longitude", "email", "phone", "visit_url", "opening_hours", "wheelchair", "municipality"}

// TestPointMapsShowTheNeighbourhood checks the map on every place's page
// of the example: about 3 to 5 km across (its width in metres from the
// map's projection, data-proj, at the place's latitude), with the place
// marked, and an overview of its municipality after it, with the place
// and the map's frame marked.
func TestPointMapsShowTheNeighbourhood(t *testing.T) {
	out, _ := buildExample(t, "")
	pages := readPages(t, out)
	lo, hi, n := math.Inf(1), 0.0, 0
	for name, p := range pages {
		if !strings.Contains(name, "/platser/") {
			continue
		}
		var svgs []*html.Node
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "svg" && attr(n, "role") == "group" {
				svgs = append(svgs, n)
				return
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(p.doc)
		if len(svgs) != 2 {
			t.Errorf("%s: %d maps, want the neighbourhood and the overview", name, len(svgs))
			continue
		}
		here := find(svgs[0], func(n *html.Node) bool { return attr(n, "class") == "m-here" })
		proj := strings.Fields(attr(svgs[0], "data-proj"))
		w, _ := strconv.ParseFloat(attr(svgs[0], "width"), 64)
		h, _ := strconv.ParseFloat(attr(svgs[0], "height"), 64)
		if here == nil || len(proj) != 3 || w == 0 {
			t.Errorf("%s: the map has no marked place or projection", name)
			continue
		}
		cy, _ := strconv.ParseFloat(strings.TrimSuffix(attr(find(here, func(n *html.Node) bool { return n.Data == "circle" }), "cy"), "%"), 64)
		y0, _ := strconv.ParseFloat(proj[1], 64)
		s, _ := strconv.ParseFloat(proj[2], 64)
		lat := 2*math.Atan(math.Exp((y0-cy/100*h)/s)) - math.Pi/2
		across := w / s * 6378137 * math.Cos(lat)
		lo, hi, n = min(lo, across), max(hi, across), n+1
		if across < 3000 || across > 5000 {
			t.Errorf("%s: the map is %.0f m across, want 3 to 5 km", name, across)
		}
		ov := svgs[1]
		if find(ov, func(n *html.Node) bool { return attr(n, "class") == "m-here" }) == nil ||
			find(ov, func(n *html.Node) bool { return attr(n, "class") == "m-frame" }) == nil {
			t.Errorf("%s: the overview does not mark the place and the frame", name)
		}
	}
	if n < 300 {
		t.Fatalf("checked %d place pages, want every one (374)", n)
	}
	t.Logf("%d place pages: their maps are %.0f to %.0f m across", n, lo, hi)
}
