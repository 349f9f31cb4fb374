package directory

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/model"
)

// testSite is a small site made by hand: two municipalities, listed in the
// site's order (Sundsvall before Ånge), and three e-services — one of
// Sundsvall that Ånge adapts, one common, and one planned one of Ånge that
// no one else offers.
func testSite() *model.Site {
	sundsvall := &model.Municipality{Slug: "sundsvall", Name: "Sundsvall", Code: "2281"}
	ange := &model.Municipality{Slug: "ange", Name: "Ånge", Code: "2260"}
	bygglov := &model.EService{Slug: "bygglov", Title: "Ansök om bygglov", Owner: "sundsvall", URL: "https://e.sundsvall.se/bygglov",
		Category: "bygga", Audience: []string{"citizen", "business"}, Login: []string{"bankid"}, Status: "live"}
	felanmalan := &model.EService{Slug: "felanmalan", Title: "Felanmälan", Owner: model.Common, URL: "https://e.example.se/fel",
		Audience: []string{"citizen"}, Login: []string{"none"}, Status: "live"}
	arende := &model.EService{Slug: "arende", Title: "Ärende om skolskjuts", Owner: "ange", Category: "skola", Status: "planned"}
	return &model.Site{
		Config: model.Config{
			BaseURL:    "https://example.se/",
			Categories: []model.Category{{Slug: "bygga", SV: "Bygga och bo"}, {Slug: "skola", SV: "Skola"}, {Slug: "trafik", SV: "Trafik"}},
		},
		Municipalities: []*model.Municipality{sundsvall, ange},
		EServices:      []*model.EService{arende, bygglov, felanmalan}, // by slug, as assembled
		Offers: []*model.Offer{
			{EService: arende, Municipality: ange, Kind: model.Owns, Title: arende.Title, Status: "planned"},
			{EService: bygglov, Municipality: sundsvall, Kind: model.Owns, Title: bygglov.Title, URL: bygglov.URL,
				Login: bygglov.Login, Status: "live"},
			{EService: bygglov, Municipality: ange, Kind: model.Adapts, Title: "Bygglov i Ånge", Summary: "=Ånges regler",
				URL: "https://e.ange.se/bygglov", Login: []string{"bankid", "freja"}, Fee: "1 000 kr", Status: "beta"},
			// Listed after Ånge's offer: the values follow the site's order.
			{EService: felanmalan, Municipality: ange, Kind: model.CommonService, Title: felanmalan.Title, URL: felanmalan.URL, Status: "live"},
			{EService: felanmalan, Municipality: sundsvall, Kind: model.CommonService, Title: felanmalan.Title, URL: felanmalan.URL, Status: "live"},
		},
	}
}

