package maps

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/safety"
	"github.com/paulmach/orb"
)

// builder writes one map. Region, Area and PointMap share it: they fit the
// frame, prepare the points, then write the layers in order.
type builder struct {
	opt   Options
	id    string
	ph    phrases
	f     frame
	w     svgWriter
	m     Map
	tiers [2]tier // the overlay's layouts, narrow and wide
	here  []byte  // a point page's own place, drawn last
	// headEnd is where the svg start tag, title and description end in
	// w (an overview keeps them apart).
	headEnd int

	land    shape
	water   []shape
	rivers  []river
	roads   []orb.MultiLineString
	towns   []town
	hasLand bool // a Land layer cuts the areas to the shore

	used    map[string]bool   // the categories drawn as symbols
	given   map[string]bool   // the categories of all points given
	syms    map[string]Symbol // category → symbol, set by assignSymbols
	symIDs  map[Symbol]int    // the symbols in use → the number in their id
	symList []Symbol
}

// placed is a point projected into the frame.
type placed struct {
	x, y              float64
	cat, href, label  string
	name, slug, munic string
}

// group is a cluster of points drawn as one symbol.
type group struct {
	x, y  float64
	n     int
	label string
}

// haloAttrs make labels readable over lines and fills: a white outline
// painted under the letters.
const haloAttrs = ` stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke" text-anchor="middle"`

func newBuilder(opt Options) *builder {
	if opt.Width <= 0 {
		opt.Width = 800
	}
	if opt.MaxHeight <= 0 {
		opt.MaxHeight = opt.Width * 5 / 4
	}
	b := &builder{opt: opt, id: sanitizeID(opt.IDPrefix), ph: swedish, symIDs: map[Symbol]int{}, used: map[string]bool{}, given: map[string]bool{}}
	if opt.Lang == "en" {
		b.ph = english
	}
	b.w.b = make([]byte, 0, 16<<10)
	return b
}

// fit sets up the frame for bound (empty: a placeholder) and projects the
// base layers into it.
func (b *builder) fit(bound orb.Bound, empty bool) {
	if empty {
		bound = orb.Bound{}
	}
	b.f = newFrame(bound, b.opt.Width, b.opt.MaxHeight)
	b.setTiers()
	clipTo := b.f.view(4)
	for _, l := range b.opt.Base {
		var polys, lines []orb.Geometry
		flatten(l.Geometry, &polys, &lines)
		if l.Geometry == nil || !validGeometry(l.Geometry) {
			b.m.Skipped++
			continue
		}
		switch l.Kind {
		case Land:
			for _, g := range polys {
				b.land = append(b.land, projectAreas(g, &b.f, &clipTo, false)...)
			}
			b.hasLand = b.hasLand || len(polys) > 0
		case Water:
			for _, g := range polys {
				if s := projectAreas(g, &b.f, &clipTo, false); s != nil {
					b.water = append(b.water, s)
				}
			}
			for _, g := range lines {
				if ls := projectLines(g, &b.f, clipTo); len(ls) > 0 {
					b.rivers = append(b.rivers, river{ls, l.Rank})
				}
			}
		case Road:
			for _, g := range lines {
				if ls := projectLines(g, &b.f, clipTo); len(ls) > 0 {
					b.roads = append(b.roads, ls)
				}
			}
		case Places:
			if p, ok := l.Geometry.(orb.Point); ok && l.Name != "" && validLonLat(p) {
				if xy := b.f.xy(p); b.f.view(0).Contains(xy) {
					b.towns = append(b.towns, town{xy, l.Name, l.Rank, l.Seat})
				}
			}
		}
	}
}

// flatten sorts the parts of g into polygons and lines.
func flatten(g orb.Geometry, polys, lines *[]orb.Geometry) {
	switch g := g.(type) {
	case orb.Polygon, orb.MultiPolygon:
		*polys = append(*polys, g)
	case orb.LineString, orb.MultiLineString:
		*lines = append(*lines, g)
	case orb.Collection:
		for _, c := range g {
			flatten(c, polys, lines)
		}
	}
}

// validPoints returns the points that can be projected and counts the
// others as skipped.
func (b *builder) validPoints(points []model.Point) []model.Point {
	out := make([]model.Point, 0, len(points))
	for _, p := range points {
		b.given[p.Category] = true
		if validLonLat(orb.Point{p.Lon, p.Lat}) {
			out = append(out, p)
		} else {
			b.m.Skipped++
		}
	}
	return out
}

// place projects p and works out its link and accessible name.
func (b *builder) place(p model.Point) placed {
	xy := b.f.xy(orb.Point{p.Lon, p.Lat})
	href := ""
	switch {
	case b.opt.PointHref != nil:
		href = b.opt.PointHref(p)
	case p.Municipality != "" && p.Slug != "":
		href = model.PointURL(p.Municipality, p.Slug)
	}
	label := p.Name
	if b.opt.Label != nil {
		label = b.opt.Label(p)
	}
	if strings.TrimSpace(label) == "" {
		label = cmp.Or(strings.TrimSpace(p.Name), p.Slug, p.Category)
	}
	return placed{x: xy[0], y: xy[1], cat: p.Category, href: safety.Href(href), label: label,
		name: p.Name, slug: p.Slug, munic: p.Municipality}
}

