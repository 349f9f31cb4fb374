// Package maps draws the site's maps as SVG at build time: the region map
// of the municipalities, a map of one municipality (or of one category in
// it) with its service points, and a small map on a service point's page.
// It owns the projection (Web Mercator, fitted to a viewBox), the
// simplification of boundaries, the point symbols and their legend, the
// grouping of points that lie too close together, and the label placement.
//
// The SVG is meant to be embedded inline in HTML5 pages: it has no XML
// declaration or DOCTYPE, its ids start with Options.IDPrefix, it is
// styled by presentation attributes only (a Content-Security-Policy
// without 'unsafe-inline' blocks style attributes and <style> elements;
// the theme's CSS can still override the attributes), every string from
// content or GeoJSON is escaped, and only relative or http(s) links are
// written. The same input gives the same bytes, whatever the order of the
// points and boundaries.
//
// For a script that enhances the map (zoom, category filters, "nearest to
// me"), the points of each category are in a <g data-category="slug">,
// and the root's data-proj="X0 Y0 S" places a longitude λ and latitude φ
// (in radians) at x = X0 + S·λ, y = Y0 − S·ln(tan(π/4 + φ/2)).
//
// The functions read their arguments and never modify them (orb's
// projection and simplification edit in place, so they work on clones);
// they are safe for concurrent use. They do not panic on bad coordinates:
// points and boundaries that cannot be projected are left out and
// counted in Map.Skipped.
package maps

import (
	"bytes"
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/safety"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
)

// Options configure a map. The zero value draws an 800-unit-wide map
// without links, with Swedish built-in phrases.
type Options struct {
	// Width is the viewBox width, which is also the SVG's width in CSS
	// pixels before the page scales it; 0 means 800. A tall area gets a
	// narrower viewBox instead of a higher one.
	Width int
	// MaxHeight is the largest viewBox height; 0 means Width × 5/4.
	MaxHeight int
	// Title is the map's accessible name, e.g. "Karta över Sundsvall".
	Title string
	// Desc describes the map; the built-in notes (coastal water,
	// clusters) are added after it.
	Desc string
	// Lang is the language of the built-in phrases: "en" for English,
	// anything else for Swedish.
	Lang string
	// IDPrefix starts every id in the SVG, so that several maps can share
	// a page; "" means "map". Characters other than ASCII letters,
	// digits, '-' and '_' are dropped.
	IDPrefix string
	// Highlight is the code of a municipality to emphasise on the region
	// map (a different fill and a thick outline, its name in bold).
	Highlight string
	// overview draws an overview (NewOverview): only the narrow layout's
	// labels, without the classes that let a style sheet choose, and no
	// projection for scripts (nothing on it moves).
	overview bool
	// Links returns the href of a municipality's page for the region map,
	// or "" for none. Nil means no links.
	Links func(code string) string
	// PointHref returns the href of a point's page, or "" for none. Nil
	// means model.PointURL(p.Municipality, p.Slug).
	PointHref func(p model.Point) string
	// Label returns a point's accessible name. Nil means p.Name.
	Label func(p model.Point) string
	// Symbols maps a category to its symbol. Pass Symbols(the site's
	// categories) so that a category has the same symbol on every map
	// and in the legend; nil means Symbols of the categories of this
	// map's points in sorted order. A category without a symbol is drawn
	// with a dark grey dome.
	Symbols map[string]Symbol
	// Base holds optional layers (land, water, roads) drawn under the
	// points.
	Base []BaseLayer
	// CoastalWater says that the boundaries include coastal sea (as
	// Lantmäteriet's do); the description then says so, unless a Land
	// layer cuts the areas to the shore.
	CoastalWater bool
	// Span is, for PointMap, the width in metres of the area shown around
	// the point; 0 shows the point's whole municipality.
	Span float64
}

// LayerKind says how a base layer is drawn.
type LayerKind uint8

