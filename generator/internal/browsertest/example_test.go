package browsertest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/esamverkan/guidemap/generator"
)

// buildExample builds the bundled example site (the repository's root)
// into a fresh folder and returns it.
func buildExample(t testing.TB) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(context.Background(), generator.Config{Src: "../../..", Out: out})
	if err != nil {
		for _, d := range res.Diags.Items() {
			t.Log(d)
		}
		t.Fatalf("building the example site: %v", err)
	}
	return out
}
