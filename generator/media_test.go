package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// mediaName is the name a media file is published under.
var mediaName = regexp.MustCompile(`^media/[a-z0-9-]+\.([0-9a-f]{10})\.(png|jpg|webp|svg|pdf)$`)

// overviewName is the name of a municipality's overview map.
var overviewName = regexp.MustCompile(`^assets/oversikt-[a-z0-9-]+\.([0-9a-f]{10})\.svg$`)

// TestExampleMedia builds the example site under a sub-path and checks
// its images and files as a reader gets them: every <img> has a width and
// a height and loads lazily, its src is a file of the output with a
// content-hashed name whose hash is of its bytes, every link to a PDF
// says its kind and size, each file is written once, and an SVG opened
// on its own is served in a sandbox (_headers).
func TestExampleMedia(t *testing.T) {
	out, _ := buildExample(t, "https://example.org/sv/")
	pages := readPages(t, out)
	const base = "/sv/"
	imgs, pdfs := 0, 0
	withImage := map[string]bool{} // the guides (shared pages) that show an image
	used := map[string]bool{}
	checkFile := func(page, src string) {
		t.Helper()
		rel, ok := strings.CutPrefix(src, base)
		if !ok {
			t.Errorf("%s: %q is not under the base path", page, src)
			return
		}
		rel, _, _ = strings.Cut(rel, "#")
		m := mediaName.FindStringSubmatch(rel)
		if m == nil {
			t.Errorf("%s: %q is not a content-hashed name under media/", page, src)
			return
		}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Errorf("%s: %q is not in the output: %v", page, src, err)
			return
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:])[:10] != m[1] {
			t.Errorf("%s: the name of %q is not its content's hash", page, src)
		}
		used[rel] = true
	}
	// A place's overview map is the theme's image, not content: shared by
	// the municipality's places under assets/, named by its hash,
	// decorative (alt="") because the marks drawn over it name the map.
	overviews := map[string]bool{}
	checkOverview := func(page string, n *html.Node) {
		src := attr(n, "src")
		rel, _ := strings.CutPrefix(src, base)
		m := overviewName.FindStringSubmatch(rel)
		if m == nil {
			t.Errorf("%s: the overview %q is not a content-hashed name under assets/", page, src)
			return
		}
		if data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel))); err != nil {
			t.Errorf("%s: the overview %q is not in the output: %v", page, src, err)
		} else if sum := sha256.Sum256(data); hex.EncodeToString(sum[:])[:10] != m[1] {
			t.Errorf("%s: the name of %q is not its content's hash", page, src)
		}
		if attr(n, "alt") != "" || attr(n, "loading") != "lazy" || attr(n, "width") == "" || attr(n, "height") == "" {
			t.Errorf("%s: the overview <img src=%q> is not decorative, lazy and sized", page, src)
		}
		marks := n.NextSibling
		for marks != nil && marks.Type != html.ElementNode {
			marks = marks.NextSibling
		}
		if marks == nil || marks.Data != "svg" || attr(marks, "class") != "m-marks" || attr(marks, "role") != "group" || attr(marks, "aria-labelledby") == "" {
			t.Errorf("%s: the overview %q has no named marks over it", page, src)
		}
		overviews[rel] = true
	}
	pdfText := regexp.MustCompile(`\((PDF), [0-9]+(,[0-9])? (B|kB|MB)\)$`)
	for name, pg := range pages {
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "img" && attr(n, "class") == "m-img" {
				checkOverview(name, n)
				return
			}
			if n.Type == html.ElementNode && n.Data == "img" {
				imgs++
				for _, a := range []string{"width", "height"} {
					if v, err := strconv.Atoi(attr(n, a)); err != nil || v <= 0 {
						t.Errorf("%s: <img src=%q> has %s %q", name, attr(n, "src"), a, attr(n, a))
					}
				}
				if attr(n, "loading") != "lazy" || attr(n, "decoding") != "async" {
					t.Errorf("%s: <img src=%q> does not load lazily", name, attr(n, "src"))
				}
				if strings.TrimSpace(attr(n, "alt")) == "" {
					t.Errorf("%s: <img src=%q> has no alt text", name, attr(n, "src"))
				}
				checkFile(name, attr(n, "src"))
				if strings.HasPrefix(name, "guider/") {
					withImage[name] = true
				}
			}
			if n.Type == html.ElementNode && n.Data == "a" && strings.Contains(attr(n, "href"), "/media/") {
				checkFile(name, attr(n, "href"))
				if strings.HasSuffix(strings.Split(attr(n, "href"), "#")[0], ".pdf") {
					pdfs++
					if txt := strings.Join(strings.Fields(textOf(n)), " "); !pdfText.MatchString(txt) {
						t.Errorf("%s: the link to %s reads %q: it does not say (PDF, size)", name, attr(n, "href"), txt)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(pg.doc)
	}
	if len(withImage) < 3 || pdfs == 0 {
		t.Errorf("%d guides show an image and %d links lead to a PDF; want at least 3 and 1", len(withImage), pdfs)
	}
	if len(overviews) != 7 {
		t.Errorf("the places' pages show %d overviews, want one for each of the 7 municipalities", len(overviews))
	}
	t.Logf("%d images on %d guides' own pages, %d links to PDFs, %d files; %d overviews", imgs, len(withImage), pdfs, len(used), len(overviews))

	// Each file once; none that no page uses (the example's are all used);
	// a sandbox for every SVG.
	ents, err := os.ReadDir(filepath.Join(out, "media"))
	if err != nil {
		t.Fatal(err)
	}
	headers, err := os.ReadFile(filepath.Join(out, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		rel := "media/" + e.Name()
		if !used[rel] {
			t.Errorf("%s is in the output but no page uses it", rel)
		}
		if strings.HasSuffix(rel, ".svg") && !strings.Contains(string(headers), base+rel+"\n  Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox\n") {
			t.Errorf("_headers has no sandbox for %s", rel)
		}
	}
	if len(ents) != len(used) {
		t.Errorf("%d files in media/, %d used", len(ents), len(used))
	}
}