const (
	// Water polygons (lakes, sea) are filled in blue over the areas.
	Water LayerKind = iota
	// Road lines are drawn as thin grey lines.
	Road
	// Land polygons cut the municipal areas to the shore: what lies
	// outside them is drawn as water, and land outside the boundaries
	// in a neutral grey.
	Land
	// Places are towns: points named on the map, as many as fit without
	// overlapping (the larger first) and more on a map of a smaller area.
	Places
)

// BaseLayer is a decorative layer drawn under the points: the geometry in
// WGS 84 (polygons for Water and Land, lines for Road and for rivers in
// Water, points for Places; a Collection may hold several). Parts that
// cannot be projected are left out.
type BaseLayer struct {
	Kind     LayerKind
	Geometry orb.Geometry
	Name     string // a town's name (Places); rivers and lakes are not named
	// Rank orders features, 1 the first: a town's size class (1 for
	// 50,000 inhabitants or more), a river's scale rank (its line is
	// drawn thinner as it grows); 0 is unknown, drawn as the least.
	Rank int
	Seat bool // a town that is a municipality's seat: named first
}

// Map is a drawn map.
type Map struct {
	SVG []byte
	// Width and Height are the viewBox size (and the SVG's size in CSS
	// pixels).
	Width, Height int
	// Points is the number of points drawn, alone or in a cluster.
	Points int
	// Clusters is the number of cluster symbols drawn.
	Clusters int
	// Overview is what a point page draws over the overview of its
	// municipality (Overview.Marks), or nil; the maps package leaves it to
	// the caller.
	Overview []byte
	// Extent is the WGS 84 bound that the map shows.
	Extent orb.Bound
	// Skipped counts the points, boundaries and base layers left out
	// because a coordinate is NaN, infinite, beyond ±85.05° latitude or
	// beyond ±180° longitude.
	Skipped int
}

// Colours. Each fill keeps a contrast of 3:1 with every Palette colour
// and 4.5:1 with the label colours (see TestContrast).
const (
	areaFill      = "#f2efe6"
	highlightFill = "#fbe3a4"
	contextFill   = "#dddbd3"
	waterFill     = "#c4dbeb"
	areaStroke    = "#59626a"
	focusStroke   = "#3c464e"
	contextStroke = "#a3a7a9"
	roadStroke    = "#a49c8c"
	riverStroke   = "#8db9d9"
	townDot       = "#1d2a33"
	labelColor    = "#1d2a33"
	contextLabel  = "#4f575e"
	clusterFill   = "#1d2a33"
	markerStroke  = "#1d2a33"
	discStroke    = "#3c464e"
	frameStroke   = "#b3261e"
	// canvasFill is the sea under an overview's image: the background
	// the theme gives maps (.map-canvas > svg), which an image has not.
	canvasFill = "#e8f1f5"
)

