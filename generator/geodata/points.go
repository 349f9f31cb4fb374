package geodata

import (
	"bytes"
	"math"
	"path"
	"strconv"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/hours"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/safety"
)

// PointProperties are the properties a service point may have, in the
// order `guidemap new` and the documentation list them.
var PointProperties = []string{
	"name", "category", "address", "postal_code", "city", "opening_hours",
	"phone", "email", "url", "wheelchair", "description", "municipality",
}

// Wheelchair are the values of the "wheelchair" property.
var Wheelchair = []string{"yes", "limited", "no"}

const hoursHint = "it is shown as written; see https://wiki.openstreetmap.org/wiki/Key:opening_hours"

// LoadPoints reads src, the GeoJSON FeatureCollection of service points
// at path, and checks it. categories are the category slugs of the site; a
// point without "category" takes the file's name (geodata/bibliotek.geojson
// → "bibliotek"). Every problem is added to l with the file, the feature
// index, and the line and column where the feature or the bad property
// starts; one file's problems are all reported, not only the first.
//
// It returns the points whose position is usable, in feature order and
// without duplicates. Slug is made from the name but not yet unique, and
// Municipality is as written: Place sets both. Fields with invalid values
// (a url, an e-mail address) are left empty, and points with the same
// opening_hours value share its Rules.
func LoadPoints(path string, src []byte, categories []string, l *diag.List) []model.Point {
	pl := &pointLoader{s: newSource(path, src), l: l, categories: categories, grid: newGrid()}
	pl.fileCategory = strings.TrimSuffix(basename(path), ".geojson")
	pl.points = make([]model.Point, 0, bytes.Count(src, []byte(`"Feature"`)))
	readFeatures(pl.s, l, pl.feature)
	pl.s.reportInvalid(l)
	return pl.points
}

