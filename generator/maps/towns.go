package maps

// Town names: a dot and the name beside it, for the towns of a Places
// layer in view. The map of a smaller area names smaller towns (by the
// scale, see townRanks); the larger are placed first, and a name goes
// only where it overlaps no label placed before it (the municipalities'
// names first) and no symbol. On the map of one municipality or around a
// point, the municipalities' seats come first, whatever their size.

import (
	"cmp"
	"slices"
	"unicode/utf8"

	"github.com/paulmach/orb"
)

// town is a projected town of a Places layer.
type town struct {
	p    orb.Point
	name string
	rank int
	seat bool
}

// townRanks is the largest rank a map at scale s (viewBox units per
// Mercator metre) names: on a county's map the towns of 10,000
// inhabitants or more, on a municipality's those of 1,000 or more, around
// a point every one.
func townRanks(s float64) int {
	switch mpu := 1 / s; {
	case mpu > 400:
		return 2
	case mpu > 80:
		return 4
	}
	return 100
}

// townLabels names the towns in view, seats first when seats is set.
func (b *builder) townLabels(seats bool) {
	if len(b.towns) == 0 {
		return
	}
	most := townRanks(b.f.s)
	ts := slices.Clone(b.towns)
	slices.SortFunc(ts, func(a, c town) int {
		if seats && a.seat != c.seat {
			if a.seat {
				return -1
			}
			return 1
		}
		ra, rc := a.rank, c.rank
		if ra == 0 {
			ra = 1000
		}
		if rc == 0 {
			rc = 1000
		}
		return cmp.Or(cmp.Compare(ra, rc), cmp.Compare(a.name, c.name), cmp.Compare(a.p[1], c.p[1]), cmp.Compare(a.p[0], c.p[0]))
	})
	for ti := range b.tiers {
		t := &b.tiers[ti]
		for _, tw := range ts {
			if !(seats && tw.seat) && (tw.rank == 0 || tw.rank > most) {
				continue
			}
			at, anchor, ok := t.labels.beside(tw.p, tw.name, t.px(townSize), t.px(1))
			if !ok {
				continue
			}
			// The dot, and the name beside it: its offset from the dot
			// in pixels, so that it stays beside the dot when a script
			// zooms the map.
			e := append([]byte(nil), "<g><circle"...)
			e = b.at(e, tw.p[0], tw.p[1], true)
			e = append(e, ` r="`+pxNum(townDotR)+`" fill="`+townDot+`" stroke="#fff" stroke-width="1"/><text`...)
			e = b.at(e, tw.p[0], tw.p[1], false)
			e = append(e, ` dx="`+pxNum((at[0]-tw.p[0])*t.s)+`" dy="`+pxNum((at[1]-tw.p[1])*t.s+0.35*townSize)+`"`...)
			if anchor != "" {
				e = append(e, ` text-anchor="`+anchor+`"`...)
			}
			if tw.seat {
				e = append(e, ` font-weight="bold"`...)
			}
			e = append(e, '>')
			e = appendText(e, tw.name)
			e = append(e, "</text></g>"...)
			t.items[layTown] = append(t.items[layTown], e)
		}
	}
}

// beside finds a place for a label of text at font size fs (px is a
// pixel, in the same units) beside the point p (to its right, left, above or below, in that order), inside the
// map and clear of the labels placed before and of the symbols (which
// would cover it). It returns where the text is anchored (its middle
// left, or with anchor "end" its middle right, or with "middle" its
// centre) and reserves its box.
func (l *labeler) beside(p orb.Point, text string, fs, px float64) (orb.Point, string, bool) {
	w, h := 0.58*fs*float64(utf8.RuneCountInString(text))+2*px, fs*1.2
	gap := 6 * px
	type cand struct {
		b      box
		at     orb.Point
		anchor string
	}
	cands := []cand{
		{box{p[0] + gap, p[1] - h/2, p[0] + gap + w, p[1] + h/2}, orb.Point{p[0] + gap, p[1]}, ""},
		{box{p[0] - gap - w, p[1] - h/2, p[0] - gap, p[1] + h/2}, orb.Point{p[0] - gap, p[1]}, "end"},
		{box{p[0] - w/2, p[1] - gap - h, p[0] + w/2, p[1] - gap}, orb.Point{p[0], p[1] - gap - h/2}, "middle"},
		{box{p[0] - w/2, p[1] + gap, p[0] + w/2, p[1] + gap + h}, orb.Point{p[0], p[1] + gap + h/2}, "middle"},
	}
	best, bestN := -1, 0
	for i, c := range cands {
		if best >= 0 && bestN == 0 {
			break
		}
		if c.b.x0 < l.view.x0 || c.b.y0 < l.view.y0 || c.b.x1 > l.view.x1 || c.b.y1 > l.view.y1 {
			continue
		}
		if slices.ContainsFunc(l.placed, c.b.overlaps) {
			continue
		}
		n := 0
		for _, o := range l.soft {
			if c.b.overlaps(o) {
				n++
			}
		}
		if best < 0 || n < bestN {
			best, bestN = i, n
		}
	}
	if best < 0 || bestN > 0 {
		return orb.Point{}, "", false
	}
	c := cands[best]
	l.placed = append(l.placed, c.b, box{p[0] - 3*px, p[1] - 3*px, p[0] + 3*px, p[1] + 3*px})
	return c.at, c.anchor, true
}
