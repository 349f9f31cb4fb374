package directory

// The open data of the e-services: /data/e-tjanster.json and
// /data/e-tjanster.csv, one row per offer, with the municipality's SCB
// code as the source (after the Swedish municipal open-data
// specifications). The CSV is RFC 4180 with CRLF line ends and cells that
// a spreadsheet would take for a formula neutralised.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/safety"
)

// kindNames are the names of the offer kinds in the exports and the
// library matrix.
var kindNames = []string{model.Owns: "owns", model.CommonService: "common", model.Adopts: "adopts", model.Adapts: "adapts"}

// KindName is the name of an offer kind: owns, common, adopts or adapts.
func KindName(k model.OfferKind) string { return kindNames[k] }

// ExportRow is an offer as the exports give it: the offer's own title,
// summary, URL, login, fee and status, the library's owner, category and
// audience.
type ExportRow struct {
	Source           string   `json:"source"` // the municipality's SCB code
	Municipality     string   `json:"municipality"`
	MunicipalityName string   `json:"municipality_name"`
	ID               string   `json:"id"` // the e-service's slug
	Title            string   `json:"title"`
	Summary          string   `json:"summary,omitempty"`
	Owner            string   `json:"owner"`
	Kind             string   `json:"kind"`
	URL              string   `json:"url,omitempty"`
	Category         string   `json:"category,omitempty"`
	Audience         []string `json:"audience"`
	Login            []string `json:"login"`
	Fee              string   `json:"fee,omitempty"`
	Status           string   `json:"status"`
	Page             string   `json:"page"` // the absolute URL of the offer's page
}

// csvHeader are the columns of the CSV, the JSON keys in their order.
var csvHeader = []string{"source", "municipality", "municipality_name", "id", "title", "summary", "owner",
	"kind", "url", "category", "audience", "login", "fee", "status", "page"}

// ExportRows are the rows of the site's offers, in their order; abs makes
// a site-relative URL absolute.
func ExportRows(s *model.Site, abs func(string) string) []ExportRow {
	rows := []ExportRow{}
	for _, o := range s.Offers {
		e, m := o.EService, o.Municipality
		rows = append(rows, ExportRow{m.Code, m.Slug, m.Name, e.Slug, o.Title, o.Summary, e.Owner, KindName(o.Kind), o.URL, e.Category,
			nonNil(e.Audience), nonNil(o.Login), o.Fee, o.Status, abs(model.OfferURL(m.Slug, e.Slug))})
	}
	return rows
}

// Export is the contents of e-tjanster.json and e-tjanster.csv, or nils
// when the site has no e-services.
func Export(s *model.Site, abs func(string) string) (jsonData, csvData []byte) {
	if len(s.EServices) == 0 {
		return nil, nil
	}
	rows := ExportRows(s, abs)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	_ = w.Write(csvHeader)
	for _, x := range rows {
		_ = w.Write(safety.CSVRow([]string{x.Source, x.Municipality, x.MunicipalityName, x.ID, x.Title, x.Summary, x.Owner,
			x.Kind, x.URL, x.Category, strings.Join(x.Audience, " "), strings.Join(x.Login, " "), x.Fee, x.Status, x.Page}))
	}
	w.Flush()
	js, _ := json.MarshalIndent(rows, "", " ")
	return append(js, '\n'), b.Bytes()
}

// nonNil is s, or an empty list where s is nil, so that JSON has [].
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