func basename(p string) string { return path.Base(strings.ReplaceAll(p, `\`, "/")) }

type pointLoader struct {
	s            *source
	l            *diag.List
	categories   []string
	fileCategory string
	points       []model.Point
	grid         *grid
	hoursCache   map[string]parsedHours // a file's points share few values
}

type parsedHours struct {
	h        hours.Hours
	warnings []string
}

// hours parses an opening_hours value, once per value and file.
func (pl *pointLoader) hours(v string) (hours.Hours, []string) {
	if c, ok := pl.hoursCache[v]; ok {
		return c.h, c.warnings
	}
	h, w := hours.Parse(v)
	if pl.hoursCache == nil {
		pl.hoursCache = map[string]parsedHours{}
	}
	pl.hoursCache[v] = parsedHours{h, w}
	return h, w
}

// lead names the point at the start of a message: `"Stadsbiblioteket": `.
// lonLat names the coordinates of a position in messages (made once: every
// point has them).
var lonLat = [2]string{diag.Textf("longitude"), diag.Textf("latitude")}

func lead(name string) string {
	if name == "" {
		return ""
	}
	return strconv.Quote(name) + ": "
}

func (pl *pointLoader) feature(f *feature) {
	s, l := pl.s, pl.l
	p := model.Point{File: s.path, Feature: f.index}
	p.Line, p.Col = s.lineCol(f.off)

	// The name first: every other message names the point.
	var nameProp *property
	for i := range f.props {
		if f.props[i].key == "name" {
			nameProp = &f.props[i]
		}
	}
	nameOK := true
	if nameProp != nil {
		p.Name, nameOK = pl.str(f, nameProp, "")
	}
	if p.Name == "" && nameOK {
		pos := f.propsPos(s)
		if nameProp != nil {
			pos = f.pos(s, nameProp.keyOff)
		}
		l.Errorf(pos, `add "name": "…" to the properties: the name citizens know the place by`, "the point has no name")
	}
	who := lead(p.Name)

	hasCategory := false
	for i := range f.props {
		pr := &f.props[i]
		pos := func() diag.Pos { return f.pos(s, pr.keyOff) }
		switch pr.key {
		case "name":
		case "category":
			v, ok := pl.str(f, pr, who)
			if !ok || v == "" {
				hasCategory = hasCategory || !ok
				continue
			}
			hasCategory = true
			if !contains(pl.categories, v) {
				l.Errorf(pos(), categoryHint(v, pl.categories), "%sunknown category %q", who, v)
				continue
			}
			p.Category = v
		case "address":
			p.Address, _ = pl.str(f, pr, who)
		case "postal_code":
			p.PostalCode, _ = pl.str(f, pr, who)
		case "city":
			p.City, _ = pl.str(f, pr, who)
		case "phone":
			p.Phone, _ = pl.str(f, pr, who)
		case "description":
			p.Description, _ = pl.str(f, pr, who)
		case "municipality":
			p.Municipality, _ = pl.str(f, pr, who)
		case "opening_hours":
			v, _ := pl.str(f, pr, who)
			if v == "" {
				continue
			}
			h, warnings := pl.hours(v)
			for _, w := range warnings {
				l.Warnf(pos(), hoursHint, "%sopening_hours not understood: %s", who, w)
			}
			p.Hours = h
		case "email":
			v, _ := pl.str(f, pr, who)
			if v == "" {
				continue
			}
			if p := safety.Email(v); p != safety.EmailOK {
				hint := "write an address such as info@sundsvall.se"
				if p == safety.EmailMailto {
					hint = `leave out "mailto:"`
				}
				l.Errorf(pos(), hint, "%s%s", who, diag.Textf(p.Format(), v))
				continue
			}
			p.Email = v
		case "url":
			v, _ := pl.str(f, pr, who)
			if v == "" {
				continue
			}
			if clean, p := safety.WebURL(v); clean == "" {
				l.Errorf(pos(), "write a full address that starts with https://", "%s%s", who, diag.Textf(p.Format(), v))
				continue
			}
			p.URL = v
		case "wheelchair":
			v, _ := pl.str(f, pr, who)
			if v == "" {
				continue
			}
			if !contains(Wheelchair, v) {
				hint := diag.DidYouMean(v, Wheelchair)
				if hint == "" {
					hint = `write "yes", "limited" or "no"`
				}
				l.Errorf(pos(), hint, `%s"wheelchair" is %q, not "yes", "limited" or "no"`, who, v)
				continue
			}
			p.Wheelchair = v
		default:
			hint := diag.DidYouMean(pr.key, PointProperties)
			if hint == "" {
				hint = diag.Textf("the properties of a service point are %s", strings.Join(PointProperties, ", "))
			}
			l.Warnf(pos(), hint, "%sunknown property %q", who, pr.key)
		}
	}
	if !hasCategory {
		if contains(pl.categories, pl.fileCategory) {
			p.Category = pl.fileCategory
		} else {
			l.Errorf(f.propsPos(s), diag.Textf(`add "category": "…", or name the file after a category, as geodata/<category>.geojson (%s)`, categoryList(pl.categories)),
				"%sno category, and the file name %q is not a category", who, pl.fileCategory)
		}
	}
	p.Slug = Slug(p.Name)

	lon, lat, ok := pl.position(f, who)
	if !ok {
		return
	}
	p.Lon, p.Lat = lon, lat
	if pl.duplicate(f, &p) {
		return
	}
	pl.points = append(pl.points, p)
}

// str returns a property's text, trimmed. null is no value; a number is
// taken as written for properties people write as numbers (postal codes,
// phone numbers); anything else is an error.
func (pl *pointLoader) str(f *feature, pr *property, who string) (string, bool) {
	if lit, bad := pl.s.invalid(pr.valOff); bad {
		pl.l.Errorf(f.pos(pl.s, pr.keyOff), "write the value in quotes, or null", "%s%q is %s, which is not valid JSON", who, pr.key, lit)
		return "", false
	}
	switch k := kind(pr.val); k {
	case kindString:
		return strings.TrimSpace(text(pr.val)), true
	case "null":
		return "", true
	case kindNumber:
		if pr.key == "postal_code" || pr.key == "phone" {
			return string(pr.val), true
		}
		fallthrough
	default:
		pl.l.Errorf(f.pos(pl.s, pr.keyOff), "write the value in quotes", "%s%q must be text, not %s", who, pr.key, k)
		return "", false
	}
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func categoryList(cats []string) string {
	if len(cats) == 0 {
		return diag.Textf("the site has no categories: add them to content/site.toml")
	}
	return diag.Textf("the categories are %s", strings.Join(cats, ", "))
}

func categoryHint(v string, cats []string) string {
	if h := diag.DidYouMean(v, cats); h != "" {
		return h
	}
	return categoryList(cats)
}

// position reads the Point geometry and checks its coordinates.
func (pl *pointLoader) position(f *feature, who string) (lon, lat float64, ok bool) {
	s, l := pl.s, pl.l
	const geomHint = `give the position as "geometry": {"type": "Point", "coordinates": [longitude, latitude]}`
	const pointHint = `give the position as "geometry": {"type": "Point", "coordinates": [longitude, latitude]}; service points are Point features`
	if f.geom == nil || string(f.geom) == "null" {
		l.Errorf(f.pos(s, f.off), geomHint, "%sthe point has no geometry", who)
		return 0, 0, false
	}
	if f.geom[0] != '{' {
		l.Errorf(f.pos(s, f.geomOff), geomHint, "%sthe geometry is %s, not a GeoJSON geometry", who, kind(f.geom))
		return 0, 0, false
	}
	g := readGeometry(f.geom, f.geomOff)
	switch {
	case g.typ == "":
		l.Errorf(f.pos(s, f.geomOff), geomHint, `%sthe geometry has no "type"`, who)
		return 0, 0, false
	case g.typ != "Point":
		l.Errorf(f.pos(s, g.typOff), pointHint,
			"%sthe geometry is a %s, not a Point", who, g.typ)
		return 0, 0, false
	case g.coords == nil:
		l.Errorf(f.pos(s, f.geomOff), geomHint, `%sthe Point has no "coordinates"`, who)
		return 0, 0, false
	}
	pos := func() diag.Pos { return f.pos(s, g.coordsOff) }
	vals, offs, ok := numbers(g.coords, g.coordsOff)
	if !ok || len(vals) < 2 {
		l.Errorf(pos(), `write "coordinates": [longitude, latitude], as [17.3069, 62.3908]`, "%sthe coordinates are not [longitude, latitude]", who)
		return 0, 0, false
	}
	good := true
	for i, name := range lonLat {
		raw := vals[i]
		if lit, bad := s.invalid(offs[i]); bad {
			l.Errorf(pos(), "NaN and Infinity are not valid JSON: give the position in degrees, as [17.3069, 62.3908]", "%s%s is %s", who, name, lit)
			good = false
			continue
		}
		if raw[0] == '"' {
			l.Errorf(pos(), "write the number without quotes", "%s%s is text, not a number", who, name)
			good = false
			continue
		}
		v, err := strconv.ParseFloat(raw, 64)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			l.Errorf(pos(), "give the position in degrees, as [17.3069, 62.3908]", "%s%s %s is not a number of degrees", who, name, raw)
			good = false
			continue
		}
		if i == 0 {
			lon = v
		} else {
			lat = v
		}
	}
	if !good {
		return 0, 0, false
	}
	switch {
	case looksSwapped(lon, lat):
		l.Errorf(pos(), diag.Textf("write [%s, %s]", vals[1], vals[0]), "%slooks like latitude and longitude are swapped: GeoJSON is [longitude, latitude]", who)
		return 0, 0, false
	case lon < -180 || lon > 180:
		l.Errorf(pos(), "give the longitude in degrees east, first", "%slongitude %s is out of range (-180 to 180)", who, vals[0])
		return 0, 0, false
	case lat < -90 || lat > 90:
		l.Errorf(pos(), "give the latitude in degrees north, second", "%slatitude %s is out of range (-90 to 90)", who, vals[1])
		return 0, 0, false
	}
	return lon, lat, true
}

// looksSwapped reports whether [lon, lat] reads as [lat, lon]: latitude
// out of range but valid as a longitude, or — for Sweden, where longitudes
// are about 10–25 and latitudes 55–70 — a latitude written first.
func looksSwapped(lon, lat float64) bool {
	if (lat < -90 || lat > 90) && lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90 {
		return true
	}
	return lon >= 54 && lon <= 70 && lat >= 10 && lat <= 25
}

// geometry is a geometry object's type and coordinates, with offsets; the
// type is "" when the object has none.
type geometry struct {
	typ       string
	typOff    int
	coords    []byte
	coordsOff int
}

// readGeometry takes apart the geometry object raw (valid JSON) at base.
func readGeometry(raw []byte, base int) geometry {
	g := geometry{typOff: base}
	members(raw, base, func(key []byte, _ int, val []byte, off int) {
		switch string(key) {
		case `"type"`:
			g.typ, g.typOff = text(val), off
			if val[0] != '"' {
				g.typ = string(val)
			}
		case `"coordinates"`:
			g.coords, g.coordsOff = val, off
		}
	})
	return g
}

// numbers reads a flat JSON array of numbers, each as written, with its
// offset. Strings are kept with their quotes (NaN and Infinity arrive as
// strings); nested arrays and objects make it fail.
func numbers(raw []byte, base int) (vals []string, offs []int, ok bool) {
	if raw[0] != '[' {
		return nil, nil, false
	}
	ok = true
	elements(raw, base, func(v []byte, off int) {
		if v[0] == '[' || v[0] == '{' {
			ok = false
		}
		vals = append(vals, string(v))
		offs = append(offs, off)
	})
	return vals, offs, ok
}

// grid finds the points within a metre of a position. Its cells are
// 1e-5 degrees of latitude (1.1 m) by 1e-4 degrees of longitude (at least
// a metre below 84° of latitude), so the points within a metre are in the
// cell of the position or one next to it.
type grid struct {
	first map[cell]int // the last point added to each cell, plus one
	next  []int        // the point added to the same cell before each, plus one
}

type cell struct{ x, y int64 }

func cellOf(lon, lat float64) cell {
	return cell{int64(math.Floor(lon * 1e4)), int64(math.Floor(lat * 1e5))}
}

func newGrid() *grid { return &grid{first: map[cell]int{}} }

// add adds point i (the next index) at lon, lat.
func (g *grid) add(i int, lon, lat float64) {
	c := cellOf(lon, lat)
	g.next = append(g.next, g.first[c])
	g.first[c] = i + 1
}

// near calls fn for the points of g within a metre of (lon, lat), latest
// first, until fn returns false.
func (g *grid) near(points []model.Point, lon, lat float64, fn func(j int) bool) {
	c := cellOf(lon, lat)
	for dy := int64(-1); dy <= 1; dy++ {
		for dx := int64(-1); dx <= 1; dx++ {
			for j := g.first[cell{c.x + dx, c.y + dy}]; j > 0; j = g.next[j-1] {
				q := &points[j-1]
				if metres(lon, lat, q.Lon, q.Lat) <= 1 && !fn(j-1) {
					return
				}
			}
		}
	}
}

// metres is the distance between two nearby positions, in metres.
func metres(lon1, lat1, lon2, lat2 float64) float64 {
	const m = 111_195 // metres per degree on a sphere of the Earth's mean radius
	dx := (lon2 - lon1) * math.Cos((lat1+lat2)/2*math.Pi/180) * m
	dy := (lat2 - lat1) * m
	return math.Hypot(dx, dy)
}

// sameName compares names as people read them: case and spacing aside.
func sameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// duplicate reports a point with the name and position of an earlier one
// (it is left out), and warns of a point of the same category at the
// position of another.
func (pl *pointLoader) duplicate(f *feature, p *model.Point) bool {
	dup := false
	pl.grid.near(pl.points, p.Lon, p.Lat, func(j int) bool {
		q := &pl.points[j]
		switch {
		case p.Name != "" && sameName(p.Name, q.Name):
			pl.l.Errorf(f.pos(pl.s, f.off), "remove one of them",
				"%q is a duplicate of features[%d]: same name and position", p.Name, q.Feature)
			dup = true
			return false
		case p.Category != "" && p.Category == q.Category && p.Name != "" && q.Name != "":
			pl.l.Warnf(f.pos(pl.s, f.off), "check the coordinates: was the position copied from the other point?",
				"%q is at the position of features[%d] %q, of the same category", p.Name, q.Feature, q.Name)
			return false
		}
		return true
	})
	if !dup {
		pl.grid.add(len(pl.points), p.Lon, p.Lat)
	}
	return dup
}
