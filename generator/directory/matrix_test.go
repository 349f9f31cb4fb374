package directory

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/model"
)

// matrixSite is a site made by hand for the matrix: three municipalities
// in the site's order (Sundsvall, Timrå, Ånge) and three e-services — a
// common one everyone offers, Ånge's "Ansök om skolskjuts" (status
// skolskjuts) that no one else offers, and Sundsvall's "Bygglov" that
// Timrå adopts and Ånge adapts. The e-services are in slug order, as
// assembled; the offers by e-service, as assembled.
func matrixSite(skolskjuts string) *model.Site {
	sundsvall := &model.Municipality{Slug: "sundsvall", Name: "Sundsvall"}
	timra := &model.Municipality{Slug: "timra", Name: "Timrå"}
	ange := &model.Municipality{Slug: "ange", Name: "Ånge"}
	bygglov := &model.EService{Slug: "bygglov", Title: "Bygglov", Owner: "sundsvall", Status: "live"}
	felanmalan := &model.EService{Slug: "felanmalan", Title: "Felanmälan", Owner: model.Common, Status: "live"}
	skol := &model.EService{Slug: "skolskjuts", Title: "Ansök om skolskjuts", Owner: "ange", Status: skolskjuts}
	return &model.Site{
		Config:         model.Config{Collaboration: model.Collaboration{CommonGoal: 5, MunicipalGoal: 10}},
		Municipalities: []*model.Municipality{sundsvall, timra, ange},
		EServices:      []*model.EService{bygglov, felanmalan, skol},
		Offers: []*model.Offer{
			{EService: bygglov, Municipality: sundsvall, Kind: model.Owns},
			{EService: bygglov, Municipality: timra, Kind: model.Adopts},
			{EService: bygglov, Municipality: ange, Kind: model.Adapts},
			{EService: felanmalan, Municipality: sundsvall, Kind: model.CommonService},
			{EService: felanmalan, Municipality: timra, Kind: model.CommonService},
			{EService: felanmalan, Municipality: ange, Kind: model.CommonService},
			{EService: skol, Municipality: ange, Kind: model.Owns},
		},
	}
}

// describe gives each part of a matrix as text, one entry a line.
func describe(mx Matrix) map[string]string {
	var rows, totals, rates, ranked, cands []string
	for _, r := range mx.Rows {
		rows = append(rows, fmt.Sprintf("%s: %s = %d", r.EService.Slug, strings.Join(r.Cells, " "), r.Count))
	}
	for i, m := range mx.Municipalities {
		totals = append(totals, fmt.Sprintf("%s %d", m.Slug, mx.Totals[i]))
		pct, ok := mx.Adoption[i].Percent()
		rates = append(rates, fmt.Sprintf("%s %d/%d %d %v", m.Slug, mx.Adoption[i].Taken, mx.Adoption[i].Of, pct, ok))
	}
	candidates := func(cs []Candidate) string {
		var out []string
		for _, c := range cs {
			out = append(out, fmt.Sprintf("%s(%d)", c.EService.Slug, c.Users))
		}
		return strings.Join(out, " ")
	}
	ranked = append(ranked, candidates(mx.Ranked))
	for _, c := range mx.Candidates {
		cands = append(cands, c.Municipality.Slug+": "+candidates(c.EServices))
	}
	var common []string
	for _, e := range mx.Common {
		common = append(common, e.Slug)
	}
	return map[string]string{
		"rows": strings.Join(rows, "\n"), "totals": strings.Join(totals, "\n"), "rates": strings.Join(rates, "\n"),
		"ranked": strings.Join(ranked, "\n"), "candidates": strings.Join(cands, "\n"),
		"summary": fmt.Sprintf("common %v: %d live of %d; specific %d: %d live of %d",
			common, mx.CommonLive, mx.CommonGoal, mx.Specific, mx.SpecificLive, mx.MuniGoal),
	}
}

