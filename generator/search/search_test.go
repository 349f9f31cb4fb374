package search

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Hemtjänst", "hemtjanst"},
		{"FÖRSKOLA", "forskola"},
		{"Åre", "are"},
		{"café", "cafe"},
		{"Müller", "muller"},
		{"Søren", "soren"},
		{"bygglov", "bygglov"},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWords(t *testing.T) {
	var got []string
	Words("Plan- och bygglagen (PBL), 2026: Så ansöker du!", func(w string) { got = append(got, w) })
	want := []string{"plan", "och", "bygglagen", "pbl", "2026", "så", "ansöker", "du"}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

// analysed builds an index of docs and returns its forms → keys.
func keysOf(t *testing.T, docs ...Doc) map[string]string {
	t.Helper()
	ix := New("sv")
	for _, d := range docs {
		ix.Add(d)
	}
	perm := make([]int32, len(docs))
	for i := range perm {
		perm[i] = int32(i)
	}
	return ix.analyse(perm).forms
}

func TestInflectionsShareAKey(t *testing.T) {
	forms := keysOf(t,
		Doc{Kind: Guide, Title: "Bygglov", Sections: []Section{{Text: "Bygglovet gäller i fem år. Ansök om förskoleplats, förskoleplatser och förskoleplatsen."}}},
		Doc{Kind: Guide, Title: "Förskola", Sections: []Section{{Text: "Förskolan och förskolor. Hemtjänst och hemtjänsten."}}},
	)
	for _, tc := range [][2]string{
		{"bygglovet", "bygglov"},
		{"forskoleplatser", "forskoleplats"},
		{"forskoleplatsen", "forskoleplats"},
		{"forskolan", "forskola"},
		{"forskolor", "forskola"},
		{"hemtjansten", "hemtjanst"},
	} {
		if got := forms[tc[0]]; got != tc[1] {
			t.Errorf("key of %q = %q, want %q", tc[0], got, tc[1])
		}
	}
	if _, ok := forms["och"]; ok {
		t.Error("the stop word och is in the index")
	}
}

func TestCompoundParts(t *testing.T) {
	ix := New("sv")
	for _, w := range []string{"avfall", "hushållsavfall", "plats", "förskola", "förskoleplats", "bostadsanpassning", "bostadsanpassningsbidrag", "bidrag", "kommunen"} {
		ix.Add(Doc{Kind: Page, Title: w})
	}
	for _, tc := range []struct {
		word string
		want []string
	}{
		{"hushållsavfall", []string{"avfall"}},
		{"förskoleplats", []string{"plats", "förskola"}},
		{"bostadsanpassningsbidrag", []string{"bidrag", "bostadsanpassning"}},
		{"kommunen", nil}, // no part of it is a word of the site
		{"avfall", nil},   // too short to be a compound
	} {
		if got := ix.parts(tc.word); !slices.Equal(got, tc.want) {
			t.Errorf("parts(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestSections(t *testing.T) {
	html := `<p>Inledning med <a href="/x/">länk</a> &amp; mer.</p><h2 id="avgifter">Avgifter</h2><p>Det kostar.</p><ul><li>Ett</li><li>Två</li></ul><h3 id="rabatt">Rabatt <em>nu</em></h3><p>Mindre.</p>`
	got := Sections(html)
	want := []Section{
		{Text: "Inledning med länk & mer."},
		{Anchor: "avgifter", Heading: "Avgifter", Text: "Det kostar. Ett Två"},
		{Anchor: "rabatt", Heading: "Rabatt nu", Text: "Mindre."},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Sections =\n%q\nwant\n%q", got, want)
	}
}

func TestFilesSplitBigShardsAndOrderDocuments(t *testing.T) {
	ix := New("sv")
	ix.Add(Doc{Kind: Place, Title: "Stöde bibliotek", Municipality: "sundsvall", URL: "/sundsvall/platser/stode-bibliotek/"})
	for i := range 300 {
		ix.Add(Doc{Kind: Guide, Title: "Bygglov " + strings.Repeat("x", i%7), URL: "/guider/g/", Sections: []Section{{Anchor: "a", Heading: "Avgifter", Text: "bygglov bibliotek badplats bastu"}}})
	}
	ix.Add(Doc{Kind: EService, Title: "Ansökan om bygglov", URL: "/e-tjanster/bygglov/"})
	meta, files := ix.Files(Options{Dir: "sok/index/", ShardBytes: 2000, ChunkDocs: 100,
		Municipalities: []Municipality{{"sundsvall", "Sundsvalls kommun"}}, Synonyms: map[string][]string{"Sopor": {"avfall", "sophämtning"}}})
	if meta != "sok/index/index.json" {
		t.Fatalf("meta = %q", meta)
	}
	var m struct {
		N      int                   `json:"n"`
		Shards [][2]string           `json:"shards"`
		Runs   [][]any               `json:"runs"`
		Munis  [][]string            `json:"munis"`
		Syn    map[string][][]string `json:"syn"`
	}
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	if err := json.Unmarshal(byPath[meta], &m); err != nil {
		t.Fatal(err)
	}
	if m.N != 302 {
		t.Errorf("n = %d, want 302", m.N)
	}
	var prefixes []string
	for _, s := range m.Shards {
		prefixes = append(prefixes, s[0])
		if _, ok := byPath["sok/index/"+s[1]]; !ok {
			t.Errorf("shard %s names a file that is not made", s[1])
		}
	}
	if !slices.Contains(prefixes, "b") && !slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(p, "b") && len(p) > 1 }) {
		t.Errorf("no shard for b: %q", prefixes)
	}
	if !slices.ContainsFunc(prefixes, func(p string) bool { return len(p) >= 2 }) {
		t.Errorf("a shard over 2,000 bytes was not split: %q", prefixes)
	}
	// Guides first, then e-services, then places (by municipality).
	want := [][]any{{0.0, 0.0, ""}, {300.0, 1.0, ""}, {301.0, 3.0, "sundsvall"}}
	if len(m.Runs) != len(want) {
		t.Fatalf("runs = %v, want %v", m.Runs, want)
	}
	for i := range want {
		if !slices.Equal(m.Runs[i], want[i]) {
			t.Errorf("run %d = %v, want %v", i, m.Runs[i], want[i])
		}
	}
	if !slices.Equal(m.Munis[0], []string{"sundsvall", "Sundsvalls kommun", "sundsvall", "sundsvalls"}) {
		t.Errorf("munis = %q", m.Munis)
	}
	if got := m.Syn["sopor"]; len(got) != 2 || got[1][0] != "sophamtning" {
		t.Errorf("syn = %q", m.Syn)
	}
}

// FuzzIndex feeds the index any text: it never panics and always writes
// JSON that parses.
func FuzzIndex(f *testing.F) {
	f.Add("Bygglov", "<h2 id=\"a\">Avgifter</h2><p>Det kostar 1 000 kr för förskoleplatsen.</p>")
	f.Add("", "<h3 id=x><p>&amp;&#xfffd;\x00</h3>")
	f.Add("ääää ÅÅ öö", "<script>alert(1)</script><h2 id=\"\">")
	f.Fuzz(func(t *testing.T, title, body string) {
		ix := New("sv")
		ix.Add(Doc{Kind: Guide, Title: title, URL: "/guider/x/", Sections: Sections(body)})
		ix.Add(Doc{Kind: Page, Title: body, Summary: title})
		_, files := ix.Files(Options{Dir: "i/", ShardBytes: 200, Synonyms: map[string][]string{title: {body}}})
		for _, fl := range files {
			if !json.Valid(fl.Data) {
				t.Fatalf("%s is not JSON: %s", fl.Path, fl.Data)
			}
		}
	})
}
