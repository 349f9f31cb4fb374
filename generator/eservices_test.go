package generator

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/assemble"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/scaffold"
	"golang.org/x/net/html"
)

// The e-service fixture: two municipalities and three e-services — one
// common, two of Sundsvall (Ånge adapts one: url, fee, login and a
// section; the other it has not yet), one planned e-service of Ånge without url that Sundsvall
// adopts as it is.
const esFixture = "testdata/eservices"

// assembleFixture loads and assembles a site folder without rendering it.
func assembleFixture(t *testing.T, dir string) (*model.Site, *diag.List) {
	site, _, l := assembleContent(t, dir)
	return site, l
}

// assembleContent is assembleFixture that also returns the content files.
func assembleContent(t *testing.T, dir string) (*model.Site, *load.Content, *diag.List) {
	t.Helper()
	l := &diag.List{}
	in := load.Site(context.Background(), os.DirFS(dir), "", 1, nil, l)
	for _, p := range in.Content.Paths {
		for _, d := range in.Content.ByPath[p].Diags {
			l.Add(d)
		}
	}
	in.Boundaries, in.Points, in.Base = nil, nil, nil // codes are not checked, points not placed
	return assemble.Site(in, l), in.Content, l
}

// TestEServiceOffers pins adoption and adaptation: every offer with its
// kind, its effective fields and the sections of its body with the file
// each comes from.
func TestEServiceOffers(t *testing.T) {
	site, content, l := assembleContent(t, esFixture)
	if l.HasErrors() {
		t.Fatalf("fixture has errors:\n%v", l.Items())
	}
	kinds := []string{"owns", "common", "adopts", "adapts"}
	var b strings.Builder
	for _, o := range site.Offers {
		fmt.Fprintf(&b, "== %s / %s: %s\n", o.EService.Slug, o.Municipality.Slug, kinds[o.Kind])
		if o.AdaptFile != "" {
			fmt.Fprintf(&b, "adaptation: %s\n", o.AdaptFile)
		}
		fmt.Fprintf(&b, "title: %s\nsummary: %s\nurl: %s\nfee: %s\nlogin: %v\nstatus: %s\nneeds: %v\nduration: %s\ncontact: %+v\npersonal_data: %s\n",
			o.Title, o.Summary, o.URL, o.Fee, o.Login, o.Status, o.Needs, o.Duration, o.Contact, o.PersonalData)
		for _, s := range content.Sections(o.Body.Sources) {
			fmt.Fprintf(&b, "section %q from %s:%d: %s\n", s.Heading, s.File, s.Line, strings.Join(strings.Fields(string(s.Source)), " "))
		}
	}
	golden.Compare(t, "testdata/eservices-offers.golden", []byte(b.String()))
}

