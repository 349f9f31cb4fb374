package serve

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Edit-to-reload latency: from the write of one guide to the SSE message
// that the rebuilt site is served, median and 95th percentile. The edit
// adds a sentence to the text of a real guide (bygglov.md of the example
// site, which seven municipalities offer and two adapt; the middle guide
// of the synthetic site); BenchmarkEditTitleToReloadExample changes a
// title instead, which the Builder builds the full way.
//
//	go test ./generator/serve -run - -bench EditToReload -benchtime 20x
//
// GUIDEMAP_BENCH_GUIDES sets the synthetic site's size (default 1000;
// 10000 is the figure, and slow); GUIDEMAP_BENCH_DEBOUNCE the
// quiet time that closes a batch of events (default: serve's own).
func BenchmarkEditToReloadExample(b *testing.B) {
	dir := copySite(b)
	benchEdits(b, dir, "content/guides/bygglov.md", appendText)
}

func BenchmarkEditTitleToReloadExample(b *testing.B) {
	dir := copySite(b)
	benchEdits(b, dir, "content/guides/bygglov.md", editTitle)
}

// appendText adds a sentence to a guide's text.
func appendText(src string, i int) string { return src + fmt.Sprintf("\nÄndring nummer %d.\n", i) }

func BenchmarkEditToReloadSynthetic(b *testing.B) {
	dir, file := syntheticSite(b)
	benchEdits(b, dir, file, appendText)
}

func BenchmarkEditTitleToReloadSynthetic(b *testing.B) {
	dir, file := syntheticSite(b)
	benchEdits(b, dir, file, editTitle)
}

// editTitle changes a guide's title.
func editTitle(src string, i int) string {
	return strings.Replace(src, "title: ", fmt.Sprintf("title: %d ", i), 1)
}

// syntheticSite writes a site of GUIDEMAP_BENCH_GUIDES guides and returns
// its folder and the file of its middle guide.
func syntheticSite(b *testing.B) (dir, file string) {
	n := 1000
	if s := os.Getenv("GUIDEMAP_BENCH_GUIDES"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	dir = filepath.Join(b.TempDir(), "site")
	cmd := exec.Command("go", "run", "../../cmd/gensite", "--out", dir, "--municipalities", "7", "--guides", strconv.Itoa(n),
		"--eservices", strconv.Itoa(max(n/20, 10)), "--points", "300", "--seed", "1", "--boundaries", "../../geodata/municipalities.geojson")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("gensite: %v\n%s", err, out)
	}
	guides, _ := filepath.Glob(filepath.Join(dir, "content/guides/*.md"))
	if len(guides) == 0 {
		b.Fatal("gensite wrote no guides")
	}
	rel, _ := filepath.Rel(dir, guides[len(guides)/2])
	return dir, filepath.ToSlash(rel)
}

func benchEdits(b *testing.B, dir, file string, edit func(src string, i int) string) {
	var debounce time.Duration // serve's own
	if s := os.Getenv("GUIDEMAP_BENCH_DEBOUNCE"); s != "" {
		debounce, _ = time.ParseDuration(s)
	}
	t0 := time.Now()
	r := start(b, dir, debounce)
	b.Logf("first build and serve: %v", time.Since(t0).Round(time.Millisecond))
	src, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		b.Fatal(err)
	}
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		w := time.Now()
		r.write(file, edit(string(src), i))
		ev := r.next("reload")
		lat = append(lat, ev.at.Sub(w))
	}
	b.StopTimer()
	// The last edit is what is served: no rebuild was skipped.
	page := "/guider/" + strings.TrimSuffix(filepath.Base(file), ".md") + "/"
	last := edit(string(src), len(lat)-1)
	want := strings.TrimSpace(last[len(commonPrefix(last, string(src))):])
	if _, body := r.get(page); !strings.Contains(body, strings.SplitN(want, "\n", 2)[0]) {
		b.Fatalf("%s does not show the last edit (%q)", page, want)
	}
	slices.Sort(lat)
	med, p95 := lat[len(lat)/2], lat[min(len(lat)-1, len(lat)*95/100)]
	b.ReportMetric(float64(med.Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(p95.Microseconds())/1000, "p95-ms")
	b.Logf("%d edits, debounce %v: median %v, p95 %v", len(lat), debounce, med.Round(time.Millisecond), p95.Round(time.Millisecond))
	if testing.Verbose() {
		b.Logf("serve's log:\n%s", r.log.String())
	}
}

func commonPrefix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[:i]
}
