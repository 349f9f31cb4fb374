package diag

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/internal/golden"
)

// TestCatalogueIsComplete reads the module's Go sources and fails when a
// message or hint that the code writes has no Swedish translation, or
// when the catalogue has an entry that no code writes any more. Its
// failure lists the missing entries ready to paste into catalogue_sv.go.
func TestCatalogueIsComplete(t *testing.T) {
	used, glued := sourceTexts(t, golden.ModuleRoot(t))
	for _, at := range glued {
		t.Errorf("%s: a message or hint glued together with +: write it with diag.Textf(\"… %%s\", …), so that it can be translated", at)
	}
	var missing []string
	for s, where := range used {
		if _, ok := swedish[s]; !ok {
			missing = append(missing, fmt.Sprintf("\t%s: \"\", // %s", strconv.Quote(s), where))
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d messages and hints have no Swedish translation: add them to swedish in generator/diag/catalogue_sv.go\n%s",
			len(missing), strings.Join(missing, "\n"))
	}
	var unused []string
	for s := range swedish {
		if _, ok := used[s]; !ok {
			unused = append(unused, strconv.Quote(s))
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Errorf("%d entries of the Swedish catalogue are written by no code: remove them from catalogue_sv.go\n\t%s",
			len(unused), strings.Join(unused, "\n\t"))
	}
	for en, sv := range swedish {
		if a, b := argsOf(en), argsOf(sv); !slices.Equal(a, b) {
			t.Errorf("catalogue_sv.go: %q and its translation %q use different arguments (%v, %v)", en, sv, a, b)
		}
		if sv == "" {
			t.Errorf("catalogue_sv.go: %q has an empty translation", en)
		}
	}
}

// argsOf is the sorted list of the argument numbers a format uses.
func argsOf(format string) []int {
	var out []int
	for _, v := range verbs(format) {
		if !slices.Contains(out, v.arg) {
			out = append(out, v.arg)
		}
	}
	slices.Sort(out)
	return out
}

// printer is a function of the module that takes a format (and maybe a
// hint): the argument indexes of each.
type printer struct{ format, hint int }

// sourceTexts returns every literal format and hint that the module's
// code (not its tests nor test helpers) gives a diagnostic, with the
// place of its first use, and the places where a format or hint is glued
// together with + instead. It finds:
//   - the format and hint of every call to a function of the module that
//     has a parameter "format string" followed by "args ...any" (Errorf,
//     Warnf, Make, Textf, helpers such as render's themeDiag), and its
//     "hint string" parameter when it has one;
//   - the alternative hint of DidYouMeanOr;
//   - string constants and variables whose names say they are hints
//     (hintParse, boundaryHint, escapeHints), literal or concatenated;
//   - the literals that a method named Format returns (the formats of
//     safety's messages, which packages give Textf).
func sourceTexts(t *testing.T, root string) (used map[string]string, glued []string) {
	fset := token.NewFileSet()
	var files, others []*ast.File // those that import diag, and the rest
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, root))
		if d.IsDir() {
			if strings.Contains(rel, "/internal/browsertest") || strings.Contains(rel, "/internal/golden") ||
				strings.Contains(rel, "/testdata") || strings.HasPrefix(d.Name(), ".") && rel != "" || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		if f.Name.Name == "diag" || slices.ContainsFunc(f.Imports, func(s *ast.ImportSpec) bool {
			return strings.HasSuffix(s.Path.Value, `/generator/diag"`)
		}) {
			files = append(files, f)
		} else {
			others = append(others, f)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// Printers by package and name: "diag.Errorf", "hours.fail".
	printers := map[string]printer{"diag.DidYouMeanOr": {format: -1, hint: 2}}
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			p := printer{format: -1, hint: -1}
			i := 0
			for _, field := range fd.Type.Params.List {
				typ := types(field.Type)
				for _, n := range field.Names {
					switch {
					case n.Name == "format" && typ == "string":
						p.format = i
					case n.Name == "hint" && typ == "string":
						p.hint = i
					}
					i++
				}
			}
			if p.format >= 0 && i == p.format+2 {
				printers[f.Name.Name+"."+fd.Name.Name] = p
			}
		}
	}

	used = map[string]string{}
	note := func(s string, pos token.Pos) {
		if s == "" {
			return
		}
		if _, ok := used[s]; !ok {
			p := fset.Position(pos)
			rel, _ := filepath.Rel(root, p.Filename)
			used[s] = fmt.Sprintf("%s:%d", filepath.ToSlash(rel), p.Line)
		}
	}
	// A method Format returns the formats of messages made by a package
	// that does not import diag (safety.URLProblem.Format).
	for _, f := range append(files, others...) {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "Format" && fd.Body != nil {
				ast.Inspect(fd.Body, func(n ast.Node) bool {
					if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) == 1 {
						if s, ok := literal(r.Results[0]); ok {
							note(s, r.Pos())
						}
					}
					return true
				})
			}
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				var name string
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					name = f.Name.Name + "." + fn.Name
				case *ast.SelectorExpr:
					x, ok := fn.X.(*ast.Ident)
					switch {
					case ok && (x.Name == "t" || x.Name == "tb" || x.Name == "b"):
						return true
					case ok && imported(f, x.Name):
						name = x.Name + "." + fn.Sel.Name
					default: // a method: of the file's own package, or of diag's List
						name = f.Name.Name + "." + fn.Sel.Name
						if _, ok := printers[name]; !ok {
							name = "diag." + fn.Sel.Name
						}
					}
				}
				p, ok := printers[name]
				if !ok {
					return true
				}
				for _, i := range []int{p.format, p.hint} {
					if i >= 0 && i < len(n.Args) {
						if s, ok := literal(n.Args[i]); ok {
							note(s, n.Args[i].Pos())
						} else if b, ok := n.Args[i].(*ast.BinaryExpr); ok && b.Op == token.ADD {
							// "the logins are " + list cannot be translated.
							glued = append(glued, fset.Position(b.Pos()).String())
						}
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if isHintName(id.Name) && i < len(n.Values) {
						noteHints(n.Values[i], note)
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && isHintName(id.Name) && i < len(n.Rhs) {
						noteHints(n.Rhs[i], note)
					}
				}
			}
			return true
		})
	}
	return used, glued
}

// imported tells whether name is a package that f imports (by the last
// element of its path, which is how the module names its imports).
func imported(f *ast.File, name string) bool {
	for _, s := range f.Imports {
		p, _ := strconv.Unquote(s.Path.Value)
		if s.Name != nil && s.Name.Name == name || s.Name == nil && p[strings.LastIndexByte(p, '/')+1:] == name {
			return true
		}
	}
	return false
}

// types is the type of a parameter as written, for the few that matter.
func types(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.Ellipsis:
		return "..." + types(e.Elt)
	}
	return ""
}

func isHintName(name string) bool { return strings.Contains(strings.ToLower(name), "hint") }

// noteHints notes the literal strings of a hint's value: a literal, a
// concatenation of literals, or the values of a map or slice literal.
func noteHints(e ast.Expr, note func(string, token.Pos)) {
	if s, ok := literal(e); ok {
		note(s, e.Pos())
		return
	}
	if c, ok := e.(*ast.CompositeLit); ok {
		for _, el := range c.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			noteHints(el, note)
		}
	}
}

// literal is the value of a string literal or a concatenation of them.
func literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := literal(e.X)
		b, ok2 := literal(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return literal(e.X)
	}
	return "", false
}
