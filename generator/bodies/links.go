package bodies

// The link check: every internal link of a rendered body must lead to a
// page that exists, and its anchor to a heading of that page. Which pages
// exist is known once the render stage has listed its output (Check);
// which headings a page has, from the bodies themselves.

import (
	"maps"
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
)

// linkCheck holds the heading IDs of every page with a body, the pages
// that exist, and what checking each body's links found.
type linkCheck struct {
	byURL   map[string]int      // page URL → its job (the same in every Set made by Update)
	anchors []map[string]bool   // by job: the heading IDs of its page
	exists  map[string]bool     // the URLs of every output file
	diags   [][]diag.Diagnostic // by job
}

func (lc *linkCheck) clone() *linkCheck {
	return &linkCheck{byURL: lc.byURL, anchors: slices.Clone(lc.anchors), exists: lc.exists, diags: slices.Clone(lc.diags)}
}

// Check checks the internal links of every body against the output
// files (slash paths relative to the output folder): links to pages that
// are not among them, and anchors that are not headings of their page.
// What it finds is in Diags.
func (s *Set) Check(paths []string) {
	lc := s.links
	lc.exists = make(map[string]bool, 2*len(paths))
	for _, p := range paths {
		lc.exists["/"+p] = true
		if strings.HasSuffix(p, "index.html") {
			lc.exists["/"+strings.TrimSuffix(p, "index.html")] = true
		}
	}
	lc.diags = make([][]diag.Diagnostic, len(s.jobs))
	for i := range s.jobs {
		lc.diags[i] = lc.check(s, i)
	}
}

// recheck checks again the links of the bodies idx, whose text changed,
// and the links of every body to the pages in moved, whose headings
// changed; the pages that exist are the same.
func (lc *linkCheck) recheck(s *Set, idx []int, moved map[string]bool) {
	if lc.diags == nil {
		return // not checked yet
	}
	for _, i := range idx {
		lc.diags[i] = lc.check(s, i)
	}
	if len(moved) == 0 {
		return
	}
	for i, out := range s.outs {
		for k, ln := range out.links {
			if ln.Anchor != "" && moved[target(s, i, k)] {
				lc.diags[i] = lc.check(s, i)
				break
			}
		}
	}
}

// target is the page link k of body i leads to: in a rendering shared by
// the pages of several municipalities, a link to a shared guide or
// e-service leads to the page's municipality's own version or offer.
func target(s *Set, i, k int) string {
	out := s.outs[i]
	ln := out.links[k]
	if ln.URL == "" {
		return s.jobs[i].url
	}
	if out.varies != nil && out.varies[k] {
		u, _, _ := s.res(s.jobs[i].m, ln.File)
		return u
	}
	return ln.URL
}

// check checks the links of body i.
func (lc *linkCheck) check(s *Set, i int) []diag.Diagnostic {
	links := s.outs[i].links
	if len(links) == 0 {
		return nil
	}
	l := &diag.List{}
	for k, ln := range links {
		target := target(s, i, k)
		if !lc.exists[target] {
			l.Errorf(ln.Pos, "link to a page of the site, or better to its .md file", "link to %q: there is no such page", ln.Written)
			continue
		}
		if ln.Anchor == "" {
			continue
		}
		j, ok := lc.byURL[target]
		ids := lc.anchors[j]
		if !ok || ids[ln.Anchor] {
			continue // a page without a Markdown body: its anchors are the theme's
		}
		hint := diag.DidYouMean(ln.Anchor, slices.Sorted(maps.Keys(ids)))
		if hint == "" {
			hint = "link to the ID of a heading on that page: its text in lower case, å and ä as a, ö as o, spaces as -"
		}
		l.Errorf(ln.Pos, hint, "link to %q: the page has no heading with the ID %q", ln.Written, ln.Anchor)
	}
	return l.Items()
}
