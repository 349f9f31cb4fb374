package generator

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/esamverkan/guidemap/generator/internal/browsertest"
	"github.com/esamverkan/guidemap/generator/internal/golden"
	"golang.org/x/net/html"
)

// triple is one RDF statement as rdfxml.js writes it.
type triple struct {
	S, P, O  string
	Kind     string // iri, blank, literal
	Lang     string
	Datatype string
}

// parseRDFXML parses an RDF/XML document with a real RDF/XML parser
// (rdfxml-streaming-parser, an npm package of the browser tests, run in
// node), as a data portal that harvests the catalogue would.
func parseRDFXML(t *testing.T, data []byte, base string) []triple {
	t.Helper()
	node, err := exec.LookPath("node")
	modules := filepath.Join(browsertest.Dir(), "node_modules")
	if err == nil {
		_, err = os.Stat(filepath.Join(modules, "rdfxml-streaming-parser"))
	}
	if err != nil {
		msg := "the catalogue is parsed by rdfxml-streaming-parser in Node.js: install node and run `npm ci` in generator/internal/browsertest (" + err.Error() + ")"
		if browsertest.Required() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	cmd := exec.Command(node, filepath.Join("testdata", "opendata", "rdfxml.js"), base)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("the catalogue is not RDF/XML: %v\n%s", err, stderr.String())
	}
	var raw []struct{ S, P, O, Kind, Lang, Datatype string }
	if err := json.Unmarshal(out, &raw); err != nil {
		t.Fatalf("rdfxml.js: %v", err)
	}
	ts := make([]triple, len(raw))
	for i, r := range raw {
		ts[i] = triple(r)
	}
	return ts
}

const (
	rdfType  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	dcat     = "http://www.w3.org/ns/dcat#"
	dct      = "http://purl.org/dc/terms/"
	foaf     = "http://xmlns.com/foaf/0.1/"
	vcard    = "http://www.w3.org/2006/vcard/ns#"
	xsd      = "http://www.w3.org/2001/XMLSchema#"
	euThemes = "http://publications.europa.eu/resource/authority/data-theme/"
)

// graph is triples by subject and predicate.
type graph map[string]map[string][]triple

func newGraph(ts []triple) graph {
	g := graph{}
	for _, t := range ts {
		if g[t.S] == nil {
			g[t.S] = map[string][]triple{}
		}
		g[t.S][t.P] = append(g[t.S][t.P], t)
	}
	return g
}

// ofType lists the subjects of type typ.
func (g graph) ofType(typ string) []string {
	var out []string
	for s, ps := range g {
		for _, t := range ps[rdfType] {
			if t.O == typ {
				out = append(out, s)
			}
		}
	}
	return out
}

func (g graph) hasType(s, typ string) bool {
	for _, t := range g[s][rdfType] {
		if t.O == typ {
			return true
		}
	}
	return false
}

