package maps

// Why the map is two layers: a map's SVG is scaled to the page (an 800-unit
// viewBox is 343 CSS pixels wide on a phone and 650 on a laptop), and
// whatever lies in the viewBox shrinks with it: 14-unit names became 6
// pixels high on a phone. So the root <svg> has no viewBox (its units are
// CSS pixels; its width and height attributes give the aspect ratio), the
// base map (sea, land, areas, water, roads) is a nested <svg> with the
// viewBox, scaled to fill the root, and the overlay on top of it (names,
// symbols, clusters) is placed in percentages of the root and sized in
// pixels: a name is 12 to 14 pixels high and a symbol 25 pixels across at
// any width.
//
// Whether symbols overlap depends on the scale, so the overlay is laid out
// twice: for a narrow map (at least tierWidths[0] pixels wide, a phone)
// and a wide one (at least tierWidths[1]). What both layouts share is
// written once; what differs carries the class t-n or t-w, and the theme
// shows one set by a container query on the map's width (breakWidth). A
// script that zooms the map moves the overlay's percentages and lays the
// points out again at the scale it shows.

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/paulmach/orb"
)

// tierWidths are the narrowest widths, in CSS pixels, at which the two
// layouts of the overlay are shown: 280 (a 320-pixel phone less the page's
// margins) and breakWidth.
var tierWidths = [2]float64{280, breakWidth}

// breakWidth is the map width, in CSS pixels, from which the wide layout
// is shown (the theme's container query uses the same number).
const breakWidth = 520

// Sizes in CSS pixels.
const (
	// symbolRadius is the radius of a point's disc: 25 pixels across,
	// above the 24 × 24 that WCAG 2.5.8 asks of a target.
	symbolRadius = 12.5
	areaSize     = 14   // a municipality's name on a region map
	ctxSize      = 13   // a neighbour's name
	townSize     = 12   // a town's name
	countSize    = 12   // a cluster's count
	townDotR     = 3.0  // a town's dot
	markerRadius = 17.0 // the ring around a point page's own place
)

// The overlay's layers, in the order they are painted.
const (
	layArea = iota
	layCtx
	layTown
	layPts
	layClu
	numLayers
)

// tier is one layout of the overlay.
type tier struct {
	s        float64 // CSS pixels per viewBox unit at the narrowest map it is shown at
	class    string
	labels   labeler // in viewBox units
	singles  []placed
	clusters []group
	items    [numLayers][][]byte
}

// px converts a size in CSS pixels to viewBox units in this tier.
func (t *tier) px(v float64) float64 { return v / t.s }

// setTiers sets the two layouts' scales for a map w viewBox units wide.
// A map is never drawn wider than its viewBox (the theme's max-width), so
// a narrow map's tiers are the same.
func (b *builder) setTiers() {
	w := float64(b.f.w)
	grids := map[areaKey]grid{} // shared: both tiers label the same areas
	for i := range b.tiers {
		t := &b.tiers[i]
		t.s = min(tierWidths[i], w) / w
		t.class = [...]string{"t-n", "t-w"}[i]
		t.labels = labeler{view: box{t.px(2), t.px(2), w - t.px(2), float64(b.f.h) - t.px(2)}, grids: grids}
	}
}

// svgPct appends v/total as a percentage with two decimals: "37.51%".
func appendPct(b []byte, v, total float64) []byte {
	n := int64(math.Round(v / total * 10000))
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/100, 10)
	if d := n % 100; d != 0 {
		b = append(b, '.', byte('0'+d/10))
		if d%10 != 0 {
			b = append(b, byte('0'+d%10))
		}
	}
	return append(b, '%')
}

// at appends ` x="…%" y="…%"` (or cx, cy with c) for the viewBox point
// x, y.
func (b *builder) at(dst []byte, x, y float64, c bool) []byte {
	xn, yn := ` x="`, `" y="`
	if c {
		xn, yn = ` cx="`, `" cy="`
	}
	dst = append(dst, xn...)
	dst = appendPct(dst, x, float64(b.f.w))
	dst = append(dst, yn...)
	dst = appendPct(dst, y, float64(b.f.h))
	return append(dst, '"')
}

