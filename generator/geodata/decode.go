package geodata

// Why not geojson.UnmarshalFeatureCollection: a diagnostic must say where
// a feature, or its bad property, starts, and orb's decoder keeps no
// offsets. Nor a json.Decoder token walk, though it gives offsets: it
// scans every value twice when decoding it raw, and builds an error value
// to find where each string or number ends, which made reading 50,000
// points three times slower. So encoding/json checks the whole file once
// (json.Valid; on a syntax error its SyntaxError gives the offset), and a
// small walk over the checked bytes then finds every feature, member and
// property with its offset. Offsets become lines and columns only when a
// problem is reported; strings are unquoted by encoding/json when they hold
// escapes.

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/esamverkan/guidemap/generator/diag"
)

// source is a GeoJSON file being read.
type source struct {
	path string
	orig []byte
	// data is what the decoder reads: orig with a byte-order mark turned
	// into spaces, and NaN and Infinity, which some tools write but JSON
	// does not allow, turned into strings of the same length, so that
	// every offset is the same in both.
	data  []byte
	bad   map[int]string // offset in data → the NaN or Infinity written there
	used  map[int]bool   // the offsets of bad that a diagnostic named
	lines *diag.Lines    // built on first use
}

func newSource(path string, src []byte) *source {
	s := &source{path: path, orig: src, data: src}
	own := false
	copied := func() {
		if !own {
			s.data, own = slices.Clone(src), true
		}
	}
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		copied()
		copy(s.data, "   ")
	}
	if !bytes.Contains(src, []byte("NaN")) && !bytes.Contains(src, []byte("Infinity")) {
		return s
	}
	inString := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		var lit, repl string
		switch {
		case c == '"':
			inString = true
			continue
		case bytes.HasPrefix(src[i:], []byte("NaN")):
			lit, repl = "NaN", `"N"`
		case bytes.HasPrefix(src[i:], []byte("Infinity")):
			lit, repl = "Infinity", `"Infini"`
		case bytes.HasPrefix(src[i:], []byte("-Infinity")):
			lit, repl = "-Infinity", `"-Infini"`
		default:
			continue
		}
		copied()
		copy(s.data[i:], repl)
		if s.bad == nil {
			s.bad = map[int]string{}
		}
		s.bad[i] = lit
		i += len(lit) - 1
	}
	return s
}

// invalid reports whether the value at off is a NaN or Infinity, and
// marks it reported.
func (s *source) invalid(off int) (string, bool) {
	lit, ok := s.bad[off]
	if ok {
		if s.used == nil {
			s.used = map[int]bool{}
		}
		s.used[off] = true
	}
	return lit, ok
}

// reportInvalid reports the NaN and Infinity that no other diagnostic
// named.
func (s *source) reportInvalid(l *diag.List) {
	for off, lit := range s.bad {
		if !s.used[off] {
			l.Errorf(s.at(-1, off), "write a number, or null", "%s is not valid JSON", lit)
		}
	}
}

// lineCol returns the 1-based line and column (in characters) of offset
// off.
func (s *source) lineCol(off int) (int, int) {
	if s.lines == nil {
		s.lines = diag.NewLines(s.orig)
	}
	return s.lines.LineCol(off)
}

// at returns the position of offset off in feature index (-1: none).
func (s *source) at(index, off int) diag.Pos {
	line, col := s.lineCol(off)
	if index < 0 {
		return diag.At(s.path, line, col)
	}
	return diag.InFeature(s.path, index, line, col)
}

// feature is one feature of a FeatureCollection, with the offsets of its
// parts.
type feature struct {
	index    int
	off      int             // its "{"
	geom     json.RawMessage // nil when there is no "geometry"
	geomOff  int
	props    []property
	propsOff int // -1 when there is no "properties"
}

type property struct {
	key    string
	keyOff int
	val    json.RawMessage
	valOff int
}

// pos returns the position of offset off in the feature.
func (f *feature) pos(s *source, off int) diag.Pos { return s.at(f.index, off) }

// propsPos is where the properties start, or the feature when it has none.
func (f *feature) propsPos(s *source) diag.Pos {
	if f.propsOff >= 0 {
		return f.pos(s, f.propsOff)
	}
	return f.pos(s, f.off)
}

// The limits of a GeoJSON file, far above what real data needs (Sweden's
// 290 boundaries have at most 3,378 positions each, the land layer 17,952,
// a file of the national synthetic site 16,667 points); the size of a file
// is limited when it is read (sitefs).
const (
	MaxFeatures = 1_000_000 // features in one file
	MaxVertices = 1_000_000 // positions in one geometry
)