// checkDCAT checks the catalogue's triples against DCAT-AP-SE: the
// mandatory properties of dcat:Catalog, dcat:Dataset, dcat:Distribution,
// the publisher (foaf:Agent) and the contact point (vcard), and the
// recommended ones guidemap gives. It returns the distributions' download
// URLs with their byteSize.
func checkDCAT(t *testing.T, ts []triple, base string) map[string]int64 {
	t.Helper()
	g := newGraph(ts)
	// mustHave fails unless s has p, with a literal in each language of
	// langs when given, or an IRI when iri is set.
	mustHave := func(what, s, p string, iri bool, langs ...string) []triple {
		t.Helper()
		vs := g[s][p]
		if len(vs) == 0 {
			t.Errorf("%s %s has no %s", what, s, p)
			return nil
		}
		for _, v := range vs {
			if iri && v.Kind != "iri" {
				t.Errorf("%s %s: %s is %q, not an IRI", what, s, p, v.O)
			}
			if !iri && v.Kind != "literal" {
				t.Errorf("%s %s: %s is not a literal", what, s, p)
			}
			if !iri && strings.TrimSpace(v.O) == "" {
				t.Errorf("%s %s: %s is empty", what, s, p)
			}
		}
		for _, lang := range langs {
			found := false
			for _, v := range vs {
				found = found || v.Lang == lang
			}
			if !found {
				t.Errorf("%s %s: no %s in %q", what, s, p, lang)
			}
		}
		return vs
	}
	agent := func(what, s string) {
		t.Helper()
		if !g.hasType(s, foaf+"Agent") {
			t.Errorf("%s %s is not a foaf:Agent", what, s)
		}
		mustHave("publisher", s, foaf+"name", false)
	}
	cats := g.ofType(dcat + "Catalog")
	if len(cats) != 1 {
		t.Fatalf("want one dcat:Catalog, found %d", len(cats))
	}
	cat := cats[0]
	mustHave("catalogue", cat, dct+"title", false, "sv", "en")
	mustHave("catalogue", cat, dct+"description", false, "sv", "en")
	for _, p := range mustHave("catalogue", cat, dct+"publisher", true) {
		agent("the catalogue's publisher", p.O)
	}
	for _, p := range []string{foaf + "homepage", dct + "license", dct + "language"} {
		mustHave("catalogue", cat, p, true)
	}
	mustHave("catalogue", cat, dct+"modified", false)
	listed := map[string]bool{}
	for _, d := range mustHave("catalogue", cat, dcat+"dataset", true) {
		listed[d.O] = true
	}
	sets := g.ofType(dcat + "Dataset")
	if len(sets) == 0 {
		t.Fatal("no dcat:Dataset")
	}
	downloads := map[string]int64{}
	for _, d := range sets {
		if !listed[d] {
			t.Errorf("dataset %s is not in the catalogue (dcat:dataset)", d)
		}
		mustHave("dataset", d, dct+"title", false, "sv", "en")
		mustHave("dataset", d, dct+"description", false, "sv", "en")
		for _, p := range mustHave("dataset", d, dct+"publisher", true) {
			agent("the dataset's publisher", p.O)
		}
		for _, c := range mustHave("dataset", d, dcat+"contactPoint", true) {
			if !g.hasType(c.O, vcard+"Organization") && !g.hasType(c.O, vcard+"Kind") {
				t.Errorf("contact point %s is neither vcard:Organization nor vcard:Kind", c.O)
			}
			mustHave("contact point", c.O, vcard+"fn", false)
			for _, e := range mustHave("contact point", c.O, vcard+"hasEmail", true) {
				if !strings.HasPrefix(e.O, "mailto:") {
					t.Errorf("contact point %s: hasEmail %q is not a mailto: IRI", c.O, e.O)
				}
			}
		}
		for _, th := range mustHave("dataset", d, dcat+"theme", true) {
			if !strings.HasPrefix(th.O, euThemes) {
				t.Errorf("dataset %s: theme %s is not of the EU data themes", d, th.O)
			}
		}
		mustHave("dataset", d, dcat+"keyword", false, "sv", "en")
		mustHave("dataset", d, dct+"spatial", true)
		mustHave("dataset", d, dct+"accrualPeriodicity", true)
		for _, dist := range mustHave("dataset", d, dcat+"distribution", true) {
			s := dist.O
			if !g.hasType(s, dcat+"Distribution") {
				t.Errorf("distribution %s of %s is not a dcat:Distribution", s, d)
			}
			for _, a := range mustHave("distribution", s, dcat+"accessURL", true) {
				if !strings.HasPrefix(a.O, base) {
					t.Errorf("distribution %s: accessURL %s is not on the base URL %s", s, a.O, base)
				}
			}
			mustHave("distribution", s, dct+"title", false, "sv", "en")
			mustHave("distribution", s, dct+"license", true)
			mustHave("distribution", s, dct+"format", true)
			for _, m := range mustHave("distribution", s, dcat+"mediaType", true) {
				if !strings.HasPrefix(m.O, "https://www.iana.org/assignments/media-types/") {
					t.Errorf("distribution %s: mediaType %s is not an IANA media type", s, m.O)
				}
			}
			sizes := mustHave("distribution", s, dcat+"byteSize", false)
			dl := mustHave("distribution", s, dcat+"downloadURL", true)
			if len(sizes) != 1 || len(dl) != 1 {
				continue
			}
			if sizes[0].Datatype != xsd+"nonNegativeInteger" && sizes[0].Datatype != xsd+"decimal" {
				t.Errorf("distribution %s: byteSize is of type %s", s, sizes[0].Datatype)
			}
			n, err := strconv.ParseInt(sizes[0].O, 10, 64)
			if err != nil {
				t.Errorf("distribution %s: byteSize %q: %v", s, sizes[0].O, err)
			}
			if _, dup := downloads[dl[0].O]; dup {
				t.Errorf("%s is the download of two distributions", dl[0].O)
			}
			downloads[dl[0].O] = n
		}
	}
	return downloads
}

// dataLinks are the files a data page lists: href → the size its <data>
// element gives, from each row (or paragraph) of <main> that has both.
func dataLinks(t *testing.T, page []byte) map[string]int64 {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	var walk func(n *html.Node, inMain bool)
	walk = func(n *html.Node, inMain bool) {
		if n.Type == html.ElementNode && n.Data == "main" {
			inMain = true
		}
		if inMain && n.Type == html.ElementNode && (n.Data == "tr" || n.Data == "p") {
			var href, value string
			var find func(*html.Node)
			find = func(c *html.Node) {
				if c.Type == html.ElementNode {
					for _, a := range c.Attr {
						if c.Data == "a" && a.Key == "href" {
							href = a.Val
						}
						if c.Data == "data" && a.Key == "value" {
							value = a.Val
						}
					}
				}
				for k := c.FirstChild; k != nil; k = k.NextSibling {
					find(k)
				}
			}
			find(n)
			if href != "" && value != "" {
				size, err := strconv.ParseInt(value, 10, 64)
				if err != nil {
					t.Errorf("%s: size %q is not a number of bytes", href, value)
				}
				out[href] = size
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inMain)
		}
	}
	walk(doc, false)
	return out
}

