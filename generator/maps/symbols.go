package maps

import (
	"math"

	"github.com/paulmach/orb"
)

// Shape is the outline of a category's point symbol. Categories differ in
// shape, not only in colour, so that the map can be read without telling
// colours apart (WCAG 1.4.1).
type Shape uint8

// The shapes, in the order Symbols assigns them: the most distinct first.
const (
	Circle Shape = iota
	Square
	Triangle
	Diamond
	Star
	Cross
	TriangleDown
	Saltire // a diagonal cross, ×
	Hexagon
	Ring // a circle with a hole
	Pentagon
	Dome // a half disc, flat side down
	numShapes
)

var shapeNames = [numShapes]string{"circle", "square", "triangle", "diamond", "star", "cross",
	"triangle-down", "saltire", "hexagon", "ring", "pentagon", "dome"}

// String returns the shape's English name, e.g. "triangle-down".
func (s Shape) String() string {
	if s < numShapes {
		return shapeNames[s]
	}
	return "shape(" + string(rune('0'+s%10)) + ")"
}

// Palette is the colours that Symbols assigns, in order. Each has a
// contrast of at least 3:1 (WCAG 1.4.11) against white and against every
// fill the maps use (the municipality, highlight, neighbour and water
// fills); the symbols also have a white outline.
var Palette = []string{
	"#1f5fa8", // blue
	"#b3261e", // red
	"#1e7a3c", // green
	"#7b3fa0", // purple
	"#a14f00", // orange brown
	"#00707a", // teal
	"#a3195b", // magenta
	"#56640a", // olive
	"#3d3d3d", // dark grey
	"#6b4a2b", // brown
}

// Symbol is how a category's points are drawn.
type Symbol struct {
	Shape Shape
	Color string // "#rrggbb"; a value that is not a hex colour is drawn as Palette[0]
}

// Symbols assigns a symbol to each category in the order given (the site's
// category order): the i-th category gets shape i mod 12 and colour
// i mod 10, so the first 12 categories all differ in shape and the first 60
// in shape or colour. The assignment depends only on the order, so a
// category keeps its symbol on every map of the site.
func Symbols(categories []string) map[string]Symbol {
	m := make(map[string]Symbol, len(categories))
	for i, c := range categories {
		if _, dup := m[c]; !dup {
			m[c] = Symbol{Shape: Shape(i % int(numShapes)), Color: Palette[i%len(Palette)]}
		}
	}
	return m
}

// fallbackSymbol draws points whose category has no symbol in the
// options: a dark grey dome, the last shape to be assigned.
var fallbackSymbol = Symbol{Shape: Dome, Color: "#3d3d3d"}

// color returns the symbol's colour if it is a hex colour, else
// Palette[0]: the colour is written into an attribute, so only a
// well-formed value is used.
func (s Symbol) color() string {
	c := s.Color
	if (len(c) == 4 || len(c) == 7) && c[0] == '#' {
		ok := true
		for i := 1; i < len(c); i++ {
			x := c[i]
			ok = ok && (x >= '0' && x <= '9' || x >= 'a' && x <= 'f' || x >= 'A' && x <= 'F')
		}
		if ok {
			return c
		}
	}
	return Palette[0]
}

// shapePaths holds the path data of each shape, centred on 0,0 and about
// 16 units across.
var shapePaths = func() [numShapes]string {
	var p [numShapes]string
	p[Circle] = "M-7 0a7 7 0 1 0 14 0a7 7 0 1 0-14 0z"
	p[Square] = "M-6-6h12v12h-12z"
	p[Triangle] = "M0-8.5l8 14h-16z"
	p[Diamond] = "M0-8.5l8.5 8.5-8.5 8.5-8.5-8.5z"
	p[Star] = polygonPath(starRing(5, 9, 3.8))
	p[Cross] = "M-2.5-8h5v5.5h5.5v5h-5.5v5.5h-5v-5.5h-5.5v-5h5.5z"
	p[TriangleDown] = "M0 8.5l8-14h-16z"
	p[Saltire] = polygonPath(rotate(crossRing(2.6, 8.5), math.Pi/4))
	p[Hexagon] = polygonPath(regularRing(6, 7.8, 0))
	p[Ring] = "M-7.5 0a7.5 7.5 0 1 0 15 0a7.5 7.5 0 1 0-15 0zm4 0a3.5 3.5 0 1 1 7 0a3.5 3.5 0 1 1-7 0z"
	p[Pentagon] = polygonPath(regularRing(5, 8.2, -math.Pi/2))
	p[Dome] = "M-8.5 4a8.5 8.5 0 0 1 17 0z"
	return p
}()

