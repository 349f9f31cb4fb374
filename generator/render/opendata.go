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
	"strconv"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/output"
	"github.com/esamverkan/guidemap/generator/safety"
)

// pointsCSVHeader are the CSV columns, after the municipal open-data
// specifications for places (source, id, name, coordinates, contact, visit
// URL, description) and the address and hours guidemap has.
var pointsCSVHeader = []string{"source", "id", "name", "description", "street", "postalcode", "city",
	"latitude", "longitude", "email", "phone", "visit_url", "opening_hours", "wheelchair", "municipality"}

func (r *renderer) openData() []output.File {
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
	var files []output.File
	files = append(files, output.File{Path: "data/platser.geojson", Data: r.pointsGeoJSON(s.Points, codes)})
	for _, m := range s.Municipalities {
		pts := filter(s.Points, func(p model.Point) bool { return p.Municipality == m.Slug })
		if len(pts) > 0 {
			files = append(files, output.File{Path: "data/platser/" + m.Slug + ".geojson", Data: r.pointsGeoJSON(pts, codes)})
		}
	}
	for _, c := range s.Config.PointCategories {
		pts := filter(s.Points, func(p model.Point) bool { return p.Category == c.Slug })
		if len(pts) == 0 {
			continue
		}
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
		files = append(files, output.File{Path: "data/platser/" + c.Slug + ".csv", Data: b.Bytes()})
	}
	return files
}

// pointsGeoJSON writes points as a FeatureCollection with fixed precision
// and properties in a fixed order (encoding/json sorts map keys).
func (r *renderer) pointsGeoJSON(points []model.Point, codes map[string]string) []byte {
	type feature struct {
		Type       string         `json:"type"`
		ID         string         `json:"id"`
		Geometry   map[string]any `json:"geometry"`
		Properties map[string]any `json:"properties"`
	}
	fc := struct {
		Type     string    `json:"type"`
		Features []feature `json:"features"`
	}{Type: "FeatureCollection"}
	for _, p := range points {
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
		fc.Features = append(fc.Features, feature{
			Type: "Feature", ID: p.Municipality + "/" + p.Slug,
			Geometry:   map[string]any{"type": "Point", "coordinates": []json.Number{coord(p.Lon), coord(p.Lat)}},
			Properties: props,
		})
	}
	b, _ := json.Marshal(fc)
	return append(b, '\n')
}

func coord(f float64) json.Number { return json.Number(strconv.FormatFloat(f, 'f', 5, 64)) }
