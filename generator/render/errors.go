package render

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"strconv"
	"strings"
	ttemplate "text/template"
	"text/template/parse"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/themes"
	mparse "github.com/tdewolff/parse/v2"
)

// ThemeError is the error New, Render and Rerender return when the theme
// is broken: a layout or partial does not parse, fails when it runs or
// cannot be escaped, or a page or asset cannot be minified. Diags say
// where, as the theme file the site's author sees (file:line:col where the
// libraries tell), what is wrong and how to fix it; each problem is there
// once, however many pages it broke.
type ThemeError struct {
	Diags []diag.Diagnostic
}

func (e *ThemeError) Error() string {
	lines := make([]string, len(e.Diags))
	for i, d := range e.Diags {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// themeErr is a *ThemeError of the diagnostics of l, or nil when l has
// none.
func themeErr(l *diag.List) error {
	if l.Len() == 0 {
		return nil
	}
	return &ThemeError{Diags: l.Items()}
}

// themeDiag is an error at line and col (0 when unknown) of the theme
// file name, with the path and hint as the site's author sees them.
func themeDiag(theme fs.FS, name string, line, col int, hint, format string, args ...any) diag.Diagnostic {
	file, builtin := themes.Source(theme, name)
	if builtin {
		hint = diag.Textf("%s (the file is guidemap's built-in theme: report the problem, or lay a corrected copy at that path of the site folder)", hint)
	}
	return diag.Make(diag.At(file, line, col), diag.Error, hint, format, args...)
}

// Hints of template errors.
const (
	hintParse  = "fix the {{ }} actions there: every {{if}}, {{range}}, {{with}}, {{define}} and {{block}} ends with {{end}} (the syntax is Go's text/template)"
	hintExec   = "check what the template reads there: a layout reads the page's View (generator/render/view.go) and what its fields hold, and a value may be missing on some pages"
	hintEscape = "html/template escapes every value for the place it stands in: write the HTML around the {{ }} action so that tags, attributes and quotes are whole in every branch"
	hintMinify = "check the HTML, the JSON-LD and the inline SVG that the layout and its partials write there"
)

// escapeHints are the hints of some html/template escaping errors.
var escapeHints = map[template.ErrorCode]string{
	template.ErrPredefinedEscaper: "leave the escaper out: html/template escapes every value already",
	template.ErrEndContext:        "close the tag, attribute or quote that is still open where the template ends",
	template.ErrBranchEnd:         "make every branch of the {{if}}, {{range}} or {{with}} end in the same place of the HTML",
	template.ErrBadHTML:           "write whole tags: quote attribute values, and write < in text as &lt;",
}

// parseDiag is the diagnostic of an error of parsing the theme file name.
// text/template's parse errors are not typed: their text is
// "template: NAME:LINE: message", so that prefix is read here.
func parseDiag(theme fs.FS, name string, err error) diag.Diagnostic {
	msg := err.Error()
	line := 0
	if rest, ok := strings.CutPrefix(msg, "template: "+name+":"); ok {
		if n, after, ok := strings.Cut(rest, ": "); ok {
			if l, err := strconv.Atoi(n); err == nil {
				line, msg = l, after
			}
		}
	}
	return themeDiag(theme, name, line, 0, hintParse, "the template does not parse: %s", msg)
}

// execDiag is the diagnostic of an error of running layout (a file name
// such as "layouts/guide.html") with t, its template set.
func (r *renderer) execDiag(t *template.Template, layout string, err error) diag.Diagnostic {
	var esc *template.Error
	if errors.As(err, &esc) {
		name, line, col := layout, esc.Line, 0
		if esc.Node != nil {
			// The node knows its file (the ParseName of its tree, which
			// parse.Tree.ErrorContext tells first) and its offset in it.
			loc, _ := (*parse.Tree)(nil).ErrorContext(esc.Node)
			if n, _, _, ok := splitLoc(loc); ok {
				name = n
				line, col = diag.LineCol(r.layouts[n], int(esc.Node.Position()))
			}
		} else if f := fileOf(t, esc.Name); f != "" {
			name = f
		}
		hint := hintEscape
		if h, ok := escapeHints[esc.ErrorCode]; ok {
			hint = h
		}
		// The description may end in html/template's inner states
		// (": {stateAttr delimDoubleQuote …}"), which tell an author
		// nothing and change with Go's version: they are left out.
		desc := esc.Description
		if i := strings.Index(desc, ": {state"); i >= 0 {
			desc = desc[:i]
		}
		return themeDiag(r.opt.Theme, name, line, col, hint, "the template cannot be escaped safely: %s", desc)
	}
	var ex ttemplate.ExecError
	if errors.As(err, &ex) {
		// text/template's ExecError names the template but not the file
		// and place: those are only in its text, "template:
		// FILE:LINE:COL: executing ...", read here.
		msg := ex.Err.Error()
		if rest, ok := strings.CutPrefix(msg, "template: "); ok {
			for file := range r.layouts {
				if loc, ok := strings.CutPrefix(rest, file+":"); ok {
					l, c, after := lineCol(loc)
					return themeDiag(r.opt.Theme, file, l, column(r.layouts[file], l, c), hintExec, "the template fails: %s", after)
				}
			}
		}
		return themeDiag(r.opt.Theme, layout, 0, 0, hintExec, "the template fails: %s", msg)
	}
	return themeDiag(r.opt.Theme, layout, 0, 0, hintExec, "the template fails: %v", err)
}

// minifyDiag is the diagnostic of a page's HTML, which layout wrote, not
// being minifiable. tdewolff/minify tells, for its parse errors, the line
// of the page (not of the layout) where it failed: the diagnostic quotes
// it.
func minifyDiag(theme fs.FS, layout string, err error) diag.Diagnostic {
	var pe *mparse.Error
	if errors.As(err, &pe) {
		// Context is "LINE: text\n    ^", of the script or style that
		// failed: the text is what the author wrote.
		text, _, _ := strings.Cut(pe.Context, "\n")
		if _, after, ok := strings.Cut(text, ": "); ok {
			text = after
		}
		return themeDiag(theme, layout, 0, 0, hintMinify, "the page's HTML cannot be minified: %s in %s", pe.Message, strings.TrimSpace(text))
	}
	return themeDiag(theme, layout, 0, 0, hintMinify, "the page's HTML cannot be minified: %v", err)
}

// assetPart is a theme file in what is minified as one: the style
// sheets are one file.
type assetPart struct {
	file string
	line int // where the file starts
}

// assetDiag is the diagnostic of err from minifying parts, at the place in
// the theme file where the minifier failed when it tells.
func assetDiag(theme fs.FS, parts []assetPart, err error) diag.Diagnostic {
	const hint = "fix the syntax there; the file is minified as it is copied to the site"
	var pe *mparse.Error
	if errors.As(err, &pe) {
		p := parts[0]
		for _, q := range parts {
			if q.line <= pe.Line {
				p = q
			}
		}
		return themeDiag(theme, p.file, pe.Line-p.line+1, pe.Column, hint, "the file cannot be minified: %s", pe.Message)
	}
	return themeDiag(theme, parts[0].file, 0, 0, hint, "the file cannot be minified: %v", err)
}

// fileOf is the file in which the template called name of set t was
// defined, or "".
func fileOf(t *template.Template, name string) string {
	if u := t.Lookup(name); u != nil && u.Tree != nil {
		return u.Tree.ParseName
	}
	return ""
}

// splitLoc splits "FILE:LINE:COL".
func splitLoc(loc string) (file string, line, col int, ok bool) {
	i := strings.LastIndexByte(loc, ':')
	if i < 0 {
		return "", 0, 0, false
	}
	j := strings.LastIndexByte(loc[:i], ':')
	if j < 0 {
		return "", 0, 0, false
	}
	l, err1 := strconv.Atoi(loc[j+1 : i])
	c, err2 := strconv.Atoi(loc[i+1:])
	if err1 != nil || err2 != nil {
		return "", 0, 0, false
	}
	return loc[:j], l, c, true
}

// column is the 1-based column, in characters, of the 0-based byte
// offset off in line (1-based) of src, which is how text/template tells a
// column; 0 when line is not in src.
func column(src []byte, line, off int) int {
	start := 0
	for range line - 1 {
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			return 0
		}
		start += i + 1
	}
	_, col := diag.LineCol(src[start:], min(start+off, len(src))-start)
	return col
}

// lineCol reads "LINE:COL: rest" or "LINE: rest"; what it cannot read
// it leaves in rest.
func lineCol(s string) (line, col int, rest string) {
	rest = s
	for _, n := range []*int{&line, &col} {
		num, after, ok := strings.Cut(rest, ":")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			break
		}
		*n, rest = v, after
	}
	return line, col, strings.TrimPrefix(rest, " ")
}

