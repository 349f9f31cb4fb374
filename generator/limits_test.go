package generator

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
)

// TestOutputLimit: a build whose files pass the most it may write fails
// with one error that says so at site.toml and how to raise it, and
// leaves the last good output as it was; check and Collect stop the
// same way; site.toml's [limits] output_gb is read.
func TestOutputLimit(t *testing.T) {
	dir := copyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	res, err := Build(context.Background(), Config{Src: dir, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	size := res.Bytes
	before, n := treeHash(t, out)

	const want = "content/site.toml: the site's files pass 0 GB, the most a build writes (at "
	for _, run := range []struct {
		name string
		f    func(context.Context, Config) (Result, error)
	}{{"build", Build}, {"check", Check}, {"collect", Collect}} {
		res, err := run.f(context.Background(), Config{Src: dir, Out: out, MaxOutput: size / 2, NoCache: true})
		if !errors.Is(err, ErrInput) {
			t.Fatalf("%s: err = %v, want ErrInput", run.name, err)
		}
		var errs []string
		for _, d := range res.Diags.Items() {
			if d.Severity == diag.Error {
				errs = append(errs, d.String())
			}
		}
		if len(errs) != 1 || !strings.HasPrefix(errs[0], want) || !strings.HasSuffix(errs[0], "raise the limit with [limits] output_gb = 0 in site.toml") {
			t.Errorf("%s: errors %q, want one %q…", run.name, errs, want)
		}
	}
	if after, m := treeHash(t, out); before != after || n != m {
		t.Errorf("the failed build changed the output: %d files %s → %d files %s", n, before, m, after)
	}
	// At the limit, it builds.
	if _, err := Build(context.Background(), Config{Src: dir, Out: out, MaxOutput: size}); err != nil {
		t.Errorf("a build of exactly the limit: %v", err)
	}
	t.Logf("the example writes %d bytes", size)
}
