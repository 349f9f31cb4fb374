package geodata

// A new municipality's boundary, as `guidemap new municipality --boundary
// FILE` takes it: read from a file the author brings (most often taken
// from Lantmäteriet's or SCB's open data), checked with positions like
// every other GeoJSON file, and added to the site's boundaries file in
// the order of the codes, leaving the rest of that file as it was.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/paulmach/orb"
)

// Property names under which the open data of Lantmäteriet and SCB, and
// this site's own boundaries file, keep a municipality's code and name.
var (
	codeKeys = []string{"code", "kommunkod", "KnKod", "kod"}
	nameKeys = []string{"name", "kommunnamn", "KnNamn", "namn"}
)

// ReadBoundary reads the boundary of the municipality with the SCB code
// code from src, a GeoJSON file: a Feature, or a FeatureCollection of one
// feature or of many (a county's or the whole country's municipalities,
// of which it takes the one with the code). The code and the name may be
// under any of the property names of codeKeys and nameKeys; a file of one
// feature without a code is taken as the municipality's. When name (the
// municipality's name, "Sundsvalls kommun") is not empty, the feature's
// name must be the same place. Every problem is reported to l with the
// file, the feature, the line and the column; ok is false when there was
// one.
func ReadBoundary(path string, src []byte, code, name string, l *diag.List) (b model.Boundary, ok bool) {
	s := newSource(path, src)
	errs := l.Len()
	if !json.Valid(s.data) {
		syntaxError(s, l)
		return b, false
	}
	start := skipSpace(s.data, 0, "")
	if s.data[start] != '{' {
		l.Errorf(s.at(-1, start), newBoundaryHint, "the file is not a GeoJSON Feature or FeatureCollection")
		return b, false
	}
	data := s.data[start:valueEnd(s.data, start)]
	typ := ""
	members(data, start, func(key []byte, _ int, val []byte, _ int) {
		if string(key) == `"type"` {
			typ = text(val)
		}
	})
	var found []model.Boundary
	var others []string // the codes of the other features
	var uncoded []model.Boundary
	uncodedDiags := &diag.List{} // a feature without code counts only when it is the file's one feature
	features := 0
	take := func(f *feature) {
		features++
		c, n, pos, good := boundaryIdentity(s, l, f)
		if !good {
			return
		}
		into, who := l, "boundary "+c
		if n != "" {
			who += " (" + n + ")"
		}
		switch {
		case c == "":
			into, who = uncodedDiags, "the boundary"
		case c != code:
			others = append(others, c)
			return
		case len(found) > 0:
			l.Errorf(f.pos(s, f.off), fmt.Sprintf("merge the features of code %s into one MultiPolygon", code), "the file has two boundaries for code %s", code)
			return
		}
		if name != "" && n != "" && !samePlace(n, name) {
			into.Errorf(pos, fmt.Sprintf("check --code %s, or take the feature of %s from the file", code, name),
				"the boundary with code %s is %s, not %s", code, n, name)
			return
		}
		if f.geom == nil || string(f.geom) == "null" {
			into.Errorf(f.pos(s, f.off), boundaryHint, "%s has no geometry", who)
			return
		}
		g, good := checkedBoundaryGeometry(s, into, f, who, inSwedenNotSweref)
		if !good {
			return
		}
		b := model.Boundary{Code: code, Name: n, Geometry: g}
		if c == "" {
			uncoded = append(uncoded, b)
		} else {
			found = append(found, b)
		}
	}
	switch typ {
	case "Feature":
		take(readFeature(s, l, nil, -1, start, data))
	case "FeatureCollection":
		readFeatures(s, l, take)
	default:
		l.Errorf(s.at(-1, start), newBoundaryHint, "the file is a GeoJSON %s, not a Feature or FeatureCollection", typeName(typ))
	}
	if features == 1 && len(found) == 0 {
		l.Merge(uncodedDiags)
		found = uncoded
	}
	s.reportInvalid(l)
	if l.Len() > errs {
		return b, false
	}
	if len(found) == 0 {
		switch {
		case features == 0:
			l.Errorf(s.at(-1, start), newBoundaryHint, "the file has no feature")
		case len(others) == 0:
			l.Errorf(s.at(-1, start), `give the municipality's feature its "code" (the SCB municipality code), or keep only that feature in the file`,
				"the file has %d features and none has a code", features)
		default:
			l.Errorf(s.at(-1, start), diag.Textf("check --code, or take the municipality's boundary from a file that has it; the code is read from the property %s", strings.Join(codeKeys, ", ")),
				"no feature has code %s (the file has %s)", code, codesText(others))
		}
		return b, false
	}
	return found[0], true
}