// pxNum formats a length in pixels with at most one decimal.
func pxNum(v float64) string { return string(appendTenths(nil, tenths(v))) }

// base opens the nested base map.
func (b *builder) base() {
	ws, hs := strconv.Itoa(b.f.w), strconv.Itoa(b.f.h)
	b.w.raw(`<svg class="m-base" viewBox="0 0 ` + ws + " " + hs + `" width="100%" height="100%">` + "\n")
}

// overlay closes the base map: what follows is drawn in pixels.
func (b *builder) overlay() { b.w.raw("</svg>\n") }

// nameSize is the font size of names whose layer has size fs: on the
// narrow layout, the smallest (12 pixels), for a phone's map has little
// room.
func (t *tier) nameSize(fs int) int {
	if t.class == "t-n" {
		return townSize
	}
	return fs
}

// label adds a name centred on p to layer l of tier t, at font size fs
// (the layer's, or its nameSize).
func (t *tier) label(b *builder, l int, p orb.Point, s string, bold bool, fs int) {
	e := append([]byte(nil), "<text"...)
	e = b.at(e, p[0], p[1], false)
	if fs != areaSize && l == layArea || fs != ctxSize && l == layCtx {
		e = append(e, ` font-size="`+strconv.Itoa(fs)+`"`...)
	}
	e = append(e, ` dy=".35em"`...)
	if bold {
		e = append(e, ` font-weight="bold"`...)
	}
	e = append(e, '>')
	e = appendText(e, s)
	e = append(e, "</text>"...)
	t.items[l] = append(t.items[l], e)
}

// layerOpen is each layer's group start tag.
func (b *builder) layerOpen(l int) string {
	switch l {
	case layArea:
		return `<g aria-hidden="true" pointer-events="none" class="m-label" font-size="` + strconv.Itoa(areaSize) + `" fill="` + labelColor + `"` + haloAttrs + ">"
	case layCtx:
		return `<g aria-hidden="true" pointer-events="none" class="m-ctxlabel" font-size="` + strconv.Itoa(ctxSize) + `" fill="` + contextLabel + `"` + haloAttrs + ">"
	case layTown:
		return `<g aria-hidden="true" pointer-events="none" class="m-town" font-size="` + strconv.Itoa(townSize) + `" fill="` + labelColor + `" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`
	case layPts:
		return `<g class="m-pts">`
	}
	return `<g class="m-clu" fill="#fff" font-size="` + strconv.Itoa(countSize) + `" font-weight="bold" text-anchor="middle">`
}

// writeOverlay writes the layers of both tiers: an element that both lay
// out alike once, the others with their tier's class.
func (b *builder) writeOverlay() {
	n, w := &b.tiers[0], &b.tiers[1]
	if b.opt.overview {
		// Only the narrow layout, which needs no class to be chosen.
		for l := range numLayers {
			if len(n.items[l]) == 0 {
				continue
			}
			b.w.raw(b.layerOpen(l) + "\n")
			for _, e := range n.items[l] {
				b.w.b = append(append(b.w.b, e...), '\n')
			}
			b.w.raw("</g>\n")
		}
		return
	}
	for l := range numLayers {
		if len(n.items[l]) == 0 && len(w.items[l]) == 0 {
			continue
		}
		inN := make(map[string]bool, len(n.items[l]))
		for _, e := range n.items[l] {
			inN[string(e)] = true
		}
		inW := make(map[string]bool, len(w.items[l]))
		for _, e := range w.items[l] {
			inW[string(e)] = true
		}
		b.w.raw(b.layerOpen(l) + "\n")
		for _, e := range w.items[l] {
			if inN[string(e)] {
				b.w.b = append(append(b.w.b, e...), '\n')
			}
		}
		for _, t := range [...]*tier{n, w} {
			other := inW
			if t == w {
				other = inN
			}
			for _, e := range t.items[l] {
				if !other[string(e)] {
					b.w.b = append(append(b.w.b, withClass(e, t.class)...), '\n')
				}
			}
		}
		b.w.raw("</g>\n")
	}
}

