package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRebuildGuideText measures a Builder's rebuild of the example
// site after the text of one guide changed (the fast way; compare
// BenchmarkBuildExample, a clean Check).
func BenchmarkRebuildGuideText(b *testing.B) {
	benchRebuild(b, func(i int) string { return fmt.Sprintf("---\ntitle: Prov\n---\n\nText %d.\n", i) }, true)
}

// BenchmarkRebuildGuideTitle measures the rebuild after the title of one
// guide changed (the full way, with the parses cached).
func BenchmarkRebuildGuideTitle(b *testing.B) {
	benchRebuild(b, func(i int) string { return fmt.Sprintf("---\ntitle: Prov %d\n---\n\nText.\n", i) }, false)
}

func benchRebuild(b *testing.B, content func(int) string, fast bool) {
	dir := copyExample(b)
	const rel = "content/guides/provguide.md"
	file := filepath.Join(dir, rel)
	os.WriteFile(file, []byte(content(-1)), 0o644)
	bu := NewBuilder(Config{Src: dir})
	if _, err := bu.Rebuild(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	for i := 0; b.Loop(); i++ {
		os.WriteFile(file, []byte(content(i)), 0o644)
		if _, err := bu.Rebuild(context.Background(), []string{rel}); err != nil {
			b.Fatal(err)
		}
		if bu.Fast() != fast {
			b.Fatalf("rebuild went the fast way: %v, want %v", bu.Fast(), fast)
		}
	}
}
