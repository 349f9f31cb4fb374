package generator

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/hostile"
)

// hostileTimeout is how long one build of the small hostile site may take
// before it counts as a hang.
const hostileTimeout = 2 * time.Minute

// hostileRun runs a build of the site in dir (into out, or a check when out
// is ""), and tells whether it panicked or hung.
func hostileRun(dir, out string) (res Result, err error, panicked, hung bool) {
	ctx, cancel := context.WithTimeout(context.Background(), hostileTimeout)
	defer cancel()
	type result struct {
		res      Result
		err      error
		panicked bool
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r.panicked, r.err = true, fmt.Errorf("panic: %v", p)
			}
			done <- r
		}()
		if out == "" {
			r.res, r.err = Check(ctx, Config{Src: dir})
		} else {
			r.res, r.err = Build(ctx, Config{Src: dir, Out: out})
		}
	}()
	select {
	case r := <-done:
		return r.res, r.err, r.panicked, false
	case <-time.After(hostileTimeout + 10*time.Second):
		return Result{}, errors.New("hung"), false, true
	}
}

// hostileFigures are the counts the suite reports (issue #16's acceptance).
type hostileFigures struct {
	tried, passed, panics, hangs, markup, outsideRead, outsideWritten int
}

// TestHostileInputs builds the hostile cases of generator/internal/hostile:
// each case whose outcome is an error in a site of its own (the build must
// fail with that error, at that position), every other case in one site
// together (it must build; every page parses, and no element, attribute or
// script from the input is in it; the hostile text is on a page as text;
// JSON and JSON-LD parse, CSV cells that a spreadsheet would run are
// guarded, the RDF catalogue is well-formed XML; no file outside the site
// was read, none outside the output written). Chromium checks the same
// site in browsertest (TestHostileSite).
func TestHostileInputs(t *testing.T) {
	var fig hostileFigures
	defer func() {
		t.Logf("hostile inputs: %d cases tried, %d passed, %d panics, %d hangs, %d elements or attributes from input, %d files read outside the site, %d files written outside the output",
			fig.tried, fig.passed, fig.panics, fig.hangs, fig.markup, fig.outsideRead, fig.outsideWritten)
	}()
	var safe []hostile.Case
	for _, c := range hostile.Cases {
		if c.Err == "" {
			safe = append(safe, c)
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			fig.tried++
			parent := t.TempDir()
			dir, outside := filepath.Join(parent, "site"), filepath.Join(parent, "outside")
			mkdirs(t, dir, outside)
			hostile.Write(t, dir, outside, c)
			res, err, panicked, hung := hostileRun(dir, "")
			if panicked {
				fig.panics++
			}
			if hung {
				fig.hangs++
			}
			if !errors.Is(err, ErrInput) {
				t.Fatalf("%s: err = %v, want ErrInput", c, err)
			}
			var errs []string
			found := false
			for _, d := range res.Diags.Items() {
				if d.Severity == diag.Error {
					errs = append(errs, d.String())
					found = found || strings.HasPrefix(d.String(), c.Err)
				}
			}
			if !found {
				t.Errorf("%s: errors\n%s\nwant one that starts with %q", c, strings.Join(errs, "\n"), c.Err)
				return
			}
			if leaked(res.Diags) {
				fig.outsideRead++
				t.Errorf("%s: a message holds the text of the file outside the site", c)
			}
			fig.passed++
		})
	}

	t.Run("safe", func(t *testing.T) {
		fig.tried += len(safe)
		parent := t.TempDir()
		dir, outside := filepath.Join(parent, "site"), filepath.Join(parent, "outside")
		mkdirs(t, dir, outside)
		hostile.Write(t, dir, outside, safe...)
		before := listing(t, parent)
		out := filepath.Join(parent, "public")
		res, err, panicked, hung := hostileRun(dir, out)
		if panicked {
			fig.panics++
		}
		if hung {
			fig.hangs++
		}
		if err != nil {
			var b strings.Builder
			res.Diags.Fprint(&b, "")
			t.Fatalf("the site of the %d safe cases does not build: %v\n%s", len(safe), err, b.String())
		}
		// Files written: only the output folder and what guidemap keeps
		// beside it.
		for _, p := range listing(t, parent) {
			if !slices.Contains(before, p) && p != "public" && !strings.HasPrefix(p, "public/") &&
				!strings.HasPrefix(p, ".guidemap-") {
				fig.outsideWritten++
				t.Errorf("written outside the output: %s", p)
			}
		}
		for _, p := range before {
			if !slices.Contains(listing(t, parent), p) {
				t.Errorf("removed outside the output: %s", p)
			}
		}

		failed := map[string]bool{}
		var warnings []string
		for _, d := range res.Diags.Items() {
			warnings = append(warnings, d.String())
		}
		if leaked(res.Diags) {
			fig.outsideRead++
			t.Errorf("a message holds the text of the file outside the site")
		}
		for _, c := range safe {
			if c.Warn != "" && !slices.ContainsFunc(warnings, func(w string) bool { return strings.Contains(w, c.Warn) }) {
				failed[c.Name] = true
				t.Errorf("%s: no warning with %q among\n%s", c, c.Warn, strings.Join(warnings, "\n"))
			}
		}

		texts := hostileOutput(t, out, &fig)
		for _, c := range safe {
			if c.Text == "" {
				continue
			}
			if !slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, c.Text) }) {
				failed[c.Name] = true
				t.Errorf("%s: %q is on no page as text", c, c.Text)
			}
		}
		if fig.markup > 0 || fig.outsideRead > 0 {
			return // every case's markup may be the one found
		}
		fig.passed += len(safe) - len(failed)
	})
}

