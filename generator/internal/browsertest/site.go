package browsertest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// overflowWidths are the viewport widths at which no page may scroll
// sideways: a desktop window, a phone, and 320 CSS px, which is WCAG 1.4.10
// Reflow's own measure (1280 px at 400 % zoom).
var overflowWidths = []int{DesktopWidth, PhoneWidth, 320}

// workers is the number of browser tabs checking pages in parallel: the CI
// machine has two cores.
const workers = 2

// keyboardPages are walked with the Tab key: the home page and a guide.
var keyboardPages = []string{"/", "/sundsvall/guider/bygglov/"}

// CheckExampleSite checks the pages of the example site, built in out, in
// Chromium: axe-core's WCAG 2.0/2.1 A and AA rules (and the colour rules
// again in the dark scheme), horizontal overflow at 1280, 390 and 320 px,
// CSP violations and script errors. It checks part (1…parts) of the pages,
// every parts-th in path order, so that the example's thousand pages are
// checked by several test packages: go test ./... runs a package at most
// ten minutes, and runs two at a time on two cores (and more beside
// them). Every page is checked in one part. Part 1 also runs the
// Nu HTML Checker on every page, the keyboard (skip link first, visible
// focus on every tab stop) and navigation with JavaScript turned off.
func CheckExampleSite(t *testing.T, out string, part, parts int) {
	start := time.Now()
	all, err := Pages(out)
	if err != nil {
		t.Fatal(err)
	}
	var pages []Page
	for i, p := range all {
		if i%parts == part-1 {
			pages = append(pages, p)
		}
	}
	first := part == 1
	srv := NewServer(t, out)

	// The Nu HTML Checker runs in its own JVM beside the browser.
	type vnuResult struct {
		msgs []Message
		err  error
		took time.Duration
	}
	vnuDone := make(chan vnuResult, 1)
	vnuSkip := ""
	if !first {
		vnuDone <- vnuResult{}
	} else if err := vnuMissing(); err != "" {
		vnuSkip = err
		vnuDone <- vnuResult{}
	} else {
		files := make([]string, len(all))
		for i, p := range all {
			files[i] = p.File
		}
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel) // stops the checker if the test ends first
		go func() {
			t0 := time.Now()
			msgs, err := RunVNU(ctx, files)
			vnuDone <- vnuResult{msgs, err, time.Since(t0)}
		}()
	}

	b := NewBrowser(t)
	var reports []PageReport
	t.Run("pages", func(t *testing.T) {
		t0 := time.Now()
		reports = checkAll(t, b, srv.URL, all, pages)
		t.Logf("part %d of %d: %d of %d pages checked with %d tabs in %v", part, parts, len(reports), len(all), workers, time.Since(t0).Round(time.Millisecond))
		reportPages(t, reports)
		if missing := srv.Missing(); len(missing) > 0 {
			t.Errorf("the pages asked for %d missing files (404): %s", len(missing), strings.Join(firstN(missing, 20), ", "))
		}
	})

	if !first {
		t.Logf("browser: %s (in %v)", pageFigures(reports), time.Since(start).Round(time.Millisecond))
		return
	}
	nuErrors := "not run"
	t.Run("html", func(t *testing.T) {
		r := <-vnuDone
		if vnuSkip != "" {
			requireTools(t, []string{vnuSkip})
		}
		if r.err != nil {
			t.Fatal(r.err)
		}
		t.Logf("Nu HTML Checker: %d files in %v", len(all), r.took.Round(time.Millisecond))
		nuErrors = fmt.Sprint(len(r.msgs))
		lines := make([]string, len(r.msgs))
		for i, m := range r.msgs {
			rel, _ := filepath.Rel(out, m.File)
			m.File = rel
			lines[i] = m.String()
			if m.Extract != "" {
				lines[i] += fmt.Sprintf(" (in %q)", m.Extract)
			}
		}
		reportList(t, "Nu HTML Checker errors", lines)
	})

	t.Run("keyboard", func(t *testing.T) {
		ctx := b.Tab(t)
		for _, p := range keyboardPages {
			checkKeyboard(t, ctx, srv.URL, p)
		}
	})

	t.Run("nojs", func(t *testing.T) {
		checkNoJS(t, b, srv.URL)
	})

	t.Logf("browser: %s, Nu errors (all %d pages): %s (in %v)", pageFigures(reports), len(all), nuErrors, time.Since(start).Round(time.Millisecond))
}