// The limits in force: the tests lower them.
var maxFeatures, maxVertices = MaxFeatures, MaxVertices

const collectionHint = `a GeoJSON file is {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": …, "properties": {…}}, …]}`

// readFeatures reads the FeatureCollection in s and calls each for every
// feature that is a JSON object, in order; each must not keep the feature,
// which is reused. It reports problems with the
// file's structure itself, and a JSON syntax error, after which it reads
// nothing.
func readFeatures(s *source, l *diag.List, each func(*feature)) {
	if !json.Valid(s.data) {
		syntaxError(s, l)
		return
	}
	start := skipSpace(s.data, 0, "")
	if s.data[start] != '{' {
		l.Errorf(s.at(-1, start), collectionHint, "the file is not a GeoJSON FeatureCollection")
		return
	}
	data := s.data[start:valueEnd(s.data, start)]
	typ, typOff, featuresOff := "", -1, -1
	members(data, start, func(key []byte, keyOff int, val []byte, valOff int) {
		switch string(key) {
		case `"type"`:
			typ, typOff = text(val), valOff
			if val[0] != '"' {
				typ = string(val)
			}
		case `"features"`:
			if featuresOff >= 0 {
				l.Errorf(s.at(-1, keyOff), "remove one of them", `"features" is given twice`)
				return
			}
			featuresOff = valOff
			if val[0] != '[' {
				l.Errorf(s.at(-1, valOff), collectionHint, `"features" is not an array`)
				return
			}
			i := 0
			var f *feature // reused: each must not keep it
			elements(val, valOff, func(raw []byte, off int) {
				switch {
				case i > maxFeatures:
					return
				case i == maxFeatures:
					l.Errorf(s.at(i, off), "split the features into several files", "the file has more than %d features", maxFeatures)
					i++
					return
				}
				if raw[0] != '{' {
					l.Errorf(s.at(i, off), `a feature is {"type": "Feature", "geometry": …, "properties": {…}}`, "the feature is not a JSON object")
				} else {
					f = readFeature(s, l, f, i, off, raw)
					each(f)
				}
				i++
			})
		}
	})
	switch {
	case typOff < 0:
		l.Errorf(s.at(-1, start), collectionHint, `the file has no "type": "FeatureCollection"`)
	case typ != "FeatureCollection":
		l.Errorf(s.at(-1, typOff), collectionHint, `the file's type is %q, not "FeatureCollection"`, typ)
	}
	if featuresOff < 0 {
		l.Errorf(s.at(-1, start), collectionHint, `the FeatureCollection has no "features"`)
	}
}

// syntaxError reports where s is not valid JSON.
func syntaxError(s *source, l *diag.List) {
	const hint = "the file must be valid JSON: check for a missing comma, bracket or quote"
	if len(bytes.TrimSpace(s.data)) == 0 {
		l.Errorf(s.at(-1, 0), collectionHint, "the file is empty")
		return
	}
	var se *json.SyntaxError
	err := json.Unmarshal(s.data, new(json.RawMessage))
	if !errors.As(err, &se) {
		l.Errorf(s.at(-1, 0), hint, "cannot read GeoJSON: %v", err)
		return
	}
	off := int(se.Offset) - 1
	switch msg := se.Error(); {
	case strings.HasSuffix(msg, "after top-level value"):
		l.Errorf(s.at(-1, off), "a GeoJSON file holds one FeatureCollection", "unexpected text after the FeatureCollection")
	case se.Offset >= int64(len(s.data)) && strings.HasPrefix(msg, "unexpected end"):
		l.Errorf(s.at(-1, len(s.data)), hint, "cannot read GeoJSON: the file ends too early")
	default:
		l.Errorf(s.at(-1, off), hint, "cannot read GeoJSON: %s", msg)
	}
}

// readFeature takes a feature object apart.
func readFeature(s *source, l *diag.List, f *feature, index, off int, raw []byte) *feature {
	if f == nil {
		f = &feature{}
	}
	*f = feature{index: index, off: off, propsOff: -1, geomOff: -1, props: f.props[:0]}
	hasType := false
	members(raw, off, func(key []byte, _ int, val []byte, valOff int) {
		switch string(key) {
		case `"type"`:
			hasType = true
			if typ := text(val); typ != "Feature" {
				if val[0] != '"' {
					typ = string(val)
				}
				l.Errorf(f.pos(s, valOff), `wrap the geometry in a Feature: {"type": "Feature", "geometry": …, "properties": {…}}`,
					`the feature's type is %q, not "Feature"`, typ)
			}
		case `"geometry"`:
			f.geom, f.geomOff = val, valOff
		case `"properties"`:
			readProperties(s, l, f, val, valOff)
		}
	})
	if !hasType {
		l.Errorf(f.pos(s, off), `add "type": "Feature"`, `the feature has no "type": "Feature"`)
	}
	return f
}

