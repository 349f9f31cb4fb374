// Package directory is the one home of the e-service concept: the rules
// of the library of e-services, which the municipalities of the
// collaboration offer.
//
//   - The file format (this file): the strict front matter of an e-service
//     of the library and of a municipality's adaptation of one, and the
//     checks that need nothing but the file itself.
//   - Offers (offers.go): who offers what — the owner, everyone for a
//     common e-service, the municipalities that adopt it as it is or adapt
//     it — with the checks of owners, adoptions and adaptations; which
//     fields an adaptation changes (Changes) and whether an offer can be
//     started (Startable).
//   - Filters (filters.go): the directory's facets and the values each
//     e-service has in them, with the URLs of the filter pages.
//   - The matrix (matrix.go): every e-service against every
//     municipality — the cells, totals, adoption rates and the candidates
//     to adopt next — for the library view and the page for a new member.
//   - Exports (export.go): the rows of /data/e-tjanster.json and .csv.
//
// It is a concept package that two stages use: assemble runs Assemble to
// make the model's e-services and offers, and render turns the filters,
// the matrix and the changes into views and places the exports. It reads
// the model and never imports a stage (load, assemble, bodies, render).
package directory

import (
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/guides"
	"github.com/esamverkan/guidemap/generator/markdown"
	"github.com/esamverkan/guidemap/generator/model"
)

// EServiceMeta is the front matter of an e-service of the library, or of
// an adaptation (where every key is optional and overrides the library's).
type EServiceMeta struct {
	Title      string   `yaml:"title" fm:"nonempty" fm_example:"\"Ansök om bygglov\""`
	Summary    string   `yaml:"summary" fm:"nonempty"`
	Owner      string   `yaml:"owner" fm:"nonempty" fm_example:"common"`
	URL        string   `yaml:"url" fm:"nonempty" fm_example:"https://…"`
	Category   string   `yaml:"category" fm:"nonempty" fm_example:"bygga-bo"`
	Audience   []string `yaml:"audience" fm:"nonempty" fm_example:"[citizen]"`
	Login      []string `yaml:"login"`
	Fee        string   `yaml:"fee" fm:"nonempty"`
	Status     string   `yaml:"status" fm:"nonempty" fm_example:"live"`
	LifeEvents []string `yaml:"life_events"`
	// Needs is what the user should have ready, e.g. [BankID, ritningar].
	Needs []string `yaml:"needs"`
	// Duration is how long the e-service takes, e.g. "cirka 15 minuter".
	Duration string `yaml:"duration"`
	// Contact is who answers questions about the e-service.
	Contact guides.Contact `yaml:"contact"`
	// PersonalData says what personal data the e-service handles and why.
	PersonalData string `yaml:"personal_data"`
}

// LoadEService parses an e-service or an adaptation of one.
func LoadEService(path string, src []byte, l *diag.List) *markdown.Doc[EServiceMeta] {
	d := markdown.Parse[EServiceMeta](path, src, l)
	m := d.Meta
	guides.CheckAudience(d.Set, m.Audience, l)
	guides.CheckURL(d.Set, "url", m.URL, l)
	guides.CheckContact(d.Set, m.Contact, l)
	for i, v := range m.Login {
		if !slices.Contains(model.Logins, v) {
			l.Errorf(d.Set[markdown.Item("login", i)], diag.DidYouMeanOr(v, model.Logins, diag.Textf("the logins are %s", strings.Join(model.Logins, ", "))),
				"unknown login %q", v)
		}
	}
	if m.Status != "" && !slices.Contains(model.Statuses, m.Status) {
		l.Errorf(d.Pos("status"), diag.DidYouMeanOr(m.Status, model.Statuses, diag.Textf("the statuses are %s", strings.Join(model.Statuses, ", "))),
			"unknown status %q", m.Status)
	}
	return d
}
