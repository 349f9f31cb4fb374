package geodata

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
)

// region is a boundary made ready for point-in-polygon: its polygons,
// each with its bounds (tested first, as they are cheap) and raster.
type region struct {
	code, name, slug string
	bound            orb.Bound
	polys            []*polygon
}

func (r *region) contains(pt orb.Point) bool {
	if !r.bound.Contains(pt) {
		return false
	}
	for _, p := range r.polys {
		if p.contains(pt) {
			return true
		}
	}
	return false
}

func newRegion(b model.Boundary, slug string) *region {
	r := &region{code: b.Code, name: b.Name, slug: slug}
	for _, p := range polygonsOf(b.Geometry) {
		// A polygon without an outer ring holds no point (and would make
		// planar panic); LoadBoundaries reports it.
		if len(p) == 0 || len(p[0]) == 0 {
			continue
		}
		pg := newPolygon(p)
		if len(r.polys) == 0 {
			r.bound = pg.bound
		} else {
			r.bound = r.bound.Union(pg.bound)
		}
		r.polys = append(r.polys, pg)
	}
	return r
}

// Place puts every point in its municipality. codeToSlug maps the SCB
// code of each municipality of the site to its slug; boundaries with other
// codes are only used to say where a point lies instead. A point without
// Municipality gets the municipality it lies in (holes and the parts of a
// MultiPolygon count; a point on a border is in both, and gets the first
// in the order of boundaries); a point whose
// stated Municipality is not where it lies, that lies in no municipality
// of the site, or that names an unknown municipality is an error, and
// keeps the Municipality it had. Place then makes each Slug unique within
// its municipality by adding -2, -3 … in the order of points, and reports
// points of different files with the same name and position.
//
// Place changes the points in place, so give it a copy of points that are
// kept between builds: a second call would take the municipalities the
// first one set as stated. The positions of its diagnostics name the file
// and feature but no line, as model.Point keeps none.
func Place(points []model.Point, boundaries []model.Boundary, codeToSlug map[string]string, l *diag.List) {
	if len(points) == 0 {
		return
	}
	var site, other []*region
	bySlug := map[string]*region{}
	for _, b := range boundaries {
		slug := codeToSlug[b.Code]
		r := newRegion(b, slug)
		if slug == "" {
			other = append(other, r)
			continue
		}
		site = append(site, r)
		bySlug[slug] = r
	}
	var slugs []string
	known := map[string]bool{}
	for _, code := range sortedKeys(codeToSlug) {
		s := codeToSlug[code]
		if !known[s] {
			known[s] = true
			slugs = append(slugs, s)
		}
	}
	slices.Sort(slugs)

	for i := range points {
		p := &points[i]
		pos := diag.InFeature(p.File, p.Feature, p.Line, p.Col)
		stated := p.Municipality
		if stated != "" && !known[stated] {
			hint := diag.DidYouMean(stated, slugs)
			if hint == "" {
				hint = diag.Textf("the municipalities are %s", strings.Join(slugs, ", "))
			}
			l.Errorf(pos, hint, "%s: unknown municipality %q", pointName(p.Name), stated)
			continue
		}
		if len(site) == 0 {
			if stated == "" {
				l.Errorf(pos, `add the boundaries to geodata/municipalities.geojson, or give the point a "municipality"`,
					"%s cannot be placed: there are no municipality boundaries", pointName(p.Name))
			}
			continue
		}
		pt := orb.Point{p.Lon, p.Lat}
		if r := bySlug[stated]; r != nil && r.contains(pt) {
			continue
		}
		var in *region
		for _, r := range site {
			if r.contains(pt) {
				in = r
				break
			}
		}
		switch {
		case in == nil:
			msg := diag.Textf("%s at %s lies in no municipality of the site", pointName(p.Name), coords(p.Lon, p.Lat))
			for _, r := range other {
				if r.contains(pt) {
					msg = diag.Textf("%s: it is in %s (%s)", msg, r.name, r.code)
					break
				}
			}
			l.Errorf(pos, "check the coordinates (GeoJSON is [longitude, latitude]), or add the municipality and its boundary", "%s", msg)
		case stated != "":
			l.Errorf(pos, `correct the coordinates or the municipality; a point without "municipality" is placed where it lies`,
				"%s has municipality %q, but at %s it lies in %s (%s)", pointName(p.Name), stated, coords(p.Lon, p.Lat), in.name, in.slug)
		default:
			p.Municipality = in.slug
		}
	}

	uniqueSlugs(points)
	crossDuplicates(points, l)
}

// pointName names a point in a message.
func pointName(name string) string {
	if name == "" {
		return diag.Textf("the point")
	}
	return strconv.Quote(name)
}

func coords(lon, lat float64) string { return fmt.Sprintf("%.5f, %.5f", lon, lat) }

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// uniqueSlugs makes slugs unique within each municipality: the second
// "bibliotek" becomes "bibliotek-2", the third "bibliotek-3".
func uniqueSlugs(points []model.Point) {
	type key struct{ m, slug string }
	used := map[key]bool{}
	next := map[key]int{} // the number to try next for a base slug
	for i := range points {
		p := &points[i]
		base := key{p.Municipality, Slug(p.Name)}
		slug := base.slug
		if used[base] {
			n := max(next[base], 2)
			for used[key{p.Municipality, base.slug + "-" + strconv.Itoa(n)}] {
				n++
			}
			slug = base.slug + "-" + strconv.Itoa(n)
			next[base] = n + 1
		}
		used[key{p.Municipality, slug}] = true
		p.Slug = slug
	}
}

// crossDuplicates reports points with the name and position of a point of
// another file (LoadPoints reports those within a file).
func crossDuplicates(points []model.Point, l *diag.List) {
	g := newGrid()
	for i := range points {
		p := &points[i]
		if p.Name != "" {
			g.near(points, p.Lon, p.Lat, func(j int) bool {
				q := &points[j]
				if q.File != p.File && sameName(p.Name, q.Name) {
					l.Errorf(diag.InFeature(p.File, p.Feature, p.Line, p.Col), "remove one of them",
						"%q is a duplicate of features[%d] in %s: same name and position", p.Name, q.Feature, q.File)
					return false
				}
				return true
			})
		}
		g.add(i, p.Lon, p.Lat)
	}
}

// polygonsOf is the polygons of a Polygon or MultiPolygon, nil for
// another geometry.
func polygonsOf(g orb.Geometry) []orb.Polygon {
	switch g := g.(type) {
	case orb.Polygon:
		return []orb.Polygon{g}
	case orb.MultiPolygon:
		return g
	}
	return nil
}