// TestNewMatrix pins the matrix of a small site: the cells of each kind,
// the totals, the adoption rates, and the candidates most used first.
func TestNewMatrix(t *testing.T) {
	for _, tc := range []struct {
		name, skolskjuts string
		want             map[string]string
	}{
		{"beta", "beta", map[string]string{
			// Common first, then by title: "Ansök om skolskjuts" before "Bygglov".
			"rows":   "felanmalan: common common common = 3\nskolskjuts: none none owns = 1\nbygglov: owns adopts adapts = 3",
			"totals": "sundsvall 2\ntimra 2\nange 3",
			// Of: the others' municipality-specific e-services; Taken: those adopted or adapted.
			"rates": "sundsvall 0/1 0 true\ntimra 1/2 50 true\nange 1/1 100 true",
			// Most used first, though "Ansök om skolskjuts" comes first by title.
			"ranked":     "bygglov(3) skolskjuts(1)",
			"candidates": "sundsvall: skolskjuts(1)\ntimra: skolskjuts(1)\nange: ",
			"summary":    "common [felanmalan]: 1 live of 5; specific 2: 1 live of 10",
		}},
		{"retired", "retired", map[string]string{
			"rows":   "felanmalan: common common common = 3\nskolskjuts: none none owns = 1\nbygglov: owns adopts adapts = 3",
			"totals": "sundsvall 2\ntimra 2\nange 3",
			"rates":  "sundsvall 0/1 0 true\ntimra 1/2 50 true\nange 1/1 100 true",
			// A retired e-service is no candidate.
			"ranked":     "bygglov(3)",
			"candidates": "sundsvall: \ntimra: \nange: ",
			"summary":    "common [felanmalan]: 1 live of 5; specific 2: 1 live of 10",
		}},
	} {
		got := describe(NewMatrix(matrixSite(tc.skolskjuts)))
		for _, part := range []string{"rows", "totals", "rates", "ranked", "candidates", "summary"} {
			t.Run(tc.name+"/"+part, func(t *testing.T) {
				if got[part] != tc.want[part] {
					t.Errorf("got:\n%s\nwant:\n%s", got[part], tc.want[part])
				}
			})
		}
	}
}

// TestNewMatrixEmpty checks a site without municipalities or e-services.
func TestNewMatrixEmpty(t *testing.T) {
	mx := NewMatrix(&model.Site{})
	if len(mx.Rows) != 0 || len(mx.Totals) != 0 || len(mx.Adoption) != 0 || len(mx.Ranked) != 0 || len(mx.Candidates) != 0 {
		t.Errorf("an empty site has the matrix %+v", mx)
	}
}

// TestRatePercent pins the rounding of a rate: whole percent, half up.
func TestRatePercent(t *testing.T) {
	for _, tc := range []struct {
		rate Rate
		pct  int
		ok   bool
	}{
		{Rate{0, 0}, 0, false},
		{Rate{0, 4}, 0, true},
		{Rate{1, 3}, 33, true},
		{Rate{2, 3}, 67, true},
		{Rate{1, 8}, 13, true},  // 12.5
		{Rate{1, 200}, 1, true}, // 0.5
		{Rate{1, 201}, 0, true},
		{Rate{5, 5}, 100, true},
	} {
		t.Run(fmt.Sprintf("%d/%d", tc.rate.Taken, tc.rate.Of), func(t *testing.T) {
			if pct, ok := tc.rate.Percent(); pct != tc.pct || ok != tc.ok {
				t.Errorf("got %d %v, want %d %v", pct, ok, tc.pct, tc.ok)
			}
		})
	}
}

