package render

// The map pages: the region map on the home page, a map page per
// municipality and per municipality and category, region-wide category
// maps, and a page per service point. Every map is an SVG drawn by the
// maps package inside a figure, with the same points as a list beside it
// (the list is the page's main content).

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"html/template"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/hours"
	"github.com/esamverkan/guidemap/generator/maps"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/output"
)

// PointGroup is a list of points under a heading (a category or a
// municipality).
type PointGroup struct {
	ID     string // the heading's id
	Name   string
	URL    string // a map of just these points, or ""
	Symbol template.HTML
	Points []model.Point
	Filter bool // a category the map script may hide and show
}

// maxListed is the most places the map index lists (AllPlaces): a
// national site's tens of thousands would make it megabytes; each
// municipality's map page lists its own.
const maxListed = 2000

// PlaceSet is a municipality's places by category, for the list of every
// place on the map index.
type PlaceSet struct {
	Name   string
	Count  int
	Groups []PointGroup
}

// MapView is a map and what goes with it.
type MapView struct {
	SVG      template.HTML
	Overview template.HTML // a point page's map of its municipality, or ""
	Caption  string
	Credit   string       // where the map's layers come from (model.Site.Credits), one line
	Legend   []PointGroup // categories with their symbols (Points empty)
	Count    int
}

// svgHTML is the one place where a drawn map becomes trusted HTML: the
// maps package escapes every name and writes only http(s) and relative
// links.
func svgHTML(b []byte) template.HTML { return template.HTML(b) }

// mapper draws the site's maps with one set of symbols.
type mapper struct {
	r       *renderer
	symbols map[string]maps.Symbol
	legend  map[string][]byte         // a category's symbol for legends, minified
	cluster []byte                    // the cluster symbol for legends, minified
	bounds  map[string]model.Boundary // municipality slug → boundary
	codes   map[string]string         // code → municipality slug
	base    []maps.BaseLayer
	hasLand bool   // a land outline cuts the areas at the shore
	credit  string // the credit line of every map

	// Maps are drawn once for each set of inputs: memo holds them by the
	// hash of their key (mapKey), from this build and the last (a
	// Builder's; nil for none).
	fp     *fingerprinter
	global uint64 // the inputs every map shares
	memo   *cache.Table[uint64, maps.Map]

	// overviews: by municipality slug, the overview image its places'
	// pages show, drawn once (set while the pages are listed, for the
	// municipalities with places; read after).
	overviews map[string]func() *overviewImage
}

// overviewImage is a municipality's overview as a file that its places'
// pages share (under a name with its hash, cached for long): the same on
// each, where only the marks over it differ (maps.Overview).
type overviewImage struct {
	path string // in the output, "assets/oversikt-<slug>.<hash>.svg"
	data []byte
	w, h int
}

// html is the overview on a page: the image, and the marks over it.
func (img *overviewImage) html(basePath string, marks []byte) []byte {
	out := make([]byte, 0, len(marks)+160)
	out = append(out, `<img class="m-img" src="`...)
	out = append(out, html.EscapeString(basePath+img.path)...)
	out = append(out, `" alt="" width="`+strconv.Itoa(img.w)+`" height="`+strconv.Itoa(img.h)+`" loading="lazy" decoding="async">`...)
	return append(out, marks...)
}

// overviewFiles are the overview images, in the order of their paths.
func (mp *mapper) overviewFiles() []lateFile {
	var out []lateFile
	slugs := make([]string, 0, len(mp.overviews))
	for slug := range mp.overviews {
		slugs = append(slugs, slug)
	}
	slices.Sort(slugs)
	for _, slug := range slugs {
		if img := mp.overviews[slug](); img != nil {
			out = append(out, made(output.File{Path: img.path, Data: img.data}))
		}
	}
	return out
}

// mapKey is what a map is drawn from, besides what every map shares
// (boundaries, base layers, symbols, links): the kind of map, its title,
// IDs and highlighted municipality, the boundaries it shows by code, and
// its points.
type mapKey struct {
	Lang, Kind, Title, ID, Highlight string
	Bounds                           []string
	Points, Near                     []model.Point
}