func (s Symbol) path() string {
	if s.Shape < numShapes {
		return shapePaths[s.Shape]
	}
	return shapePaths[Circle]
}

func regularRing(n int, r, start float64) orb.Ring {
	ring := make(orb.Ring, 0, n+1)
	for i := 0; i < n; i++ {
		a := start + 2*math.Pi*float64(i)/float64(n)
		ring = append(ring, orb.Point{r * math.Cos(a), r * math.Sin(a)})
	}
	return append(ring, ring[0])
}

func starRing(n int, outer, inner float64) orb.Ring {
	ring := make(orb.Ring, 0, 2*n+1)
	for i := 0; i < 2*n; i++ {
		r := outer
		if i%2 == 1 {
			r = inner
		}
		a := -math.Pi/2 + math.Pi*float64(i)/float64(n)
		ring = append(ring, orb.Point{r * math.Cos(a), r * math.Sin(a)})
	}
	return append(ring, ring[0])
}

// crossRing is a plus sign with arms of half-width w reaching r.
func crossRing(w, r float64) orb.Ring {
	return orb.Ring{{-w, -r}, {w, -r}, {w, -w}, {r, -w}, {r, w}, {w, w}, {w, r}, {-w, r}, {-w, w}, {-r, w}, {-r, -w}, {-w, -w}, {-w, -r}}
}

func rotate(r orb.Ring, a float64) orb.Ring {
	sin, cos := math.Sincos(a)
	out := make(orb.Ring, len(r))
	for i, p := range r {
		out[i] = orb.Point{p[0]*cos - p[1]*sin, p[0]*sin + p[1]*cos}
	}
	return out
}

func polygonPath(r orb.Ring) string {
	return string(appendPath(nil, shape{{r}}))
}

// symbolAttrs are the presentation attributes of a cluster's circle: a
// white outline keeps it apart from the map and from its neighbours.
const symbolAttrs = ` stroke="#fff" stroke-width="1.5" stroke-linejoin="round"`

// symbolDisc is the white disc under a point's shape, 25 pixels across
// with a dark edge (3:1 on every fill, light or dark): the shape keeps its
// colour on any background and the target its size.
var symbolDisc = `<circle r="` + pxNum(symbolRadius) + `" fill="#fff" stroke="` + discStroke + `" stroke-width="1.5"/>`

// Legend returns, for each category of symbols, a small standalone SVG of
// its symbol (24 × 24 CSS pixels), for the page to show next to the
// category's name. The SVGs are decorative (aria-hidden): the category
// name beside them says what they mean.
func Legend(symbols map[string]Symbol) map[string][]byte {
	out := make(map[string][]byte, len(symbols))
	for c, s := range symbols {
		var w svgWriter
		w.raw(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="-14 -14 28 28" width="24" height="24" aria-hidden="true" focusable="false">` + symbolDisc + `<path d="`)
		w.raw(s.path())
		w.raw(`" fill="`)
		w.raw(s.color())
		w.raw(`"/></svg>`)
		out[c] = w.b
	}
	return out
}

// LegendCluster returns a small standalone SVG of the symbol for places
// grouped together (a dark circle with a count, here "3"), for a legend
// entry such as "several places close together".
func LegendCluster() []byte {
	return []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="-12 -12 24 24" width="24" height="24" aria-hidden="true" focusable="false">` +
		`<circle r="11" fill="` + clusterFill + `"` + symbolAttrs + `/>` +
		`<text y="4" fill="#fff" font-size="12" font-weight="bold" text-anchor="middle" font-family="system-ui,sans-serif">3</text></svg>`)
}
