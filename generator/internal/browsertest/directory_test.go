package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// staticDir is a directory page as built: the e-services it lists and the
// count of each of its filter links, by facet key and value ("" is all).
type staticDir struct {
	items     []string
	counts    map[string]map[string]int
	collapsed map[string]bool // the facets that offer only all and the chosen value
}

// readStaticDir reads the directory page of url path p in out, or nil if
// there is none.
func readStaticDir(t *testing.T, out, p string) *staticDir {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p), "index.html"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	get := func(n *html.Node, k string) (string, bool) {
		for _, a := range n.Attr {
			if a.Key == k {
				return a.Val, true
			}
		}
		return "", false
	}
	d := &staticDir{counts: map[string]map[string]int{}, collapsed: map[string]bool{}}
	count := regexp.MustCompile(`\((\d+)\)\s*$`)
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if cls, _ := get(n, "class"); n.Data == "ul" && cls == "dir-list" {
			for li := range n.ChildNodes() {
				for a := range li.Descendants() {
					if a.Type == html.ElementNode && a.Data == "a" {
						href, _ := get(a, "href")
						d.items = append(d.items, href)
						break
					}
				}
			}
		}
		key, ok := get(n, "data-key")
		if !ok {
			continue
		}
		d.counts[key] = map[string]int{}
		_, d.collapsed[key] = get(n, "data-collapsed")
		for a := range n.Descendants() {
			value, ok := get(a, "data-value")
			if a.Type != html.ElementNode || a.Data != "a" || !ok {
				continue
			}
			var text strings.Builder
			for c := range a.Descendants() {
				if c.Type == html.TextNode {
					text.WriteString(c.Data)
				}
			}
			m := count.FindStringSubmatch(text.String())
			if m == nil {
				t.Fatalf("%s: the link %q shows no count", p, text.String())
			}
			d.counts[key][value], _ = strconv.Atoi(m[1])
		}
	}
	return d
}

// jsState is what the directory shows after the script applied a
// selection: the address, the e-services shown and each select's options.
type jsState struct {
	Values  []string
	Path    string
	Shown   []string
	Status  string
	Heading string
	Options [][]struct {
		Value, Text string
		Disabled    bool
	}
}

// applyAll is a script that applies every combination of the selects'
// values through the selects (setting each and sending change), and
// returns the state after each.
const applyAll = `(() => {
	const sels = Array.from(document.querySelectorAll(".dir-form select"));
	const opts = sels.map(s => Array.from(s.options).map(o => o.value));
	const out = [];
	const rec = (i, vals) => {
		if (i === sels.length) {
			sels.forEach((s, k) => { s.value = vals[k]; s.dispatchEvent(new Event("change")); });
			out.push({
				Values: vals.slice(), Path: location.pathname,
				Shown: Array.from(document.querySelectorAll(".dir-list li:not([hidden]) > a")).map(a => a.getAttribute("href")),
				Status: document.querySelector(".dir-status").textContent,
				Heading: document.getElementById("gm-results").textContent,
				Options: sels.map(s => Array.from(s.options).map(o => ({Value: o.value, Text: o.textContent, Disabled: o.disabled}))),
			});
			return;
		}
		for (const v of opts[i]) { vals[i] = v; rec(i + 1, vals); }
	};
	rec(0, []);
	return out;
})()`

// TestDirectoryScript checks js/directory.js in Chromium against the pages
// of the example site's directory. On /e-tjanster/, loaded once, it applies
// every combination of municipality × category × audience through the
// selects the script makes: the list it shows is the list of the static
// page of that combination (the same e-services in the same order), the
// address it puts in the location bar is that page's, its status and the
// list's heading say how many it shows, a combination it
// shows nothing for has no page; and each option's count is the count of
// the static page's link to the same choice, or 0 and disabled where the
// page has no such link (unless the page's facet is collapsed, which the
// example's seven municipalities never are). The English directory's addresses are under /en/.
func TestDirectoryScript(t *testing.T) {
	Require(t)
	out := buildExample(t)
	srv := NewServer(t, out)
	b := NewBrowser(t)
	ctx := b.Tab(t)
	if _, err := Load(ctx, srv.URL+"/e-tjanster/"); err != nil {
		t.Fatal(err)
	}
	selects, err := Eval[[]string](ctx, `Array.from(document.querySelectorAll(".dir-form select")).map(s => s.id)`)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"gm-dir-municipalities", "gm-dir-category", "gm-dir-audience"}; !slices.Equal(selects, want) {
		t.Fatalf("the script made selects %v, want %v", selects, want)
	}
	keys := []string{"kommun", "kategori", "malgrupp"}
	hidden, err := Eval[int](ctx, `document.querySelectorAll("nav[data-key][hidden]").length`)
	if err != nil || hidden != len(keys) {
		t.Errorf("the script hid %d of the filters' link lists (%v), want %d", hidden, err, len(keys))
	}
	states, err := Eval[[]jsState](ctx, applyAll)
	if err != nil {
		t.Fatal(err)
	}
	pages, empty := 0, 0
	for _, s := range states {
		want := "/e-tjanster/"
		for i, v := range s.Values {
			if v != "" {
				want += keys[i] + "/" + v + "/"
			}
		}
		if s.Path != want {
			t.Errorf("%v: the script went to %s, want %s", s.Values, s.Path, want)
		}
		page := readStaticDir(t, out, want)
		if page == nil {
			if len(s.Shown) > 0 {
				t.Errorf("%v: the script shows %d e-services, %s has no page", s.Values, len(s.Shown), want)
			}
			empty++
			continue
		}
		pages++
		if !slices.Equal(s.Shown, page.items) || len(s.Shown) == 0 {
			t.Errorf("%v: the script shows %v, %s lists %v", s.Values, s.Shown, want, page.items)
		}
		if firstNumber(s.Status) != len(page.items) || firstNumber(s.Heading) != len(page.items) {
			t.Errorf("%v: the status says %q and the heading %q, the page lists %d", s.Values, s.Status, s.Heading, len(page.items))
		}
		for i, opts := range s.Options {
			for _, o := range opts {
				n, linked := page.counts[keys[i]][o.Value]
				if !linked && page.collapsed[keys[i]] {
					continue
				}
				if !linked && !o.Disabled && o.Value != s.Values[i] {
					t.Errorf("%v: option %s=%q (%q) is enabled, %s has no link to it", s.Values, keys[i], o.Value, o.Text, want)
				}
				if got := fmt.Sprintf("(%d)", n); !strings.HasSuffix(o.Text, got) {
					t.Errorf("%v: option %s=%q says %q, %s's link says %s", s.Values, keys[i], o.Value, o.Text, want, got)
				}
			}
		}
	}
	if pages < 100 {
		t.Errorf("only %d combinations have pages", pages)
	}
	t.Logf("%d combinations applied: %d with a page that lists what the script shows, %d empty ones without", len(states), pages, empty)

	// The English directory.
	if _, err := Load(ctx, srv.URL+"/en/e-tjanster/"); err != nil {
		t.Fatal(err)
	}
	p, err := Eval[string](ctx, `(() => {
		const s = document.getElementById("gm-dir-municipalities");
		s.value = s.options[1].value;
		s.dispatchEvent(new Event("change"));
		return location.pathname;
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(p, "/en/e-tjanster/kommun/") || readStaticDir(t, out, p) == nil {
		t.Errorf("the English directory went to %s", p)
	}
}

// firstNumber is the first whole number in s, or -1.
func firstNumber(s string) int {
	for _, f := range strings.Fields(s) {
		if n, err := strconv.Atoi(f); err == nil {
			return n
		}
	}
	return -1
}