// draw draws the map of key k, or takes it from the last build.
func (mp *mapper) draw(k mapKey, draw func() maps.Map) maps.Map {
	var h uint64
	if mp.memo != nil { // without a Builder's cache, nothing to hash the key for
		h = mp.key(k)
		if m, ok := mp.memo.Get(h); ok {
			return m
		}
	}
	m := draw()
	m.SVG = minifySVG(m.SVG) // m.Overview is minified already (Overview.Minify)
	if mp.memo != nil {
		mp.memo.Put(h, m)
	}
	return m
}

func (mp *mapper) key(k mapKey) uint64 {
	h := mp.fp.hasher()
	h.int(int64(mp.global))
	h.value(reflect.ValueOf(k))
	return h.sum()
}

func codes(bs ...model.Boundary) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.Code
	}
	return out
}

// mapJob is the map of a page: pages are listed first, and a page's map
// is drawn (or taken from the last build) when the page is rendered and
// let go once it is (drop). Its inputs too may be made only then (spec):
// a point's nearby places are found when its page is rendered.
type mapJob struct {
	mp      *mapper
	caption string
	spec    func() mapSpec

	mu   sync.Mutex
	view *MapView
	made *mapSpec // spec's, from the page's fingerprint until the page is rendered
}

// mapSpec is what a map is drawn from: the points its legend counts, its
// key and the drawing.
type mapSpec struct {
	points []model.Point
	key    mapKey
	draw   func() maps.Map
}

// queue makes v's map the map of key k, drawn by draw, with caption and
// the legend of points.
func (mp *mapper) queue(v *View, caption string, points []model.Point, k mapKey, draw func() maps.Map) {
	mp.queueSpec(v, caption, func() mapSpec { return mapSpec{points, k, draw} })
}

// queueSpec makes v's map the one spec makes when the page is rendered.
func (mp *mapper) queueSpec(v *View, caption string, spec func() mapSpec) {
	v.mapJob = &mapJob{mp: mp, caption: caption, spec: spec}
}

// get draws the map, once until dropped.
func (j *mapJob) get() *MapView {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.view == nil {
		sp := j.specLocked()
		j.view = j.mp.view(sp.key.Lang, j.mp.draw(sp.key, sp.draw), j.caption, sp.points)
	}
	return j.view
}

// specLocked is the map's spec, made once until dropped; j.mu is held.
func (j *mapJob) specLocked() mapSpec {
	if j.made == nil {
		sp := j.spec()
		j.made = &sp
	}
	return *j.made
}

// drop lets the drawn map and its spec go.
func (j *mapJob) drop() {
	j.mu.Lock()
	j.view, j.made = nil, nil
	j.mu.Unlock()
}

// fingerprint hashes what the map's view is made of: the map's key (with
// what every map shares), its caption and the categories of its points.
// The spec it makes is kept for the page's rendering until drop.
func (j *mapJob) fingerprint(h *hasher) {
	j.mu.Lock()
	sp := j.specLocked()
	j.mu.Unlock()
	h.int(int64(j.mp.key(sp.key)))
	h.str(j.caption)
	h.int(int64(len(sp.points)))
	seen := map[string]bool{}
	for _, p := range sp.points {
		if !seen[p.Category] {
			seen[p.Category] = true
			h.str(p.Category)
		}
	}
}

func newMapper(r *renderer, fp *fingerprinter) *mapper {
	var cats []string
	for _, c := range r.site.Config.PointCategories {
		cats = append(cats, c.Slug)
	}
	mp := &mapper{r: r, symbols: maps.Symbols(cats), bounds: map[string]model.Boundary{}, codes: map[string]string{},
		fp: fp, overviews: map[string]func() *overviewImage{}}
	mp.legend = maps.Legend(mp.symbols)
	for c, b := range mp.legend {
		mp.legend[c] = minifySVG(b)
	}
	mp.cluster = minifySVG(maps.LegendCluster())
	for _, b := range r.site.Base {
		kind := maps.Water
		switch b.Kind {
		case "land":
			kind, mp.hasLand = maps.Land, true
		case "road":
			kind = maps.Road
		case "places":
			kind = maps.Places
		}
		mp.base = append(mp.base, maps.BaseLayer{Kind: kind, Geometry: b.Geometry, Name: b.Name, Rank: b.Rank, Seat: b.Seat})
	}
	for _, m := range r.site.Municipalities {
		mp.codes[m.Code] = m.Slug
	}
	var credits []string
	for _, c := range r.site.Credits {
		if !slices.Contains(credits, c.Text) {
			credits = append(credits, c.Text)
		}
	}
	mp.credit = strings.Join(credits, " · ")
	for _, b := range r.site.Boundaries {
		if slug, ok := mp.codes[b.Code]; ok {
			if m := r.site.Municipality(slug); m != nil && b.Name == "" {
				b.Name = m.Name // the boundary file's short name ("Sundsvall") is better
			}
			mp.bounds[slug] = b
		}
	}
	h := fp.hasher()
	for _, x := range []any{mp.bounds, mp.base, mp.symbols, mp.codes, mp.hasLand, r.opt.BasePath, r.site.Config.PointCategories, mp.credit} {
		h.value(reflect.ValueOf(x))
	}
	mp.global = h.sum()
	return mp
}