// Region draws the region map: every boundary a path labelled with its
// name, and a link to its page where opt.Links gives one; Highlight
// emphasises one. Points, if any, are drawn on top (a region-wide
// category map). The map fits all boundaries and points.
func Region(boundaries []model.Boundary, points []model.Point, opt Options) Map {
	b := newBuilder(opt)
	bs := sortedBoundaries(boundaries, "")
	var bound orb.Bound
	first := true
	for _, x := range bs {
		if x.Geometry == nil || !validGeometry(x.Geometry) {
			b.m.Skipped++
			continue
		}
		bound = extend(bound, factsOf(x.Geometry).bound, &first)
	}
	pts := b.validPoints(points)
	for _, p := range pts {
		bound = extend(bound, orb.Bound{Min: orb.Point{p.Lon, p.Lat}, Max: orb.Point{p.Lon, p.Lat}}, &first)
	}
	b.fit(bound, first)

	type area struct {
		b  model.Boundary
		s  shape
		hl bool
	}
	var areas []area
	for _, x := range bs {
		if s := projectAreas(x.Geometry, &b.f, nil, true); s != nil {
			areas = append(areas, area{x, s, x.Code != "" && x.Code == opt.Highlight})
		}
	}
	// The highlighted area is drawn last, so that no neighbour covers its
	// thick outline.
	slices.SortStableFunc(areas, func(a, c area) int {
		if a.hl != c.hl {
			if a.hl {
				return 1
			}
			return -1
		}
		return 0
	})
	b.preparePoints(pts, nil)
	b.header()
	b.defs()
	b.base()
	b.baseUnder()
	b.w.raw(`<g class="m-area" fill="` + areaFill + `" stroke="` + areaStroke + `" stroke-linejoin="round" fill-rule="evenodd"`)
	b.clipAttr()
	b.w.raw(">\n")
	for _, a := range areas {
		href := ""
		if opt.Links != nil {
			href = safety.Href(opt.Links(a.b.Code))
		}
		if href != "" {
			b.w.raw("<a")
			b.w.attr("href", href)
			b.w.attr("aria-label", boundaryName(a.b))
			b.w.raw(">")
		}
		b.w.raw(`<path d="`)
		b.w.b = appendPath(b.w.b, a.s)
		b.w.raw(`"`)
		if a.hl {
			b.w.raw(` class="m-hl" fill="` + highlightFill + `" stroke="` + focusStroke + `" stroke-width="3"`)
		}
		b.w.raw("/>")
		if href != "" {
			b.w.raw("</a>")
		}
		b.w.raw("\n")
	}
	b.w.raw("</g>\n")
	b.baseOver()

	// Labels: the highlighted area's first, then the largest areas'.
	order := make([]int, len(areas))
	for i := range order {
		order[i] = i
	}
	sizes := make([]float64, len(areas))
	for i, a := range areas {
		sizes[i] = math.Abs(planarArea(a.s))
	}
	slices.SortStableFunc(order, func(i, j int) int {
		if areas[i].hl != areas[j].hl { // the highlighted name first
			if areas[i].hl {
				return -1
			}
			return 1
		}
		return cmp.Compare(sizes[j], sizes[i])
	})
	b.overlay()
	for ti := range b.tiers {
		t := &b.tiers[ti]
		var lb labelBatch
		for _, i := range order {
			a := areas[i]
			name := boundaryName(a.b)
			if p, ok := t.labels.place(a.s, name, t.px(float64(t.nameSize(areaSize))), a.hl); ok {
				lb.add(i, p, name, a.hl)
			}
		}
		lb.sort()
		for _, l := range lb {
			t.label(b, layArea, l.p, l.text, l.bold, t.nameSize(areaSize))
		}
	}
	b.townLabels(false)
	b.points()
	return b.finish()
}

// Area draws a municipality's map: its boundary fitted to the map (with
// all points in view), the neighbouring boundaries around it in grey and
// labelled, and the points (all of them, or those of one category for a
// category map).
func Area(boundary model.Boundary, neighbours []model.Boundary, points []model.Point, opt Options) Map {
	b := newBuilder(opt)
	var bound orb.Bound
	first := true
	focusOK := boundary.Geometry != nil && validGeometry(boundary.Geometry)
	if focusOK {
		bound = extend(bound, factsOf(boundary.Geometry).bound, &first)
	} else {
		b.m.Skipped++
	}
	pts := b.validPoints(points)
	for _, p := range pts {
		bound = extend(bound, orb.Bound{Min: orb.Point{p.Lon, p.Lat}, Max: orb.Point{p.Lon, p.Lat}}, &first)
	}
	ns := sortedBoundaries(neighbours, boundary.Code)
	if first { // nothing to fit: show the neighbours
		for _, n := range ns {
			if n.Geometry != nil && validGeometry(n.Geometry) {
				bound = extend(bound, factsOf(n.Geometry).bound, &first)
			}
		}
	}
	b.fit(bound, first)
	b.preparePoints(pts, nil)
	b.drawArea(boundary, focusOK, ns)
	b.points()
	return b.finish()
}

