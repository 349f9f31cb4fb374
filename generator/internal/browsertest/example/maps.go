package example

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/internal/browsertest"
)

// measureMaps measures every map on the page: the smallest height of a
// visible name (text), the lowest contrast of a name on its halo (or of a
// cluster's count on its circle), the smallest width and height of a
// visible symbol or cluster (focusable, or an image with a name), in CSS
// pixels (getBoundingClientRect), and how many of each it measured.
const measureMaps = `function measureMaps() {
	const vis = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).display !== "none" && getComputedStyle(e).visibility !== "hidden"; };
	const out = {texts: 0, minText: 1e9, minTextWhat: "", targets: 0, minTarget: 1e9, minTargetWhat: "", minContrast: 1e9, minContrastWhat: ""};
	const lum = c => {
		const [r, g, b] = (c.match(/[\d.]+/g) || []).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
	for (const svg of document.querySelectorAll(".map-canvas > svg")) {
		const box = svg.getBoundingClientRect();
		for (const t of svg.querySelectorAll("text")) {
			if (!vis(t)) continue;
			const r = t.getBoundingClientRect();
			if (r.right < box.left || r.left > box.right || r.bottom < box.top || r.top > box.bottom) continue;
			out.texts++;
			if (r.height < out.minText) { out.minText = r.height; out.minTextWhat = t.textContent; }
			// The text's colour on what lies under it: its halo (stroke),
			// or the circle it is written on (a cluster's count).
			const cs = getComputedStyle(t);
			let bg = cs.stroke !== "none" ? cs.stroke : "";
			if (!bg) {
				let s = t.previousElementSibling;
				if (s && s.tagName === "use") s = svg.querySelector(s.getAttribute("href"));
				if (s) bg = getComputedStyle(s).fill;
			}
			if (bg.startsWith("rgb") && cs.fill.startsWith("rgb")) {
				const c = ratio(cs.fill, bg);
				if (c < out.minContrast) { out.minContrast = c; out.minContrastWhat = t.textContent + " (" + cs.fill + " on " + bg + ")"; }
			}
		}
		for (const a of svg.querySelectorAll("a[href], [tabindex], [role=img]")) {
			if (!vis(a)) continue;
			const r = a.getBoundingClientRect();
			out.targets++;
			const m = Math.min(r.width, r.height);
			if (m < out.minTarget) { out.minTarget = m; out.minTargetWhat = a.getAttribute("aria-label"); }
		}
	}
	return out;
}`

// mapMeasure is the expression that measures the maps: at once on a page
// without scripts (whose timers do not run), else once the page has drawn
// (two frames, or 300 ms: the script regroups the points when the map's
// width changes).
func mapMeasure(js bool) string {
	if !js {
		return "(() => {" + measureMaps + "\nreturn measureMaps();\n})()"
	}
	return "(() => {" + measureMaps + `
return new Promise(done => {
	let measured = false;
	const measure = () => { if (!measured) { measured = true; done(measureMaps()); } };
	requestAnimationFrame(() => requestAnimationFrame(measure));
	setTimeout(measure, 300);
});
})()`
}

type measure struct {
	Texts, Targets                              int
	MinText, MinTarget, MinContrast             float64
	MinTextWhat, MinTargetWhat, MinContrastWhat string
}

// mapPages lists the example's pages with a map: the map index, the
// region-wide category maps, every municipality's and municipality and
// category's map and every place's page, in Swedish and English.
func mapPages(t *testing.T, out string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		rel, _ := filepath.Rel(out, filepath.Dir(p))
		url := "/" + filepath.ToSlash(rel) + "/"
		switch {
		case strings.Contains(url, "/karta/"):
			pages = append(pages, url)
		case strings.Contains(url, "/platser/"):
			pages = append(pages, url)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(pages)
	return pages
}

// CheckMapsLegible checks part (1…parts) of the map pages of the example
// site of the module at root at 390 and 1280 CSS pixels, with the map
// script and without, and in the dark scheme:
// every name on a map is at least 12 pixels high with a contrast of 4.5:1
// on its halo, and every symbol or cluster is at least 24 × 24 pixels
// (issue 14), whatever the map's size.
func CheckMapsLegible(t *testing.T, root string, part, parts int) {
	browsertest.Require(t)
	out := Build(t, root)
	srv := browsertest.NewServer(t, out)
	b := browsertest.NewBrowser(t)
	ctx := b.Tab(t)
	all := mapPages(t, out)
	if len(all) < 500 {
		t.Fatalf("only %d map pages", len(all))
	}
	var pages []string
	for i, p := range all {
		if i%parts == part-1 {
			pages = append(pages, p)
		}
	}
	var texts, targets int
	minText, minTarget := 1e9, 1e9
	minContrast := map[browsertest.Scheme]float64{browsertest.Light: 1e9, browsertest.Dark: 1e9}
	for _, pass := range []struct {
		js     bool
		scheme browsertest.Scheme
	}{{true, browsertest.Light}, {false, browsertest.Light}, {true, browsertest.Dark}} {
		js := pass.js
		if err := browsertest.DisableScripts(ctx, !js); err != nil {
			t.Fatal(err)
		}
		if err := browsertest.SetScheme(ctx, pass.scheme); err != nil {
			t.Fatal(err)
		}
		for _, page := range pages {
			// Each page is loaded once and measured at both widths: the
			// viewport changes without a reload (and the script
			// regroups the points for the new width).
			if err := browsertest.SetViewport(ctx, 390, browsertest.DesktopHeight); err != nil {
				t.Fatal(err)
			}
			if _, err := browsertest.Load(ctx, srv.URL+page); err != nil {
				t.Fatal(err)
			}
			for _, width := range []int{390, 1280} {
				if err := browsertest.SetViewport(ctx, width, browsertest.DesktopHeight); err != nil {
					t.Fatal(err)
				}
				m, err := browsertest.Eval[measure](ctx, mapMeasure(js))
				if err != nil {
					t.Fatal(err)
				}
				if m.Texts+m.Targets == 0 {
					t.Errorf("%s at %d px (script %v, %s): nothing measured on the map", page, width, js, pass.scheme)
					continue
				}
				texts += m.Texts
				targets += m.Targets
				minText, minTarget = min(minText, m.MinText), min(minTarget, m.MinTarget)
				if m.Texts > 0 && m.MinText < 12 {
					t.Errorf("%s at %d px (script %v): the name %q is %.1f px high, want 12", page, width, js, m.MinTextWhat, m.MinText)
				}
				minContrast[pass.scheme] = min(minContrast[pass.scheme], m.MinContrast)
				if m.Texts > 0 && m.MinContrast < 4.5 {
					t.Errorf("%s at %d px (%s): the name %s has a contrast of %.2f:1, want 4.5:1", page, width, pass.scheme, m.MinContrastWhat, m.MinContrast)
				}
				if m.Targets > 0 && m.MinTarget < 24 {
					t.Errorf("%s at %d px (script %v): %q is %.1f px, want 24 × 24", page, width, js, m.MinTargetWhat, m.MinTarget)
				}
			}
		}
	}
	t.Logf("%d of %d map pages × 2 widths × (light with and without the script, dark with it): %d names, the smallest %.1f px high, the lowest contrast %.2f:1 light and %.2f:1 dark; %d symbols and clusters, the smallest %.1f px",
		len(pages), len(all), texts, minText, minContrast[browsertest.Light], minContrast[browsertest.Dark], targets, minTarget)
}
