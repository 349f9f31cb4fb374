package browsertest

import (
	"context"
	"fmt"
	"net/http"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// ColourRules are the axe-core rules whose outcome depends on colours: the
// ones CheckPage runs again in the dark scheme.
var ColourRules = []string{"color-contrast", "link-in-text-block"}

// CheckOptions say what CheckPage checks.
type CheckOptions struct {
	Axe    AxeRun // the axe-core rules; zero is the WCAG 2.0/2.1 A and AA tags
	Widths []int  // viewport widths to measure overflow at; the first is used for axe
	// SkipDark leaves out the second run of ColourRules in the dark scheme
	// (for a page whose elements another page's dark run covered).
	SkipDark bool
}

// PageReport is what CheckPage found on one page.
type PageReport struct {
	Page       string // the URL path, as given
	Status     int    // HTTP status of the document
	Violations []Violation
	Incomplete []Violation      // axe could not decide; for a person to review
	Overflow   []OverflowResult // only the widths at which the page overflows
	CSP        []string         // Content-Security-Policy violations reported by the page
	Errors     []string         // uncaught script errors
}

// Failed reports whether the page has any problem CheckPage reports.
func (r PageReport) Failed() bool {
	return r.Status != http.StatusOK || len(r.Violations) > 0 || len(r.Overflow) > 0 || len(r.CSP) > 0 || len(r.Errors) > 0
}

// Watch makes every document the tab loads from now on record its
// Content-Security-Policy violations and uncaught script errors, for
// CheckPage to read. (The recorder is injected through the DevTools
// protocol, so the CSP does not block it.)
func Watch(ctx context.Context) error {
	return withTimeout(ctx, "install the page watcher", func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchJS})
		return err
	})
}

const watchJS = `window.__gmWatch = {csp: [], errors: []};
addEventListener("securitypolicyviolation", e => __gmWatch.csp.push(
  e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + (e.sourceFile ? " at " + e.sourceFile + ":" + e.lineNumber : "")));
addEventListener("error", e => { if (e.message) __gmWatch.errors.push(e.message + " at " + e.filename + ":" + e.lineno); });`

// CheckPage loads baseURL+path in the tab (light scheme, the first width)
// and checks it: axe-core (and, unless SkipDark, when the style sheets have
// a prefers-color-scheme: dark variant, the colour rules again in the dark
// scheme), horizontal overflow at every width, CSP violations and script
// errors (after Watch). It leaves the tab in the light scheme at the first
// width.
func CheckPage(ctx context.Context, baseURL, path string, opt CheckOptions) (PageReport, error) {
	rep := PageReport{Page: path}
	run := opt.Axe
	if len(run.Tags) == 0 && len(run.Rules) == 0 {
		run.Tags = WCAGTags
	}
	widths := opt.Widths
	if len(widths) == 0 {
		widths = []int{DesktopWidth, PhoneWidth}
	}
	if err := SetScheme(ctx, Light); err != nil {
		return rep, err
	}
	if err := SetViewport(ctx, widths[0], DesktopHeight); err != nil {
		return rep, err
	}
	status, err := Load(ctx, baseURL+path)
	if err != nil {
		return rep, err
	}
	rep.Status = status

	res, err := RunAxe(ctx, run)
	if err != nil {
		return rep, fmt.Errorf("%s: %w", path, err)
	}
	add := func(res AxeResult, s Scheme) {
		for _, v := range res.Violations {
			v.Page, v.Scheme = path, s
			rep.Violations = append(rep.Violations, v)
		}
		for _, v := range res.Incomplete {
			v.Page, v.Scheme = path, s
			rep.Incomplete = append(rep.Incomplete, v)
		}
	}
	add(res, Light)

	dark := false
	if !opt.SkipDark {
		if dark, err = Eval[bool](ctx, hasDarkJS); err != nil {
			return rep, err
		}
	}
	if dark {
		if err := SetScheme(ctx, Dark); err != nil {
			return rep, err
		}
		res, err := RunAxe(ctx, AxeRun{Rules: ColourRules})
		if err != nil {
			return rep, fmt.Errorf("%s (dark scheme): %w", path, err)
		}
		add(res, Dark)
		if err := SetScheme(ctx, Light); err != nil {
			return rep, err
		}
	}

	for i, w := range widths {
		if i > 0 {
			if err := SetViewport(ctx, w, DesktopHeight); err != nil {
				return rep, err
			}
		}
		o, err := MeasureOverflow(ctx)
		if err != nil {
			return rep, err
		}
		if o.Overflows() {
			rep.Overflow = append(rep.Overflow, o)
		}
	}
	if len(widths) > 1 {
		if err := SetViewport(ctx, widths[0], DesktopHeight); err != nil {
			return rep, err
		}
	}

	w, err := Eval[struct{ CSP, Errors []string }](ctx, `window.__gmWatch ? {CSP: __gmWatch.csp, Errors: __gmWatch.errors} : {CSP: [], Errors: []}`)
	if err != nil {
		return rep, err
	}
	rep.CSP, rep.Errors = w.CSP, w.Errors
	return rep, nil
}

// hasDarkJS tells whether any same-origin style sheet has a
// prefers-color-scheme: dark media rule.
const hasDarkJS = `(() => {
  const walk = rules => {
    for (const r of rules) {
      if (r.media && /prefers-color-scheme\s*:\s*dark/.test(r.media.mediaText)) return true;
      if (r.cssRules && walk(r.cssRules)) return true;
    }
    return false;
  };
  for (const s of document.styleSheets) {
    try { if (walk(s.cssRules)) return true; } catch (e) {}
  }
  return false;
})()`
