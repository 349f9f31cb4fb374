package render

// Page fingerprints, so that a Builder's full rebuild renders only the
// pages whose inputs changed. A page is what its layout makes of its View
// with the template functions, so its fingerprint hashes:
//
//   - what every page shares (global): the layouts and partials, the UI
//     strings, the base path, the asset URLs, site.toml's settings and
//     what the layouts read from .Site (site.toml's settings, the
//     municipalities and pages with their names and titles, whether there
//     are maps: TestLayoutsReadOnlyWhatFingerprintsHash);
//   - the page's path, layout and language;
//   - its View, deep: every field, list and map, the model entities it
//     points to (each hashed once per render), and the bodies it reads
//     (bodyReader; Body values met elsewhere are not read by the layouts,
//     see reach.go).
//
// Only a Renderer of the default layouts reuses pages (Options.Memo): a
// site's own layouts may read anything through the template functions.

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"io"
	"maps"
	"math"
	"reflect"
	"slices"
	"sync"

	"github.com/esamverkan/guidemap/generator/bodies"
	"github.com/esamverkan/guidemap/generator/internal/par"
	"github.com/esamverkan/guidemap/generator/model"
)

var (
	bodyType      = reflect.TypeFor[model.Body]()
	bodyPtr       = reflect.TypeFor[*model.Body]()
	sitePtr       = reflect.TypeFor[*model.Site]()
	viewPtr       = reflect.TypeFor[*View]()
	mapJobPtr     = reflect.TypeFor[*mapJob]()
	pointHoursPtr = reflect.TypeFor[*pointHours]()
	pointType     = reflect.TypeFor[model.Point]()
	entityPtrs    = map[reflect.Type]bool{
		reflect.TypeFor[*model.Municipality](): true,
		reflect.TypeFor[*model.Guide]():        true,
		reflect.TypeFor[*model.Version]():      true,
		reflect.TypeFor[*model.EService]():     true,
		reflect.TypeFor[*model.Offer]():        true,
		reflect.TypeFor[*model.Page]():         true,
	}
)

// fingerprinter hashes the inputs of pages, on any number of goroutines.
type fingerprinter struct {
	set      *bodies.Set            // the rendered bodies
	entities map[any]uint64         // the site's entities (pointers such as *model.Guide), hashed once (prepare)
	bodies   map[*model.Body]uint64 // their bodies, hashed once (prepare)
	points   map[pointKey]uint64    // the site's service points, hashed once (prepare): maps list thousands
	langs    map[string]uint64      // by language other than Swedish: its pages (where its links lead), from global
}

// pointKey tells a service point of the site from the others.
type pointKey struct {
	file    string
	feature int
}

// prepare hashes every entity of the site and every body, on all cores.
// Entities' hashes leave bodies out, so they hold while only bodies change.
func (fp *fingerprinter) prepare(s *model.Site, workers int) {
	var level1, level2 []any
	var bs []*model.Body
	add := func(level *[]any, e any, b *model.Body) {
		*level = append(*level, e)
		bs = append(bs, b)
	}
	for _, m := range s.Municipalities {
		add(&level1, m, &m.Intro)
	}
	for _, g := range slices.Concat(s.Guides, s.LocalGuides) {
		add(&level1, g, &g.Body)
	}
	for _, e := range s.EServices {
		add(&level1, e, &e.Body)
	}
	for _, p := range s.Pages {
		add(&level1, p, &p.Body)
	}
	for _, v := range s.Versions {
		add(&level2, v, &v.Body)
	}
	for _, o := range s.Offers {
		add(&level2, o, &o.Body)
	}
	fp.bodies = hashAll(bs, workers, fp.body)
	fp.entities = make(map[any]uint64, len(level1)+len(level2))
	entity := func(e any) uint64 {
		h := fp.hasher()
		h.value(reflect.ValueOf(e).Elem())
		return h.sum()
	}
	maps.Copy(fp.entities, hashAll(level1, workers, entity)) // versions and offers point to these
	maps.Copy(fp.entities, hashAll(level2, workers, entity))
	sums := make([]uint64, len(s.Points))
	par.Do(len(s.Points), workers, func(i int) {
		h := fp.hasher()
		h.value(reflect.ValueOf(s.Points[i]))
		sums[i] = h.sum()
	})
	points := make(map[pointKey]uint64, len(s.Points))
	for i, p := range s.Points {
		points[pointKey{p.File, p.Feature}] = sums[i]
	}
	fp.points = points
}