// checkFixture renders the fixture in memory.
func checkFixture(t *testing.T) map[string][]byte {
	t.Helper()
	res, err := Collect(context.Background(), Config{Src: esFixture})
	if err != nil {
		for _, d := range res.Diags.Items() {
			t.Log(d)
		}
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range res.Output {
		files[f.Path] = f.Data
	}
	return files
}

// TestEServiceExports pins /data/e-tjanster.csv and .json of the fixture:
// one row per offer, with the SCB code, and formula cells neutralised.
func TestEServiceExports(t *testing.T) {
	files := checkFixture(t)
	for _, p := range []string{"data/e-tjanster.csv", "data/e-tjanster.json"} {
		data, ok := files[p]
		if !ok {
			t.Fatalf("no %s", p)
		}
		golden.Compare(t, "testdata/eservices-export."+strings.TrimPrefix(p, "data/e-tjanster."), data)
	}
	var rows []map[string]any
	if err := json.Unmarshal(files["data/e-tjanster.json"], &rows); err != nil {
		t.Fatalf("e-tjanster.json: %v", err)
	}
	if len(rows) != 7 {
		t.Errorf("e-tjanster.json has %d rows, want 7 offers", len(rows))
	}
}

// TestEServiceDiagnostics checks every e-service diagnostic of
// testdata/eservices-broken with its exact text and position.
func TestEServiceDiagnostics(t *testing.T) {
	res, err := Collect(context.Background(), Config{Src: "testdata/eservices-broken"})
	if !errors.Is(err, ErrInput) {
		t.Fatalf("Check: err = %v, want ErrInput", err)
	}
	var b strings.Builder
	for _, d := range res.Diags.Items() {
		b.WriteString(d.String() + "\n")
		if d.Pos.Line < 1 || d.Pos.Col < 1 {
			t.Errorf("diagnostic without line and column: %s", d)
		}
	}
	golden.Compare(t, "testdata/eservices.golden", []byte(b.String()))
	for _, f := range res.Output {
		if strings.Contains(string(f.Data), "javascript:") {
			t.Errorf("%s contains a javascript: URL", f.Path)
		}
	}
}

// TestLibraryMatrix pins the library table of the fixture (every
// e-service × every municipality, with the counts) as text, and the
// candidates and the page for a new member.
func TestLibraryMatrix(t *testing.T) {
	files := checkFixture(t)
	var b strings.Builder
	for _, p := range []string{"e-tjanster/bibliotek/index.html", "e-tjanster/ny-i-samverkan/index.html"} {
		doc, err := html.Parse(bytes.NewReader(files[p]))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "== %s\n", p)
		main := find(doc, func(n *html.Node) bool { return n.Data == "main" })
		for n := range main.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			switch n.Data {
			case "caption", "h2", "h3", "li":
				fmt.Fprintf(&b, "%s: %s\n", n.Data, folded(n))
			case "tr":
				var cells []string
				for c := range n.ChildNodes() {
					if c.Type == html.ElementNode {
						cell := folded(c)
						if c.Data == "th" {
							cell = "[" + attr(c, "scope") + "] " + cell
						}
						cells = append(cells, cell)
					}
				}
				fmt.Fprintf(&b, "tr: %s\n", strings.Join(cells, " | "))
			}
		}
	}
	golden.Compare(t, "testdata/eservices-library.golden", []byte(b.String()))
}

func find(n *html.Node, f func(*html.Node) bool) *html.Node {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && f(d) {
			return d
		}
	}
	return nil
}

// TestAdopterWithoutURL: Sundsvall adopts Ånge's planned e-service, which
// has no url: its page says how to reach Sundsvall instead of linking
// nowhere, and the start page has no start link for it.
func TestAdopterWithoutURL(t *testing.T) {
	files := checkFixture(t)
	page := string(files["sundsvall/e-tjanster/hemkompost/index.html"])
	for _, want := range []string{"går inte att starta på webben ännu. Kontakta Sundsvalls kommun.", "tel:+4660191000", "https://sundsvall.example/"} {
		if !strings.Contains(page, want) {
			t.Errorf("sundsvall/e-tjanster/hemkompost/ lacks %q", want)
		}
	}
	start := string(files["e-tjanster/hemkompost/index.html"])
	if strings.Contains(start, "Starta i") || !strings.Contains(start, "Kan inte startas på webben ännu") {
		t.Errorf("e-tjanster/hemkompost/ offers a start link for an e-service without url")
	}
	adapted := string(files["e-tjanster/bygglov/index.html"])
	for _, want := range []string{`href="https://e.ange.example/bygglov"`, "Avgift: 1 000 kronor", `href="https://e.sundsvall.example/bygglov"`} {
		if !strings.Contains(adapted, want) {
			t.Errorf("e-tjanster/bygglov/ lacks %q", want)
		}
	}
}

