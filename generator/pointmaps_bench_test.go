package generator

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

// BenchmarkPointMaps checks a gensite site of 7 municipalities, no
// guides and n service points: nearly all its pages are point pages, each
// with its map. The time and the bytes allocated per point (ns/point,
// B/point) stay flat from 5,000 to 20,000 points: a point's map holds the
// few places near it, not every place of its category in the
// municipality. Each run checks that no point map links more places than
// the nearby query allows.
func BenchmarkPointMaps(b *testing.B) {
	for _, n := range []int{5000, 20000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := gensitePoints(b, n)
			var ms0, ms1 runtime.MemStats
			runtime.ReadMemStats(&ms0)
			var res Result
			for b.Loop() {
				var err error
				if res, err = Check(context.Background(), Config{Src: dir}); err != nil {
					b.Fatal(err)
				}
			}
			runtime.ReadMemStats(&ms1)
			res, err := Collect(context.Background(), Config{Src: dir})
			if err != nil {
				b.Fatal(err)
			}
			pages := checkPointMaps(b, res)
			if pages != n {
				b.Fatalf("%d point pages, want %d", pages, n)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/point")
			b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(b.N*n), "B/point")
		})
	}
}

// maxNearLinks is the most places a point's map links: the nearest of
// its category and of others (render's nearQuery, 8 + 4).
const maxNearLinks = 12

// checkPointMaps counts the point pages of res and fails if a map links
// more than maxNearLinks places.
func checkPointMaps(tb testing.TB, res Result) int {
	tb.Helper()
	pages := 0
	for _, f := range res.Output {
		if !bytes.Contains([]byte(f.Path), []byte("/platser/")) || filepath.Base(f.Path) != "index.html" {
			continue
		}
		pages++
		i, j := bytes.Index(f.Data, []byte("<svg")), bytes.Index(f.Data, []byte("</svg>"))
		if i < 0 || j < i {
			tb.Fatalf("%s has no map", f.Path)
		}
		if links := bytes.Count(f.Data[i:j], []byte("<a ")); links > maxNearLinks {
			tb.Fatalf("%s: the map links %d places, more than %d", f.Path, links, maxNearLinks)
		}
	}
	return pages
}

// gensitePoints writes a site of 7 municipalities, no guides and n points
// with cmd/gensite.
func gensitePoints(b *testing.B, n int) string {
	dir := filepath.Join(b.TempDir(), "site")
	cmd := exec.Command("go", "run", "../cmd/gensite", "--out", dir, "--municipalities", "7", "--guides", "0",
		"--eservices", "10", "--points", strconv.Itoa(n), "--seed", "1", "--boundaries", "../geodata/municipalities.geojson")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("gensite: %v\n%s", err, out)
	}
	return dir
}

// TestPointMapsBounded: every point page of the example site links at
// most maxNearLinks places on its map.
func TestPointMapsBounded(t *testing.T) {
	res, err := Collect(context.Background(), Config{Src: exampleSite})
	if err != nil {
		t.Fatal(err)
	}
	if pages := checkPointMaps(t, res); pages < 100 {
		t.Errorf("%d point pages; the example has more than 100", pages)
	}
}