var (
	pointFile    = fieldIndex(pointType, "File")
	pointFeature = fieldIndex(pointType, "Feature")
)

func fieldIndex(t reflect.Type, name string) []int {
	f, ok := t.FieldByName(name)
	if !ok {
		panic("render: no field " + name + " in " + t.String())
	}
	return f.Index
}

// hashAll hashes every key on all cores.
func hashAll[K comparable](keys []K, workers int, hash func(K) uint64) map[K]uint64 {
	sums := make([]uint64, len(keys))
	par.Do(len(keys), workers, func(i int) { sums[i] = hash(keys[i]) })
	out := make(map[K]uint64, len(keys))
	for i, k := range keys {
		out[k] = sums[i]
	}
	return out
}

// global is the hash of what every page of r shares; layouts are the
// theme's layout and partial sources.
func (fp *fingerprinter) global(r *renderer, layouts map[string][]byte) uint64 {
	h := fp.hasher()
	s := r.site
	names := slices.Sorted(maps.Keys(layouts))
	for _, n := range names {
		h.str(n)
		h.str(string(layouts[n]))
	}
	h.value(reflect.ValueOf(r.opt.Strings))
	h.str(r.opt.BasePath)
	h.value(reflect.ValueOf(*r.assets))
	h.value(reflect.ValueOf(s.Config))
	h.value(reflect.ValueOf(s.Municipalities))
	h.value(reflect.ValueOf(s.Pages))
	h.bool(len(s.Boundaries) > 0)
	// The header links the business page when there is one.
	h.bool(r.life.hasBusiness(""))
	h.value(reflect.ValueOf(r.langHomes())) // every Swedish page without a translation links their start pages
	// The links of a page in another language lead to the pages in it
	// that exist (funcs.go: url): its fingerprint has their list.
	fp.langs = map[string]uint64{}
	for lang, urls := range r.translated {
		lh := fp.hasher()
		lh.value(reflect.ValueOf(urls))
		fp.langs[lang] = lh.sum()
	}
	return h.sum()
}

// page is the fingerprint of one page.
func (fp *fingerprinter) page(global uint64, p page) uint64 {
	h := fp.hasher()
	h.int(int64(global))
	h.int(int64(fp.langs[p.view.Lang]))
	h.str(p.path)
	h.str(p.layout)
	h.bool(p.sitemap)
	h.value(reflect.ValueOf(p.view))
	return h.sum()
}

// data is the fingerprint of the open data (openData): global, which has
// the settings and municipalities they read, and every service point in
// the site's order.
func (fp *fingerprinter) data(global uint64, s *model.Site) uint64 {
	h := fp.hasher()
	h.str("open data")
	h.int(int64(global))
	h.int(int64(len(s.Points)))
	for _, p := range s.Points {
		h.value(reflect.ValueOf(p))
	}
	return h.sum()
}

// index is the fingerprint of the search index (searchIndex): global
// (settings, UI strings, municipalities, pages), data (the service
// points), every guide, version, e-service and offer, and the bodies the
// index reads.
func (fp *fingerprinter) index(global, data uint64, s *model.Site) uint64 {
	h := fp.hasher()
	h.str("search index")
	h.int(int64(global))
	h.int(int64(data))
	h.value(reflect.ValueOf(s.Guides))
	h.value(reflect.ValueOf(s.LocalGuides))
	h.value(reflect.ValueOf(s.Versions))
	h.value(reflect.ValueOf(s.EServices))
	h.value(reflect.ValueOf(s.Offers))
	for _, g := range s.Guides {
		h.body(&g.Body)
		for _, lang := range slices.Sorted(maps.Keys(g.Translations)) {
			h.body(&g.Translations[lang].Body)
		}
	}
	for _, v := range s.Versions {
		for _, lang := range slices.Sorted(maps.Keys(v.Translations)) {
			h.body(&v.Translations[lang].Body)
		}
	}
	for _, v := range s.Versions {
		if v.Adapted || v.Local { // a local guide's text is its version's
			h.body(&v.Body)
		}
	}
	for _, e := range s.EServices {
		h.body(&e.Body)
	}
	for _, p := range s.Pages {
		h.body(&p.Body)
	}
	for _, m := range s.Municipalities {
		h.body(&m.Intro)
	}
	return h.sum()
}

