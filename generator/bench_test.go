package generator

import (
	"crypto/sha256"
	"encoding/hex"
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
		res, err = Check(Config{Src: exampleSite})
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
		if _, err := Build(Config{Src: exampleSite, Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}

// outputHash hashes what a build would write, as treeHash hashes a folder.
func outputHash(res Result) string {
	h := sha256.New()
	for _, f := range res.Output {
		h.Write([]byte(f.Path + "\x00"))
		h.Write(f.Data)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestBenchmarkDoesAllWork pins the benchmarks' result: what Check renders
// in memory is exactly what Build writes, and it is the whole site.
func TestBenchmarkDoesAllWork(t *testing.T) {
	res, err := Check(Config{Src: exampleSite})
	if err != nil {
		t.Fatal(err)
	}
	out, built := buildExample(t, "")
	disk, files := treeHash(t, out)
	if mem := outputHash(res); mem != disk || files != res.Files {
		t.Errorf("Check made %d files (%s), Build wrote %d (%s)", res.Files, mem, files, disk)
	}
	if res.Pages != built.Pages || res.Pages < 250 {
		t.Errorf("Check rendered %d pages, Build %d; the example has more than 250", res.Pages, built.Pages)
	}
}