// preparePoints projects the (valid) points, drops those outside view when
// it is given, sorts them into a fixed order and groups those that lie
// close together.
func (b *builder) preparePoints(pts []model.Point, view *orb.Bound) {
	ps := make([]placed, 0, len(pts))
	for _, p := range pts {
		q := b.place(p)
		if view != nil && !view.Contains(orb.Point{q.x, q.y}) {
			continue
		}
		ps = append(ps, q)
	}
	// A total order on everything that reaches the output, so that the
	// input order does not matter.
	slices.SortFunc(ps, func(a, c placed) int {
		return cmp.Or(cmp.Compare(a.y, c.y), cmp.Compare(a.x, c.x), cmp.Compare(a.cat, c.cat),
			cmp.Compare(a.label, c.label), cmp.Compare(a.href, c.href), cmp.Compare(a.name, c.name),
			cmp.Compare(a.slug, c.slug), cmp.Compare(a.munic, c.munic))
	})
	b.layoutPoints(ps)
}

// maxNames is the number of names a cluster's accessible name lists; the
// rest are counted ("och 12 till").
const maxNames = 10

// clusterLabel is a cluster's accessible name: "3 platser: A, B, C",
// names in alphabetical order.
func clusterLabel(ph phrases, names []string) string {
	keys := make(map[string]string, len(names))
	for _, n := range names {
		keys[n] = model.CollateKey(n)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(keys[a], keys[b]), cmp.Compare(a, b))
	})
	shown := names
	if len(shown) > maxNames {
		shown = shown[:maxNames]
	}
	s := format(ph.places, len(names)) + strings.Join(shown, ", ")
	if len(names) > len(shown) {
		s += format(ph.more, len(names)-len(shown))
	}
	return s
}

// useSymbol records that a point of category cat is drawn as a symbol.
func (b *builder) useSymbol(cat string) { b.used[cat] = true }

// assignSymbols gives each category in use its symbol (from
// Options.Symbols, or assigned in sorted category order when that is nil)
// and each distinct symbol an id number, in sorted category order.
func (b *builder) assignSymbols() {
	// Every category given has its symbol in the defs, drawn alone or
	// not: a script that splits a cluster draws its points with them.
	cats := make([]string, 0, len(b.used)+len(b.given))
	for c := range b.used {
		cats = append(cats, c)
	}
	for c := range b.given {
		if !b.used[c] {
			cats = append(cats, c)
		}
	}
	slices.Sort(cats)
	syms := b.opt.Symbols
	if syms == nil {
		// Assign from every category given to the map, not only those
		// drawn alone, so that a symbol does not change when a point
		// joins a cluster.
		given := make([]string, 0, len(b.given))
		for c := range b.given {
			given = append(given, c)
		}
		slices.Sort(given)
		syms = Symbols(given)
	}
	b.syms = make(map[string]Symbol, len(cats))
	for _, c := range cats {
		s, ok := syms[c]
		if !ok {
			s = fallbackSymbol
		}
		s.Color = s.color()
		if s.Shape >= numShapes {
			s.Shape = Circle
		}
		b.syms[c] = s
		if _, ok := b.symIDs[s]; !ok {
			b.symIDs[s] = len(b.symList)
			b.symList = append(b.symList, s)
		}
	}
}

// header writes the svg start tag, title and description.
func (b *builder) header() {
	b.assignSymbols()
	w := &b.w
	ws, hs := strconv.Itoa(b.f.w), strconv.Itoa(b.f.h)
	w.raw(`<svg xmlns="http://www.w3.org/2000/svg" width="` + ws + `" height="` + hs + `" role="group"`)
	if b.opt.Title != "" {
		w.raw(` aria-labelledby="` + b.id + `-t"`)
	}
	desc := b.desc()
	if desc != "" {
		w.raw(` aria-describedby="` + b.id + `-d"`)
	}
	if !b.opt.overview {
		x0, y0, s := b.f.proj()
		w.raw(` data-proj="` + strconv.FormatFloat(x0, 'f', 3, 64) + " " + strconv.FormatFloat(y0, 'f', 3, 64) + " " + strconv.FormatFloat(s, 'f', 3, 64) + `"`)
	}
	w.raw(` font-family="system-ui,sans-serif">` + "\n")
	if b.opt.Title != "" {
		w.raw(`<title id="` + b.id + `-t">`)
		w.text(b.opt.Title)
		w.raw("</title>")
	}
	if desc != "" {
		w.raw(`<desc id="` + b.id + `-d">`)
		w.text(desc)
		w.raw("</desc>")
	}
	w.raw("\n")
	b.headEnd = len(w.b)
}

func (b *builder) desc() string {
	parts := []string{strings.TrimSpace(b.opt.Desc)}
	if b.opt.CoastalWater && !b.hasLand {
		parts = append(parts, b.ph.sea)
	}
	if b.m.Clusters > 0 {
		parts = append(parts, b.ph.clusters)
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}
