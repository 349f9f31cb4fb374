package geodata

import (
	"fmt"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
)

// collection wraps features, one a line, in a FeatureCollection; the
// first feature is on line 2.
func collection(features ...string) []byte {
	return []byte("{\"type\": \"FeatureCollection\", \"features\": [\n" + strings.Join(features, ",\n") + "\n]}\n")
}

// summary writes the fields of p that are set.
func summary(p model.Point) string {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	add("slug", p.Slug)
	add("name", p.Name)
	add("category", p.Category)
	add("municipality", p.Municipality)
	parts = append(parts, fmt.Sprintf("at=%g,%g", p.Lon, p.Lat))
	add("address", p.Address)
	add("postal_code", p.PostalCode)
	add("city", p.City)
	add("phone", p.Phone)
	add("email", p.Email)
	add("url", p.URL)
	add("wheelchair", p.Wheelchair)
	add("description", p.Description)
	if p.Hours.Raw != "" {
		add("hours", fmt.Sprintf("%q complete=%v", p.Hours.Raw, p.Hours.Complete))
	}
	parts = append(parts, fmt.Sprintf("feature=%d", p.Feature))
	return strings.Join(parts, "; ")
}

func TestLoadPoints(t *testing.T) {
	const point = `"geometry": {"type": "Point", "coordinates": [17.3069, 62.3908]}`
	tests := []struct {
		name     string
		file     string
		in       []byte
		want     string // the points' summaries, one a line
		wantDiag string
	}{
		{
			name: "every property",
			in: collection(`{"type": "Feature", ` + point + `, "properties": {"name": "Stadsbiblioteket", "category": "bibliotek",
 "address": "Sjögatan 7", "postal_code": "852 30", "city": "Sundsvall", "opening_hours": "Mo-Fr 10:00-19:00; Sa 11:00-15:00",
 "phone": "060-19 12 00", "email": "bibliotek@sundsvall.se", "url": "https://bibliotek.sundsvall.se/", "wheelchair": "yes",
 "description": "Huvudbiblioteket i Kulturmagasinet.", "municipality": "sundsvall"}}`),
			want: `slug=stadsbiblioteket; name=Stadsbiblioteket; category=bibliotek; municipality=sundsvall; at=17.3069,62.3908; address=Sjögatan 7; postal_code=852 30; city=Sundsvall; phone=060-19 12 00; email=bibliotek@sundsvall.se; url=https://bibliotek.sundsvall.se/; wheelchair=yes; description=Huvudbiblioteket i Kulturmagasinet.; hours="Mo-Fr 10:00-19:00; Sa 11:00-15:00" complete=true; feature=0`,
		},
		{
			name: "category from the file name",
			in:   collection(`{"type": "Feature", ` + point + `, "properties": {"name": "Bredsand"}}`),
			file: "geodata/sundsvall/badplats.geojson",
			want: "slug=bredsand; name=Bredsand; category=badplats; at=17.3069,62.3908; feature=0",
		},
		{
			name: "a category overrides the file name",
			in:   collection(`{"type": "Feature", ` + point + `, "properties": {"name": "Kontaktcenter", "category": "kontaktcenter"}}`),
			want: "slug=kontaktcenter; name=Kontaktcenter; category=kontaktcenter; at=17.3069,62.3908; feature=0",
		},
		{
			name: "null and empty values are no value; numbers for postal code and phone",
			in: collection(`{"type": "Feature", ` + point + `, "properties": {"name": " Ånge  bibliotek ", "address": null, "url": "",
 "postal_code": 84131, "phone": 690250100, "wheelchair": null, "opening_hours": "", "municipality": null}}`),
			want: "slug=ange-bibliotek; name=Ånge  bibliotek; category=bibliotek; at=17.3069,62.3908; postal_code=84131; phone=690250100; feature=0",
		},
		{
			name: "altitude and foreign members are allowed",
			in: collection(`{"type": "Feature", "id": 7, "bbox": [17, 62, 18, 63], "geometry": {"type": "Point", "coordinates": [17.3069, 62.3908, 12.5], "crs": null},
 "properties": {"name": "Höjden"}}`),
			want: "slug=hojden; name=Höjden; category=bibliotek; at=17.3069,62.3908; feature=0",
		},
		{
			name: "http is allowed, as is an address with a path and query",
			in:   collection(`{"type": "Feature", ` + point + `, "properties": {"name": "A", "url": "http://example.se/a?b=c#d", "email": "a.b-c@kommun.example.se"}}`),
			want: "slug=a; name=A; category=bibliotek; at=17.3069,62.3908; email=a.b-c@kommun.example.se; url=http://example.se/a?b=c#d; feature=0",
		},
		{
			name:     "opening hours not understood are kept as written",
			in:       collection(`{"type": "Feature", ` + point + `, "properties": {"name": "Filialen", "opening_hours": "Mo-Fr 10:00-16:00; Sa 10:00"}}`),
			want:     `slug=filialen; name=Filialen; category=bibliotek; at=17.3069,62.3908; hours="Mo-Fr 10:00-16:00; Sa 10:00" complete=false; feature=0`,
			wantDiag: `geodata/bibliotek.geojson:2:122: features[0]: warning: "Filialen": opening_hours not understood: "Sa 10:00": give the time the range ends, as in 08:00-16:00, or write an open end as 08:00+; it is shown as written; see https://wiki.openstreetmap.org/wiki/Key:opening_hours`,
		},
		{
			// opening_hours.js reads Swedish day names and hours without
			// minutes, and so does guidemap.
			name: "opening hours as opening_hours.js reads them",
			in:   collection(`{"type": "Feature", ` + point + `, "properties": {"name": "Filialen", "opening_hours": "mån-fre 10-16"}}`),
			want: `slug=filialen; name=Filialen; category=bibliotek; at=17.3069,62.3908; hours="mån-fre 10-16" complete=true; feature=0`,
		},
		{
			name: "a bad url or e-mail address is left out of the point",
			in: collection(`{"type": "Feature", ` + point + `, "properties": {"name": "B", "url": "javascript:alert(1)",
 "email": "Bibliotek <b@example.se>"}}`),
			want: "slug=b; name=B; category=bibliotek; at=17.3069,62.3908; feature=0",
			wantDiag: `geodata/bibliotek.geojson:2:115: features[0]: "B": "javascript:alert(1)": only https and http addresses are allowed; write a full address that starts with https://
geodata/bibliotek.geojson:3:2: features[0]: "B": "Bibliotek <b@example.se>" is not an e-mail address; write an address such as info@sundsvall.se`,
		},
		{
			name: "points with unusable positions are left out, the others kept in order",
			in: collection(
				`{"type": "Feature", "geometry": {"type": "Point", "coordinates": [62.39, 17.31]}, "properties": {"name": "Bakvänd"}}`,
				`{"type": "Feature", `+point+`, "properties": {"name": "Rätt"}}`,
				`{"type": "Feature", "geometry": {"type": "MultiPoint", "coordinates": [[17.3, 62.3]]}, "properties": {"name": "Flera"}}`),
			want: "slug=ratt; name=Rätt; category=bibliotek; at=17.3069,62.3908; feature=1",
			wantDiag: `geodata/bibliotek.geojson:2:66: features[0]: "Bakvänd": looks like latitude and longitude are swapped: GeoJSON is [longitude, latitude]; write [17.31, 62.39]
geodata/bibliotek.geojson:4:42: features[2]: "Flera": the geometry is a MultiPoint, not a Point; give the position as "geometry": {"type": "Point", "coordinates": [longitude, latitude]}; service points are Point features`,
		},
		{
			name:     "Windows line ends and a byte-order mark",
			in:       []byte("\ufeff{\"type\": \"FeatureCollection\", \"features\": [\r\n{\"type\": \"Feature\", \"geometry\": null, \"properties\": {\"name\": \"Ö\"}}\r\n]}"),
			wantDiag: `geodata/bibliotek.geojson:2:1: features[0]: "Ö": the point has no geometry; give the position as "geometry": {"type": "Point", "coordinates": [longitude, latitude]}`,
		},
		{
			// Regression (found by FuzzLoadPoints): the position of a
			// problem in a file of only a byte-order mark was line 0.
			name:     "a file of only a byte-order mark",
			in:       []byte("\ufeff"),
			wantDiag: `geodata/bibliotek.geojson:1:1: the file is empty; a GeoJSON file is {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": …, "properties": {…}}, …]}`,
		},
		{
			name:     "an empty collection",
			in:       []byte(`{"type": "FeatureCollection", "features": []}`),
			wantDiag: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = "geodata/bibliotek.geojson"
			}
			var l diag.List
			points := LoadPoints(file, tt.in, testCategories, &l)
			var got []string
			for _, p := range points {
				if p.File != file {
					t.Errorf("File = %q", p.File)
				}
				got = append(got, summary(p))
			}
			if g := strings.Join(got, "\n"); g != tt.want {
				t.Errorf("points:\n got %s\nwant %s", g, tt.want)
			}
			if g := strings.TrimSuffix(strings.ReplaceAll(lines(&l), "geodata/sundsvall/", "geodata/"), "\n"); g != tt.wantDiag {
				t.Errorf("diagnostics:\n got %s\nwant %s", g, tt.wantDiag)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Stadsbiblioteket", "stadsbiblioteket"},
		{"Ånge bibliotek", "ange-bibliotek"},
		{"Örnsköldsviks simhall", "ornskoldsviks-simhall"},
		{"Härnösands återvinningscentral", "harnosands-atervinningscentral"},
		{"Kulturmagasinet – Sundsvall", "kulturmagasinet-sundsvall"},
		{"  Badplats  (Bredsand) ", "badplats-bredsand"},
		{"ÅÄÖ åäö", "aao-aao"},
		{"A\u030ange", "ange"}, // å written as a + combining ring
		{"Café Älven", "cafe-alven"},
		{"Gällivare Ájtte", "gallivare-ajtte"},
		{"Återvinning 2", "atervinning-2"},
		{"Москва", "plats"},
		{"!!!", "plats"},
		{"", "plats"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
