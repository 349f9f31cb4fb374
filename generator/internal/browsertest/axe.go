package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// WCAGTags are the axe-core tags of the WCAG 2.0 and 2.1 success criteria
// of levels A and AA: what the Swedish DOS law (EN 301 549) requires.
var WCAGTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// Violation is one axe-core rule that failed on a page, with the elements
// that failed it.
type Violation struct {
	Page    string // the page, as the caller named it (a path such as /sundsvall/)
	Scheme  Scheme // the colour scheme it was checked in; "" is the browser's default (light)
	Rule    string // axe rule id, such as color-contrast
	Impact  string // minor, moderate, serious or critical
	Help    string // what the rule wants, in a sentence
	HelpURL string
	Tags    []string
	Nodes   []AxeNode
}

// AxeNode is an element that failed (or could not be decided by) a rule.
type AxeNode struct {
	Target  string // a CSS selector of the element
	HTML    string // the element's start tag, as axe quotes it
	Summary string // axe's failure summary: what to fix
}

// String gives the violation on one line: page: rule: help: targets.
func (v Violation) String() string {
	var targets []string
	for _, n := range v.Nodes {
		targets = append(targets, n.Target)
	}
	page := v.Page
	if v.Scheme != "" && v.Scheme != Light {
		page += " (" + string(v.Scheme) + " scheme)"
	}
	return fmt.Sprintf("%s: %s: %s: %s", page, v.Rule, v.Help, strings.Join(targets, ", "))
}

// Detail gives the violation with each element's HTML and axe's summary of
// what to fix, for a test failure message.
func (v Violation) Detail() string {
	var b strings.Builder
	b.WriteString(v.String())
	fmt.Fprintf(&b, " [%s, %s]", v.Impact, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n\t%s  %s", n.Target, n.HTML)
		if n.Summary != "" {
			fmt.Fprintf(&b, "\n\t\t%s", strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
		}
	}
	return b.String()
}

// AxeRun says which axe-core rules to run: the rules with any of Tags, or,
// when Rules is set, exactly those rules (tags are then ignored).
type AxeRun struct {
	Tags  []string
	Rules []string
}

// AxeResult is what one axe-core run found on a page.
type AxeResult struct {
	Violations []Violation
	Incomplete []Violation // elements axe could not decide and a person should review
}

// Axe loads url in the tab and runs axe-core with the WCAG 2.0/2.1 A and AA
// rules. It returns the violations (nil when the page passes).
func Axe(ctx context.Context, url string) ([]Violation, error) {
	if _, err := Load(ctx, url); err != nil {
		return nil, err
	}
	res, err := RunAxe(ctx, AxeRun{Tags: WCAGTags})
	for i := range res.Violations {
		res.Violations[i].Page = url
	}
	return res.Violations, err
}

var axeSource struct {
	once sync.Once
	src  string
	err  error
}

func readAxe() (string, error) {
	axeSource.once.Do(func() {
		b, err := os.ReadFile(AxePath())
		axeSource.src, axeSource.err = string(b), err
	})
	if axeSource.err != nil {
		return "", fmt.Errorf("axe-core: %w (run npm ci in %s)", axeSource.err, Dir())
	}
	return axeSource.src, nil
}

// InjectAxe makes every document the tab loads from now on start with
// axe-core, before its own scripts. For a tab that checks many pages this
// is cheaper than RunAxe's injection after the load: Chromium compiles the
// same script once and reuses the code.
func InjectAxe(ctx context.Context) error {
	src, err := readAxe()
	if err != nil {
		return err
	}
	return withTimeout(ctx, "inject axe-core", func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	})
}

// RunAxe injects axe-core into the page loaded in the tab (unless it is
// there already) and runs the rules of run. The injection goes through the
// DevTools protocol, so the page's Content-Security-Policy does not block
// it. Violations and incomplete results leave Page and Scheme empty for the
// caller to fill in.
func RunAxe(ctx context.Context, run AxeRun) (AxeResult, error) {
	src, err := readAxe()
	if err != nil {
		return AxeResult{}, err
	}
	loaded, err := Eval[bool](ctx, `typeof window.axe === "object" && typeof window.axe.run === "function"`)
	if err != nil {
		return AxeResult{}, err
	}
	if !loaded {
		// The source ends with an expression; void keeps the value out
		// of the reply.
		if _, err := Eval[[]byte](ctx, src+"\n;void 0"); err != nil {
			return AxeResult{}, fmt.Errorf("injecting axe-core: %w", err)
		}
	}
	opts := map[string]any{"resultTypes": []string{"violations", "incomplete"}}
	if len(run.Rules) > 0 {
		opts["runOnly"] = map[string]any{"type": "rule", "values": run.Rules}
	} else if len(run.Tags) > 0 {
		opts["runOnly"] = map[string]any{"type": "tag", "values": run.Tags}
	}
	optsJSON, err := json.Marshal(opts)
	if err != nil {
		return AxeResult{}, err
	}
	raw, err := Eval[[]byte](ctx, fmt.Sprintf(axeRunJS, optsJSON))
	if err != nil {
		return AxeResult{}, fmt.Errorf("running axe-core: %w", err)
	}
	var out struct {
		Violations, Incomplete []axeRule
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return AxeResult{}, fmt.Errorf("reading axe-core's results: %w", err)
	}
	return AxeResult{Violations: convertAxe(out.Violations), Incomplete: convertAxe(out.Incomplete)}, nil
}

type axeRule struct {
	ID, Impact, Help, HelpURL string
	Tags                      []string
	Nodes                     []AxeNode
}

func convertAxe(rules []axeRule) []Violation {
	var vs []Violation
	for _, r := range rules {
		vs = append(vs, Violation{Rule: r.ID, Impact: r.Impact, Help: r.Help, HelpURL: r.HelpURL, Tags: r.Tags, Nodes: r.Nodes})
	}
	return vs
}

// axeRunJS runs axe on the document with the options (%s, JSON) and keeps
// what the report needs. Targets are arrays of selectors (nested for
// shadow DOM and frames); they are joined into one string.
const axeRunJS = `(async () => {
  const r = await axe.run(document, %s);
  const sel = t => (Array.isArray(t) ? t.map(sel).join(" >>> ") : String(t));
  const conv = list => list.map(v => ({
    ID: v.id, Impact: v.impact || "", Help: v.help, HelpURL: v.helpUrl, Tags: v.tags,
    Nodes: v.nodes.map(n => ({Target: n.target.map(sel).join(" "), HTML: n.html, Summary: n.failureSummary || ""})),
  }));
  return {Violations: conv(r.violations), Incomplete: conv(r.incomplete)};
})()`