func readProperties(s *source, l *diag.List, f *feature, raw []byte, off int) {
	f.propsOff = off
	if raw[0] != '{' {
		if string(raw) != "null" {
			l.Errorf(f.pos(s, off), `write the properties as an object: "properties": {"name": "…"}`, `"properties" is not an object`)
		}
		return
	}
	members(raw, off, func(k []byte, keyOff int, val []byte, valOff int) {
		key, ok := knownKeys[string(k)]
		if !ok {
			key = text(k)
		}
		for _, p := range f.props {
			if p.key == key {
				l1, _ := s.lineCol(p.keyOff)
				l.Errorf(f.pos(s, keyOff), diag.Textf("remove one of them (the first is on line %d)", l1), "property %q is given twice", key)
				return
			}
		}
		f.props = append(f.props, property{key: key, keyOff: keyOff, val: val, valOff: valOff})
	})
}

// knownKeys are the property keys of points and boundaries as JSON
// strings, mapped to their text, so that reading them allocates nothing.
var knownKeys = func() map[string]string {
	m := map[string]string{}
	for _, k := range slices.Concat(PointProperties, []string{"code"}) {
		m[`"`+k+`"`] = k
	}
	return m
}()

// members calls fn for every member of the JSON object raw, which must be
// valid JSON, with the offsets (from base) of its key and value.
func members(raw []byte, base int, fn func(key []byte, keyOff int, val []byte, valOff int)) {
	i := 1
	for {
		i = skipSpace(raw, i, ",")
		if i >= len(raw) || raw[i] != '"' {
			return
		}
		k := i
		i = valueEnd(raw, i)
		key := raw[k:i]
		i = skipSpace(raw, i, ":")
		v := i
		i = valueEnd(raw, i)
		fn(key, base+k, raw[v:i], base+v)
	}
}

// elements calls fn for every element of the JSON array raw, which must be
// valid JSON, with its offset from base.
func elements(raw []byte, base int, fn func(val []byte, off int)) {
	i := 1
	for {
		i = skipSpace(raw, i, ",")
		if i >= len(raw) || raw[i] == ']' {
			return
		}
		v := i
		i = valueEnd(raw, i)
		fn(raw[v:i], base+v)
	}
}

// skipSpace skips white space and the separators in seps.
func skipSpace(raw []byte, i int, seps string) int {
	for i < len(raw) {
		switch c := raw[i]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || strings.IndexByte(seps, c) >= 0:
			i++
		default:
			return i
		}
	}
	return i
}

// valueEnd returns the end of the valid JSON value that starts at i.
func valueEnd(raw []byte, i int) int {
	depth := 0
	for ; i < len(raw); i++ {
		switch raw[i] {
		case '"':
			for i++; i < len(raw) && raw[i] != '"'; i++ {
				if raw[i] == '\\' {
					i++
				}
			}
			if depth == 0 {
				return i + 1
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i // the end of the object or array around a scalar
			}
			depth--
			if depth == 0 {
				return i + 1
			}
		case ',', ' ', '\t', '\r', '\n':
			if depth == 0 {
				return i
			}
		}
	}
	return i
}

// text returns the JSON string raw as Go text, or "" if raw is not a
// string.
func text(raw []byte) string {
	if len(raw) < 2 || raw[0] != '"' {
		return ""
	}
	in := raw[1 : len(raw)-1]
	if bytes.IndexByte(in, '\\') < 0 && utf8.Valid(in) {
		return string(in)
	}
	var s string
	json.Unmarshal(raw, &s)
	return s
}

// The kinds of a JSON value, as messages name them (made once: kind is
// asked of every property of every point).
var (
	kindNothing = diag.Textf("nothing")
	kindString  = diag.Textf("a string")
	kindObject  = diag.Textf("an object")
	kindArray   = diag.Textf("an array")
	kindBool    = diag.Textf("true or false")
	kindNumber  = diag.Textf("a number")
)

// kind names the JSON type of a raw value, for messages.
func kind(raw json.RawMessage) string {
	if len(raw) == 0 {
		return kindNothing
	}
	switch raw[0] {
	case '"':
		return kindString
	case '{':
		return kindObject
	case '[':
		return kindArray
	case 't', 'f':
		return kindBool
	case 'n':
		return "null"
	}
	return kindNumber
}