// siteBoundaries are the boundaries of the site's municipalities, named.
func (mp *mapper) siteBoundaries() []model.Boundary {
	var out []model.Boundary
	for _, m := range mp.r.site.Municipalities {
		if b, ok := mp.bounds[m.Slug]; ok {
			out = append(out, b)
		}
	}
	return out
}

// options are the drawing options of a map in lang: its phrases, names
// and links are in lang (links lead to the pages in lang where they
// exist).
func (mp *mapper) options(lang, title, idPrefix, highlight string) maps.Options {
	base := mp.r.opt.BasePath
	link := func(url string) string { return base + strings.TrimPrefix(mp.r.localURL(lang, url), "/") }
	return maps.Options{
		Title: title, IDPrefix: idPrefix, Highlight: highlight, Lang: lang, CoastalWater: !mp.hasLand,
		Symbols: mp.symbols, Base: mp.base,
		Links: func(code string) string {
			if slug, ok := mp.codes[code]; ok {
				return link(model.MunicipalityURL(slug))
			}
			return ""
		},
		PointHref: func(p model.Point) string { return link(model.PointURL(p.Municipality, p.Slug)) },
		Label:     func(p model.Point) string { return p.Name + ", " + mp.catName(lang, p.Category) },
	}
}

func (mp *mapper) catName(lang, slug string) string {
	if c, ok := mp.r.site.Config.PointCategory(slug); ok {
		return pointCategoryName(lang, c)
	}
	return slug
}

// categoryName is a category's name in lang: English or Swedish.
func categoryName(lang string, c model.Category) string {
	if lang == "en" && c.EN != "" {
		return c.EN
	}
	return c.SV
}

// pointCategoryName is a kind of service point's name in lang: English
// or Swedish.
func pointCategoryName(lang string, c model.PointCategory) string {
	if lang == "en" && c.EN != "" {
		return c.EN
	}
	return c.SV
}

// view wraps a drawn map with its caption and legend in lang.
func (mp *mapper) view(lang string, m maps.Map, caption string, points []model.Point) *MapView {
	v := &MapView{SVG: svgHTML(m.SVG), Overview: svgHTML(m.Overview), Caption: caption, Count: len(points), Credit: mp.credit}
	seen := map[string]bool{}
	for _, p := range points {
		seen[p.Category] = true
	}
	for _, c := range mp.r.site.Config.PointCategories {
		if seen[c.Slug] {
			v.Legend = append(v.Legend, PointGroup{ID: c.Slug, Name: pointCategoryName(lang, c), Symbol: svgHTML(mp.legend[c.Slug])})
		}
	}
	if m.Clusters > 0 {
		v.Legend = append(v.Legend, PointGroup{ID: "kluster", Name: mp.r.strIn(lang, "map.cluster"), Symbol: svgHTML(mp.cluster)})
	}
	return v
}

