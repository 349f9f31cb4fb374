package hours

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenEntry writes what a case gives: the warnings and, for a complete
// value, the Swedish and English text and the schema (compactSchema).
func goldenEntry(kind, in, warn, sv, en, schema string) string {
	return fmt.Sprintf("== %s: %s\nwarn: %s\nsv: %s\nen: %s\nschema: %s\n", kind, in, warn, sv, en, schema)
}

// checkGolden compares got with the golden file, or rewrites it with
// -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got == string(want) {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Errorf("%s:%d:\n got %q\nwant %q (run go test -update after checking the change)", path, i+1, gl, wl)
			return
		}
	}
}
