package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRebuildOneGuide measures a Builder's rebuild of the example
// site after one guide changed (compare BenchmarkBuildExample, a clean
// Check).
func BenchmarkRebuildOneGuide(b *testing.B) {
	dir := b.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(exampleSite, "content"))); err != nil {
		b.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "geodata"), os.DirFS(filepath.Join(exampleSite, "geodata"))); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, "content/guides/provguide.md")
	bu := NewBuilder(Config{Src: dir})
	for i := 0; b.Loop(); i++ {
		os.WriteFile(file, []byte(fmt.Sprintf("---\ntitle: Prov %d\n---\n\nText %d.\n", i, i)), 0o644)
		if _, err := bu.Rebuild([]string{"content/guides/provguide.md"}); err != nil {
			b.Fatal(err)
		}
	}
}
