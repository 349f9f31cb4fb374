package maps

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
)

// clusterSizes are the radii, in pixels, of the cluster circle for up
// to 9, up to 99 and more members (groupRadius).
var clusterSizes = [...]string{pxNum(groupRadius(2)), pxNum(groupRadius(10)), pxNum(groupRadius(100))}

func clusterSize(n int) int {
	switch {
	case n < 10:
		return 0
	case n < 100:
		return 1
	}
	return 2
}

// defs writes the symbols in use, the cluster circles in use and the land
// clip path.
func (b *builder) defs() {
	var sizes [len(clusterSizes)]bool
	for _, t := range b.tiers {
		for _, g := range t.clusters {
			sizes[clusterSize(g.n)] = true
		}
	}
	if len(b.symList) == 0 && b.m.Clusters == 0 && !b.hasLand {
		return
	}
	w := &b.w
	w.raw("<defs>")
	for i, s := range b.symList {
		// data-categories names the categories drawn with the symbol,
		// for scripts.
		var cats []string
		for c, cs := range b.syms {
			if cs == s {
				cats = append(cats, c)
			}
		}
		slices.Sort(cats)
		w.raw(`<g id="` + b.id + "-s" + strconv.Itoa(i) + `"`)
		w.attr("data-categories", strings.Join(cats, " "))
		w.raw(`>` + symbolDisc + `<path d="` + s.path() + `" fill="` + s.Color + `"/></g>`)
	}
	for i, used := range sizes {
		if used {
			w.raw(`<circle id="` + b.id + "-c" + strconv.Itoa(i) + `" r="` + clusterSizes[i] + `" fill="` + clusterFill + `"` + symbolAttrs + "/>")
		}
	}
	if b.hasLand {
		// The land's outline, once: the clip path and the grey land
		// outside the boundaries (baseUnder) both use it.
		w.raw(`<path id="` + b.id + `-coast" d="`)
		if len(b.land) == 0 {
			w.raw("M0 0") // the land lies outside the map: all is water
		}
		w.b = appendPath(w.b, b.land)
		w.raw(`"/><clipPath id="` + b.id + `-land"><use href="#` + b.id + `-coast"/></clipPath>`)
	}
	w.raw("</defs>\n")
}

// clipAttr cuts a group of areas to the land layer, if there is one.
func (b *builder) clipAttr() {
	if b.hasLand {
		b.w.raw(` clip-path="url(#` + b.id + `-land)"`)
	}
}

// baseUnder draws the sea under the areas when a land layer cuts them,
// and the land outside the boundaries in neutral grey.
func (b *builder) baseUnder() {
	if b.hasLand {
		b.w.raw(`<rect width="` + strconv.Itoa(b.f.w) + `" height="` + strconv.Itoa(b.f.h) + `" fill="` + waterFill + `" class="m-sea" aria-hidden="true"/>` + "\n")
		if len(b.land) > 0 {
			b.w.raw(`<use href="#` + b.id + `-coast" fill="` + contextFill + `" class="m-land" fill-rule="evenodd" aria-hidden="true"/>` + "\n")
		}
	}
}

// river is a projected river and its rank.
type river struct {
	lines orb.MultiLineString
	rank  int
}

// riverWidth is the stroke width of a river of rank r: the largest 2.5
// units, the smallest (and those without a rank) 1.
func riverWidth(r int) float64 {
	if r <= 0 {
		return 1
	}
	return max(1, 2.75-0.25*float64(r))
}

// baseOver draws water (lakes, then rivers by width) and roads over the
// areas.
func (b *builder) baseOver() {
	if len(b.water) == 0 && len(b.rivers) == 0 && len(b.roads) == 0 {
		return
	}
	w := &b.w
	w.raw(`<g aria-hidden="true" pointer-events="none">`)
	if len(b.water) > 0 {
		w.raw(`<path fill="` + waterFill + `" class="m-sea" fill-rule="evenodd" d="`)
		for _, s := range b.water {
			w.b = appendPath(w.b, s)
		}
		w.raw(`"/>`)
	}
	// One path per width, widest first, in a fixed order.
	widths := map[float64][]orb.MultiLineString{}
	for _, r := range b.rivers {
		widths[riverWidth(r.rank)] = append(widths[riverWidth(r.rank)], r.lines)
	}
	ws := slices.Sorted(maps.Keys(widths))
	slices.Reverse(ws)
	for _, wd := range ws {
		w.raw(`<path fill="none" class="m-river" stroke="` + riverStroke + `" stroke-width="` + strconv.FormatFloat(wd, 'f', -1, 64) + `" stroke-linecap="round" stroke-linejoin="round" d="`)
		for _, ls := range widths[wd] {
			w.b = appendLines(w.b, ls)
		}
		w.raw(`"/>`)
	}
	if len(b.roads) > 0 {
		w.raw(`<path fill="none" stroke="` + roadStroke + `" stroke-width="1.2" stroke-linecap="round" stroke-linejoin="round" d="`)
		for _, ls := range b.roads {
			w.b = appendLines(w.b, ls)
		}
		w.raw(`"/>`)
	}
	w.raw("</g>\n")
}

