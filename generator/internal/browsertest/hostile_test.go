package browsertest

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/esamverkan/guidemap/generator"
	"github.com/esamverkan/guidemap/generator/internal/hostile"
)

// interactJS runs the site's scripts as a reader would: every choice of the
// directory's selects, every button of the maps and their clusters (each
// opens the list of a spot), then waits a moment for what they build.
const interactJS = `(async () => {
  for (const sel of document.querySelectorAll("select[data-attr]")) {
    for (const opt of Array.from(sel.options)) {
      sel.value = opt.value;
      sel.dispatchEvent(new Event("change"));
    }
  }
  for (const b of document.querySelectorAll("figure[data-map] button, .map-tools button")) {
    if (!/n.rmast|near|distance/i.test(b.textContent)) b.click();
  }
  for (const g of document.querySelectorAll(".m-cluster")) g.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  await new Promise(r => setTimeout(r, 50));
  return true;
})()`

// searchedJS waits until the search page has shown its results (or three
// seconds).
const searchedJS = `new Promise(r => { const t0 = Date.now(); (function w() {
  if (document.querySelector("[data-query]") || Date.now() - t0 > 3000) r(true); else setTimeout(w, 50); })(); })`

// TestHostileSite builds the site of every safe hostile case
// (generator/internal/hostile) and loads each of its pages in Chromium:
// after the page's scripts ran and after the reader's actions (the
// directory's filters, the maps' buttons and clusters, the search typed
// with each payload), no element or attribute from the input is in the
// DOM, no payload ran (window.__pwned, alert), and the page reported no
// CSP violation and no script error.
func TestHostileSite(t *testing.T) {
	Require(t)
	start := time.Now()
	var safe []hostile.Case
	for _, c := range hostile.Cases {
		if c.Err == "" {
			safe = append(safe, c)
		}
	}
	parent := t.TempDir()
	dir, outside, out := filepath.Join(parent, "site"), filepath.Join(parent, "outside"), filepath.Join(parent, "public")
	for _, d := range []string{dir, outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	hostile.Write(t, dir, outside, safe...)
	if _, err := generator.Build(context.Background(), generator.Config{Src: dir, Out: out}); err != nil {
		t.Fatalf("build of the hostile site: %v", err)
	}
	pages, err := hostile.Pages(out)
	if err != nil {
		t.Fatal(err)
	}
	base := Serve(t, out)
	ctx := NewBrowser(t).Tab(t)
	err = withTimeout(ctx, "install the dialog hook", func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: hostile.HookJS})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	// The checks are live: markup put into a page by a script is found,
	// and its handler is blocked by the CSP, which reports it.
	if _, err := Load(ctx, base+"/"); err != nil {
		t.Fatal(err)
	}
	live, err := Eval[[]string](ctx, `(document.body.insertAdjacentHTML("beforeend", `+"`"+hostile.Img+hostile.Form+"`"+`), new Promise(r => setTimeout(r, 100)))
		.then(() => `+hostile.FindingsJS+`.concat(__gmWatch.csp.map(v => "csp " + v)))`)
	if err != nil || len(live) < 3 {
		t.Fatalf("markup put into the page: found %q (%v); want the img, its handler, the form and a CSP violation", live, err)
	}

	var loads, markup, ran, csp, scriptErrors int
	check := func(path, after string) {
		t.Helper()
		loads++
		status, err := Load(ctx, base+path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			return
		}
		if status != 200 {
			t.Errorf("%s: status %d", path, status)
		}
		if after != "" {
			if _, err := Eval[bool](ctx, after); err != nil {
				t.Errorf("%s: the reader's actions: %v", path, err)
			}
		}
		type state struct {
			Findings []string `json:"findings"`
			Pwned    bool     `json:"pwned"`
			Alerts   int      `json:"alerts"`
			CSP      []string `json:"csp"`
			Errors   []string `json:"errors"`
		}
		s, err := Eval[state](ctx, `({findings: `+hostile.FindingsJS+`, pwned: window.__pwned !== undefined, alerts: window.__alerts || 0,
			csp: window.__gmWatch ? __gmWatch.csp : ["no watcher"], errors: window.__gmWatch ? __gmWatch.errors : []})`)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			return
		}
		for _, f := range s.Findings {
			markup++
			t.Errorf("%s: %s", path, f)
		}
		if s.Pwned || s.Alerts > 0 {
			ran++
			t.Errorf("%s: a payload ran (__pwned %v, %d dialogs)", path, s.Pwned, s.Alerts)
		}
		for _, v := range s.CSP {
			csp++
			t.Errorf("%s: CSP violation: %s", path, v)
		}
		for _, e := range s.Errors {
			scriptErrors++
			t.Errorf("%s: script error: %s", path, e)
		}
	}
	for _, p := range pages {
		check(p, interactJS)
	}
	// The search, typed with each payload (the page reads ?q= as the
	// search box's form sends it).
	for _, q := range []string{hostile.Mixed, hostile.Img, hostile.Script, hostile.SVG, hostile.Form, hostile.JSURL, hostile.Tmpl, "Bibl " + hostile.Mixed, "Timrå"} {
		for _, search := range []string{"/sok/", "/en/sok/"} {
			if !slices.Contains(pages, search) {
				continue
			}
			check(search+"?q="+url.QueryEscape(q), searchedJS)
		}
	}
	t.Logf("hostile site in Chromium: %d cases, %d pages, %d loads in %s: %d elements or attributes from input in the DOM, %d scripts run, %d CSP violations, %d script errors",
		len(safe), len(pages), loads, time.Since(start).Round(time.Second), markup, ran, csp, scriptErrors)
}
