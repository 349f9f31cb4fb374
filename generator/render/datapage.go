package render

// The open data's page (/data/, and /en/data/ in every language the theme
// has the strings of) and its DCAT-AP-SE catalogue (/data/catalog.rdf, the
// RDF/XML that Sweden's data portal harvests). Both describe the files
// under data/ that the build writes, with their true sizes, so both are
// made last (Render): once every other file is made, or taken as a recent
// build made it, from the paths and sizes of the files under data/.
// Which dataset a file belongs to follows from its path (datasets): a file
// that no rule knows is listed as a dataset of its own, so the page never
// leaves one out.

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/esamverkan/guidemap/generator/model"
)

// DataView is the open-data page: the datasets, by group, with their
// files, and what holds for all of them.
type DataView struct {
	License   model.License
	Updated   string // YYYY-MM-DD, or "" when the content gives no date
	Publisher string
	Groups    []DataGroup
	Catalog   DataFile // the DCAT-AP-SE catalogue
}

// DataGroup is a kind of dataset: the e-services, the places of the
// region, the places of each municipality, of each kind.
type DataGroup struct {
	ID, Title, Description string
	Sets                   []DataSet
}

// DataSet is one dataset with its files (distributions).
type DataSet struct {
	ID, Title string
	Files     []DataFile
}

// DataFile is a file under /data/ as the page lists it.
type DataFile struct {
	URL      string // site-relative: /data/platser.geojson
	Name     string // the file's name
	Format   string // JSON, CSV, GeoJSON, RDF/XML
	Size     int64  // in bytes
	SizeText string // for readers: "12,3 kB"
}

// dataset is one dataset of the open data in every language, for the
// page and the catalogue.
type dataset struct {
	id       string // unique, a fragment of the catalogue's URIs
	group    string // eservices, region, municipality, category, other
	title    map[string]string
	desc     map[string]string
	keywords map[string][]string
	themes   []string              // EU data themes: GOVE, REGI …
	spatial  []*model.Municipality // the area it covers
	files    []dataFile
}

// dataFile is a file under data/ and its size.
type dataFile struct {
	path string
	size int64
}

// formats are the open data's formats, by file extension: the name the
// page gives, the IANA media type and the EU file type.
var formats = map[string]struct{ name, media, euType string }{
	".json":    {"JSON", "application/json", "JSON"},
	".csv":     {"CSV", "text/csv", "CSV"},
	".geojson": {"GeoJSON", "application/geo+json", "GEOJSON"},
	".rdf":     {"RDF/XML", "application/rdf+xml", "RDF_XML"},
}

func formatOf(p string) (name, media, euType string) {
	if f, ok := formats[path.Ext(p)]; ok {
		return f.name, f.media, f.euType
	}
	return strings.ToUpper(strings.TrimPrefix(path.Ext(p), ".")), "application/octet-stream", "BIN"
}

// dataLangs are the languages the catalogue describes the datasets in.
var dataLangs = []string{"sv", "en"}

// datasets sorts the files under data/ (path → size; the page and the
// catalogue left out) into datasets: the e-services, the places of the
// region, of each municipality and of each kind, in the site's orders;
// any other file is a dataset of its own.
func (r *renderer) datasets(files map[string]int64) []dataset {
	s := r.site
	taken := map[string]bool{}
	take := func(paths ...string) []dataFile {
		var out []dataFile
		for _, p := range paths {
			if size, ok := files[p]; ok && !taken[p] {
				taken[p] = true
				out = append(out, dataFile{p, size})
			}
		}
		return out
	}
	both := func(key string, args ...any) map[string]string {
		out := map[string]string{}
		for _, lang := range dataLangs {
			out[lang] = fmt.Sprintf(r.strIn(lang, key), args...)
		}
		return out
	}
	words := func(key string, extra ...map[string]string) map[string][]string {
		out := map[string][]string{}
		for _, lang := range dataLangs {
			for _, w := range strings.Split(r.strIn(lang, key), ",") {
				if w = strings.TrimSpace(w); w != "" {
					out[lang] = append(out[lang], w)
				}
			}
			for _, e := range extra {
				out[lang] = append(out[lang], e[lang])
			}
		}
		return out
	}
	var out []dataset
	add := func(d dataset) {
		if len(d.files) > 0 {
			out = append(out, d)
		}
	}
	add(dataset{
		id: "e-tjanster", group: "eservices", title: both("data.eservices.title"), desc: both("data.eservices.description"),
		keywords: words("data.eservices.keywords"), themes: []string{"GOVE"}, spatial: s.Municipalities,
		files: take("data/e-tjanster.json", "data/e-tjanster.csv"),
	})
	in := map[string][]*model.Municipality{} // by point category: the municipalities with such places
	seen := map[string]bool{}
	for _, p := range s.Points {
		if k := p.Category + "/" + p.Municipality; !seen[k] {
			seen[k] = true
			if m := s.Municipality(p.Municipality); m != nil {
				in[p.Category] = append(in[p.Category], m)
			}
		}
	}
	add(dataset{
		id: "platser", group: "region", title: both("data.region.title"), desc: both("data.region.description"),
		keywords: words("data.places.keywords"), themes: []string{"REGI", "GOVE"}, spatial: s.Municipalities,
		files: take("data/platser.geojson"),
	})
	for _, m := range s.Municipalities {
		add(dataset{
			id: "platser-" + m.Slug, group: "municipality", title: both("data.municipality.title", m.Name),
			desc: both("data.municipality.description", m.Name), keywords: words("data.places.keywords", map[string]string{"sv": m.Name, "en": m.Name}),
			themes: []string{"REGI", "GOVE"}, spatial: []*model.Municipality{m},
			files: take("data/platser/" + m.Slug + ".geojson"),
		})
	}
	for _, c := range s.Config.PointCategories {
		name := map[string]string{}
		lower := map[string]string{}
		for _, lang := range dataLangs {
			name[lang] = pointCategoryName(lang, c)
			lower[lang] = strings.ToLower(name[lang])
		}
		d := dataset{
			id: "kategori-" + c.Slug, group: "category", title: map[string]string{}, desc: map[string]string{},
			keywords: words("data.places.keywords", lower), themes: []string{"REGI", "GOVE"}, spatial: in[c.Slug],
			files: take("data/platser/" + c.Slug + ".csv"),
		}
		for _, lang := range dataLangs {
			d.title[lang] = fmt.Sprintf(r.strIn(lang, "data.category.title"), name[lang])
			d.desc[lang] = fmt.Sprintf(r.strIn(lang, "data.category.description"), name[lang])
		}
		add(d)
	}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if taken[p] {
			continue
		}
		add(dataset{
			id: "fil-" + strings.NewReplacer("/", "-", ".", "-").Replace(strings.TrimPrefix(p, "data/")), group: "other",
			title: map[string]string{"sv": path.Base(p), "en": path.Base(p)}, desc: both("data.other.description"),
			keywords: words("data.other.keywords"), themes: []string{"GOVE"}, spatial: s.Municipalities,
			files: take(p),
		})
	}
	return out
}

