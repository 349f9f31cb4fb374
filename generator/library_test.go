package generator

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/directory"
	"github.com/esamverkan/guidemap/generator/model"
)

// TestExampleLibraryAtScale: the example's e-service library is the
// collaboration at its real scale (issue #15): the 10 common e-services
// and at least 100 built by single municipalities, owned unevenly, adopted
// and adapted unevenly, so that the municipalities do not all offer the
// same number; every status is used. The figures are computed from the
// content, not written down.
func TestExampleLibraryAtScale(t *testing.T) {
	site, l := assembleFixture(t, exampleSite)
	if l.HasErrors() {
		t.Fatalf("the example has errors: %v", l.Items())
	}
	common, specific := 0, 0
	owned := map[string]int{}
	statuses := map[string]int{}
	for _, e := range site.EServices {
		if e.Owner == model.Common {
			common++
		} else {
			specific++
			owned[e.Owner]++
		}
		statuses[e.Status]++
	}
	if common != 10 || specific < 100 {
		t.Errorf("the library has %d common and %d municipality-specific e-services, want 10 and at least 100", common, specific)
	}
	offers := map[string]int{}  // by municipality: what it offers
	taken := map[string]int{}   // by e-service: the municipalities that adopt or adapt it
	adapted := map[string]int{} // by municipality: its adaptations
	for _, o := range site.Offers {
		offers[o.Municipality.Slug]++
		if o.Kind == model.Adopts || o.Kind == model.Adapts {
			taken[o.EService.Slug]++
		}
		if o.Kind == model.Adapts {
			adapted[o.Municipality.Slug]++
		}
	}
	var owns, totals []int
	for _, m := range site.Municipalities {
		if owned[m.Slug] == 0 || adapted[m.Slug] == 0 {
			t.Errorf("%s owns %d e-services and adapts %d, want at least one of each", m.Slug, owned[m.Slug], adapted[m.Slug])
		}
		owns, totals = append(owns, owned[m.Slug]), append(totals, offers[m.Slug])
	}
	distinct := func(xs []int) int { return len(slices.Compact(slices.Sorted(slices.Values(xs)))) }
	if distinct(owns) < 5 || distinct(totals) < 5 {
		t.Errorf("owners %v and offers %v per municipality: want them uneven (at least 5 different numbers each)", owns, totals)
	}
	var none, many int // municipality-specific e-services no other municipality takes, and those 5 or more take
	for _, e := range site.EServices {
		if e.Owner == model.Common {
			continue
		}
		switch n := taken[e.Slug]; {
		case n == 0:
			none++
		case n >= 5:
			many++
		}
	}
	if none == 0 || many == 0 {
		t.Errorf("%d e-services taken by no other municipality and %d by 5 or more: want some of each", none, many)
	}
	for _, s := range model.Statuses {
		if statuses[s] == 0 {
			t.Errorf("no e-service is %s", s)
		}
	}
	t.Logf("%d common and %d specific e-services; owned %v, offered %v per municipality (in the site's order); %d taken by none, %d by 5 or more; statuses %v",
		common, specific, owns, totals, none, many, statuses)
}

// TestLibraryCandidatesOfTheExample: at this scale the library page lists,
// for each municipality, the CandidatesShown e-services it could adopt
// next and says how many more there are: the number of municipality-
// specific e-services, not retired, that it does not offer.
func TestLibraryCandidatesOfTheExample(t *testing.T) {
	site, _ := assembleFixture(t, exampleSite)
	out, _ := buildExample(t, "")
	page, err := os.ReadFile(filepath.Join(out, "e-tjanster", "bibliotek", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	offered := map[string]bool{}
	for _, o := range site.Offers {
		offered[o.Municipality.Slug+"/"+o.EService.Slug] = true
	}
	more := regexp.MustCompile(`Och (\d+) till som kommunen inte erbjuder ännu`)
	for i, m := range site.Municipalities {
		want := 0
		for _, e := range site.EServices {
			if e.Owner != model.Common && e.Status != "retired" && !offered[m.Slug+"/"+e.Slug] {
				want++
			}
		}
		// The municipality's part of the page: from its heading to the next.
		part := string(page)
		start := strings.Index(part, `id="gm-next-`+m.Slug+`"`)
		if start < 0 {
			t.Fatalf("no candidates of %s", m.Slug)
		}
		part = part[start:]
		if i+1 < len(site.Municipalities) {
			part = part[:strings.Index(part, `id="gm-next-`+site.Municipalities[i+1].Slug+`"`)]
		} else {
			part = part[:strings.Index(part, "</section>")]
		}
		shown := strings.Count(part, "<li>")
		rest := 0
		if mm := more.FindStringSubmatch(part); mm != nil {
			rest, _ = strconv.Atoi(mm[1])
		}
		if shown != min(want, directory.CandidatesShown) || shown+rest != want {
			t.Errorf("%s: %d candidates shown and %d more, want %d in all, at most %d shown", m.Slug, shown, rest, want, directory.CandidatesShown)
		}
	}
}