// pageErr is the error of one page: of running its layout, or of
// minifying its HTML.
type pageErr struct {
	minify bool
	err    error
}

func (e *pageErr) Error() string { return e.err.Error() }

// failures turns the errors of pages (errs[i] of ps[i]; nil for a page
// that rendered) into diagnostics, one per problem: a broken layout fails
// every page it renders in the same way, and is reported once with the
// first page it failed on and how many more.
func (rd *Renderer) failures(ps []page, errs []error) *diag.List {
	type seen struct {
		first string
		more  int
	}
	var order []diag.Diagnostic
	found := map[diag.Diagnostic]*seen{}
	for i, err := range errs {
		if err == nil {
			continue
		}
		p := rd.r.withView(ps[i])
		layout := "layouts/" + p.layout + ".html"
		var d diag.Diagnostic
		var pe *pageErr
		switch {
		case errors.As(err, &pe) && pe.minify:
			d = minifyDiag(rd.r.opt.Theme, layout, pe.err)
		case pe != nil:
			d = rd.r.execDiag(rd.src[p.view.Lang]()[p.layout], layout, pe.err)
		default:
			d = themeDiag(rd.r.opt.Theme, layout, 0, 0, "add the layout to the theme", "%v", err)
		}
		if s := found[d]; s != nil {
			s.more++
			continue
		}
		found[d] = &seen{first: p.view.URL}
		order = append(order, d)
	}
	l := &diag.List{}
	for _, d := range order {
		s := found[d]
		if s.more == 0 {
			d = d.Appendf(" (on the page %s)", s.first)
		} else {
			d = d.Appendf(" (on the page %s and %d more)", s.first, s.more)
		}
		l.Add(d)
	}
	return l
}
