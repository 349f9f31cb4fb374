package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The rule for Markdown's attribute syntax (`## Rubrik {#id .class}`), in
// one place: goldmark's parser.WithAttribute reads any attribute after a
// heading, and its HTML renderer writes many of them (style, hidden,
// tabindex, data-*), so an author could change a page's look and
// behaviour beyond what the theme allows. attrFilter, which runs before
// every other transformer, keeps only
//
//   - id, when it is a readable ID (lower-case letters, digits and single
//     hyphens, as Slug writes them) that does not start with "gm-", the
//     prefix of the theme's own IDs (the skip link's target, the search
//     box …); that it is unique on the page is seen to where IDs are
//     handed out (state.heading);
//   - class, with only the classes the theme lists (Options.HeadingClasses,
//     from the theme's heading-classes.txt: ReadHeadingClasses);
//
// and drops everything else with a warning at the "{" of the attributes,
// naming what was dropped and how to write it instead.

// ThemeIDPrefix starts every ID of the theme's layouts: no heading may take
// one.
const ThemeIDPrefix = "gm-"

// HeadingClassesFile is the file of a theme that lists the classes a
// heading may have, one a line ("#" starts a comment).
const HeadingClassesFile = "heading-classes.txt"

// attrFilter is the AST transformer that enforces the rule above.
type attrFilter struct{}

func (attrFilter) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return
	}
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Attributes() != nil {
			st.filterAttributes(n, src)
		}
		return ast.WalkContinue, nil
	})
}

// filterAttributes keeps the attributes of n that the rule allows.
func (st *state) filterAttributes(n ast.Node, src []byte) {
	var keep []ast.Attribute
	var others []string
	pos := st.attrPos(n, src)
	for _, a := range n.Attributes() {
		name := string(a.Name)
		switch name {
		case "id":
			if v, ok := a.Value.([]byte); ok && st.validID(string(v), pos) {
				keep = append(keep, a)
			} else if !ok {
				st.l.Warnf(pos, "write the ID with lower-case letters, digits and hyphens",
					"heading ID %s is left out: an ID is lower-case letters, digits and hyphens", attrValue(a.Value))
			}
		case "class":
			v, _ := a.Value.([]byte)
			if classes := st.allowedClasses(string(v), pos); classes != "" {
				keep = append(keep, ast.Attribute{Name: a.Name, Value: []byte(classes)})
			}
		default:
			others = append(others, name)
		}
	}
	if len(others) > 0 {
		hint := "remove them from the {…} after the heading: a heading may have an {#id}, and a class the theme defines"
		if len(st.classes) > 0 {
			hint = diag.Textf("remove them from the {…} after the heading: a heading may have an {#id} and one of the theme's classes (%s)", strings.Join(st.classes, ", "))
		}
		st.l.Warnf(pos, hint, "heading attributes left out: %s", strings.Join(others, ", "))
	}
	n.RemoveAttributes()
	for _, a := range keep {
		n.SetAttribute(a.Name, a.Value)
	}
}

// validID tells whether id may be a heading's ID, and warns at pos if not.
func (st *state) validID(id string, pos diag.Pos) bool {
	switch {
	case id == "":
		st.l.Warnf(pos, "write the ID after the #, e.g. {#avgifter}, or remove the {#}", "empty heading ID is left out")
		return false
	case strings.HasPrefix(id, ThemeIDPrefix):
		st.l.Warnf(pos, diag.Textf("choose an ID that does not start with %q", ThemeIDPrefix),
			"heading ID %q is left out: IDs that start with %q belong to the theme", id, ThemeIDPrefix)
		return false
	case Slug(id) != id:
		hint := "write the ID with lower-case letters, digits and hyphens"
		if s := Slug(id); s != "" && !strings.HasPrefix(s, ThemeIDPrefix) {
			hint = diag.Textf("write it as {#%s}", s)
		}
		st.l.Warnf(pos, hint, "heading ID %s is left out: an ID is lower-case letters, digits and hyphens", attrValue(id))
		return false
	}
	return true
}

// allowedClasses returns the classes of value (space-separated) that the
// theme lists, space-separated, and warns at pos of the others.
func (st *state) allowedClasses(value string, pos diag.Pos) string {
	var keep []string
	for _, c := range strings.Fields(value) {
		if slices.Contains(st.classes, c) {
			if !slices.Contains(keep, c) {
				keep = append(keep, c)
			}
			continue
		}
		hint := "remove it: this theme defines no classes for headings"
		if len(st.classes) > 0 {
			hint = diag.DidYouMeanOr(c, st.classes, diag.Textf("use one of the theme's heading classes (%s), or remove it", strings.Join(st.classes, ", ")))
		}
		st.l.Warnf(pos, hint, "heading class %q is left out: the theme does not define it for headings", c)
	}
	return strings.Join(keep, " ")
}

// attrValue is an attribute's value as a person wrote it, for messages.
func attrValue(v any) string {
	switch t := v.(type) {
	case []byte:
		return fmt.Sprintf("%q", t)
	case string:
		return fmt.Sprintf("%q", t)
	default:
		return fmt.Sprint(t)
	}
}

// attrPos is where the "{" of n's attributes is: after the text of its
// last line, as goldmark cut them off; the heading's position if none is
// found.
func (st *state) attrPos(n ast.Node, src []byte) diag.Pos {
	if lines := n.Lines(); lines != nil && lines.Len() > 0 {
		seg := lines.At(lines.Len() - 1)
		for i := seg.Stop; i >= 0 && i < len(src) && src[i] != '\n'; i++ {
			if src[i] == '{' {
				line, col := diag.LineCol(src, i)
				return diag.At(st.sec.File, st.sec.Line+line-1, col)
			}
		}
	}
	return st.pos(n, src)
}

// ReadHeadingClasses reads a theme's list of heading classes (the text of
// its HeadingClassesFile, file being the path to name in diagnostics): one
// class a line, blank lines and "#" comments ignored. A line that is not
// one class name (letters, digits, "-" and "_", starting with a letter)
// is an error at its line.
func ReadHeadingClasses(file string, data []byte, l *diag.List) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		c := strings.TrimSpace(line)
		if c == "" {
			continue
		}
		if !className(c) {
			col := strings.Index(sc.Text(), c) + 1
			l.Errorf(diag.At(file, n, col), "write one class a line: letters, digits, - and _, starting with a letter",
				"%q is not a class name", c)
			continue
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// className tells whether c is a CSS class name the theme may list.
func className(c string) bool {
	for i := 0; i < len(c); i++ {
		b := c[i]
		switch {
		case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z':
		case i > 0 && (b >= '0' && b <= '9' || b == '-' || b == '_'):
		default:
			return false
		}
	}
	return c != ""
}