const newBoundaryHint = `a boundary is a Polygon or MultiPolygon Feature, {"type": "Feature", "properties": {"code": "2281", "name": "Sundsvall"}, "geometry": …}, or a FeatureCollection of such features`

// boundaryIdentity reads a feature's code and name from the property
// names the open data use, with the position of the name (or of the
// properties). A code may be a number, as some tools write it: 114 is
// "0114". good is false when the code could not be read.
func boundaryIdentity(s *source, l *diag.List, f *feature) (code, name string, pos diag.Pos, good bool) {
	pos = f.propsPos(s)
	for _, p := range f.props {
		switch {
		case code == "" && slices.Contains(codeKeys, p.key):
			var str string
			var num json.Number
			switch {
			case json.Unmarshal(p.val, &str) == nil:
				code = strings.TrimSpace(str)
			case json.Unmarshal(p.val, &num) == nil:
				if n, err := num.Int64(); err == nil && n >= 0 && n < 10000 {
					code = fmt.Sprintf("%04d", n)
				}
			}
			if code == "" {
				l.Errorf(f.pos(s, p.keyOff), `write the code as a string: "code": "2281"`, "the feature's %s is %s, not a municipality code", p.key, kind(p.val))
				return "", "", pos, false
			}
		case name == "" && slices.Contains(nameKeys, p.key):
			if json.Unmarshal(p.val, &name) == nil {
				pos = f.pos(s, p.valOff)
			}
		}
	}
	return code, name, pos, true
}

// samePlace reports whether a boundary's name ("Sundsvall", "Sundsvalls
// kommun") and a municipality's name ("Sundsvalls kommun") name the same
// place: the same words, but for "kommun" and the genitive s.
func samePlace(a, b string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		s = strings.TrimSpace(strings.TrimSuffix(s, "kommun"))
		return s
	}
	a, b = norm(a), norm(b)
	return a == b || a+"s" == b || a == b+"s"
}