func mkdirs(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// leaked tells whether a diagnostic holds the sentinel's text.
func leaked(l *diag.List) bool {
	for _, d := range l.Items() {
		if strings.Contains(d.String(), hostile.Sentinel) {
			return true
		}
	}
	return false
}

// listing is every path under dir, relative and sorted, not following
// links.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if rel, _ := filepath.Rel(dir, p); rel != "." {
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// hostileOutput checks every file of the output folder out and returns the
// text of every page.
func hostileOutput(t *testing.T, out string, fig *hostileFigures) []string {
	t.Helper()
	var texts []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte(hostile.Sentinel)) {
			fig.outsideRead++
			t.Errorf("%s holds the text of the file outside the site", rel)
		}
		switch filepath.Ext(p) {
		case ".html", ".svg":
			findings, text, _ := hostile.Scan(rel, b)
			for _, f := range findings {
				fig.markup++
				t.Errorf("%s: %s", f.Page, f.What)
			}
			texts = append(texts, text)
		case ".json", ".geojson":
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				t.Errorf("%s: %v", rel, err)
				break
			}
			again, _ := json.Marshal(v)
			var w any
			if err := json.Unmarshal(again, &w); err != nil || !jsonEqual(v, w) {
				t.Errorf("%s does not round-trip", rel)
			}
		case ".csv":
			rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil {
				t.Errorf("%s: %v", rel, err)
				break
			}
			for i, row := range rows {
				for j, cell := range row {
					if cell != "" && strings.ContainsRune("=+@\t\r", rune(cell[0])) ||
						strings.HasPrefix(cell, "-") && !isNumber(cell) {
						t.Errorf("%s:%d: cell %d %q is not guarded against spreadsheet formulas", rel, i+1, j+1, cell)
					}
				}
			}
		case ".rdf", ".xml":
			dec := xml.NewDecoder(bytes.NewReader(b))
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Errorf("%s is not well-formed XML: %v", rel, err)
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// isNumber tells whether a CSV cell is a number the generator wrote (a
// negative coordinate).
func isNumber(s string) bool {
	var f float64
	_, err := fmt.Sscan(s, &f)
	return err == nil && fmt.Sprint(f) != "" && strings.Trim(s, "-0123456789.") == ""
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
