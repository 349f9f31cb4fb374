package generator

import (
	"encoding/csv"
	"encoding/json"
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
