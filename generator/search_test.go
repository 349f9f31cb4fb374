package generator

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/internal/browsertest"
)

// searchQuery is a query a citizen types, with the pages that answer it:
// the query is found when one of them is among the first three results
// (its link without the anchor). want empty: nothing on the site answers
// it, and the search must say so rather than list pages that share a
// fragment of a word.
type searchQuery struct {
	kind         string // what the query tests
	q            string
	municipality string // the reader's chosen municipality, if any
	want         []string
}

var searchQueries = []searchQuery{
	// Inflections: the site has the base form, the reader types another.
	{"inflection", "bygglovet", "", []string{"/guider/bygglov/"}},
	{"inflection", "förskoleplatsen", "", []string{"/guider/forskoleplats/"}},
	{"inflection", "hemtjänsten", "", []string{"/guider/hemtjanst/"}},
	{"inflection", "sotningen", "", []string{"/guider/eldstad-och-sotning/"}},
	{"inflection", "serveringstillståndet", "", []string{"/guider/serveringstillstand/"}},
	{"inflection", "skolskjutsen", "", []string{"/guider/skolskjuts/"}},
	{"inflection", "färdtjänsten", "", []string{"/guider/fardtjanst/"}},
	{"inflection", "föreningsbidragen", "", []string{"/guider/foreningsbidrag/"}},
	// Compounds and words inside longer words.
	{"compound", "altan", "", []string{"/guider/bygglov/"}},
	{"compound", "eldstad", "", []string{"/guider/eldstad-och-sotning/", "/e-tjanster/anmalan-eldstad/"}},
	{"compound", "sotning", "", []string{"/guider/eldstad-och-sotning/"}},
	{"compound", "matavfall", "", []string{"/guider/sophamtning-och-atervinning/", "/e-tjanster/anmalan-hemkompost/"}},
	{"compound", "avlopp", "", []string{"/guider/enskilt-avlopp/", "/e-tjanster/anmalan-enskilt-avlopp/"}},
	{"compound", "radon", "", []string{"/guider/radon-i-bostaden/"}},
	// Typos.
	{"typo", "byglov", "", []string{"/guider/bygglov/"}},
	{"typo", "förskolplats", "", []string{"/guider/forskoleplats/"}},
	{"typo", "hemtjänts", "", []string{"/guider/hemtjanst/"}},
	{"typo", "parkeringstilstånd", "", []string{"/guider/parkeringstillstand-for-rorelsehindrade/", "/e-tjanster/ansokan-parkeringstillstand/"}},
	{"typo", "sophämting", "", []string{"/guider/sophamtning-och-atervinning/"}},
	{"typo", "bostadsanpasning", "", []string{"/guider/bostadsanpassningsbidrag/", "/e-tjanster/ansokan-bostadsanpassning/"}},
	// Without å, ä and ö.
	{"diacritics", "hemtjanst", "", []string{"/guider/hemtjanst/"}},
	{"diacritics", "forskola", "", []string{"/guider/forskoleplats/", "/e-tjanster/ansokan-forskoleplats/"}},
	{"diacritics", "fardtjanst", "", []string{"/guider/fardtjanst/"}},
	{"diacritics", "ekonomiskt bistand", "", []string{"/guider/ekonomiskt-bistand/"}},
	{"diacritics", "serveringstillstand", "", []string{"/guider/serveringstillstand/"}},
	// The site's synonyms (content/site.toml).
	{"synonym", "sopor", "", []string{"/guider/sophamtning-och-atervinning/"}},
	{"synonym", "soc", "", []string{"/guider/ekonomiskt-bistand/"}},
	{"synonym", "försörjningsstöd", "", []string{"/guider/ekonomiskt-bistand/", "/e-tjanster/ansokan-forsorjningsstod/"}},
	{"synonym", "dagis", "", []string{"/guider/forskoleplats/", "/e-tjanster/ansokan-forskoleplats/"}},
	{"synonym", "äldreomsorg", "", []string{"/guider/hemtjanst/"}},
	// A municipality named in the query, or chosen before.
	{"municipality", "bygglov sundsvall", "", []string{"/sundsvall/guider/bygglov/"}},
	{"municipality", "hemtjänst i kramfors", "", []string{"/kramfors/guider/hemtjanst/"}},
	{"municipality", "förskoleplats", "timra", []string{"/timra/guider/forskoleplats/"}},
	{"municipality", "ekonomiskt bistånd", "solleftea", []string{"/solleftea/guider/ekonomiskt-bistand/"}},
	{"municipality", "båtplats", "sundsvall", []string{"/sundsvall/guider/batplats-i-sundsvall/"}},
	{"municipality", "timrå", "", []string{"/timra/"}},
	{"municipality", "harnosand", "sundsvall", []string{"/harnosand/"}},
	// Questions in whole sentences.
	{"sentence", "hur ansöker jag om bygglov", "", []string{"/guider/bygglov/", "/e-tjanster/ansokan-bygglov/"}},
	{"sentence", "när hämtas soporna", "", []string{"/guider/sophamtning-och-atervinning/"}},
	// Pages and places.
	{"page", "tillgänglighetsredogörelse", "", []string{"/tillganglighet/"}},
	{"page", "om esamverkan", "", []string{"/om-esamverkan/"}},
	{"place", "stadsbibliotek sundsvall", "", []string{"/sundsvall/platser/sundsvalls-stadsbibliotek/"}},
	// Nothing on the site answers these.
	{"nothing", "pizza", "", nil},
	{"nothing", "flygbiljett", "", nil},
	{"nothing", "xyzzy", "", nil},
	{"nothing", "kärnkraftverk", "", nil},
	{"nothing", "semesterresa thailand", "", nil},
}