// PointMap draws the small map on a point's page: the point marked with
// its symbol in a ring (not a link: the page is its own), the nearby
// points as links, the boundary of its municipality, and the neighbours'
// boundaries in grey where they come into view. With opt.Span, the map
// shows at least that many metres around the point, grown as far as
// needed to show every nearby point (choose them with Nearby); only what
// lies in that view is drawn. Without it, the map shows the whole
// municipality. A point that cannot be projected is counted in Skipped
// and the map shows the municipality.
func PointMap(point model.Point, boundary model.Boundary, neighbours []model.Boundary, nearby []model.Point, opt Options) Map {
	b := newBuilder(opt)
	var bound orb.Bound
	first := true
	here := orb.Point{point.Lon, point.Lat}
	pointOK := validLonLat(here)
	if !pointOK {
		b.m.Skipped++
	}
	focusOK := boundary.Geometry != nil && validGeometry(boundary.Geometry)
	if !focusOK {
		b.m.Skipped++
	}
	switch {
	case pointOK && opt.Span > 0:
		c := project.WGS84.ToMercator(here)
		half := opt.Span / 2 / math.Cos(point.Lat*math.Pi/180) // Mercator metres are stretched by 1/cos φ
		half = fitNearby(c, half, point, nearby)
		bound = orb.Bound{
			Min: project.Mercator.ToWGS84(orb.Point{c[0] - half, c[1] - half*3/4}),
			Max: project.Mercator.ToWGS84(orb.Point{c[0] + half, c[1] + half*3/4}),
		}
		first = false
	default:
		if focusOK {
			bound = extend(bound, factsOf(boundary.Geometry).bound, &first)
		}
		if pointOK {
			bound = extend(bound, orb.Bound{Min: here, Max: here}, &first)
		}
	}
	b.fit(bound, first)
	others := make([]model.Point, 0, len(nearby))
	for _, p := range nearby {
		if !samePoint(p, point) {
			others = append(others, p)
		}
	}
	pts := b.validPoints(others)
	view := b.f.view(0)
	b.preparePoints(pts, &view)
	var main *placed
	if pointOK {
		m := b.place(point)
		main = &m
		b.useSymbol(point.Category)
		b.given[point.Category] = true
	}
	b.drawArea(boundary, focusOK, b.inView(sortedBoundaries(neighbours, boundary.Code), bound))
	b.points()
	if main != nil {
		e := append([]byte(nil), `<g role="img" class="m-here"`...)
		e = appendAttr(e, "aria-label", main.label)
		e = append(e, `><circle`...)
		e = b.at(e, main.x, main.y, true)
		e = append(e, ` r="`+pxNum(markerRadius)+`" fill="#fff" stroke="`+markerStroke+`" stroke-width="3"/>`...)
		e = b.use(e, main)
		e = append(e, "</g>"...)
		b.here = e
		b.m.Points++
	}
	m := b.finish()
	m.Extent = b.f.geoBound(orb.Bound{Max: orb.Point{float64(b.f.w), float64(b.f.h)}}, 0)
	return m
}

// Overview is a small map of a municipality for its places' pages, drawn
// once and shared by them: File is a standalone SVG image of the map, the
// same for every place (a page shows it as an <img>); Marks is what each
// page draws over it: its place and the frame of its point map, with the
// map's accessible name.
type Overview struct {
	head []byte // the svg start tag, title and description
	body []byte // the drawing between the head and </svg>
	f    frame
}

// NewOverview draws the overview of boundary (with the neighbours around
// it in grey, the base layers and the seats named); opt.Title names it.
// It returns nil if the boundary cannot be drawn. The drawing has only
// the narrow layout's labels (an overview is narrow, and no style sheet
// reaches into an image to choose).
func NewOverview(boundary model.Boundary, neighbours []model.Boundary, opt Options) *Overview {
	if boundary.Geometry == nil || !validGeometry(boundary.Geometry) {
		return nil
	}
	opt.overview = true
	b := newBuilder(opt)
	bound := factsOf(boundary.Geometry).bound
	b.fit(bound, false)
	b.preparePoints(nil, nil)
	b.drawArea(boundary, true, b.inView(sortedBoundaries(neighbours, boundary.Code), bound))
	svg := b.finish().SVG
	end := bytes.LastIndex(svg, []byte("</svg>"))
	if b.headEnd <= 0 || end < b.headEnd {
		return nil
	}
	return &Overview{head: svg[:b.headEnd], body: svg[b.headEnd:end], f: b.f}
}