// byCategory groups points by category in the site's order, named in
// lang.
func (mp *mapper) byCategory(lang string, points []model.Point, m string) []PointGroup {
	var out []PointGroup
	for _, c := range mp.r.site.Config.PointCategories {
		g := PointGroup{ID: c.Slug, Name: pointCategoryName(lang, c), Symbol: svgHTML(mp.legend[c.Slug]), Filter: true}
		if m != "" {
			g.URL = model.MapURL(m, c.Slug)
		} else {
			g.URL = "/karta/" + c.Slug + "/"
		}
		g.Points = filter(points, func(p model.Point) bool { return p.Category == c.Slug })
		if len(g.Points) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// byMunicipality groups points by municipality in the site's order.
func (mp *mapper) byMunicipality(points []model.Point, cat string) []PointGroup {
	var out []PointGroup
	for _, m := range mp.r.site.Municipalities {
		g := PointGroup{ID: m.Slug, Name: m.Name, URL: model.MapURL(m.Slug, cat)}
		g.Points = filter(points, func(p model.Point) bool { return p.Municipality == m.Slug })
		if len(g.Points) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// filter returns the points that keep keeps, in their order: a part of
// points itself when they stand together (the site's points are sorted by
// municipality and category, so the lists of a municipality's map pages
// do), else a copy. Nothing may append to or change what it returns.
func filter(points []model.Point, keep func(model.Point) bool) []model.Point {
	i := 0
	for i < len(points) && !keep(points[i]) {
		i++
	}
	j := i
	for j < len(points) && keep(points[j]) {
		j++
	}
	if i == j {
		return nil
	}
	k := j
	for k < len(points) && !keep(points[k]) {
		k++
	}
	if k == len(points) {
		return points[i:j:j]
	}
	out := slices.Clone(points[i:j])
	for _, p := range points[k:] {
		if keep(p) {
			out = append(out, p)
		}
	}
	return out
}

// mapPages adds the map and point pages in lang (see inLang).
func (r *renderer) mapPages(lang string, later func(string, string, string, func() *View), home Crumb) {
	str := func(key string) string { return r.strIn(lang, key) }
	s := r.site
	if len(s.Boundaries) == 0 {
		return
	}
	mp := r.mapper
	mapsCrumb := Crumb{Name: str("map.title"), URL: "/karta/"}
	all := s.Points
	nb := maps.NewNearby(all)
	later("/karta/", "maps", "", func() *View {
		index := &View{
			Title: str("map.title"), Description: str("map.description"), Section: "karta", Crumbs: []Crumb{home},
			PointGroups: mp.byCategory(lang, all, ""), // copies of the points, by category
		}
		for _, mu := range s.Municipalities {
			if len(all) > maxListed {
				break // the municipalities' map pages list them
			}
			if pts := filter(all, func(p model.Point) bool { return p.Municipality == mu.Slug }); len(pts) > 0 {
				index.AllPlaces = append(index.AllPlaces, PlaceSet{Name: mu.Name, Count: len(pts), Groups: mp.byCategory(lang, pts, mu.Slug)})
			}
		}
		mp.queue(index, fmt.Sprintf(str("map.caption.region"), len(all)), all,
			mapKey{Lang: lang, Kind: "region", Title: str("map.title"), ID: "karta", Bounds: codes(mp.siteBoundaries()...), Points: all}, func() maps.Map {
				return maps.Region(mp.siteBoundaries(), all, mp.options(lang, str("map.title"), "karta", ""))
			})
		return index
	})
	for _, c := range s.Config.PointCategories {
		if !slices.ContainsFunc(all, func(p model.Point) bool { return p.Category == c.Slug }) {
			continue
		}
		cname := pointCategoryName(lang, c)
		later("/karta/"+c.Slug+"/", "map", "", func() *View {
			pts := filter(all, func(p model.Point) bool { return p.Category == c.Slug })
			cv := &View{
				Title: cname, Description: fmt.Sprintf(str("map.description.category"), cname), Section: "karta",
				Crumbs:      []Crumb{home, mapsCrumb},
				PointGroups: mp.byMunicipality(pts, c.Slug),
			}
			mp.queue(cv, fmt.Sprintf(str("map.caption.category"), cname, len(pts)), pts,
				mapKey{Lang: lang, Kind: "region", Title: cname, ID: "karta-" + c.Slug, Bounds: codes(mp.siteBoundaries()...), Points: pts}, func() maps.Map {
					return maps.Region(mp.siteBoundaries(), pts, mp.options(lang, cname, "karta-"+c.Slug, ""))
				})
			return cv
		})
	}
	for _, mu := range s.Municipalities {
		b, ok := mp.bounds[mu.Slug]
		if !ok {
			continue
		}
		mc := Crumb{Name: mu.Name, URL: model.MunicipalityURL(mu.Slug)}
		var neighbours []model.Boundary
		for _, o := range mp.siteBoundaries() {
			if o.Code != b.Code {
				neighbours = append(neighbours, o)
			}
		}
		pts := filter(all, func(p model.Point) bool { return p.Municipality == mu.Slug })
		around := nearBoundaries(b, neighbours)
		title := fmt.Sprintf(str("map.municipality"), mu.Name)
		later(model.MapURL(mu.Slug, ""), "map", "", func() *View {
			mv := &View{
				Title: title, Description: fmt.Sprintf(str("map.description.municipality"), mu.Name), Section: "karta",
				Municipality: mu, Crumbs: []Crumb{home, mapsCrumb, mc},
				PointGroups: mp.byCategory(lang, pts, mu.Slug),
			}
			mp.queue(mv, fmt.Sprintf(str("map.caption.municipality"), mu.Name, len(pts)), pts,
				mapKey{Lang: lang, Kind: "area", Title: title, ID: "karta-" + mu.Slug, Highlight: b.Code, Bounds: codes(append([]model.Boundary{b}, neighbours...)...), Points: pts}, func() maps.Map {
					return maps.Area(b, neighbours, pts, mp.options(lang, title, "karta-"+mu.Slug, b.Code))
				})
			return mv
		})
		mapCrumb := Crumb{Name: title, URL: model.MapURL(mu.Slug, "")}
		for _, c := range s.Config.PointCategories {
			if !slices.ContainsFunc(pts, func(p model.Point) bool { return p.Category == c.Slug }) {
				continue
			}
			later(model.MapURL(mu.Slug, c.Slug), "map", "", func() *View {
				cpts := filter(pts, func(p model.Point) bool { return p.Category == c.Slug })
				cname := pointCategoryName(lang, c)
				ctitle := fmt.Sprintf(str("map.municipality.category"), cname, mu.Name)
				cv := &View{
					Title: ctitle, Description: ctitle, Section: "karta", Municipality: mu,
					Crumbs:      []Crumb{home, mapsCrumb, mc, mapCrumb},
					PointGroups: []PointGroup{{ID: c.Slug, Name: cname, Symbol: svgHTML(mp.legend[c.Slug]), Points: cpts}},
				}
				mp.queue(cv, fmt.Sprintf(str("map.caption.category"), ctitle, len(cpts)), cpts,
					mapKey{Lang: lang, Kind: "area", Title: ctitle, ID: "karta-" + mu.Slug + "-" + c.Slug, Highlight: b.Code, Bounds: codes(append([]model.Boundary{b}, neighbours...)...), Points: cpts}, func() maps.Map {
						return maps.Area(b, neighbours, cpts, mp.options(lang, ctitle, "karta-"+mu.Slug+"-"+c.Slug, b.Code))
					})
				return cv
			})
		}
		pl := &pointPlace{lang: lang, mu: mu, b: b, around: around, nb: nb, crumbs: []Crumb{home, mapsCrumb, mc, mapCrumb}}
		// The overview of the municipality is drawn once for all its
		// places' pages, in each language for its name (the marks each
		// page draws over it); the first language's drawing is the image
		// for all (overviewImage: the name is not in it).
		pl.overview = sync.OnceValue(func() *maps.Overview {
			o := mp.options(lang, fmt.Sprintf(str("map.overview"), mu.Name), "karta-oversikt", "")
			o.Width = overviewWidth
			return maps.NewOverview(b, around, o)
		})
		if _, ok := mp.overviews[mu.Slug]; !ok && len(pts) > 0 {
			mp.overviews[mu.Slug] = sync.OnceValue(func() *overviewImage {
				ov := pl.overview()
				if ov == nil {
					return nil
				}
				data := minifySVGFile(ov.File())
				sum := sha256.Sum256(data)
				w, h := ov.Size()
				return &overviewImage{path: "assets/oversikt-" + mu.Slug + "." + hex.EncodeToString(sum[:])[:10] + ".svg", data: data, w: w, h: h}
			})
		}
		for i := range pts {
			later(model.PointURL(mu.Slug, pts[i].Slug), "point", "", func() *View { return r.pointView(&pts[i], pl) })
		}
	}
}

// calendar is the Calendar of p's opening hours from the build's date,
// nil when the value is not complete. Points of a value that does not
// depend on where they are (most: a site's libraries share a few values)
// share one, as do a point's pages in each language; the memo keeps at
// most calendarMemo of them.
func (r *renderer) calendar(p *model.Point) *calendarOf {
	if !p.Hours.Complete {
		return nil
	}
	key := p.Hours.Raw
	if !p.Hours.PositionFree() {
		key += "\x00" + strconv.FormatFloat(p.Lat, 'g', -1, 64) + "," + strconv.FormatFloat(p.Lon, 'g', -1, 64)
	}
	if p.Hours.UsesSH() {
		key += "\x00" + p.Municipality // school holidays differ between municipalities
	}
	r.calendars.Lock()
	c, ok := r.calendars.m[key]
	r.calendars.Unlock()
	if ok {
		return c
	}
	w := hours.Where{Lat: p.Lat, Lon: p.Lon}
	if p.Hours.UsesSH() {
		for _, h := range r.site.Config.SchoolHolidays {
			if h.Applies(p.Municipality) {
				w.SchoolHolidays = append(w.SchoolHolidays, hours.Period{From: h.From, To: h.To, Name: h.Name})
			}
		}
	}
	c = &calendarOf{cal: p.Hours.Calendar(r.opt.Today, w), key: key}
	r.calendars.Lock()
	if r.calendars.m == nil {
		r.calendars.m = map[string]*calendarOf{}
	}
	if len(r.calendars.m) < calendarMemo {
		if old, ok := r.calendars.m[key]; ok {
			c = old // made meanwhile for another point
		} else {
			r.calendars.m[key] = c
		}
	}
	r.calendars.Unlock()
	return c
}

// calendarOf is a Calendar with what the pages of its points show of it,
// made once for each language.
type calendarOf struct {
	cal    *hours.Calendar
	key    string // what makes it: the hours, and the position or municipality where they depend on it
	mu     sync.Mutex
	byLang map[string]*pointHours
}

// in is what the points' pages in lang show of the calendar.
func (c *calendarOf) in(lang string) *pointHours {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ph, ok := c.byLang[lang]; ok {
		return ph
	}
	ph := &pointHours{text: c.cal.Text(lang), ld: c.cal.Schema(), key: c.key}
	if c.byLang == nil {
		c.byLang = map[string]*pointHours{}
	}
	c.byLang[lang] = ph
	return ph
}

// pointHours is what a point's page says of its opening hours from the
// build's date on: the text, and the same as schema.org
// OpeningHoursSpecification objects. The pages of the points that share
// a Calendar share it, and it is fingerprinted once (sum).
type pointHours struct {
	text *hours.Text
	ld   []map[string]any
	key  string // the calendar's (calendarOf), which text and ld are made of

	once sync.Once
	sum  uint64
}

// fingerprint is the hash of what ph holds, made by h's fingerprinter
// the first time.
func (ph *pointHours) fingerprint(h *hasher) uint64 {
	ph.once.Do(func() {
		ph2 := h.fp.hasher()
		ph2.value(reflect.ValueOf(ph.text))
		ph2.value(reflect.ValueOf(ph.ld))
		ph.sum = ph2.sum()
	})
	return ph.sum
}

// calendarMemo is how many Calendars a render keeps for other points of
// the same value (a few KB each).
const calendarMemo = 2000

// pointPlace is what the pages of a municipality's service points share:
// the municipality, its boundary, the neighbours near it, the index of
// nearby places and the breadcrumb trail (which no View changes).
type pointPlace struct {
	lang   string
	mu     *model.Municipality
	b      model.Boundary
	around []model.Boundary
	nb     *maps.Nearby
	crumbs []Crumb

	overview func() *maps.Overview // the municipality's overview, drawn once
}

// pointView is the View of service point p's page.
func (r *renderer) pointView(p *model.Point, pl *pointPlace) *View {
	s, mp := r.site, r.mapper
	mu, b, around, nb, lang := pl.mu, pl.b, pl.around, pl.nb, pl.lang
	str := func(key string) string { return r.strIn(lang, key) }
	v := &View{
		Title: p.Name, Description: p.Description, Section: "karta", Municipality: mu, Point: p,
		Crumbs: pl.crumbs,
	}
	ptitle := fmt.Sprintf(str("map.point"), p.Name)
	mp.queueSpec(v, fmt.Sprintf(str("map.caption.point"), p.Name, mu.Name), func() mapSpec {
		near := nb.Find(*p, nearQuery)
		opt := mp.options(lang, ptitle, "karta-punkt", "")
		opt.Span, opt.Width = pointSpan, pointWidth
		return mapSpec{
			points: append([]model.Point{*p}, near...),
			key:    mapKey{Lang: lang, Kind: "point", Title: ptitle, ID: "karta-punkt", Bounds: codes(append([]model.Boundary{b}, around...)...), Points: []model.Point{*p}, Near: near},
			draw: func() maps.Map {
				m := maps.PointMap(*p, b, around, near, opt)
				if ov, img := pl.overview(), mp.overviews[mu.Slug](); ov != nil && img != nil {
					m.Overview = img.html(mp.r.opt.BasePath, ov.Marks(*p, p.Name, m.Extent))
				}
				return m
			},
		}
	})
	// The hours from the build's date on, evaluated where the point is.
	if c := r.calendar(p); c != nil {
		v.hours = c.in(lang)
	}
	if pc, ok := s.Config.PointCategory(p.Category); ok {
		v.PointCategory = pc
		if pc.Category != "" {
			k := [2]string{mu.Slug, pc.Category}
			v.Versions, v.Offers = r.ix.versionsByCategory[k], r.ix.offersByCategory[k]
		}
	}
	return v
}

// A point's page shows its neighbourhood: at least pointSpan metres
// across, grown to show the places nearQuery picks (the nearest of its
// category and of others, each within a walk or a short ride), so that
// the map and its key hold a few places however many the site has. The
// map is 4:3, so a place nearQuery.Radius north or south of the point
// makes it 8/3 × 1800 = 4.8 km across: a neighbourhood is 3 to 5 km
// across (TestPointMapsShowTheNeighbourhood).
const pointSpan = 3000.0

// overviewWidth is the viewBox width of the point page's overview of its
// municipality.
const overviewWidth = 240

// pointWidth is the point map's viewBox width: about the width the page
// gives it, so that its symbols and names keep their size.
const pointWidth = 400

var nearQuery = maps.NearbyQuery{Same: 8, Other: 4, Radius: 1800}

// nearBoundaries are the neighbours that a point map of b's places can
// show: those whose bound comes within reach of b's (a view is at most
// a few kilometres across), so that a point map does not project every
// municipality of a national site.
func nearBoundaries(b model.Boundary, neighbours []model.Boundary) []model.Boundary {
	if b.Geometry == nil {
		return nil
	}
	const pad = 0.2 // degrees: over 20 km north and south, 9 km east and west at 65° N
	reach := b.Geometry.Bound().Pad(pad)
	var out []model.Boundary
	for _, n := range neighbours {
		if n.Geometry != nil && n.Geometry.Bound().Intersects(reach) {
			out = append(out, n)
		}
	}
	return out
}

// placeLD is the schema.org description of a service point.
func placeLD(base string, p model.Point, pc model.PointCategory, hoursLD []map[string]any) map[string]any {
	typ := pc.Schema
	if typ == "" {
		typ = "CivicStructure"
	}
	ld := map[string]any{
		"@context": "https://schema.org", "@type": typ, "name": p.Name,
		"url": absURL(base, model.PointURL(p.Municipality, p.Slug)),
		"geo": map[string]any{"@type": "GeoCoordinates", "latitude": round5(p.Lat), "longitude": round5(p.Lon)},
	}
	if p.Address != "" || p.City != "" {
		ld["address"] = map[string]any{"@type": "PostalAddress", "streetAddress": p.Address, "postalCode": p.PostalCode,
			"addressLocality": p.City, "addressCountry": "SE"}
	}
	if p.Description != "" {
		ld["description"] = p.Description
	}
	if p.Phone != "" {
		ld["telephone"] = p.Phone
	}
	if p.Email != "" {
		ld["email"] = p.Email
	}
	if p.URL != "" {
		ld["sameAs"] = p.URL
	}
	if len(hoursLD) > 0 {
		ld["openingHoursSpecification"] = hoursLD
	}
	if p.Wheelchair != "" {
		ld["amenityFeature"] = map[string]any{"@type": "LocationFeatureSpecification", "name": "Tillgänglig med rullstol",
			"value": p.Wheelchair == "yes"}
	}
	return ld
}

func round5(f float64) float64 { return math.Round(f*1e5) / 1e5 }