// TestEServiceJSONLD checks that the GovernmentService of every e-service
// page, the library's and each municipality's, parses as JSON and has a
// provider, a serviceOperator, areaServed with the municipality code and
// availableChannel with a serviceUrl.
func TestEServiceJSONLD(t *testing.T) {
	files := checkFixture(t)
	site, _ := assembleFixture(t, esFixture)
	code := map[string]string{}
	for _, m := range site.Municipalities {
		code[m.Name] = m.Code
	}
	var pages []string
	for _, e := range site.EServices {
		pages = append(pages, strings.TrimPrefix(model.EServiceURL(e.Slug), "/")+"index.html")
	}
	for _, o := range site.Offers {
		pages = append(pages, strings.TrimPrefix(model.OfferURL(o.Municipality.Slug, o.EService.Slug), "/")+"index.html")
	}
	for _, p := range pages {
		ld := governmentService(t, p, files[p])
		if ld == nil {
			continue
		}
		if prov, _ := ld["provider"].(map[string]any); prov == nil || prov["name"] == "" {
			t.Errorf("%s: no provider: %v", p, ld["provider"])
		}
		if ld["serviceOperator"] == nil {
			t.Errorf("%s: no serviceOperator", p)
		}
		areas, _ := ld["areaServed"].([]any)
		chans, _ := ld["availableChannel"].([]any)
		if len(areas) == 0 || len(chans) != len(areas) {
			t.Errorf("%s: %d areas, %d channels", p, len(areas), len(chans))
		}
		for _, a := range areas {
			a, _ := a.(map[string]any)
			if a["@type"] != "AdministrativeArea" || a["identifier"] != code[fmt.Sprint(a["name"])] || a["identifier"] == "" {
				t.Errorf("%s: areaServed %v lacks its municipality code", p, a)
			}
		}
		for _, c := range chans {
			c, _ := c.(map[string]any)
			if u, _ := c["serviceUrl"].(string); c["@type"] != "ServiceChannel" || !strings.HasPrefix(u, "https://") {
				t.Errorf("%s: availableChannel %v has no serviceUrl", p, c)
			}
		}
	}
}

// governmentService is the GovernmentService JSON-LD of a page.
func governmentService(t *testing.T, p string, data []byte) map[string]any {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil || len(data) == 0 {
		t.Errorf("%s: no page (%v)", p, err)
		return nil
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "script" || attr(n, "type") != "application/ld+json" {
			continue
		}
		var ld map[string]any
		if err := json.Unmarshal([]byte(n.FirstChild.Data), &ld); err != nil {
			t.Errorf("%s: JSON-LD does not parse: %v", p, err)
			continue
		}
		if ld["@type"] == "GovernmentService" {
			return ld
		}
	}
	t.Errorf("%s: no GovernmentService", p)
	return nil
}

// folded is the text of n with its spaces folded.
func folded(n *html.Node) string { return strings.Join(strings.Fields(textOf(n)), " ") }

// TestNewMunicipalityInLibrary: a municipality made with `guidemap new
// municipality` offers the common e-services and shows as "not yet" for
// every other one, and the library suggests all of them.
func TestNewMunicipalityInLibrary(t *testing.T) {
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS(esFixture)); err != nil {
		t.Fatal(err)
	}
	if _, err := scaffold.Scaffold(src, scaffold.NewFile{Kind: "municipality", Slug: "timra", Title: "Timrå kommun", Code: "2262"}); err != nil {
		t.Fatal(err)
	}
	res, err := Collect(context.Background(), Config{Src: src})
	if err != nil {
		t.Fatalf("Check: %v %v", err, res.Diags.Items())
	}
	var page []byte
	for _, f := range res.Output {
		if f.Path == "e-tjanster/bibliotek/index.html" {
			page = f.Data
		}
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	rows := 0
	for tr := range doc.Descendants() {
		if tr.Type != html.ElementNode || tr.Data != "tr" {
			continue
		}
		var cells []string
		for c := range tr.ChildNodes() {
			if c.Type == html.ElementNode {
				cells = append(cells, folded(c))
			}
		}
		if col < 0 {
			col = slices.Index(cells, "Timrå kommun")
			continue
		}
		if col < 0 || strings.HasPrefix(cells[0], "Antal") || strings.HasPrefix(cells[0], "Andel") {
			continue
		}
		rows++
		want := "Inte än"
		if cells[0] == "Felanmälan" {
			want = "Gemensam"
		}
		if cells[col] != want {
			t.Errorf("%s: Timrå is %q, want %q", cells[0], cells[col], want)
		}
	}
	if col < 0 || rows != 4 {
		t.Errorf("Timrå's column %d, %d rows; want a column and 4 rows", col, rows)
	}
	if !strings.Contains(folded(doc), "Timrå kommun Anmälan om hemkompost (antal kommuner som använder den: 2) Ansökan om bygglov") {
		t.Errorf("the library suggests nothing for Timrå")
	}
}
