package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/esamverkan/guidemap/generator/internal/browsertest"
)

// TestServeInTheBrowser edits a site while a real Chromium tab shows one of
// its pages: the tab reloads on an edit, shows the overlay (with no axe
// violation, in English with lang="en" when serve is told English) when the front matter breaks,
// drops it when the fix is saved, and takes a new style sheet without
// reloading; the page's Content-Security-Policy never blocks the reload
// script.
func TestServeInTheBrowser(t *testing.T) {
	browsertest.Require(t)
	dir := copySite(t)
	css := filepath.Join(dir, "themes/default/css/40-extra.css")
	os.MkdirAll(filepath.Dir(css), 0o755)
	os.WriteFile(css, []byte(":root { --guidemap-test: 1px }\n"), 0o644)
	r := start(t, dir, 10*time.Millisecond)
	tab := browsertest.NewBrowser(t).Tab(t)
	const file = "content/guides/bygglov.md"
	if st, err := browsertest.Load(tab, r.url+"/guider/bygglov/"); err != nil || st != 200 {
		t.Fatalf("load: %d %v", st, err)
	}
	// until waits for the page to make expr true.
	until := func(what, expr string) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			ok, err := browsertest.Eval[bool](tab, expr)
			if err == nil && ok {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within 30 s (%v); log:\n%s", what, err, r.log.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	mark := func() {
		if _, err := browsertest.Eval[bool](tab, `(window.__notReloaded = true)`); err != nil {
			t.Fatal(err)
		}
	}

	// An edit of the text: the tab reloads and shows it.
	mark()
	src := r.read(file)
	r.write(file, src+"\nEn mening om lingonsylt i bygglovet.\n")
	until("the edit shows", `!window.__notReloaded && document.body.innerText.includes("lingonsylt")`)

	// Broken front matter: the overlay names the file and line, passes
	// axe, and the page under it is the last good one.
	good := r.read(file)
	broken := strings.Replace(good, "summary:", "sumary:", 1)
	line := 1 + strings.Count(broken[:strings.Index(broken, "sumary:")], "\n")
	mark()
	r.write(file, broken)
	until("the overlay shows", fmt.Sprintf(`!!document.querySelector("#guidemap-overlay") && document.querySelector("#guidemap-overlay").innerText.includes(%q)`,
		fmt.Sprintf("%s:%d", file, line)))
	if lang, _ := browsertest.Eval[string](tab, `document.querySelector("#guidemap-overlay").lang`); lang != "en" {
		t.Errorf("the overlay's lang is %q, want en (the page is Swedish, the messages English)", lang)
	}
	if ok, _ := browsertest.Eval[bool](tab, `window.__notReloaded === true && document.body.innerText.includes("lingonsylt")`); !ok {
		t.Error("the page under the overlay is not the last good one")
	}
	res, err := browsertest.RunAxe(tab, browsertest.AxeRun{Tags: browsertest.WCAGTags})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range res.Violations {
		t.Errorf("axe on the page with the overlay: %s", v)
	}

	// The fix: the tab reloads without the overlay.
	r.write(file, good)
	until("the overlay goes", `!window.__notReloaded && !document.querySelector("#guidemap-overlay")`)

	// A style sheet alone: swapped in place, no reload.
	mark()
	os.WriteFile(css, []byte(":root { --guidemap-test: 42px }\n"), 0o644)
	until("the new style sheet applies", `window.__notReloaded === true && getComputedStyle(document.documentElement).getPropertyValue("--guidemap-test").trim() === "42px"`)

	watched, err := browsertest.Eval[map[string][]string](tab, `window.__gmWatch`)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range append(watched["csp"], watched["errors"]...) {
		t.Errorf("in the tab: %s", v)
	}
}

// TestServeOverlayInSwedish: with the messages in Swedish (serve --lang sv,
// or the site's language), the overlay's heading, messages, hints and
// button are Swedish, it is marked lang="sv", and it passes axe.
func TestServeOverlayInSwedish(t *testing.T) {
	browsertest.Require(t)
	dir := copySite(t)
	r := startWith(t, dir, 10*time.Millisecond, func(s *Server) { s.opts.Lang = "sv" })
	tab := browsertest.NewBrowser(t).Tab(t)
	const file = "content/guides/bygglov.md"
	if st, err := browsertest.Load(tab, r.url+"/guider/bygglov/"); err != nil || st != 200 {
		t.Fatalf("load: %d %v", st, err)
	}
	r.write(file, strings.Replace(r.read(file), "summary:", "sumary:", 1))
	deadline := time.Now().Add(30 * time.Second)
	for {
		if ok, err := browsertest.Eval[bool](tab, `!!document.querySelector("#guidemap-overlay")`); err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no overlay within 30 s; log:\n%s", r.log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	text, err := browsertest.Eval[string](tab, `document.querySelector("#guidemap-overlay").innerText`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Webbplatsen har 1 fel; den senaste fungerande versionen visas", `okänd nyckel "sumary"`, `menade du "summary"?`, "Dölj"} {
		if !strings.Contains(text, want) {
			t.Errorf("the overlay lacks %q:\n%s", want, text)
		}
	}
	if lang, _ := browsertest.Eval[string](tab, `document.querySelector("#guidemap-overlay").lang`); lang != "sv" {
		t.Errorf("the overlay's lang is %q, want sv", lang)
	}
	res, err := browsertest.RunAxe(tab, browsertest.AxeRun{Tags: browsertest.WCAGTags})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range res.Violations {
		t.Errorf("axe on the page with the overlay: %s", v)
	}
}
