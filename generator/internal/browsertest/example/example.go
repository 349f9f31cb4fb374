// Package example checks the bundled example site in Chromium, in parts:
// each of the packages part1…part12 checks a twelfth of its pages (see
// browsertest.CheckExampleSite), so that no test package runs longer
// than go test allows one; the packages maps, maps2 and maps3 check its maps
// (CheckMapsLegible).
package example

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/esamverkan/guidemap/generator"
	"github.com/esamverkan/guidemap/generator/internal/browsertest"
)

// Parts is the number of packages that check the example site.
const Parts = 12

// Check builds the example site of the module at root (relative to the
// test's folder) and checks part (1…Parts) of its pages.
func Check(t *testing.T, root string, part int) {
	browsertest.Require(t)
	browsertest.CheckExampleSite(t, Build(t, root), part, Parts)
}

// Build builds the example site of the module at root (relative to the
// test's folder) into a temporary folder and returns it.
func Build(t *testing.T, root string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(context.Background(), generator.Config{Src: root, Out: out})
	if err != nil {
		for _, d := range res.Diags.Items() {
			t.Log(d)
		}
		t.Fatalf("building the example site: %v", err)
	}
	return out
}
