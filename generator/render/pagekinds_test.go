package render_test

import (
	"bytes"
	"context"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/esamverkan/guidemap/generator"
	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/themes"
)

// pageKinds names one output file of every kind the render stage makes,
// with the layout that renders it ("" for files made without a layout)
// and its golden file under testdata/pagekinds/.
//
// To add a page kind: add to testdata/fixture-site.txtar what makes one
// such page (if it does not make one already), add a line here, run
//
//	go test ./generator/render -run TestPageKinds -update
//
// and review the new golden file and the change of
// testdata/pagekinds/paths.golden before committing them.
var pageKinds = []struct {
	kind, layout, path string
}{
	{"home", "home", "index.html"},
	{"guides", "guides", "guider/index.html"},
	{"guide", "guide", "guider/sophamtning/index.html"},
	{"easy", "easy", "guider/sophamtning/lattlast/index.html"},
	{"langhome", "langhome", "en/index.html"},
	{"guide-en", "guide", "en/guider/sophamtning/index.html"},
	{"version-en-partial", "version", "en/timra/guider/sophamtning/index.html"},
	{"municipalities", "municipalities", "kommuner/index.html"},
	{"municipality", "municipality", "timra/index.html"},
	{"version-adapted", "version", "timra/guider/sophamtning/index.html"},
	{"version-local", "version", "harnosand/guider/kulturskolan/index.html"},
	{"directory", "directory", "e-tjanster/index.html"},
	{"directory-filter", "directory", "e-tjanster/kategori/avfall/index.html"},
	{"directory-combined", "directory", "e-tjanster/kommun/timra/kategori/avfall/malgrupp/citizen/index.html"},
	{"directory-login", "directory", "e-tjanster/inloggning/bankid/index.html"},
	{"library", "library", "e-tjanster/bibliotek/index.html"},
	{"newmember", "newmember", "e-tjanster/ny-i-samverkan/index.html"},
	{"eservice", "eservice", "e-tjanster/ansokan-batplats/index.html"},
	{"offer-adapted", "offer", "timra/e-tjanster/ansokan-batplats/index.html"},
	{"maps", "maps", "karta/index.html"},
	{"map-category", "map", "karta/bibliotek/index.html"},
	{"map-municipality", "map", "timra/karta/index.html"},
	{"point", "point", "timra/platser/timra-bibliotek/index.html"},
	{"page", "page", "om-webbplatsen/index.html"},
	{"accessibility-sv", "accessibility", "tillganglighet/index.html"},
	{"accessibility-en", "accessibility", "en/accessibility/index.html"},
	{"search", "search", "sok/index.html"},
	{"az", "az", "sok/a-o/index.html"},
	{"az-municipality", "az", "sok/a-o/timra/index.html"},
	{"lifeevents", "lifeevents", "livshandelser/index.html"},
	{"lifeevents-municipality", "lifeevents", "timra/livshandelser/index.html"},
	{"lifeevent", "lifeevent", "livshandelser/flytta/index.html"},
	{"lifeevent-municipality", "lifeevent", "timra/livshandelser/flytta/index.html"},
	{"lifeevent-en", "lifeevent", "en/livshandelser/flytta/index.html"},
	{"business", "business", "foretag/index.html"},
	{"business-municipality", "business", "timra/foretag/index.html"},
	{"404", "404", "404.html"},
	{"sitemap", "", "sitemap.xml"},
	{"robots", "", "robots.txt"},
	{"headers", "", "_headers"},
	{"data-eservices-json", "", "data/e-tjanster.json"},
	{"data-eservices-csv", "", "data/e-tjanster.csv"},
	{"data-points", "", "data/platser.geojson"},
	{"data-points-category", "", "data/platser/bibliotek.csv"},
	{"data-points-municipality", "", "data/platser/timra.geojson"},
	{"data", "data", "data/index.html"},
	{"data-en", "data", "en/data/index.html"},
	{"data-catalog", "", "data/catalog.rdf"},
}

