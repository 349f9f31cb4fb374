package generator

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"github.com/esamverkan/guidemap/generator/load"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/guides"
	"github.com/esamverkan/guidemap/generator/markdown"
	"github.com/esamverkan/guidemap/generator/model"
	"golang.org/x/net/html"
)

// exampleSite is the bundled example site: the repository root.
const exampleSite = ".."

// buildExample builds the example site into a fresh folder once per test.
func buildExample(t *testing.T, baseURL string) (string, Result) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	res, err := Build(context.Background(), Config{Src: exampleSite, Out: out, BaseURL: baseURL})
	for _, d := range res.Diags.Items() {
		t.Log(d)
	}
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return out, res
}

// page is an output HTML file read for the checks.
type htmlPage struct {
	ids   map[string]bool
	links []string // href and src values
	text  string   // the text of <main>, spaces folded
	canon string
	doc   *html.Node
}

func readPages(t *testing.T, out string) map[string]*htmlPage {
	t.Helper()
	pages := map[string]*htmlPage{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		pg := &htmlPage{ids: map[string]bool{}, doc: doc}
		var main *html.Node
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					switch a.Key {
					case "id":
						pg.ids[a.Val] = true
					case "href", "src":
						pg.links = append(pg.links, a.Val)
					}
				}
				if n.Data == "main" {
					main = n
				}
				if n.Data == "link" && attr(n, "rel") == "canonical" {
					pg.canon = attr(n, "href")
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if main != nil {
			pg.text = strings.Join(strings.Fields(textOf(main)), " ")
		}
		pages[filepath.ToSlash(rel)] = pg
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// TestExampleSite builds the bundled example site and checks that it is
// complete: every municipality page, every guide in every municipality that
// offers it, the adapted sections where a municipality adapted a guide, and
// no internal link or anchor that leads nowhere.
func TestExampleSite(t *testing.T) {
	out, res := buildExample(t, "")
	pages := readPages(t, out)
	if res.Diags.HasErrors() {
		t.Fatal("the example site has errors")
	}
	if _, w := res.Diags.Count(); w > 0 {
		t.Errorf("the example site has %d warnings", w)
	}
	t.Logf("%d pages, %d files, %d guides, %d versions", res.Pages, res.Files, res.Guides, res.Versions)

	content := os.DirFS(exampleSite)
	l := &diag.List{}
	munis := globSlugs(t, content, "content/municipalities/*.md")
	if len(munis) != 7 {
		t.Errorf("example has %d municipalities, want 7", len(munis))
	}
	for _, m := range munis {
		if pages[m+"/index.html"] == nil {
			t.Errorf("no page for municipality %s", m)
		}
	}

	// Every shared guide, and every offering municipality's version.
	offered := map[string][]string{}
	categories := map[string]bool{}
	for _, g := range globSlugs(t, content, "content/guides/*.md") {
		src, _ := fs.ReadFile(content, "content/guides/"+g+".md")
		d := guides.LoadGuide("content/guides/"+g+".md", src, l)
		categories[d.Meta.Category] = true
		if words := len(strings.Fields(string(d.File.Body))); words < 300 {
			t.Errorf("guide %s has %d words, want at least 300", g, words)
		}
		if pages["guider/"+g+"/index.html"] == nil {
			t.Errorf("no page for shared guide %s", g)
		}
		offered[g] = d.Meta.Municipalities
		if len(offered[g]) == 0 {
			offered[g] = munis
		}
	}
	if len(offered) < 15 || len(categories) < 8 {
		t.Errorf("example has %d shared guides in %d categories, want at least 15 in 8", len(offered), len(categories))
	}
	adaptations := map[string][]string{} // municipality → adapted guide slugs
	for _, m := range munis {
		for _, s := range globSlugs(t, content, "content/municipalities/"+m+"/guides/*.md") {
			if _, ok := offered[s]; ok {
				adaptations[m] = append(adaptations[m], s)
				if !slices.Contains(offered[s], m) {
					offered[s] = append(offered[s], m)
				}
			} else if pages[m+"/guider/"+s+"/index.html"] == nil {
				t.Errorf("no page for local guide %s of %s", s, m)
			}
		}
		if n := len(adaptations[m]); n < 2 {
			t.Errorf("%s adapts %d guides, want at least 2", m, n)
		}
	}
	versions := 0
	for g, ms := range offered {
		for _, m := range ms {
			p := pages[m+"/guider/"+g+"/index.html"]
			if p == nil {
				t.Errorf("no version of guide %s for %s", g, m)
				continue
			}
			versions++
			adapted := slices.Contains(adaptations[m], g)
			wantCanon := "/guider/" + g + "/"
			if adapted {
				wantCanon = "/" + m + "/guider/" + g + "/"
			}
			if u, err := url.Parse(p.canon); err != nil || u.Path != wantCanon {
				t.Errorf("%s/guider/%s: canonical %q, want path %s", m, g, p.canon, wantCanon)
			}
		}
	}
	t.Logf("checked %d municipality pages, %d shared guides, %d guide versions", len(munis), len(offered), versions)

	// Adapted sections: the adaptation's text is on the municipality's page;
	// a shared section it replaces is not.
	r := markdown.New(markdown.Options{})
	env := markdown.Env{Resolve: func(string) (string, bool) { return "/", true }}
	plain := func(secs ...markdownSection) string {
		var b strings.Builder
		for _, s := range secs {
			res := r.Render([]markdownSection{s}, env, &diag.List{})
			doc, _ := html.Parse(strings.NewReader(res.HTML))
			b.WriteString(textOf(doc))
		}
		return strings.Join(strings.Fields(b.String()), " ")
	}
	checked := 0
	for _, m := range munis {
		for _, g := range adaptations[m] {
			page := pages[m+"/guider/"+g+"/index.html"]
			if page == nil {
				continue
			}
			shared := parseSections(t, content, "content/guides/"+g+".md")
			for _, s := range parseSections(t, content, "content/municipalities/"+m+"/guides/"+g+".md") {
				text := plain(s)
				if text == "" {
					continue
				}
				if !strings.Contains(page.text, text) {
					t.Errorf("%s/guider/%s: adapted section %q is not on the page", m, g, s.Heading)
				}
				for _, sh := range shared {
					if s.Heading != "" && strings.EqualFold(sh.Heading, s.Heading) {
						if old := plain(sh); old != text && strings.Contains(page.text, old) {
							t.Errorf("%s/guider/%s: replaced shared section %q is still on the page", m, g, s.Heading)
						}
					}
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Error("no adapted section was checked")
	}
	t.Logf("checked %d adapted sections", checked)

	broken := checkLinks(out, pages, "/")
	for _, b := range broken {
		t.Error(b)
	}
	t.Logf("checked the internal links and anchors of %d pages: %d broken", len(pages), len(broken))
}

type markdownSection = model.Section

// parseSections reads a content file's body sections.
func parseSections(t *testing.T, fsys fs.FS, p string) []model.Section {
	t.Helper()
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		t.Fatal(err)
	}
	return markdown.Parse[guides.GuideMeta](p, src, &diag.List{}).Sections
}

// globSlugs lists the slugs of the files matching pattern.
func globSlugs(t *testing.T, fsys fs.FS, pattern string) []string {
	t.Helper()
	files, err := fs.Glob(fsys, pattern)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, ".lattlast.md") || load.LangOf(f) != "" {
			continue // a guide's easy-to-read version (easy_test.go) or translation (lang_test.go)
		}
		out = append(out, strings.TrimSuffix(path.Base(f), ".md"))
	}
	sort.Strings(out)
	return out
}

// checkLinks returns a line for every internal href or src of the output
// that does not lead to a file, or to an id in it.
func checkLinks(out string, pages map[string]*htmlPage, basePath string) []string {
	var broken []string
	for _, name := range slices.Sorted(maps.Keys(pages)) {
		p := pages[name]
		for _, link := range p.links {
			u, err := url.Parse(link)
			if err != nil {
				broken = append(broken, name+": bad URL "+link)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				if u.Scheme == "javascript" {
					broken = append(broken, name+": javascript: link")
				}
				continue
			}
			target := name
			if u.Path != "" {
				if !strings.HasPrefix(u.Path, basePath) {
					broken = append(broken, name+": link outside the base path: "+link)
					continue
				}
				target = strings.TrimPrefix(u.Path, basePath)
				if target == "" || strings.HasSuffix(target, "/") {
					target += "index.html"
				}
			}
			tp, isPage := pages[target]
			if !isPage {
				if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(target))); err != nil {
					broken = append(broken, name+": link to missing "+link)
				}
				continue
			}
			if u.Fragment != "" && !tp.ids[u.Fragment] {
				broken = append(broken, name+": link to missing anchor "+link)
			}
		}
	}
	return broken
}