// drawArea writes a map of one municipality (Area, PointMap and the
// overview): the svg start, the base map with the neighbours ns in grey
// and boundary (if focusOK) over them, and the neighbours' and towns'
// names. The points come after.
func (b *builder) drawArea(boundary model.Boundary, focusOK bool, ns []model.Boundary) {
	b.header()
	b.defs()
	b.base()
	b.baseUnder()
	ctx := b.context(ns)
	if focusOK {
		clipTo := b.f.view(4)
		b.focus(projectAreas(boundary.Geometry, &b.f, &clipTo, true))
	}
	b.baseOver()
	b.overlay()
	b.contextLabels(ctx)
	b.townLabels(true)
}

// Size is the overview's size in CSS pixels (its viewBox).
func (o *Overview) Size() (w, h int) { return o.f.w, o.f.h }

// File is the overview as an SVG image file: the drawing on the sea's
// colour (what the theme's .map-canvas gives an inline map), without a
// name (the page's overlay has it).
func (o *Overview) File() []byte {
	ws, hs := strconv.Itoa(o.f.w), strconv.Itoa(o.f.h)
	out := make([]byte, 0, len(o.body)+200)
	out = append(out, `<svg xmlns="http://www.w3.org/2000/svg" width="`+ws+`" height="`+hs+`" font-family="system-ui,sans-serif">`+"\n"...)
	out = append(out, `<rect width="100%" height="100%" fill="`+canvasFill+`"/>`+"\n"...)
	out = append(out, o.body...)
	return append(out, "</svg>\n"...)
}

// Marks returns what a place's page draws over the overview's image: an
// SVG of the same size (scaled with it: it has a viewBox) with the map's
// title and description, the place p marked (a red dot in a ring, named
// label) and the WGS 84 bound frame outlined in red (at least 10 units
// across, so that a neighbourhood stays visible on a large
// municipality). A place or frame that cannot be projected is not drawn.
func (o *Overview) Marks(p model.Point, label string, frame orb.Bound) []byte {
	ws, hs := strconv.Itoa(o.f.w), strconv.Itoa(o.f.h)
	out := make([]byte, 0, len(o.head)+500)
	// The head, with a viewBox.
	out = append(out, `<svg class="m-marks" viewBox="0 0 `+ws+" "+hs+`"`...)
	out = append(out, bytes.TrimPrefix(o.head, []byte("<svg"))...)
	b := builder{f: o.f}
	w, h := float64(o.f.w), float64(o.f.h)
	if validLonLat(frame.Min) && validLonLat(frame.Max) {
		lo, hi := o.f.xy(frame.Min), o.f.xy(frame.Max)
		x0, x1, y0, y1 := min(lo[0], hi[0]), max(lo[0], hi[0]), min(lo[1], hi[1]), max(lo[1], hi[1])
		// At least 10 units (about as many pixels: an overview is
		// drawn about as wide as its viewBox).
		if d := 10 - (x1 - x0); d > 0 {
			x0, x1 = x0-d/2, x1+d/2
		}
		if d := 10 - (y1 - y0); d > 0 {
			y0, y1 = y0-d/2, y1+d/2
		}
		out = append(out, `<rect class="m-frame" fill="none" stroke="`+frameStroke+`" stroke-width="2.5" aria-hidden="true"`...)
		out = b.at(out, x0, y0, false)
		out = append(out, ` width="`...)
		out = appendPct(out, x1-x0, w)
		out = append(out, `" height="`...)
		out = appendPct(out, y1-y0, h)
		out = append(out, `"/>`...)
	}
	if q := (orb.Point{p.Lon, p.Lat}); validLonLat(q) {
		xy := o.f.xy(q)
		out = append(out, `<g role="img" class="m-here"`...)
		out = appendAttr(out, "aria-label", label)
		out = append(out, `><circle`...)
		out = b.at(out, xy[0], xy[1], true)
		out = append(out, ` r="`+pxNum(symbolRadius)+`" fill="#fff" stroke="`+frameStroke+`" stroke-width="3"/><circle`...)
		out = b.at(out, xy[0], xy[1], true)
		out = append(out, ` r="5" fill="`+frameStroke+`"/></g>`...)
	}
	return append(out, "</svg>\n"...)
}