// mix is the fingerprint of the file at path made of what sum fingerprints.
func mix(sum uint64, path string) uint64 {
	h := sha256.New()
	binary.Write(h, binary.LittleEndian, sum)
	io.WriteString(h, path)
	var b [sha256.Size]byte
	return binary.LittleEndian.Uint64(h.Sum(b[:0]))
}

func (fp *fingerprinter) hasher() *hasher {
	h := hashers.Get().(*hasher)
	h.fp = fp
	return h
}

// hashers are hashers that sum gave back: a render hashes tens of
// thousands of values, each with a buffer of its own, and the first
// writes to new memory cost more than the hashing.
var hashers = sync.Pool{New: func() any {
	return &hasher{h: sha256.New(), seen: map[reflect.Value]bool{}, buf: make([]byte, 0, hashBuf)}
}}

// hashBuf is the size of a hasher's buffer: a page's values are many
// and small, and SHA-256 is quicker at a block at a time.
const hashBuf = 2048

// hasher hashes values deeply, with SHA-256 (cut to 64 bits): the same
// value has the same hash in every process, so that fingerprints can be
// kept between builds, and SHA-256 with the CPU's instructions for it is
// as fast as a hash made for maps.
type hasher struct {
	fp   *fingerprinter
	h    hash.Hash
	seen map[reflect.Value]bool // pointers being hashed, against cycles
	buf  []byte                 // what is not yet written to h
}

// sum is the hash of what h was given. It ends h's use: h goes back to
// the pool.
func (h *hasher) sum() uint64 {
	h.flush()
	var b [sha256.Size]byte
	sum := binary.LittleEndian.Uint64(h.h.Sum(b[:0]))
	h.h.Reset()
	h.fp = nil
	clear(h.seen) // empty already: pointer takes out what it puts in
	hashers.Put(h)
	return sum
}

// flush writes the buffer to the hash.
func (h *hasher) flush() {
	h.h.Write(h.buf)
	h.buf = h.buf[:0]
}

// full writes the buffer to the hash when it is nearly full.
func (h *hasher) full() {
	if len(h.buf) > hashBuf-64 {
		h.flush()
	}
}

func (h *hasher) int(i int64) {
	h.buf = binary.LittleEndian.AppendUint64(h.buf, uint64(i))
	h.full()
}

func (h *hasher) bool(b bool) {
	var c byte
	if b {
		c = 1
	}
	h.buf = append(h.buf, c)
	h.full()
}

func (h *hasher) str(s string) {
	h.int(int64(len(s)))
	if len(s) > hashBuf/2 {
		h.flush()
		io.WriteString(h.h, s)
		return
	}
	h.buf = append(h.buf, s...)
	h.full()
}

// bytes writes b as it is (its length is the caller's).
func (h *hasher) bytes(b []byte) {
	if len(b) > hashBuf/2 {
		h.flush()
		h.h.Write(b)
		return
	}
	h.buf = append(h.buf, b...)
	h.full()
}

// body hashes a body, by its hash from prepare when it has one.
func (h *hasher) body(b *model.Body) {
	if v, ok := h.fp.bodies[b]; ok {
		h.int(int64(v))
		return
	}
	h.int(int64(h.fp.body(b)))
}