// pageFigures are the figures of the closing note. An axe violation is
// one rule failed on one page (in one colour scheme), whatever the number
// of elements.
func pageFigures(reports []PageReport) string {
	axeCount, overflowPages := 0, 0
	for _, r := range reports {
		axeCount += len(r.Violations)
		if len(r.Overflow) > 0 {
			overflowPages++
		}
	}
	return fmt.Sprintf("%d pages checked, axe violations: %d, pages with horizontal overflow: %d", len(reports), axeCount, overflowPages)
}

// vnuMissing says what the Nu HTML Checker lacks, or "".
func vnuMissing() string {
	if err := fileExists(VNUPath()); err != nil {
		return "vnu-jar: " + err.Error()
	}
	if _, err := exec.LookPath("java"); err != nil {
		return "java: " + err.Error()
	}
	return ""
}

// checkAll runs CheckPage on pages, some of all, with a pool of tabs and
// returns the reports of the pages it could check. The colour rules run
// in the dark scheme on the pages of darkSample(all) among them. After
// maxErrors pages that could not be checked (a crashed or hung browser) it
// stops, rather than spend ActionTimeout on each of the others.
func checkAll(t *testing.T, b *Browser, baseURL string, all, pages []Page) []PageReport {
	t.Helper()
	const maxErrors = 5
	dark, err := darkSample(all)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range pages {
		if dark[p.Path] {
			n++
		}
	}
	t.Logf("dark scheme: colour rules on %d of these %d pages (%d of all %d, which have every element path)", n, len(pages), len(dark), len(all))
	reports := make([]PageReport, len(pages))
	errs := make([]error, len(pages))
	var failures atomic.Int32
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(pages)) {
		ctx := b.Tab(t)
		if err := InjectAxe(ctx); err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			for i := range jobs {
				if failures.Load() >= maxErrors {
					errs[i] = errNotChecked
					continue
				}
				opt := CheckOptions{Widths: overflowWidths, SkipDark: !dark[pages[i].Path]}
				reports[i], errs[i] = CheckPage(ctx, baseURL, pages[i].Path, opt)
				if errs[i] != nil {
					failures.Add(1)
				}
			}
		})
	}
	for i := range pages {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	notChecked := 0
	var checked []PageReport
	for i, err := range errs {
		switch {
		case err == nil:
			checked = append(checked, reports[i])
		case err == errNotChecked:
			notChecked++
		default:
			t.Errorf("%s: %v", pages[i].Path, err)
		}
	}
	if notChecked > 0 {
		t.Errorf("%d pages not checked after %d errors", notChecked, maxErrors)
	}
	return checked
}

var errNotChecked = errors.New("not checked")

// reportPages fails the test with every problem of every page, one per
// line, and a count per axe rule.
func reportPages(t *testing.T, reports []PageReport) {
	t.Helper()
	for _, f := range pageFindings(reports) {
		reportList(t, f.title, f.lines)
	}
	review := map[string]int{}
	for _, r := range reports {
		for _, v := range r.Incomplete {
			review[v.Rule] += len(v.Nodes)
		}
	}
	if len(review) > 0 {
		// axe-core cannot decide these (text over an image or a
		// gradient, for instance); they do not fail the test.
		t.Logf("axe could not decide (elements to review by hand, by rule): %s", countList(review))
	}
}

// finding is a kind of problem and its instances, one per line.
type finding struct {
	title string
	lines []string
}

// pageFindings lists the problems of the pages, by kind; it is empty when
// every page passed.
func pageFindings(reports []PageReport) []finding {
	var axe, overflow, csp, scriptErrs, status []string
	byRule := map[string]int{}
	for _, r := range reports {
		if r.Status != http.StatusOK {
			status = append(status, fmt.Sprintf("%s: HTTP status %d", r.Page, r.Status))
		}
		for _, v := range r.Violations {
			axe = append(axe, v.Detail())
			byRule[v.Rule]++
		}
		for _, o := range r.Overflow {
			overflow = append(overflow, r.Page+": "+o.String())
		}
		for _, c := range r.CSP {
			csp = append(csp, r.Page+": "+c)
		}
		for _, e := range r.Errors {
			scriptErrs = append(scriptErrs, r.Page+": "+e)
		}
	}
	var fs []finding
	add := func(title string, lines []string) {
		if len(lines) > 0 {
			fs = append(fs, finding{title, lines})
		}
	}
	if len(byRule) > 0 {
		add("axe rules violated (rule and number of pages)", []string{countList(byRule)})
	}
	add("axe violations", axe)
	add("pages that scroll sideways", overflow)
	add("Content-Security-Policy violations", csp)
	add("script errors", scriptErrs)
	add("pages not served with status 200", status)
	return fs
}

