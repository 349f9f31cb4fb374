package generator

import (
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Page-weight budget of the accessibility issue: what a reader on a phone
// downloads. Sizes are before compression.
// A map page (under karta/: the map index and the municipalities' maps)
// has the budget of the maps issue: the map and its list of places, the
// coast and lakes of the first view included.
const (
	maxHTMLBytes = 60 << 10
	maxMapBytes  = 150 << 10
	maxCSSBytes  = 20 << 10
	maxJSBytes   = 15 << 10 // the scripts one page loads
)

// scriptSrc finds the scripts a page loads.
var scriptSrc = regexp.MustCompile(`<script src="?/?([^" >]+)`)

// resourceAttrs are the attributes through which a page makes the browser
// fetch something (as opposed to links the reader may follow).
var resourceAttrs = map[string][]string{
	"script": {"src"}, "img": {"src", "srcset"}, "iframe": {"src"}, "source": {"src", "srcset"},
	"video": {"src", "poster"}, "audio": {"src"}, "object": {"data"}, "embed": {"src"},
	"track": {"src"}, "input": {"src"}, "form": {"action"},
}

// TestPageWeight checks the example site against the page-weight budget and
// that no page or style sheet makes a request to another host.
func TestPageWeight(t *testing.T) {
	out, _ := buildExample(t, "")
	var largest, largestBudget int64
	var largestPage string
	var cssBytes, jsBytes int64
	var jsPage string
	pages := 0
	pageScripts := map[string][]string{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		switch filepath.Ext(p) {
		case ".html":
			pages++
			budget := int64(maxHTMLBytes)
			if strings.Contains(filepath.ToSlash(rel), "karta/") {
				budget = maxMapBytes
			}
			if info.Size() > largest {
				largest, largestPage, largestBudget = info.Size(), rel, budget
			}
			if info.Size() > budget {
				t.Errorf("%s is %d bytes, over the budget of %d", rel, info.Size(), budget)
			}
			data := mustRead(t, p)
			checkNoForeignRequests(t, rel, data)
			for _, m := range scriptSrc.FindAllStringSubmatch(string(data), -1) {
				pageScripts[rel] = append(pageScripts[rel], m[1])
			}
		case ".css":
			cssBytes += info.Size()
			checkCSSLocal(t, rel, mustRead(t, p))
		case ".js":
		case ".woff", ".woff2", ".ttf", ".otf":
			t.Errorf("%s: web fonts are not part of the budget", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for page, scripts := range pageScripts {
		var n int64
		for _, src := range scripts {
			info, err := os.Stat(filepath.Join(out, filepath.FromSlash(src)))
			if err != nil {
				t.Errorf("%s loads %s: %v", page, src, err)
				continue
			}
			n += info.Size()
		}
		if n > jsBytes {
			jsBytes, jsPage = n, page
		}
	}
	if cssBytes > maxCSSBytes {
		t.Errorf("CSS is %d bytes, over the budget of %d", cssBytes, maxCSSBytes)
	}
	if jsBytes > maxJSBytes {
		t.Errorf("%s loads %d bytes of JS, over the budget of %d", jsPage, jsBytes, maxJSBytes)
	}
	t.Logf("%d pages; largest %s, %d bytes (budget %d); CSS %d bytes (budget %d); JS at most %d bytes a page, on %s (budget %d)",
		pages, largestPage, largest, largestBudget, cssBytes, maxCSSBytes, jsBytes, jsPage, maxJSBytes)
}

// checkNoForeignRequests reports an element that would fetch from another
// host, and a stylesheet, icon or preload link to one.
func checkNoForeignRequests(t *testing.T, name string, page []byte) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attrs := resourceAttrs[n.Data]
			if n.Data == "link" && attr(n, "rel") != "canonical" && attr(n, "rel") != "alternate" {
				attrs = []string{"href"}
			}
			for _, a := range attrs {
				for _, v := range strings.Fields(strings.ReplaceAll(attr(n, a), ",", " ")) {
					if u, err := url.Parse(v); err == nil && (u.Host != "" || u.Scheme != "" && u.Scheme != "data") {
						t.Errorf("%s: <%s %s=%q> makes a request to another host", name, n.Data, a, v)
					}
				}
			}
			if n.Data == "style" || attr(n, "style") != "" {
				t.Errorf("%s: inline style (<%s>), which the CSP forbids", name, n.Data)
			}
			if n.Data == "script" && attr(n, "src") == "" && attr(n, "type") != "application/ld+json" {
				t.Errorf("%s: inline script, which the CSP forbids", name)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

var cssURL = regexp.MustCompile(`(?i)(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)`)

// checkCSSLocal reports a style sheet that loads anything from another host.
func checkCSSLocal(t *testing.T, name string, css []byte) {
	t.Helper()
	for _, m := range cssURL.FindAllSubmatch(css, -1) {
		if u, err := url.Parse(string(m[1])); err != nil || u.Host != "" || u.Scheme != "" && u.Scheme != "data" {
			t.Errorf("%s loads %s", name, m[1])
		}
	}
	if strings.Contains(string(css), "@font-face") {
		t.Errorf("%s has @font-face: the theme uses the reader's own fonts", name)
	}
}