// contextArea is a neighbouring boundary drawn for orientation.
type contextArea struct {
	name string
	s    shape
}

// context draws the neighbouring boundaries in grey (decorative) and
// returns them for their labels.
func (b *builder) context(ns []model.Boundary) []contextArea {
	clipTo := b.f.view(4)
	var out []contextArea
	for _, n := range ns {
		if n.Geometry == nil || !validGeometry(n.Geometry) {
			b.m.Skipped++
			continue
		}
		if s := projectAreas(n.Geometry, &b.f, &clipTo, false); s != nil {
			out = append(out, contextArea{boundaryName(n), s})
		}
	}
	if len(out) == 0 {
		return nil
	}
	w := &b.w
	w.raw(`<g aria-hidden="true" class="m-ctx" fill="` + contextFill + `" stroke="` + contextStroke + `" stroke-linejoin="round" fill-rule="evenodd"`)
	b.clipAttr()
	w.raw(">\n")
	for _, c := range out {
		w.raw(`<path d="`)
		w.b = appendPath(w.b, c.s)
		w.raw("\"/>\n")
	}
	w.raw("</g>\n")
	return out
}

// contextLabels names the neighbours where their name fits in the part
// that is in view.
func (b *builder) contextLabels(cs []contextArea) {
	order := make([]int, len(cs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		ai, aj := planarArea(cs[i].s), planarArea(cs[j].s)
		switch {
		case ai > aj:
			return -1
		case ai < aj:
			return 1
		}
		return 0
	})
	// A neighbour whose seat in view bears its name is named by the town.
	seats := map[string]bool{}
	for _, tw := range b.towns {
		if tw.seat {
			seats[tw.name] = true
		}
	}
	for ti := range b.tiers {
		t := &b.tiers[ti]
		var lb labelBatch
		for _, i := range order {
			if seats[cs[i].name] {
				continue
			}
			if p, ok := t.labels.place(cs[i].s, cs[i].name, t.px(float64(t.nameSize(ctxSize))), false); ok {
				lb.add(i, p, cs[i].name, false)
			}
		}
		lb.sort()
		for _, l := range lb {
			t.label(b, layCtx, l.p, l.text, false, t.nameSize(ctxSize))
		}
	}
}

// focus draws the municipality the map is about (decorative: the title
// says which it is).
func (b *builder) focus(s shape) {
	if len(s) == 0 {
		return
	}
	w := &b.w
	w.raw(`<g aria-hidden="true" class="m-area" fill="` + areaFill + `" stroke="` + focusStroke + `" stroke-width="2" stroke-linejoin="round" fill-rule="evenodd"`)
	b.clipAttr()
	w.raw(`><path d="`)
	w.b = appendPath(w.b, s)
	w.raw("\"/></g>\n")
}

func (b *builder) finish() Map {
	b.writeOverlay()
	if b.here != nil {
		b.w.b = append(append(b.w.b, b.here...), '\n')
	}
	b.w.raw("</svg>\n")
	b.m.SVG = b.w.b
	if cap(b.w.b) > 2*len(b.w.b) { // a small map would keep the whole 16 KB start buffer
		b.m.SVG = slices.Clone(b.w.b)
	}
	b.m.Width, b.m.Height = b.f.w, b.f.h
	return b.m
}

// labelItem is a placed label; i orders it among the others.
type labelItem struct {
	i    int
	p    orb.Point
	text string
	bold bool
}

// labelBatch collects placed labels, to write them in a fixed order.
type labelBatch []labelItem

func (lb *labelBatch) add(i int, p orb.Point, text string, bold bool) {
	*lb = append(*lb, labelItem{i, p, text, bold})
}

func (lb labelBatch) sort() {
	slices.SortFunc(lb, func(a, b labelItem) int { return a.i - b.i })
}
