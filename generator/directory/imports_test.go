package directory

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoStageImports keeps directory a concept package that the stages
// use: it must not import one of them.
func TestNoStageImports(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files here: %v", err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, is := range af.Imports {
			p, _ := strconv.Unquote(is.Path.Value)
			for _, stage := range []string{"", "/load", "/assemble", "/bodies", "/render", "/output", "/cache"} {
				if strings.HasSuffix(p, "/guidemap/generator"+stage) {
					t.Errorf("%s imports %s: directory is used by the stages and must not import one", f, p)
				}
			}
		}
	}
}
