package generator

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/esamverkan/guidemap/generator/assemble"
	"github.com/esamverkan/guidemap/generator/bodies"
	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/load"
)

// BenchmarkBodies measures the bodies stage alone (every body rendered,
// no link check) on gensite's sites of 200 shared guides at 7 and at 30
// municipalities. Each body is rendered once however many municipalities
// show it: renderings, the goldmark renderings of one run, grow with the
// municipalities only by their adaptations and their own texts, not by
// the pages (bodies) that show the shared guides.
//
//	go test ./generator -run - -bench Bodies
func BenchmarkBodies(b *testing.B) {
	for _, munis := range []int{7, 30} {
		b.Run(fmt.Sprintf("municipalities=%d", munis), func(b *testing.B) {
			ctx := context.Background()
			dir := filepath.Join(b.TempDir(), "site")
			cmd := exec.Command("go", "run", "../cmd/gensite", "--out", dir, "--municipalities", strconv.Itoa(munis),
				"--guides", "200", "--eservices", "20", "--points", "50", "--seed", "1")
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("gensite: %v\n%s", err, out)
			}
			l := &diag.List{}
			in := load.Site(ctx, os.DirFS(dir), "", 0, nil, l)
			site := assemble.Site(in, l)
			var set *bodies.Set
			var memo *cache.Table[bodies.Key, *bodies.Out]
			b.ReportAllocs()
			for b.Loop() {
				memo = &cache.Table[bodies.Key, *bodies.Out]{}
				set = bodies.Render(ctx, site, in.Content, bodies.Options{BasePath: in.BasePath, Memo: memo})
			}
			_, renderings := memo.Stats()
			b.ReportMetric(float64(len(set.Bodies())), "bodies")
			b.ReportMetric(float64(renderings), "renderings")
		})
	}
}