// body is the hash of what the layouts and StartItem read of a rendered
// body: its HTML, its headings and where its sections come from
// (bodies.Set.Digest); -1 for a body the Set does not know.
func (fp *fingerprinter) body(b *model.Body) uint64 {
	if d, ok := fp.set.Digest(b); ok {
		return d
	}
	return math.MaxUint64
}

// value hashes v, its type's shape included.
func (h *hasher) value(v reflect.Value) {
	t := v.Type()
	if t.Implements(readerType) && v.CanInterface() && (t.Kind() != reflect.Pointer || !v.IsNil()) {
		for _, b := range v.Interface().(bodyReader).readsBodies() {
			h.body(b)
		}
	}
	if t == viewPtr && !v.IsNil() && v.CanInterface() {
		if j := v.Interface().(*View).mapJob; j != nil {
			j.fingerprint(h) // the map as its key, not as drawn: maps are drawn when pages are rendered
		}
	}
	if t == pointHoursPtr {
		if !v.IsNil() {
			h.int(int64((*pointHours)(v.UnsafePointer()).fingerprint(h)))
		} else {
			h.int(-1)
		}
		return
	}
	if t == pointType && h.fp.points != nil {
		if sum, ok := h.fp.points[pointKey{v.FieldByIndex(pointFile).String(), int(v.FieldByIndex(pointFeature).Int())}]; ok {
			h.int(int64(sum))
			return
		}
	}
	switch v.Kind() {
	case reflect.String:
		h.str(v.String())
	case reflect.Bool:
		h.bool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.int(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.int(int64(v.Uint()))
	case reflect.Float32, reflect.Float64:
		h.int(int64(math.Float64bits(v.Float())))
	case reflect.Pointer:
		h.pointer(v)
	case reflect.Interface:
		if v.IsNil() {
			h.int(-1)
			return
		}
		e := v.Elem()
		h.str(e.Type().String())
		h.value(e)
	case reflect.Struct:
		if t == bodyType {
			return // read only through bodyReaders
		}
		for i := range v.NumField() {
			h.value(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			h.int(-1)
			return
		}
		h.int(int64(v.Len()))
		if t.Elem().Kind() == reflect.Uint8 {
			h.bytes(v.Bytes())
			return
		}
		if e := t.Elem(); e.Kind() == reflect.Array && e.Elem().Kind() == reflect.Float64 {
			// Coordinates (orb.Point, orb.Ring …): without a call per number.
			for i := range v.Len() {
				p := v.Index(i)
				for j := range p.Len() {
					h.buf = binary.LittleEndian.AppendUint64(h.buf, math.Float64bits(p.Index(j).Float()))
				}
				h.full()
			}
			return
		}
		for i := range v.Len() {
			h.value(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			h.int(-1)
			return
		}
		keys := v.MapKeys()
		if t.Key().Kind() == reflect.String {
			slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) })
		} else {
			slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		}
		h.int(int64(len(keys)))
		for _, k := range keys {
			h.value(k)
			h.value(v.MapIndex(k))
		}
	default:
		panic(fmt.Sprintf("render: cannot fingerprint a %s", t))
	}
}

// pointer hashes what p points to: an entity once per render, the site
// and the bodies not at all (global has what the layouts read of the
// site; bodies are read only through bodyReaders, which value hashes).
func (h *hasher) pointer(p reflect.Value) {
	if p.IsNil() {
		h.int(-1)
		return
	}
	t := p.Type()
	switch {
	case t == sitePtr, t == bodyPtr, t == setPtr, t == mapJobPtr:
		return
	case entityPtrs[t]:
		if p.CanInterface() {
			if v, ok := h.fp.entities[p.Interface()]; ok {
				h.int(int64(v))
				return
			}
		}
		eh := h.fp.hasher()
		eh.value(p.Elem())
		h.int(int64(eh.sum()))
		return
	}
	key := p.Elem().Addr() // the pointer itself, however it was reached
	if h.seen[key] {
		h.int(-2) // a cycle
		return
	}
	h.seen[key] = true
	h.value(p.Elem())
	delete(h.seen, key)
}