// TestFilterValues pins which values each e-service has in each facet.
func TestFilterValues(t *testing.T) {
	f := NewFilters(testSite())
	var order []string
	for _, e := range f.EServices {
		order = append(order, e.Slug)
	}
	if want := []string{"bygglov", "felanmalan", "arende"}; !reflect.DeepEqual(order, want) { // Ä after z
		t.Errorf("the directory's order is %v, want %v", order, want)
	}
	bySlug := map[string]*model.EService{}
	for _, e := range f.EServices {
		bySlug[e.Slug] = e
	}
	for _, tc := range []struct {
		eservice string
		facet    int
		want     []string
	}{
		{"bygglov", FacetMunicipality, []string{"sundsvall", "ange"}},
		{"bygglov", FacetCategory, []string{"bygga"}},
		{"bygglov", FacetAudience, []string{"citizen", "business"}},
		{"bygglov", FacetLogin, []string{"bankid"}}, // the library's, not the adaptation's
		{"felanmalan", FacetMunicipality, []string{"sundsvall", "ange"}},
		{"felanmalan", FacetCategory, nil},
		{"felanmalan", FacetAudience, []string{"citizen"}},
		{"felanmalan", FacetLogin, []string{"none"}},
		{"arende", FacetMunicipality, []string{"ange"}},
		{"arende", FacetCategory, []string{"skola"}},
		{"arende", FacetAudience, nil},
		{"arende", FacetLogin, nil},
	} {
		t.Run(tc.eservice+"/"+f.Facets[tc.facet].Key, func(t *testing.T) {
			if got := f.Values(bySlug[tc.eservice], tc.facet); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFacetOptions pins each facet's options: only values some e-service
// has, in the site's order, with their filter page and e-services.
func TestFacetOptions(t *testing.T) {
	f := NewFilters(testSite())
	for _, tc := range []struct {
		facet                  int
		key, attr, label, want string // want: value=name|page|e-services, one option a line
	}{
		{FacetMunicipality, "kommun", "municipalities", "directory.municipality", `
sundsvall=Sundsvall|/e-tjanster/kommun/sundsvall/|bygglov felanmalan
ange=Ånge|/e-tjanster/kommun/ange/|bygglov felanmalan arende`},
		{FacetCategory, "kategori", "category", "directory.category", `
bygga=Bygga och bo|/e-tjanster/kategori/bygga/|bygglov
skola=Skola|/e-tjanster/kategori/skola/|arende`}, // no trafik: no e-service has it
		{FacetAudience, "malgrupp", "audience", "directory.audience", `
citizen=audience.citizen|/e-tjanster/malgrupp/citizen/|bygglov felanmalan
business=audience.business|/e-tjanster/malgrupp/business/|bygglov`},
		{FacetLogin, "inloggning", "login", "directory.login", `
none=login.none|/e-tjanster/inloggning/none/|felanmalan
bankid=login.bankid|/e-tjanster/inloggning/bankid/|bygglov`},
	} {
		fc := f.Facets[tc.facet]
		t.Run(tc.key, func(t *testing.T) {
			if fc.Key != tc.key || fc.Attr != tc.attr || fc.Label != tc.label {
				t.Errorf("facet is %q %q %q, want %q %q %q", fc.Key, fc.Attr, fc.Label, tc.key, tc.attr, tc.label)
			}
			var b strings.Builder
			for _, o := range fc.Options {
				var es []string
				for _, e := range o.EServices {
					es = append(es, e.Slug)
				}
				b.WriteString("\n" + o.Value + "=" + o.Name + o.NameKey + "|" + o.URL + "|" + strings.Join(es, " "))
			}
			if got := b.String(); got != tc.want {
				t.Errorf("options:%s\nwant:%s", got, tc.want)
			}
		})
	}
}

// TestExportRows pins the row of each kind of offer: the offer's own
// title, URL, login, fee and status, the library's owner, category and
// audience, never null lists.
func TestExportRows(t *testing.T) {
	abs := func(p string) string { return "https://example.se" + p }
	rows := ExportRows(testSite(), abs)
	want := []ExportRow{
		{"2260", "ange", "Ånge", "arende", "Ärende om skolskjuts", "", "ange", "owns", "", "skola",
			[]string{}, []string{}, "", "planned", "https://example.se/ange/e-tjanster/arende/"},
		{"2281", "sundsvall", "Sundsvall", "bygglov", "Ansök om bygglov", "", "sundsvall", "owns", "https://e.sundsvall.se/bygglov", "bygga",
			[]string{"citizen", "business"}, []string{"bankid"}, "", "live", "https://example.se/sundsvall/e-tjanster/bygglov/"},
		{"2260", "ange", "Ånge", "bygglov", "Bygglov i Ånge", "=Ånges regler", "sundsvall", "adapts", "https://e.ange.se/bygglov", "bygga",
			[]string{"citizen", "business"}, []string{"bankid", "freja"}, "1 000 kr", "beta", "https://example.se/ange/e-tjanster/bygglov/"},
		{"2260", "ange", "Ånge", "felanmalan", "Felanmälan", "", "common", "common", "https://e.example.se/fel", "",
			[]string{"citizen"}, []string{}, "", "live", "https://example.se/ange/e-tjanster/felanmalan/"},
		{"2281", "sundsvall", "Sundsvall", "felanmalan", "Felanmälan", "", "common", "common", "https://e.example.se/fel", "",
			[]string{"citizen"}, []string{}, "", "live", "https://example.se/sundsvall/e-tjanster/felanmalan/"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i := range want {
		t.Run(strconv.Itoa(i)+"/"+want[i].ID+"/"+want[i].Municipality, func(t *testing.T) {
			if !reflect.DeepEqual(rows[i], want[i]) {
				t.Errorf("got  %#v\nwant %#v", rows[i], want[i])
			}
		})
	}
}

// TestExport checks the files' framing: the CSV's header and CRLF lines
// with a formula neutralised, JSON lists never null, and no files for a
// site without e-services.
func TestExport(t *testing.T) {
	abs := func(p string) string { return "https://example.se" + p }
	js, csv := Export(testSite(), abs)
	lines := strings.Split(string(csv), "\r\n")
	if want := strings.Join(csvHeader, ","); lines[0] != want {
		t.Errorf("header %q, want %q", lines[0], want)
	}
	if len(lines) != 7 || lines[6] != "" { // header, five offers, the end of the last line
		t.Errorf("%d CRLF-separated parts, want 7: %q", len(lines), csv)
	}
	if want := `2260,ange,Ånge,bygglov,Bygglov i Ånge,'=Ånges regler,sundsvall,adapts,`; !strings.HasPrefix(lines[3], want) {
		t.Errorf("adapted offer's line %q, want it to start %q", lines[3], want)
	}
	if !strings.Contains(string(js), `"login": []`) || strings.Contains(string(js), "null") || !strings.HasSuffix(string(js), "}\n]\n") {
		t.Errorf("JSON:\n%s", js)
	}
	if js, csv := Export(&model.Site{}, abs); js != nil || csv != nil {
		t.Errorf("a site without e-services exports %q and %q", js, csv)
	}
}

// TestCombinations pins every selection of the test site that some
// e-service matches, its page and its e-services: the directory first,
// then by URL; none that no e-service matches (no trafik, no Sundsvall
// with skola, no business with felanmalan).
func TestCombinations(t *testing.T) {
	f := NewFilters(testSite())
	var b strings.Builder
	for _, c := range f.Combinations() {
		var es []string
		for _, e := range c.EServices {
			es = append(es, e.Slug)
		}
		b.WriteString("\n" + c.URL + " " + strings.Join(es, " "))
		if got := f.SelectionURL(c.Selection); got != c.URL {
			t.Errorf("%q: SelectionURL is %s, the combination's %s", c.Selection, got, c.URL)
		}
		if m, ok := f.Match(c.Selection); !ok || m.URL != c.URL {
			t.Errorf("%q: Match gives %s, %v", c.Selection, m.URL, ok)
		}
	}
	want := `
/e-tjanster/ bygglov felanmalan arende
/e-tjanster/kategori/bygga/ bygglov
/e-tjanster/kategori/bygga/malgrupp/business/ bygglov
/e-tjanster/kategori/bygga/malgrupp/citizen/ bygglov
/e-tjanster/kategori/skola/ arende
/e-tjanster/kommun/ange/ bygglov felanmalan arende
/e-tjanster/kommun/ange/kategori/bygga/ bygglov
/e-tjanster/kommun/ange/kategori/bygga/malgrupp/business/ bygglov
/e-tjanster/kommun/ange/kategori/bygga/malgrupp/citizen/ bygglov
/e-tjanster/kommun/ange/kategori/skola/ arende
/e-tjanster/kommun/ange/malgrupp/business/ bygglov
/e-tjanster/kommun/ange/malgrupp/citizen/ bygglov felanmalan
/e-tjanster/kommun/sundsvall/ bygglov felanmalan
/e-tjanster/kommun/sundsvall/kategori/bygga/ bygglov
/e-tjanster/kommun/sundsvall/kategori/bygga/malgrupp/business/ bygglov
/e-tjanster/kommun/sundsvall/kategori/bygga/malgrupp/citizen/ bygglov
/e-tjanster/kommun/sundsvall/malgrupp/business/ bygglov
/e-tjanster/kommun/sundsvall/malgrupp/citizen/ bygglov felanmalan
/e-tjanster/malgrupp/business/ bygglov
/e-tjanster/malgrupp/citizen/ bygglov felanmalan`
	if got := b.String(); got != want {
		t.Errorf("combinations:%s\nwant:%s", got, want)
	}
	if _, ok := f.Match(Selection{"sundsvall", "skola", ""}); ok {
		t.Error("Sundsvall with skola matches, yet only Ånge offers arende")
	}
	// A single value's page is the facet option's filter page.
	for i := range Combined {
		for _, o := range f.Facets[i].Options {
			if got := f.SelectionURL(Selection{}.With(i, o.Value)); got != o.URL {
				t.Errorf("%s=%s: SelectionURL %s, option's page %s", f.Facets[i].Key, o.Value, got, o.URL)
			}
		}
	}
}

// TestChoices pins what a selection's page offers in each facet: all
// first, then the values that give a non-empty list given the other
// choices, with counts; the current value marked.
func TestChoices(t *testing.T) {
	f := NewFilters(testSite())
	for _, tc := range []struct {
		sel      Selection
		facet    int
		want     string // value=count>URL, * when current
		collapse int
	}{
		{Selection{}, FacetMunicipality, "*=3>/e-tjanster/ sundsvall=2>/e-tjanster/kommun/sundsvall/ ange=3>/e-tjanster/kommun/ange/", 0},
		{Selection{"", "skola", ""}, FacetMunicipality, "*=1>/e-tjanster/kategori/skola/ ange=1>/e-tjanster/kommun/ange/kategori/skola/", 0},
		{Selection{"sundsvall", "", ""}, FacetCategory, "*=2>/e-tjanster/kommun/sundsvall/ bygga=1>/e-tjanster/kommun/sundsvall/kategori/bygga/", 0},
		{Selection{"sundsvall", "", "business"}, FacetAudience,
			"=2>/e-tjanster/kommun/sundsvall/ citizen=2>/e-tjanster/kommun/sundsvall/malgrupp/citizen/ business*=1>/e-tjanster/kommun/sundsvall/malgrupp/business/", 0},
		// A facet of more options than Collapse, once chosen, offers only
		// all and the chosen value; unchosen, all of them.
		{Selection{"sundsvall", "", ""}, FacetMunicipality, "=3>/e-tjanster/ sundsvall*=2>/e-tjanster/kommun/sundsvall/", 1},
		{Selection{"", "", "citizen"}, FacetMunicipality,
			"*=2>/e-tjanster/malgrupp/citizen/ sundsvall=2>/e-tjanster/kommun/sundsvall/malgrupp/citizen/ ange=2>/e-tjanster/kommun/ange/malgrupp/citizen/", 1},
		{Selection{"sundsvall", "", ""}, FacetMunicipality, "=3>/e-tjanster/ sundsvall*=2>/e-tjanster/kommun/sundsvall/ ange=3>/e-tjanster/kommun/ange/", 2},
	} {
		f.Collapse = tc.collapse
		choices, collapsed := f.Choices(tc.sel, tc.facet)
		if want := tc.collapse > 0 && tc.collapse < len(f.Facets[tc.facet].Options) && tc.sel[tc.facet] != ""; collapsed != want {
			t.Errorf("%q in %s: collapsed %v, want %v", tc.sel, f.Facets[tc.facet].Key, collapsed, want)
		}
		var parts []string
		for _, c := range choices {
			cur := ""
			if c.Current {
				cur = "*"
			}
			parts = append(parts, c.Value+cur+"="+strconv.Itoa(c.Count)+">"+c.URL)
		}
		if got := strings.Join(parts, " "); got != tc.want {
			t.Errorf("%q in %s:\n got %s\nwant %s", tc.sel, f.Facets[tc.facet].Key, got, tc.want)
		}
	}
}
