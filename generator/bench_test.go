package generator

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkBuildExample measures load, assemble and render of the example
// site (everything but the disk); BenchmarkBuildExampleWrite adds the
// atomic write. TestBenchmarkDoesAllWork pins what they make.
func BenchmarkBuildExample(b *testing.B) {
	b.ReportAllocs()
	var res Result
	for b.Loop() {
		var err error
		res, err = Check(context.Background(), Config{Src: exampleSite})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Pages), "pages")
}

func BenchmarkBuildExampleWrite(b *testing.B) {
	b.ReportAllocs()
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, err := Build(context.Background(), Config{Src: exampleSite, Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBenchmarkDoesAllWork pins the benchmarks' result: what Check renders
// in memory is exactly what Build writes, and it is the whole site.
func TestBenchmarkDoesAllWork(t *testing.T) {
	res, err := Collect(context.Background(), Config{Src: exampleSite})
	if err != nil {
		t.Fatal(err)
	}
	out, built := buildExample(t, "")
	disk := map[string][]byte{}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		disk[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(disk) != len(res.Output) {
		t.Errorf("Check made %d files, Build wrote %d", len(res.Output), len(disk))
	}
	for _, f := range res.Output {
		if !bytes.Equal(disk[f.Path], f.Data) {
			t.Errorf("%s differs between Check and Build", f.Path)
		}
	}
	if res.Pages != built.Pages || res.Pages < 250 {
		t.Errorf("Check rendered %d pages, Build %d; the example has more than 250", res.Pages, built.Pages)
	}
}
