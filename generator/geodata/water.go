package geodata

// Service points in water: a point that lies in the sea (outside every
// polygon of the land layers, when the site has one) or in a lake (inside
// a polygon of a water layer) is most likely misplaced: its coordinates
// are swapped, rounded or typed wrong. It is a warning, not an error: a
// harbour office or a bathing place on a pier may well lie a few metres
// out, and the base layers are coarser than the points.

import (
	"fmt"
	"math"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// CheckWater warns of every point that lies in water by the base layers,
// naming the sea or lake and how far the shore is.
func CheckWater(points []model.Point, base []model.BaseLayer, l *diag.List) {
	var land, lakes []*polygon
	var lakeNames []string
	for _, b := range base {
		for _, p := range polygonsOf(b.Geometry) {
			if len(p) == 0 || len(p[0]) < 4 {
				continue
			}
			switch b.Kind {
			case "land":
				land = append(land, newPolygon(p))
			case "water":
				lakes = append(lakes, newPolygon(p))
				lakeNames = append(lakeNames, b.Name)
			}
		}
	}
	if len(land) == 0 && len(lakes) == 0 {
		return
	}
	const hint = "check the coordinates (GeoJSON is [longitude, latitude]); a place on a pier or an island too small for the map may be right"
	for i := range points {
		p := &points[i]
		pt := orb.Point{p.Lon, p.Lat}
		pos := diag.InFeature(p.File, p.Feature, p.Line, p.Col)
		if len(land) > 0 && !anyContains(land, pt) {
			l.Warnf(pos, hint, "%s at %s lies in the sea %s from the shore", pointName(p.Name), coords(p.Lon, p.Lat), distanceText(shoreDistance(land, pt)))
			continue
		}
		for k, lake := range lakes {
			if lake.contains(pt) {
				where := diag.Textf("a lake")
				if lakeNames[k] != "" {
					where = lakeNames[k]
				}
				l.Warnf(pos, hint, "%s at %s lies in %s, %s from its shore", pointName(p.Name), coords(p.Lon, p.Lat), where, distanceText(shoreDistance([]*polygon{lake}, pt)))
				break
			}
		}
	}
}

func anyContains(ps []*polygon, pt orb.Point) bool {
	for _, p := range ps {
		if p.contains(pt) {
			return true
		}
	}
	return false
}

// shoreDistance is the distance in metres from pt to the nearest edge of
// the polygons, measured on a plane tangent at pt (good to a few metres
// at the distances that matter here).
func shoreDistance(ps []*polygon, pt orb.Point) float64 {
	kx := math.Cos(pt[1]*math.Pi/180) * 111320 // metres per degree of longitude here
	const ky = 110574                          // metres per degree of latitude
	local := func(q orb.Point) orb.Point { return orb.Point{(q[0] - pt[0]) * kx, (q[1] - pt[1]) * ky} }
	best := math.Inf(1)
	for _, pg := range ps {
		for _, r := range pg.p {
			for i := 0; i+1 < len(r); i++ {
				best = min(best, planar.DistanceFromSegmentSquared(local(r[i]), local(r[i+1]), orb.Point{}))
			}
		}
	}
	return math.Sqrt(best)
}

// distanceText writes a distance as people say it: "40 m", "1.2 km".
func distanceText(d float64) string {
	switch {
	case math.IsInf(d, 0):
		return diag.Textf("far")
	case d < 1000:
		return fmt.Sprintf("%.0f m", math.Max(10, math.Round(d/10)*10))
	}
	return fmt.Sprintf("%.1f km", d/1000)
}
