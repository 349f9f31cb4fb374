package directory

// The matrix: the collaboration's state as every e-service of the library
// against every municipality — who owns, shares, adopts or adapts what —
// with the totals, each municipality's adoption rate, what each could
// adopt next and the ranking a new member starts from. The library view
// /e-tjanster/bibliotek/ and the page for a new member
// /e-tjanster/ny-i-samverkan/ show it.

import (
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/model"
)

// None is the cell of a municipality that does not offer the e-service;
// the other cells are KindName of its offer.
const None = "none"

// Matrix is every e-service of the library × every municipality, with
// counts, what each municipality could adopt next, and the summary.
type Matrix struct {
	Municipalities []*model.Municipality // the columns, in the site's order
	Rows           []Row                 // common e-services first, then by title
	Totals         []int                 // per municipality: the e-services it offers
	// Adoption is, per municipality, its share of the others'
	// municipality-specific e-services that it adopts or adapts.
	Adoption   []Rate
	Candidates []Candidates // per municipality
	// Ranked are the municipality-specific e-services that are not
	// retired, most used first (ties in row order): what a new member
	// adopts first.
	Ranked []Candidate
	Common []*model.EService // the common e-services, in row order

	CommonLive, CommonGoal           int // live common e-services, and the goal
	Specific, SpecificLive, MuniGoal int // municipality-specific e-services, the live ones, and the goal
}

// Row is an e-service's row of the matrix.
type Row struct {
	EService *model.EService
	Cells    []string // per municipality: owns, common, adopts, adapts or none
	Count    int      // municipalities that offer it
}

// Candidates are the e-services a municipality could still adopt: those
// of Matrix.Ranked that it does not offer, in that order.
type Candidates struct {
	Municipality *model.Municipality
	EServices    []Candidate
}

// CandidatesShown is how many candidates the library view lists for each
// municipality, the most used; at the collaboration's scale (a hundred
// e-services) a list of all would be longer than anyone reads, and the
// matrix above it shows every one.
const CandidatesShown = 5

// Top are the first CandidatesShown candidates.
func (c Candidates) Top() []Candidate {
	return c.EServices[:min(len(c.EServices), CandidatesShown)]
}

// More is how many candidates Top leaves out.
func (c Candidates) More() int {
	return len(c.EServices) - len(c.Top())
}

// Candidate is an e-service and how many municipalities use it.
type Candidate struct {
	EService *model.EService
	Users    int
}

// Rate is how many of Of e-services a municipality has taken.
type Rate struct{ Taken, Of int }

// Percent is the rate in whole percent, rounded half up; ok is false when
// there was nothing to take.
func (r Rate) Percent() (pct int, ok bool) {
	if r.Of == 0 {
		return 0, false
	}
	return (r.Taken*100 + r.Of/2) / r.Of, true
}

// NewMatrix computes the matrix of the site.
func NewMatrix(s *model.Site) Matrix {
	mx := Matrix{Municipalities: s.Municipalities, CommonGoal: s.Config.Collaboration.CommonGoal,
		MuniGoal: s.Config.Collaboration.MunicipalGoal}
	offer := make(map[[2]string]*model.Offer, len(s.Offers)) // by municipality and e-service slug
	for _, o := range s.Offers {
		offer[[2]string{o.Municipality.Slug, o.EService.Slug}] = o
	}
	es := slices.Clone(s.EServices)
	slices.SortStableFunc(es, func(a, b *model.EService) int {
		if ca, cb := a.Owner == model.Common, b.Owner == model.Common; ca != cb {
			if ca {
				return -1
			}
			return 1
		}
		return strings.Compare(model.CollateKey(a.Title), model.CollateKey(b.Title))
	})
	mx.Totals = make([]int, len(s.Municipalities))
	mx.Adoption = make([]Rate, len(s.Municipalities))
	for _, e := range es {
		row := Row{EService: e}
		for i, m := range s.Municipalities {
			cell := None
			o := offer[[2]string{m.Slug, e.Slug}]
			if o != nil {
				cell = KindName(o.Kind)
				row.Count++
				mx.Totals[i]++
			}
			if e.Owner != model.Common && e.Owner != m.Slug {
				mx.Adoption[i].Of++
				if o != nil && (o.Kind == model.Adopts || o.Kind == model.Adapts) {
					mx.Adoption[i].Taken++
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		mx.Rows = append(mx.Rows, row)
		live := e.Status == "live"
		switch {
		case e.Owner == model.Common:
			mx.Common = append(mx.Common, e)
			if live {
				mx.CommonLive++
			}
		default:
			mx.Specific++
			if live {
				mx.SpecificLive++
			}
			if e.Status != "retired" {
				mx.Ranked = append(mx.Ranked, Candidate{EService: e, Users: row.Count})
			}
		}
	}
	slices.SortStableFunc(mx.Ranked, func(a, b Candidate) int { return b.Users - a.Users })
	for _, m := range s.Municipalities {
		c := Candidates{Municipality: m}
		for _, x := range mx.Ranked {
			if offer[[2]string{m.Slug, x.EService.Slug}] == nil {
				c.EServices = append(c.EServices, x)
			}
		}
		mx.Candidates = append(mx.Candidates, c)
	}
	return mx
}
