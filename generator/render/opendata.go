package render

// Open data under /data/: the service points as GeoJSON (all, and per
// municipality) and as CSV per category, with the columns of the Swedish
// municipal open-data specifications (source = SCB municipality code),
// RFC 4180 with CRLF line ends and cells that a spreadsheet would take for
// a formula neutralised.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strconv"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/safety"
)

// pointsCSVHeader are the CSV columns, after the municipal open-data
// specifications for places (source, id, name, coordinates, contact, visit
// URL, description) and the address and hours guidemap has.
var pointsCSVHeader = []string{"source", "id", "name", "description", "street", "postalcode", "city",
	"latitude", "longitude", "email", "phone", "visit_url", "opening_hours", "wheelchair", "municipality"}

// openData lists the open-data files, each made when it is handed on;
// sum, when not 0, is the fingerprint of what they are made of
// (fingerprinter.data).
func (r *renderer) openData(sum uint64) []lateFile {
	s := r.site
	if len(s.Points) == 0 {
		return nil
	}
	codes := map[string]string{}
	names := map[string]string{}
	for _, m := range s.Municipalities {
		codes[m.Slug] = m.Code
		names[m.Slug] = m.Name
	}
	var files []lateFile
	add := func(path string, make func() []byte) {
		f := lateFile{path: path, make: make}
		if sum != 0 {
			f.sum = mix(sum, path)
		}
		files = append(files, f)
	}
	add("data/platser.geojson", func() []byte { return r.pointsGeoJSON(s.Points, codes) })
	for _, m := range s.Municipalities {
		in := func(p model.Point) bool { return p.Municipality == m.Slug }
		if slices.ContainsFunc(s.Points, in) {
			add("data/platser/"+m.Slug+".geojson", func() []byte { return r.pointsGeoJSON(filter(s.Points, in), codes) })
		}
	}
	for _, c := range s.Config.PointCategories {
		in := func(p model.Point) bool { return p.Category == c.Slug }
		if slices.ContainsFunc(s.Points, in) {
			add("data/platser/"+c.Slug+".csv", func() []byte { return r.pointsCSV(filter(s.Points, in), codes, names) })
		}
	}
	return files
}

// pointsCSV writes points as CSV.
func (r *renderer) pointsCSV(pts []model.Point, codes, names map[string]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	_ = w.Write(pointsCSVHeader)
	for _, p := range pts {
		_ = w.Write(safety.CSVRow([]string{
			codes[p.Municipality], p.Municipality + "/" + p.Slug, p.Name, p.Description, p.Address, p.PostalCode, p.City,
			strconv.FormatFloat(p.Lat, 'f', 5, 64), strconv.FormatFloat(p.Lon, 'f', 5, 64), p.Email, p.Phone,
			r.abs(model.PointURL(p.Municipality, p.Slug)), p.Hours.Raw, p.Wheelchair, names[p.Municipality],
		}, 7, 8)) // 7, 8: the coordinates, numbers
	}
	w.Flush()
	return b.Bytes()
}

// pointsGeoJSON writes points (at least one) as a FeatureCollection with
// fixed precision and properties in a fixed order (encoding/json sorts
// map keys). Each feature is encoded on its own, as json.Marshal would
// encode it in the list, so that the points are never all in memory as
// values to encode.
func (r *renderer) pointsGeoJSON(points []model.Point, codes map[string]string) []byte {
	type feature struct {
		Type       string         `json:"type"`
		ID         string         `json:"id"`
		Geometry   map[string]any `json:"geometry"`
		Properties map[string]any `json:"properties"`
	}
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","features":[`)
	for i, p := range points {
		props := map[string]any{
			"name": p.Name, "category": p.Category, "municipality": p.Municipality, "source": codes[p.Municipality],
			"url": r.abs(model.PointURL(p.Municipality, p.Slug)),
		}
		for k, v := range map[string]string{"address": p.Address, "postal_code": p.PostalCode, "city": p.City,
			"opening_hours": p.Hours.Raw, "phone": p.Phone, "email": p.Email, "website": p.URL,
			"wheelchair": p.Wheelchair, "description": p.Description} {
			if v != "" {
				props[k] = v
			}
		}
		f, _ := json.Marshal(feature{
			Type: "Feature", ID: p.Municipality + "/" + p.Slug,
			Geometry:   map[string]any{"type": "Point", "coordinates": []json.Number{coord(p.Lon), coord(p.Lat)}},
			Properties: props,
		})
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(f)
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

func coord(f float64) json.Number { return json.Number(strconv.FormatFloat(f, 'f', 5, 64)) }