// section is the part of page from the first start to the following end.
func section(page, start, end string) string {
	i := strings.Index(page, start)
	if i < 0 {
		return ""
	}
	j := strings.Index(page[i:], end)
	if j < 0 {
		return page[i:]
	}
	return page[i : i+j]
}

// TestOpenDataExample builds the example site and checks its open data as
// a reader and a data portal meet it: /data/ (and /en/data/) lists every
// file under data/ with its true size; the DCAT-AP-SE catalogue parses as
// RDF/XML and has the mandatory properties, and its distributions are the
// same files with the same sizes; every page's footer links /data/ and
// says the data are samples; the map pages link /data/ and say so too.
func TestOpenDataExample(t *testing.T) {
	out, _ := buildExample(t, "")
	const base = "https://esamverkan.example.se/"
	files := map[string]int64{} // under data/, but the page
	err := filepath.WalkDir(filepath.Join(out, "data"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "index.html" {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		files["/"+filepath.ToSlash(rel)] = info.Size()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Fatalf("only %d files under data/: %v", len(files), files)
	}
	for _, page := range []string{"data/index.html", "en/data/index.html"} {
		t.Run(page, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(out, page))
			if err != nil {
				t.Fatal(err)
			}
			listed := dataLinks(t, b)
			for f, size := range files {
				got, ok := listed[f]
				switch {
				case !ok:
					t.Errorf("%s does not list %s", page, f)
				case got != size:
					t.Errorf("%s gives %s as %d bytes; it has %d", page, f, got, size)
				}
			}
			for f := range listed {
				if _, ok := files[f]; !ok {
					t.Errorf("%s lists %s, which the build did not write", page, f)
				}
			}
		})
	}

	t.Run("catalogue", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(out, "data", "catalog.rdf"))
		if err != nil {
			t.Fatal(err)
		}
		downloads := checkDCAT(t, parseRDFXML(t, data, base), base)
		for f, size := range files {
			if f == "/data/catalog.rdf" {
				continue
			}
			got, ok := downloads[strings.TrimSuffix(base, "/")+f]
			switch {
			case !ok:
				t.Errorf("no distribution of the catalogue downloads %s", f)
			case got != size:
				t.Errorf("the catalogue gives %s as %d bytes; it has %d", f, got, size)
			}
		}
		if len(downloads) != len(files)-1 {
			t.Errorf("the catalogue has %d distributions for %d files", len(downloads), len(files)-1)
		}
	})

	sv := "Det här är en exempelwebbplats."
	en := "This is an example website."
	var pages, maps int
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		page := string(b)
		notice, link := sv, `href="/data/"`
		if strings.HasPrefix(rel, "en/") && strings.Contains(page, `<html lang="en"`) {
			notice, link = en, `href="/en/data/"`
		}
		footer := section(page, "<footer", "</footer>")
		pages++
		if !strings.Contains(footer, link) {
			t.Errorf("%s: the footer does not link the open data (%s)", rel, link)
		}
		if !strings.Contains(footer, `id="gm-footer-notice"`) || !strings.Contains(footer, notice) {
			t.Errorf("%s: the footer does not say that the data are samples (%q)", rel, notice)
		}
		parts := strings.Split(strings.TrimPrefix(rel, "en/"), "/")
		isMap := parts[0] == "karta" || len(parts) > 2 && (parts[1] == "karta" || parts[1] == "platser")
		if isMap {
			maps++
			main := section(page, "<main", "</main>")
			if !strings.Contains(main, link) {
				t.Errorf("%s: the map page does not link the open data", rel)
			}
			if !strings.Contains(main, `class="notice map-notice"`) || !strings.Contains(main, notice) {
				t.Errorf("%s: the map page does not say that the data are samples", rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if maps < 50 || pages < 500 {
		t.Errorf("checked %d pages, %d map pages: the example has more", pages, maps)
	}
	t.Logf("%d files under data/; footers of %d pages and %d map pages checked", len(files), pages, maps)
}

// TestExampleTellsTheTruth checks the example's wording against its data:
// a retired e-service says it is no longer offered (not "not yet"), the
// onboarding page shows a real command, and the about page's figures are
// the site's.
func TestExampleTellsTheTruth(t *testing.T) {
	out, res := buildExample(t, "")
	read := func(p string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return section(string(b), "<main", "</main>")
	}
	// The e-services as their files say: the retired ones, those built
	// together.
	paths, _ := filepath.Glob(filepath.Join(exampleSite, "content", "eservices", "*.md"))
	var retired []string
	common := 0
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		front := section(string(b), "---", "\n---")
		if regexp.MustCompile(`(?m)^status:\s*retired\s*$`).MatchString(front) {
			retired = append(retired, strings.TrimSuffix(filepath.Base(p), ".md"))
		}
		if regexp.MustCompile(`(?m)^owner:\s*common\s*$`).MatchString(front) {
			common++
		}
	}
	if len(retired) == 0 {
		t.Fatal("the example has no retired e-service to check")
	}
	for _, slug := range retired {
		page := read(path.Join("e-tjanster", slug, "index.html"))
		if !strings.Contains(page, "erbjuds inte längre") || strings.Contains(page, "Kan inte startas på webben ännu") {
			t.Errorf("the retired e-service %s does not say it is no longer offered", slug)
		}
		offers, _ := filepath.Glob(filepath.Join(out, "*", "e-tjanster", slug, "index.html"))
		for _, o := range offers {
			rel, _ := filepath.Rel(out, o)
			page := read(rel)
			if !strings.Contains(page, "E-tjänsten är avvecklad och erbjuds inte längre") || strings.Contains(page, "ännu") {
				t.Errorf("%s: the retired e-service's page does not say it is no longer offered", rel)
			}
		}
	}

	nm := read("e-tjanster/ny-i-samverkan/index.html")
	cmd := regexp.MustCompile(`guidemap new municipality ([a-z-]+) --name (?:&#34;|&quot;|")([^&"]+)(?:&#34;|&quot;|") --code ([0-9]{4})`).FindStringSubmatch(nm)
	switch {
	case strings.Contains(nm, "9999"):
		t.Error("the onboarding page shows a placeholder code 9999")
	case cmd == nil:
		t.Error("the onboarding page shows no guidemap new municipality command with a name and a four-digit code")
	default:
		if _, err := os.Stat(filepath.Join(exampleSite, "content", "municipalities", cmd[1]+".md")); err == nil {
			t.Errorf("the onboarding command adds %s, which is in the collaboration already", cmd[1])
		}
	}

	about := read("om-esamverkan/index.html")
	for _, want := range []string{
		fmt.Sprintf("%d gemensamma e-tjänster", common),
		fmt.Sprintf("%d kommunala e-tjänster", res.EServices-common),
		fmt.Sprintf("%d e-tjänster i biblioteket", res.EServices),
	} {
		if !strings.Contains(about, want) {
			t.Errorf("the about page does not say %q", want)
		}
	}
	for _, bad := range []string{"{{", "hundratal", "Omkring hundra"} {
		if strings.Contains(about, bad) {
			t.Errorf("the about page says %q", bad)
		}
	}
}

// TestCatalogEscapes builds the fixture site with names that XML must
// escape and checks that the catalogue still parses and says them as
// written.
func TestCatalogEscapes(t *testing.T) {
	fsys := golden.Txtar(t, filepath.Join("render", "testdata", "fixture-site.txtar"))
	hostile := `Kust <&"'> samverkan]]>`
	muni := `Timrå <&"'> kommun`
	patch := func(name, old, new string) {
		f := fsys[name]
		if !bytes.Contains(f.Data, []byte(old)) {
			t.Fatalf("%s has no %q", name, old)
		}
		fsys[name] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(old), []byte(new), 1), Mode: f.Mode}
	}
	patch("content/site.toml", `[contact]
name = "eSamverkan Kustlandet"`, `[contact]
name = `+strconv.Quote(hostile))
	patch("content/municipalities/timra.md", "name: Timrå kommun", "name: "+strconv.Quote(muni))
	res, err := Collect(context.Background(), Config{FS: fsys})
	if err != nil {
		t.Fatalf("%v: %v", err, res.Diags)
	}
	var rdf []byte
	for _, f := range res.Output {
		if f.Path == "data/catalog.rdf" {
			rdf = f.Data
		}
	}
	const base = "https://kustlandet.example.se/"
	ts := parseRDFXML(t, rdf, base)
	checkDCAT(t, ts, base)
	found := map[string]bool{}
	for _, tr := range ts {
		found[tr.P+" "+tr.O] = true
	}
	for _, want := range []string{
		foaf + "name " + hostile,
		vcard + "fn " + hostile,
		"http://www.w3.org/2004/02/skos/core#prefLabel " + muni,
		dct + "title Platser i " + muni,
	} {
		if !found[want] {
			t.Errorf("the catalogue does not say %q", want)
		}
	}
}