// TestChanges pins which fields of an adaptation count as changed.
func TestChanges(t *testing.T) {
	lib := &model.EService{URL: "https://e.se/a", Fee: "100 kr", Login: []string{"bankid"}, Status: "live", Duration: "5 minuter"}
	// same is an offer with the library's values.
	same := func(kind model.OfferKind) model.Offer {
		return model.Offer{EService: lib, Kind: kind, URL: lib.URL, Fee: lib.Fee, Login: lib.Login, Status: lib.Status, Duration: lib.Duration}
	}
	for _, tc := range []struct {
		name string
		edit func(o *model.Offer)
		kind model.OfferKind
		want []Change
	}{
		{"unchanged", func(o *model.Offer) {}, model.Adapts, nil},
		{"url", func(o *model.Offer) { o.URL = "https://e.ange.se/a" }, model.Adapts, []Change{ChangeURL}},
		{"url removed", func(o *model.Offer) { o.URL = "" }, model.Adapts, []Change{ChangeURL}},
		{"fee", func(o *model.Offer) { o.Fee = "200 kr" }, model.Adapts, []Change{ChangeFee}},
		{"fee empty", func(o *model.Offer) { o.Fee = "" }, model.Adapts, nil},
		{"login", func(o *model.Offer) { o.Login = []string{"bankid", "freja"} }, model.Adapts, []Change{ChangeLogin}},
		{"login empty", func(o *model.Offer) { o.Login = nil }, model.Adapts, nil},
		{"status", func(o *model.Offer) { o.Status = "beta" }, model.Adapts, []Change{ChangeStatus}},
		{"duration", func(o *model.Offer) { o.Duration = "en timme" }, model.Adapts, []Change{ChangeDuration}},
		{"duration empty", func(o *model.Offer) { o.Duration = "" }, model.Adapts, nil},
		{"title and summary are not facts", func(o *model.Offer) { o.Title, o.Summary = "Annat", "Annat" }, model.Adapts, nil},
		{"all, in order", func(o *model.Offer) {
			o.URL, o.Fee, o.Login, o.Status, o.Duration = "https://x.se/", "0 kr", []string{"freja"}, "planned", "en dag"
		}, model.Adapts, []Change{ChangeURL, ChangeFee, ChangeLogin, ChangeStatus, ChangeDuration}},
		{"owns", func(o *model.Offer) { o.URL, o.Status = "https://x.se/", "beta" }, model.Owns, nil},
		{"common", func(o *model.Offer) { o.URL, o.Status = "https://x.se/", "beta" }, model.CommonService, nil},
		{"adopts", func(o *model.Offer) { o.URL, o.Status = "https://x.se/", "beta" }, model.Adopts, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := same(tc.kind)
			tc.edit(&o)
			if got := Changes(&o); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestStartable pins which offers can be started: a URL, and live or beta.
func TestStartable(t *testing.T) {
	for _, tc := range []struct {
		url, status string
		want        bool
	}{
		{"https://e.se/a", "live", true},
		{"https://e.se/a", "beta", true},
		{"https://e.se/a", "planned", false},
		{"https://e.se/a", "retired", false},
		{"", "live", false},
		{"", "beta", false},
	} {
		t.Run(tc.status+"/"+tc.url, func(t *testing.T) {
			if got := Startable(&model.Offer{URL: tc.url, Status: tc.status}); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestCandidatesTop: the library view lists the CandidatesShown most used
// candidates of a municipality and counts the rest.
func TestCandidatesTop(t *testing.T) {
	list := func(n int) Candidates {
		c := Candidates{}
		for i := range n {
			c.EServices = append(c.EServices, Candidate{EService: &model.EService{Slug: fmt.Sprint("e", i)}, Users: n - i})
		}
		return c
	}
	for _, tc := range []struct {
		n, top, more int
	}{
		{0, 0, 0},
		{1, 1, 0},
		{CandidatesShown, CandidatesShown, 0},
		{CandidatesShown + 1, CandidatesShown, 1},
		{60, CandidatesShown, 60 - CandidatesShown},
	} {
		c := list(tc.n)
		top := c.Top()
		if len(top) != tc.top || c.More() != tc.more {
			t.Errorf("%d candidates: Top has %d and More is %d, want %d and %d", tc.n, len(top), c.More(), tc.top, tc.more)
		}
		for i, x := range top {
			if x != c.EServices[i] {
				t.Errorf("%d candidates: Top[%d] is %s, want the %s of the list", tc.n, i, x.EService.Slug, c.EServices[i].EService.Slug)
			}
		}
	}
}