// withClass adds class c to the element e starts with.
func withClass(e []byte, c string) []byte {
	i := 1
	for i < len(e) && e[i] != ' ' && e[i] != '>' {
		i++
	}
	out := make([]byte, 0, len(e)+len(c)+9)
	out = append(out, e[:i]...)
	out = append(out, ` class="`...)
	out = append(out, c...)
	out = append(out, '"')
	return append(out, e[i:]...)
}

// layoutPoints groups the points at each tier's scale (sorted by the
// caller), keeps the labels off their symbols and counts them.
func (b *builder) layoutPoints(ps []placed) {
	names := make([]string, 0, 16)
	for ti := range b.tiers {
		t := &b.tiers[ti]
		xy := make([][2]float64, len(ps))
		for i, p := range ps {
			xy[i] = [2]float64{p.x * t.s, p.y * t.s} // in pixels
		}
		for _, c := range clusterPoints(xy) {
			if len(c.members) == 1 {
				t.singles = append(t.singles, ps[c.members[0]])
				b.useSymbol(ps[c.members[0]].cat)
				continue
			}
			var g group
			names = names[:0]
			for _, i := range c.members {
				g.x += ps[i].x
				g.y += ps[i].y
				names = append(names, ps[i].label)
			}
			g.n = len(c.members)
			g.x /= float64(g.n)
			g.y /= float64(g.n)
			g.label = clusterLabel(b.ph, names)
			t.clusters = append(t.clusters, g)
		}
		for _, p := range t.singles {
			r := t.px(symbolRadius)
			t.labels.soft = append(t.labels.soft, box{p.x - r, p.y - r, p.x + r, p.y + r})
		}
		for _, g := range t.clusters {
			r := t.px(groupRadius(g.n))
			t.labels.soft = append(t.labels.soft, box{g.x - r, g.y - r, g.x + r, g.y + r})
		}
		slices.SortStableFunc(t.singles, func(a, c placed) int { return cmp.Compare(a.cat, c.cat) })
		b.m.Clusters = max(b.m.Clusters, len(t.clusters))
	}
	b.m.Points += len(ps)
}

// points lays out the points of each tier: those drawn alone as links
// (or named images), then the clusters.
func (b *builder) points() {
	for ti := range b.tiers {
		t := &b.tiers[ti]
		for i := range t.singles {
			p := &t.singles[i]
			var e []byte
			if p.href != "" {
				e = append(e, "<a"...)
				e = appendAttr(e, "href", p.href)
				e = appendAttr(e, "aria-label", p.label)
				e = append(e, '>')
				e = b.use(e, p)
				e = append(e, "</a>"...)
			} else {
				e = append(e, `<g role="img"`...)
				e = appendAttr(e, "aria-label", p.label)
				e = append(e, '>')
				e = b.use(e, p)
				e = append(e, "</g>"...)
			}
			t.items[layPts] = append(t.items[layPts], e)
		}
		for _, g := range t.clusters {
			e := append([]byte(nil), `<g role="img"`...)
			e = appendAttr(e, "aria-label", g.label)
			e = append(e, `><use href="#`+b.id+"-c"+strconv.Itoa(clusterSize(g.n))+`"`...)
			e = b.at(e, g.x, g.y, false)
			e = append(e, "/><text"...)
			e = b.at(e, g.x, g.y, false)
			e = append(e, ` dy=".35em">`+strconv.Itoa(g.n)+"</text></g>"...)
			t.items[layClu] = append(t.items[layClu], e)
		}
	}
}

// use appends the symbol of a point.
func (b *builder) use(e []byte, p *placed) []byte {
	e = append(e, `<use href="#`+b.id+"-s"+strconv.Itoa(b.symIDs[b.syms[p.cat]])+`"`...)
	e = b.at(e, p.x, p.y, false)
	return append(e, "/>"...)
}

// appendAttr appends ` name="value"` with value escaped.
func appendAttr(b []byte, name, value string) []byte {
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, `="`...)
	b = appendText(b, value)
	return append(b, '"')
}