// reportList fails the test with each line, at most 60 of them.
func reportList(t testing.TB, title string, lines []string) {
	t.Helper()
	if len(lines) == 0 {
		return
	}
	const max = 60
	msg := fmt.Sprintf("%d %s:\n%s", len(lines), title, strings.Join(firstN(lines, max), "\n"))
	if len(lines) > max {
		msg += fmt.Sprintf("\n... and %d more", len(lines)-max)
	}
	t.Error(msg)
}

func firstN(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func countList(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

// checkKeyboard walks a page with the Tab key in the light and the dark
// scheme and fails the test with keyboardProblems.
func checkKeyboard(t *testing.T, ctx context.Context, baseURL, path string) {
	t.Helper()
	problems, err := keyboardProblems(t, ctx, baseURL, path)
	if err != nil {
		t.Errorf("%s: %v", path, err)
	}
	reportList(t, "keyboard problems on "+path, problems)
}

// keyboardProblems walks a page with the Tab key: the skip link comes
// first, is visible and moves the focus to main; every tab stop shows that
// it has the focus, in the light and the dark scheme. (A focus style that
// fades in with a CSS transition would be read at its start; the default
// theme has none.)
func keyboardProblems(t testing.TB, ctx context.Context, baseURL, path string) ([]string, error) {
	u := baseURL + path
	var bad []string
	sk, err := SkipLink(ctx, u)
	if err != nil {
		return nil, err
	}
	switch {
	case sk.First == nil:
		bad = append(bad, path+": the first Tab focused nothing; it should focus the skip link")
	case !hasClass(sk.First.Class, "skip-link") || sk.First.Href != "#gm-main":
		bad = append(bad, fmt.Sprintf(`%s: the first Tab focused %s; it should focus the skip link <a class="skip-link" href="#gm-main">`, path, sk.First))
	default:
		if !sk.First.Visible || !sk.First.InView {
			bad = append(bad, fmt.Sprintf("%s: the skip link is not visible when focused (%s; in view: %v)", path, sk.First.Changed, sk.First.InView))
		}
		if sk.AfterID != "gm-main" {
			bad = append(bad, fmt.Sprintf(`%s: Enter on the skip link left the focus on %q; it should move to <main id="gm-main">`, path, sk.AfterEnter))
		}
		if sk.Next == nil || !sk.Next.InMain {
			bad = append(bad, fmt.Sprintf("%s: the Tab after the skip link focused %v; it should be inside main", path, sk.Next))
		}
	}
	defer SetScheme(ctx, Light)
	for _, s := range []Scheme{Light, Dark} {
		if err := SetScheme(ctx, s); err != nil {
			return bad, err
		}
		walk, err := TabWalk(ctx, u)
		if err != nil {
			return bad, err
		}
		n := len(bad)
		for _, f := range walk {
			switch {
			case !f.InView:
				bad = append(bad, fmt.Sprintf("%s (%s scheme): %s: not in view when focused", path, s, f))
			case !f.Visible:
				bad = append(bad, fmt.Sprintf("%s (%s scheme): %s: no visible focus indicator (%s)", path, s, f, f.Changed))
			}
		}
		t.Logf("%s (%s scheme): %d tab stops, %d without a visible focus indicator", path, s, len(walk), len(bad)-n)
		if len(walk) < 3 {
			bad = append(bad, fmt.Sprintf("%s: only %d tab stops; the walk did not get through the page", path, len(walk)))
		}
	}
	return bad, nil
}

// linkProblems loads start (in a tab with JavaScript off) and checks every
// link: a plain <a href> (not href="#", javascript:, onclick or a span
// acting as a link) to a page of the site that exists (HTTP 200), and a
// fragment on the same page names an element that exists. It returns the
// problems, the number of links and of distinct pages they lead to.
func linkProblems(ctx context.Context, baseURL, start string) (bad []string, links, pages int, err error) {
	if _, err := Load(ctx, baseURL+start); err != nil {
		return nil, 0, 0, err
	}
	ls, err := Links(ctx)
	if err != nil {
		return nil, 0, 0, err
	}
	page, _ := url.Parse(baseURL + start)
	seen := map[string]bool{}
	for _, l := range ls {
		if why := l.ScriptOnly(); why != "" {
			bad = append(bad, fmt.Sprintf("%s: %s %q: %s", start, l.HTML, l.Text, why))
			continue
		}
		target, err := url.Parse(l.URL)
		if err != nil || target.Host != page.Host {
			continue // another host: not ours to check
		}
		if target.Fragment != "" && target.Path == page.Path {
			ok, err := Eval[bool](ctx, fmt.Sprintf(`document.getElementById(%q) !== null`, target.Fragment))
			if err != nil {
				return bad, len(ls), len(seen), err
			}
			if !ok {
				bad = append(bad, fmt.Sprintf("%s: %s %q: no element has the id %q", start, l.HTML, l.Text, target.Fragment))
			}
		}
		target.Fragment = ""
		if seen[target.String()] {
			continue
		}
		seen[target.String()] = true
		resp, err := http.Get(target.String())
		if err != nil {
			return bad, len(ls), len(seen), err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			bad = append(bad, fmt.Sprintf("%s: %s %q leads to %s: HTTP %d", start, l.HTML, l.Text, target.Path, resp.StatusCode))
		}
	}
	return bad, len(ls), len(seen), nil
}

// checkNoJS loads the home page with JavaScript off: every link of the
// page (its navigation included) is a plain <a href> to a page that exists,
// and following the navigation's links with clicks reaches those pages.
func checkNoJS(t *testing.T, b *Browser, baseURL string) {
	t.Helper()
	ctx := b.Tab(t)
	if err := DisableScripts(ctx, true); err != nil {
		t.Fatal(err)
	}
	// Prove that the page's scripts are off: this one would set the title.
	if _, err := Load(ctx, `data:text/html,<title>off</title><script>document.title = "on"</script>`); err != nil {
		t.Fatal(err)
	}
	if title, err := Eval[string](ctx, `document.title`); err != nil || title != "off" {
		t.Fatalf("scripts still run in the page with JavaScript disabled (title %q, err %v)", title, err)
	}
	for _, start := range []string{"/", "/e-tjanster/"} {
		bad, links, pages, err := linkProblems(ctx, baseURL, start)
		if err != nil {
			t.Fatal(err)
		}
		if links < 5 {
			t.Errorf("%s: only %d links with JavaScript off", start, links)
		}
		reportList(t, "links that do not work without JavaScript", bad)
		t.Logf("%s without JavaScript: %d links to %d distinct pages, all plain <a href> to pages that exist: %v", start, links, pages, len(bad) == 0)
	}

	// Follow the main navigation, and a municipality and a guide, by
	// clicking as a visitor does.
	if _, err := Load(ctx, baseURL+"/"); err != nil {
		t.Fatal(err)
	}
	links, err := Links(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var follow []Link
	for _, l := range links {
		if l.InNav && len(follow) < 5 {
			follow = append(follow, l)
		}
	}
	for _, pick := range []func(Link) bool{
		func(l Link) bool { return strings.HasPrefix(l.Href, "/sundsvall/") },
		func(l Link) bool { return strings.Contains(l.Href, "/guider/") && l.Href != "/guider/" },
	} {
		if i := slices.IndexFunc(links, pick); i >= 0 {
			follow = append(follow, links[i])
		}
	}
	if len(follow) < 3 {
		t.Fatalf("found only %d links to follow on the home page", len(follow))
	}
	for _, l := range follow {
		if _, err := Load(ctx, baseURL+"/"); err != nil {
			t.Fatal(err)
		}
		got, err := Follow(ctx, l)
		if err != nil {
			t.Errorf("clicking %s %q without JavaScript: %v", l.HTML, l.Text, err)
			continue
		}
		if got.Status != http.StatusOK || got.URL != l.URL || got.Title == "" || got.H1 == "" {
			t.Errorf("clicking %s %q without JavaScript: status %d at %s, title %q, h1 %q; want status 200 at %s with a title and an h1",
				l.HTML, l.Text, got.Status, got.URL, got.Title, got.H1, l.URL)
		}
	}
	t.Logf("followed %d links by clicking, without JavaScript", len(follow))
}

// hasClass reports whether the space-separated class list holds c.
func hasClass(list, c string) bool {
	return strings.Contains(" "+list+" ", " "+c+" ")
}
