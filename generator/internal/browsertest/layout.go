package browsertest

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
)

// Page is an HTML file of an output folder and the URL path it is served at.
type Page struct {
	File string // path of the file on disk
	Path string // URL path: / for index.html, /x/ for x/index.html, /404.html
}

// Pages lists every .html file under dir, sorted by URL path.
func Pages(dir string) ([]Page, error) {
	var pages []Page
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		u := "/" + filepath.ToSlash(rel)
		if dirPart, ok := strings.CutSuffix(u, "index.html"); ok {
			u = dirPart
		}
		pages = append(pages, Page{File: p, Path: u})
		return nil
	})
	if err == nil && len(pages) == 0 {
		err = fmt.Errorf("no HTML files in %s", dir)
	}
	slices.SortFunc(pages, func(a, b Page) int { return strings.Compare(a.Path, b.Path) })
	return pages, err
}

// OverflowResult is what Overflow measured.
type OverflowResult struct {
	Width       int      // the viewport's width (window.innerWidth)
	ScrollWidth int      // document.scrollingElement.scrollWidth
	Culprits    []string // up to five elements reaching past the viewport's edge, as CSS paths with their widths
}

// Overflows reports whether the page scrolls sideways.
func (o OverflowResult) Overflows() bool { return o.ScrollWidth > o.Width }

// String describes the overflow for a test failure.
func (o OverflowResult) String() string {
	s := fmt.Sprintf("%d px wide: scrollWidth %d > %d", o.Width, o.ScrollWidth, o.Width)
	if len(o.Culprits) > 0 {
		s += "; too wide: " + strings.Join(o.Culprits, "; ")
	}
	return s
}

// Overflow loads url in a viewport width CSS pixels wide and measures
// horizontal overflow (document.scrollingElement.scrollWidth against
// window.innerWidth). The viewport stays at that width.
func Overflow(ctx context.Context, url string, width int) (OverflowResult, error) {
	if err := SetViewport(ctx, width, DesktopHeight); err != nil {
		return OverflowResult{}, err
	}
	if _, err := Load(ctx, url); err != nil {
		return OverflowResult{}, err
	}
	return MeasureOverflow(ctx)
}

// MeasureOverflow measures horizontal overflow of the page loaded in the
// tab, at the tab's current viewport (after SetViewport, without reload).
func MeasureOverflow(ctx context.Context) (OverflowResult, error) {
	return Eval[OverflowResult](ctx, overflowJS)
}

// overflowJS measures the overflow (reading scrollWidth lays the page out
// at the current viewport first) and, when there is some, names the
// deepest elements that stick out past the right edge (or the left), outside
// any scroll container that would clip them.
const overflowJS = `(() => {
  const se = document.scrollingElement || document.documentElement;
  const w = window.innerWidth;
  const res = {Width: w, ScrollWidth: se.scrollWidth, Culprits: []};
  if (se.scrollWidth <= w) return res;
  const path = el => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
      let p = e.localName;
      if (e.id) { parts.unshift(p + "#" + e.id); break; }
      if (e.classList.length) p += "." + Array.from(e.classList).join(".");
      parts.unshift(p);
    }
    return parts.join(" > ");
  };
  const clipped = el => {
    for (let e = el.parentElement; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
      if (getComputedStyle(e).overflowX !== "visible") return true;
    }
    return false;
  };
  const out = el => { const b = el.getBoundingClientRect(); return b.width > 0 && (b.right > w + 0.5 || b.left < -0.5); };
  for (const el of document.body.querySelectorAll("*")) {
    if (!out(el) || clipped(el)) continue;
    if (Array.from(el.children).some(out)) continue; // report the deepest
    const b = el.getBoundingClientRect();
    res.Culprits.push(path(el) + " (" + Math.round(b.left) + ".." + Math.round(b.right) + " px)");
    if (res.Culprits.length >= 5) break;
  }
  return res;
})()`