// searchResult is what testdata/search/run.js gives for one query.
type searchResult struct {
	Total      int      `json:"total"`
	Missing    []string `json:"missing"`
	Suggestion *string  `json:"suggestion"`
	Loaded     []struct {
		Name string `json:"name"`
		Raw  int    `json:"raw"`
		GZ   int    `json:"gz"`
	} `json:"loaded"`
	Results []struct {
		URL   string `json:"url"`
		Kind  string `json:"kind"`
		Title string `json:"title"`
	} `json:"results"`
}

// runSearch runs the queries through the site's own search.js (the
// minified file the build wrote) in node, on the index the build wrote.
func runSearch(t *testing.T, out string, qs []searchQuery) (rs []searchResult, script string) {
	return runSearchIn(t, out, filepath.Join(out, "sok", "index"), qs)
}

// runSearchIn is runSearch on the index in dir.
func runSearchIn(t *testing.T, out, dir string, qs []searchQuery) (rs []searchResult, script string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		msg := "the search tests run the site's search script in Node.js, which is missing: install it (Debian: apt-get install nodejs)"
		if browsertest.Required() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	scripts, _ := filepath.Glob(filepath.Join(out, "assets", "search.*.js"))
	if len(scripts) != 1 {
		t.Fatalf("want one assets/search.*.js in the output, found %v", scripts)
	}
	type q struct {
		Q            string `json:"q"`
		Municipality string `json:"municipality"`
	}
	in := struct {
		Script  string `json:"script"`
		Dir     string `json:"dir"`
		Queries []q    `json:"queries"`
	}{Script: scripts[0], Dir: dir}
	for _, x := range qs {
		in.Queries = append(in.Queries, q{x.q, x.municipality})
	}
	data, _ := json.Marshal(in)
	cmd := exec.Command(node, filepath.Join("testdata", "search", "run.js"))
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	res, err := cmd.Output()
	if err != nil {
		t.Fatalf("node run.js: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(res, &rs); err != nil {
		t.Fatalf("run.js output: %v", err)
	}
	return rs, scripts[0]
}

// TestSearchFindsWhatCitizensType runs realistic Swedish queries through
// the search the site ships and measures recall@3 and the mean reciprocal
// rank of the first right answer; the queries that nothing answers must
// give no result at all.
func TestSearchFindsWhatCitizensType(t *testing.T) {
	out, _ := buildExample(t, "")
	rs, _ := runSearch(t, out, searchQueries)
	var found, answerable int
	var rr float64
	byKind := map[string][2]int{}
	for i, x := range searchQueries {
		r := rs[i]
		var got []string
		for _, res := range r.Results {
			got = append(got, strings.SplitN(res.URL, "#", 2)[0])
		}
		if x.want == nil {
			if r.Total != 0 {
				t.Errorf("%s %q: want no result, got %d: %v", x.kind, x.q, r.Total, got)
			}
			continue
		}
		answerable++
		rank := 0
		for k, u := range got {
			for _, w := range x.want {
				if u == w && rank == 0 {
					rank = k + 1
				}
			}
		}
		k := byKind[x.kind]
		k[1]++
		if rank > 0 && rank <= 3 {
			found++
			k[0]++
		} else {
			t.Logf("%s %q (municipality %q): want one of %v in the first three, got %v", x.kind, x.q, x.municipality, x.want, got)
		}
		byKind[x.kind] = k
		if rank > 0 {
			rr += 1 / float64(rank)
		}
	}
	recall := float64(found) / float64(answerable)
	mrr := rr / float64(answerable)
	var kinds []string
	for k, v := range byKind {
		kinds = append(kinds, fmt.Sprintf("%s %d/%d", k, v[0], v[1]))
	}
	slices.Sort(kinds)
	t.Logf("%d queries (%d answerable): recall@3 %.3f, MRR %.3f; by kind: %s", len(searchQueries), answerable, recall, mrr, strings.Join(kinds, ", "))
	if len(searchQueries) < 40 {
		t.Errorf("want at least 40 queries, have %d", len(searchQueries))
	}
	if recall < 0.95 {
		t.Errorf("recall@3 %.3f, want ≥ 0.95", recall)
	}
	if mrr < 0.9 {
		t.Errorf("MRR %.3f, want ≥ 0.9", mrr)
	}
}

// TestSearchDownloadsLittle measures what a reader's browser downloads
// for the first query on the example site (the script, the index's meta
// file, the shards and the results' documents, gzip-compressed as a
// static host serves them): at most 100 KB. Later queries load only the
// files they need that earlier ones did not.
func TestSearchDownloadsLittle(t *testing.T) {
	out, _ := buildExample(t, "")
	qs := []searchQuery{{q: "bygglov"}, {q: "förskoleplatsen"}, {q: "hemtjanst sundsvall"}, {q: "bygglovet"}}
	rs, script := runSearch(t, out, qs)
	data, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(data)
	w.Close()
	first := gz.Len()
	var names []string
	for _, f := range rs[0].Loaded {
		first += f.GZ
		names = append(names, f.Name)
	}
	t.Logf("first query %q: %.1f KB compressed (the script %.1f KB and %v)", qs[0].q, float64(first)/1000, float64(gz.Len())/1000, names)
	if first > 100_000 {
		t.Errorf("the first query downloads %d bytes compressed, want at most 100 KB", first)
	}
	for i, r := range rs[1:] {
		n := 0
		for _, f := range r.Loaded {
			n += f.GZ
		}
		t.Logf("then %q: %.1f KB more in %d files", qs[i+1].q, float64(n)/1000, len(r.Loaded))
	}
	if len(rs[3].Loaded) != 0 {
		t.Errorf("%q after %q loaded %d files again, want none (the same shard and documents)", qs[3].q, qs[0].q, len(rs[3].Loaded))
	}
}

// TestSearchInEnglish: /en/sok/ searches the English pages with English
// stemming ("permits" finds "permit"), not the Swedish ones.
func TestSearchInEnglish(t *testing.T) {
	out, _ := buildExample(t, "")
	qs := []searchQuery{
		{"english", "building permits", "", []string{"/en/guider/bygglov/"}},
		{"english", "home help", "", []string{"/en/guider/hemtjanst/"}},
		{"english", "recycling", "", []string{"/en/guider/sophamtning-och-atervinning/"}},
		{"english", "chimney sweeping", "", []string{"/en/guider/eldstad-och-sotning/"}},
		{"english", "preschool fees", "", []string{"/en/guider/forskoleplats/"}},
		{"english", "choosing a school", "", []string{"/en/guider/grundskola-och-skolval/"}},
		{"english", "building permit sundsvall", "", []string{"/en/sundsvall/guider/bygglov/"}},
		{"english", "debt advice", "solleftea", []string{"/en/solleftea/guider/ekonomiskt-bistand/"}},
		{"english", "how do I apply for mobility service", "", []string{"/en/guider/fardtjanst/"}},
		{"english", "rivningslov", "", nil},
		// Places by their kind in English, and municipality pages.
		{"english", "library indal", "", []string{"/en/sundsvall/platser/indals-bibliotek/"}},
		{"english", "recycling centre blåsted", "", []string{"/en/sundsvall/platser/blasteds-atervinningscentral/"}},
		{"english", "kramfors", "", []string{"/en/kramfors/"}},
		{"english", "accessibility statement", "", []string{"/en/accessibility/"}},
	}
	rs, _ := runSearchIn(t, out, filepath.Join(out, "sok", "index", "en"), qs)
	for i, q := range qs {
		var got []string
		for _, r := range rs[i].Results {
			got = append(got, strings.SplitN(r.URL, "#", 2)[0])
		}
		if q.want == nil {
			if rs[i].Total != 0 {
				t.Errorf("%q: want no result, got %v", q.q, got)
			}
			continue
		}
		if len(got) == 0 || got[0] != q.want[0] {
			t.Errorf("%q (municipality %q): first result %v, want %s", q.q, q.municipality, got, q.want[0])
		}
	}
}