// inSwedenNotSweref is inSweden, with a hint for positions in SWEREF 99
// TM, the metres in which Lantmäteriet and SCB publish boundaries.
func inSwedenNotSweref(lon, lat float64) (msg, hint string) {
	if lon > 200_000 && lon < 1_000_000 && lat > 6_000_000 && lat < 7_800_000 {
		return fmt.Sprintf("has a position in metres, [%s, %s], as in SWEREF 99 TM", num(lon), num(lat)),
			"convert the file to longitude and latitude (WGS 84), e.g. ogr2ogr -f GeoJSON -t_srs EPSG:4326 kommun.geojson FILE"
	}
	return inSweden(lon, lat)
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func typeName(typ string) string {
	if typ == "" {
		return `without "type"`
	}
	return strconv.Quote(typ)
}

// codesText lists a few codes, for a message.
func codesText(codes []string) string {
	switch {
	case len(codes) == 1:
		return "code " + codes[0]
	case len(codes) <= 4:
		return "codes " + strings.Join(codes[:len(codes)-1], ", ") + " and " + codes[len(codes)-1]
	}
	return fmt.Sprintf("codes %s and %d more", strings.Join(codes[:3], ", "), len(codes)-3)
}

// BoundaryFeature writes b as a GeoJSON Feature the way the example's
// boundaries file has it: properties code and name, positions rounded to
// 5 decimals (about a metre), repeated positions left out.
func BoundaryFeature(b model.Boundary) []byte {
	var buf bytes.Buffer
	code, _ := json.Marshal(b.Code)
	name, _ := json.Marshal(b.Name)
	fmt.Fprintf(&buf, `{"type":"Feature","properties":{"code":%s,"name":%s},"geometry":`, code, name)
	switch g := b.Geometry.(type) {
	case orb.Polygon:
		buf.WriteString(`{"type":"Polygon","coordinates":`)
		writePolygon(&buf, g)
	case orb.MultiPolygon:
		buf.WriteString(`{"type":"MultiPolygon","coordinates":[`)
		for i, p := range g {
			if i > 0 {
				buf.WriteByte(',')
			}
			writePolygon(&buf, p)
		}
		buf.WriteByte(']')
	}
	buf.WriteString("}}")
	return buf.Bytes()
}

func writePolygon(buf *bytes.Buffer, p orb.Polygon) {
	buf.WriteByte('[')
	n := 0
	for _, ring := range p {
		var pts []orb.Point
		for _, pt := range ring {
			r := orb.Point{round5(pt[0]), round5(pt[1])}
			if len(pts) == 0 || pts[len(pts)-1] != r {
				pts = append(pts, r)
			}
		}
		if len(pts) < 4 {
			continue // a ring smaller than a metre
		}
		if n > 0 {
			buf.WriteByte(',')
		}
		n++
		buf.WriteByte('[')
		for i, pt := range pts {
			if i > 0 {
				buf.WriteByte(',')
			}
			buf.WriteByte('[')
			buf.WriteString(strconv.FormatFloat(pt[0], 'f', -1, 64))
			buf.WriteByte(',')
			buf.WriteString(strconv.FormatFloat(pt[1], 'f', -1, 64))
			buf.WriteByte(']')
		}
		buf.WriteByte(']')
	}
	buf.WriteByte(']')
}

func round5(x float64) float64 { return math.Round(x*1e5) / 1e5 }

// AddBoundary returns the boundaries file src (named path) with add, the
// Feature of the boundary of code, among its features in the order of
// their codes; the rest of the file stays as it was, byte for byte. An
// empty src gives a new file. It reports to l a file that cannot be read
// and a boundary that the file has already.
func AddBoundary(path string, src, add []byte, code string, l *diag.List) ([]byte, bool) {
	if len(bytes.TrimSpace(src)) == 0 {
		return append(append([]byte(`{"type":"FeatureCollection","features":[`), add...), "]}\n"...), true
	}
	s := newSource(path, src)
	errs := l.Len()
	at, last := -1, -1 // where to insert: before the feature at, or after the one ending at last
	readFeatures(s, l, func(f *feature) {
		end := valueEnd(s.data, f.off)
		c, n := "", ""
		for _, p := range f.props {
			switch p.key {
			case "code":
				json.Unmarshal(p.val, &c)
			case "name":
				json.Unmarshal(p.val, &n)
			}
		}
		switch {
		case c == code:
			l.Errorf(f.pos(s, f.off), "remove it first, or leave out --boundary to keep it", "the site has a boundary for code %s already (%s)", code, n)
		case c > code && at < 0:
			at = f.off
		}
		last = end
	})
	if l.Len() > errs {
		return nil, false
	}
	var out []byte
	switch {
	case at >= 0:
		out = append(append(append(append(out, src[:at]...), add...), ','), src[at:]...)
	case last >= 0:
		out = append(append(append(append(out, src[:last]...), ','), add...), src[last:]...)
	default: // "features": [] — insert after its "["
		i := bytes.Index(s.data, []byte(`"features"`))
		j := bytes.IndexByte(s.data[i:], '[') + i + 1
		out = append(append(append(out, src[:j]...), add...), src[j:]...)
	}
	return out, true
}