// TestPageKinds builds the small site of testdata/fixture-site.txtar and
// compares one output file of every kind (pageKinds) with its golden
// file, and the list of every output path with
// testdata/pagekinds/paths.golden, so that a page kind that disappears or
// appears fails too.
//
// HTML pages are compared split into lines (htmlLines) and the content
// hashes in asset names are replaced by "HASH" (unhash), so that a change
// of a style sheet does not touch every golden file; the test checks
// instead that every asset a page names is in the output.
func TestPageKinds(t *testing.T) {
	fsys := golden.Txtar(t, "testdata/fixture-site.txtar")
	// The build's date: the day before midsommarafton, when the point
	// page's hours have public holidays and summer weeks ahead.
	today := time.Date(2026, 6, 18, 12, 0, 0, 0, time.UTC)
	res, err := generator.Collect(context.Background(), generator.Config{FS: fsys, Today: today})
	for _, d := range res.Diags.Items() {
		t.Errorf("the fixture must build without diagnostics: %s", d)
	}
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var paths bytes.Buffer
	for _, f := range res.Output {
		files[f.Path] = f.Data
		paths.WriteString(unhash(f.Path) + "\n")
	}
	golden.Compare(t, "testdata/pagekinds/paths.golden", paths.Bytes())

	for _, pk := range pageKinds {
		t.Run(pk.kind, func(t *testing.T) {
			data, ok := files[pk.path]
			if !ok {
				t.Fatalf("no output file %s", pk.path)
			}
			if path.Ext(pk.path) == ".html" {
				checkAssets(t, data, files)
				data = htmlLines(data)
			}
			golden.Compare(t, "testdata/pagekinds/"+pk.kind+".golden", []byte(unhash(string(data))))
		})
	}

	t.Run("every layout", func(t *testing.T) {
		layouts, err := fs.Glob(themes.Default, "layouts/*.html")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range layouts {
			name := strings.TrimSuffix(path.Base(f), ".html")
			if name != "base" && !slices.ContainsFunc(pageKinds, func(pk struct{ kind, layout, path string }) bool { return pk.layout == name }) {
				t.Errorf("no page kind of TestPageKinds renders %s: add one to pageKinds", f)
			}
		}
	})
}

// assetRef matches an asset's name with its content hash.
var assetRef = regexp.MustCompile(`((?:assets|sok/index(?:/[a-z]{2,3})?)/[a-z0-9_-]+)\.[0-9a-f]{10}\.(css|js|json|svg)`)

// unhash replaces the content hashes of asset and search index names by "HASH".
func unhash(s string) string {
	return assetRef.ReplaceAllString(s, "$1.HASH.$2")
}

// checkAssets fails the test when page names an asset that is not in the
// output.
func checkAssets(t *testing.T, page []byte, files map[string][]byte) {
	t.Helper()
	for _, ref := range assetRef.FindAll(page, -1) {
		if _, ok := files[string(ref)]; !ok {
			t.Errorf("the page names %s, which is not in the output", ref)
		}
	}
}

// inline are the elements htmlLines keeps within a line of text.
var inline = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "br": true, "cite": true, "code": true,
	"data": true, "del": true, "dfn": true, "em": true, "i": true, "ins": true, "kbd": true,
	"mark": true, "q": true, "s": true, "small": true, "span": true, "strong": true,
	"sub": true, "sup": true, "time": true, "wbr": true,
}

// htmlLines splits minified HTML into lines for reading in a golden file:
// a line break goes before every opening tag and after every closing tag
// of an element that is not inline text (a, span, strong, time …), so
// that a paragraph or a list item is one line. Nothing else changes. It
// may look at every "<": html/template escapes it in text, attributes and
// JSON-LD, and the scripts and style sheets are files of their own.
func htmlLines(page []byte) []byte {
	var b bytes.Buffer
	newline := func() {
		if b.Len() > 0 && b.Bytes()[b.Len()-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	closing := false // in a closing tag of a block
	for i, c := range page {
		if c == '<' && !inline[tagName(page[i+1:])] {
			if closing = i+1 < len(page) && page[i+1] == '/'; !closing {
				newline()
			}
		}
		b.WriteByte(c)
		if c == '>' && closing {
			newline()
			closing = false
		}
	}
	newline()
	return b.Bytes()
}

// tagName is the lower-case name of the tag that s starts with, after
// "<" and any "/".
func tagName(s []byte) string {
	s = bytes.TrimPrefix(s, []byte("/"))
	end := bytes.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-')
	})
	if end < 0 {
		end = len(s)
	}
	return strings.ToLower(string(s[:end]))
}