// dataGroups are the groups of the page, in order, with their strings.
var dataGroups = []string{"eservices", "region", "municipality", "category", "other"}

// dataView is the open-data page's view in lang of the datasets, and the
// catalogue of size bytes.
func (r *renderer) dataView(lang string, sets []dataset, catalog int64) *DataView {
	v := &DataView{License: r.site.Config.OpenData.License, Updated: r.dataUpdated(), Publisher: r.publisher()}
	for _, g := range dataGroups {
		group := DataGroup{ID: g, Title: r.strIn(lang, "data.group."+g), Description: r.strIn(lang, "data.group."+g+".description")}
		for _, d := range sets {
			if d.group != g {
				continue
			}
			set := DataSet{ID: d.id, Title: cmp.Or(d.title[lang], d.title["sv"])}
			for _, f := range d.files {
				set.Files = append(set.Files, r.dataFile(lang, f))
			}
			group.Sets = append(group.Sets, set)
		}
		if len(group.Sets) > 0 {
			v.Groups = append(v.Groups, group)
		}
	}
	v.Catalog = r.dataFile(lang, dataFile{model.CatalogPath, catalog})
	return v
}

func (r *renderer) dataFile(lang string, f dataFile) DataFile {
	name, _, _ := formatOf(f.path)
	return DataFile{URL: "/" + f.path, Name: path.Base(f.path), Format: name, Size: f.size, SizeText: sizeText(lang, f.size)}
}

// sizeText is a size for readers: bytes under a kilobyte, else kB or MB
// with one decimal (SI units, a decimal comma in Swedish).
func sizeText(lang string, n int64) string {
	var s string
	switch {
	case n < 1000:
		unit := "byte"
		if lang != "sv" && n != 1 {
			unit = "bytes"
		}
		return strconv.FormatInt(n, 10) + "\u00a0" + unit
	case n < 1000*1000:
		s = strconv.FormatFloat(float64(n)/1000, 'f', 1, 64) + "\u00a0kB"
	default:
		s = strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + "\u00a0MB"
	}
	if lang == "sv" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// dataUpdated is when the open data last changed, as the content says:
// site.toml's open_data.updated, else the newest date a guide or a
// municipality's version of one was updated, else "". Never the clock:
// the same content makes the same files.
func (r *renderer) dataUpdated() string {
	s := r.site
	if u := s.Config.OpenData.Updated; u != "" {
		return u
	}
	newest := ""
	for _, g := range slices.Concat(s.Guides, s.LocalGuides) {
		newest = max(newest, validDate(g.Updated))
	}
	for _, v := range s.Versions {
		newest = max(newest, validDate(v.Updated))
	}
	return newest
}

// validDate is s when it is a date YYYY-MM-DD, else "".
func validDate(s string) string {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || strings.Trim(s[:4]+s[5:7]+s[8:], "0123456789") != "" {
		return ""
	}
	return s
}

// publisher is who publishes the open data: site.toml's contact, the
// collaboration, or the site.
func (r *renderer) publisher() string {
	c := r.site.Config
	return cmp.Or(c.Contact.Name, c.Collaboration.Name, c.Title)
}