// fitNearby grows half, the half-width in Mercator metres of a view
// centred on c (4:3, so the half-height is ¾ of it), until every nearby
// point other than point lies inside it.
func fitNearby(c orb.Point, half float64, point model.Point, nearby []model.Point) float64 {
	for _, p := range nearby {
		q := orb.Point{p.Lon, p.Lat}
		if !validLonLat(q) || samePoint(p, point) {
			continue
		}
		m := project.WGS84.ToMercator(q)
		half = max(half, math.Abs(m[0]-c[0]), math.Abs(m[1]-c[1])*4/3)
	}
	return half
}

// inView keeps the boundaries whose bound meets the WGS 84 bound view (all
// of them when the map shows a whole municipality and view is its bound):
// the others would be clipped away whole, after costing their projection.
func (b *builder) inView(bs []model.Boundary, view orb.Bound) []model.Boundary {
	out := bs[:0]
	for _, x := range bs {
		if x.Geometry == nil || !validGeometry(x.Geometry) {
			b.m.Skipped++
			continue
		}
		if factsOf(x.Geometry).bound.Intersects(view) {
			out = append(out, x)
		}
	}
	return out
}

// samePoint reports whether a and b are the same service point.
func samePoint(a, b model.Point) bool {
	if a.Slug != "" || b.Slug != "" {
		return a.Slug == b.Slug && a.Municipality == b.Municipality
	}
	return a.Name == b.Name && a.Lon == b.Lon && a.Lat == b.Lat
}

func extend(b, x orb.Bound, first *bool) orb.Bound {
	if *first {
		*first = false
		return x
	}
	return b.Union(x)
}

// sortedBoundaries returns the boundaries sorted by code, without the one
// with code skip.
func sortedBoundaries(bs []model.Boundary, skip string) []model.Boundary {
	out := make([]model.Boundary, 0, len(bs))
	for _, b := range bs {
		if skip == "" || b.Code != skip {
			out = append(out, b)
		}
	}
	slices.SortStableFunc(out, func(a, b model.Boundary) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.Name, b.Name))
	})
	return out
}

func boundaryName(b model.Boundary) string {
	if b.Name != "" {
		return b.Name
	}
	return b.Code
}

func planarArea(s shape) float64 {
	a := 0.0
	for _, p := range s {
		for i, r := range p {
			if i == 0 {
				a += math.Abs(ringArea(r))
			} else {
				a -= math.Abs(ringArea(r))
			}
		}
	}
	return a
}

// phrases are the built-in texts of a language.
type phrases struct {
	places, more, sea, clusters string
}

var (
	swedish = phrases{
		places:   "%d platser: ",
		more:     " och %d till",
		sea:      "Kommunernas ytor omfattar även havet utanför kusten.",
		clusters: "En mörk cirkel med en siffra står för så många platser som ligger nära varandra.",
	}
	english = phrases{
		places:   "%d places: ",
		more:     " and %d more",
		sea:      "The municipal areas include the sea off the coast.",
		clusters: "A dark circle with a number stands for that many places close together.",
	}
)

// format replaces the %d in s with n.
func format(s string, n int) string { return strings.Replace(s, "%d", strconv.Itoa(n), 1) }
