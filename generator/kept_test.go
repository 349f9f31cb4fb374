package generator

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/esamverkan/guidemap/generator/output"
)

// TestKeptBodiesRewriteOnlyChangedParts: the rendered bodies are kept in
// parts; a build after one guide's text changed writes again only the
// parts that hold its renderings, and the next build reads them all.
func TestKeptBodiesRewriteOnlyChangedParts(t *testing.T) {
	dir := copyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	cache := output.CacheDir(out)
	parts := func() map[string][]byte {
		t.Helper()
		got := map[string][]byte{}
		for i := range bodyShards {
			if data, err := os.ReadFile(filepath.Join(cache, bodyShard(i))); err == nil {
				got[bodyShard(i)] = data
			}
		}
		return got
	}
	if _, err := Build(context.Background(), Config{Src: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	before := parts()
	if len(before) < bodyShards/2 {
		t.Fatalf("%d parts of %d hold renderings: too few to tell", len(before), bodyShards)
	}
	appendFile(t, filepath.Join(dir, "content/guides/skolskjuts.md"), "\nEn mening till.\n")
	res, err := Build(context.Background(), Config{Src: dir, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	after := parts()
	changed := 0
	for name, data := range after {
		if !bytes.Equal(data, before[name]) {
			changed++
		}
	}
	// The guide's body, and its versions' where their links differ.
	if changed < 1 || changed > 8 {
		t.Errorf("%d parts written again after one guide's text changed, want 1 to 8", changed)
	}
	if len(after) != len(before) {
		t.Errorf("%d parts, %d before", len(after), len(before))
	}
	res, err = Build(context.Background(), Config{Src: dir, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rendered != 0 {
		t.Errorf("the build after rendered %d pages, want none", res.Rendered)
	}
	if again := parts(); len(again) != len(after) {
		t.Errorf("%d parts after an unchanged build, %d before", len(again), len(after))
	} else {
		for name, data := range again {
			if !bytes.Equal(data, after[name]) {
				t.Errorf("%s written again by an unchanged build", name)
			}
		}
	}
}