// treeHash hashes every file's path and bytes under dir, in path order.
func treeHash(t *testing.T, dir string) (string, int) {
	t.Helper()
	h := sha256.New()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		h.Write([]byte(filepath.ToSlash(rel) + "\x00"))
		h.Write(b)
		h.Write([]byte{0})
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil)), n
}

// TestBuildIsDeterministic builds the example site with GOMAXPROCS=1 and
// GOMAXPROCS=8 and compares the trees byte for byte.
func TestBuildIsDeterministic(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var hashes []string
	for _, procs := range []int{1, 8} {
		runtime.GOMAXPROCS(procs)
		out, _ := buildExample(t, "")
		h, n := treeHash(t, out)
		t.Logf("GOMAXPROCS=%d: %d files, sha256 %s", procs, n, h)
		hashes = append(hashes, h)
	}
	if hashes[0] != hashes[1] {
		t.Error("the builds with GOMAXPROCS=1 and GOMAXPROCS=8 differ")
	}
}

// TestExampleSiteUnderSubPath builds the example for a project site at
// https://example.org/esamverkan/webb/ and checks that every internal link
// stays under that path and leads somewhere.
func TestExampleSiteUnderSubPath(t *testing.T) {
	out, _ := buildExample(t, "https://example.org/esamverkan/webb/")
	pages := readPages(t, out)
	for _, b := range checkLinks(out, pages, "/esamverkan/webb/") {
		t.Error(b)
	}
	if c := pages["guider/bygglov/index.html"].canon; c != "https://example.org/esamverkan/webb/guider/bygglov/" {
		t.Errorf("canonical = %q", c)
	}
	robots, _ := os.ReadFile(filepath.Join(out, "robots.txt"))
	if !strings.Contains(string(robots), "Sitemap: https://example.org/esamverkan/webb/sitemap.xml") {
		t.Errorf("robots.txt does not name the sitemap under the sub-path:\n%s", robots)
	}
}

// TestCheckLinksFindsBrokenLinks makes sure the link check of the output
// can fail: a missing page, a missing anchor, a link outside the base path
// and a javascript: link are each reported.
func TestCheckLinksFindsBrokenLinks(t *testing.T) {
	out := t.TempDir()
	pages := map[string]*htmlPage{
		"index.html":   {ids: map[string]bool{"top": true}, links: []string{"/a/", "/a/#ok", "/a/#nope", "/b/", "#top", "#gone", "/other/", "javascript:alert(1)", "https://example.org/"}},
		"a/index.html": {ids: map[string]bool{"ok": true}},
	}
	got := checkLinks(out, pages, "/")
	want := []string{
		"index.html: link to missing anchor /a/#nope",
		"index.html: link to missing /b/",
		"index.html: link to missing anchor #gone",
		"index.html: link to missing /other/",
		"index.html: javascript: link",
	}
	if !slices.Equal(got, want) {
		t.Errorf("checkLinks =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
