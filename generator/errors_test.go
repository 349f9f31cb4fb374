package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/golden"
)

// TestBrokenSite builds testdata/broken, a site with mistakes in many
// files, over the output of a good build. Every mistake must be reported
// with its position and the exact message of testdata/broken.golden, the
// build must fail, and the previous output must stay byte for byte.
func TestBrokenSite(t *testing.T) {
	out, _ := buildExample(t, "")
	before, n := treeHash(t, out)

	res, err := Build(context.Background(), Config{Src: "testdata/broken", Out: out})
	if !errors.Is(err, ErrInput) {
		t.Fatalf("Build of the broken site: err = %v, want ErrInput", err)
	}
	var b strings.Builder
	files := map[string]bool{}
	for _, d := range res.Diags.Items() {
		b.WriteString(d.String() + "\n")
		files[d.Pos.File] = true
		if d.Pos.Line < 1 || d.Pos.Col < 1 {
			t.Errorf("diagnostic without line and column: %s", d)
		}
	}
	golden.Compare(t, "testdata/broken.golden", []byte(b.String()))
	errs, _ := res.Diags.Count()
	if errs < 8 || len(files) < 3 {
		t.Errorf("%d errors in %d files, want at least 8 in 3", errs, len(files))
	}
	t.Logf("%d errors in %d files", errs, len(files))

	after, m := treeHash(t, out)
	if before != after || n != m {
		t.Errorf("the failed build changed the previous output: %d files %s → %d files %s", n, before, m, after)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".guidemap-staging-*")); len(leftovers) > 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}
}

// TestBuildBrokenLinkLeavesOutput: a link that only the link check finds
// broken (it runs once every page has been written to the staging folder)
// fails the build, and the previous output stays byte for byte.
func TestBuildBrokenLinkLeavesOutput(t *testing.T) {
	dir := copyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Config{Src: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	before, n := treeHash(t, out)

	guide := filepath.Join(dir, "content", "guides", "bygglov.md")
	data, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, guide, strings.Replace(string(data), "## När behöver du bygglov?", "Se [sidan](/guider/finns-inte/).\n\n## När behöver du bygglov?", 1))
	res, err := Build(context.Background(), Config{Src: dir, Out: out})
	if !errors.Is(err, ErrInput) {
		t.Fatalf("Build with a broken link: err = %v, want ErrInput", err)
	}
	var msgs []string
	for _, d := range res.Diags.Items() {
		if d.Severity == diag.Error {
			msgs = append(msgs, d.String())
		}
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], `link to "/guider/finns-inte/": there is no such page`) {
		t.Errorf("errors %q, want the broken link", msgs)
	}
	if after, m := treeHash(t, out); before != after || n != m {
		t.Errorf("the failed build changed the previous output: %d files %s → %d files %s", n, before, m, after)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".guidemap-staging-*")); len(leftovers) > 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}
}

// copyExample copies the example site's content and geodata into a new
// folder, for tests that edit it.
func copyExample(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"content", "geodata"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(exampleSite, d))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBrokenSiteMessages checks the broken sites (testdata/broken and
// testdata/eservices-broken) as `guidemap check` prints their problems,
// with the count line, in each language the messages are printed in:
// testdata/<site>.<lang>.golden. Every line of the Swedish must be
// translated: none may be the English line.
func TestBrokenSiteMessages(t *testing.T) {
	for _, site := range []string{"broken", "eservices-broken"} {
		res, err := Check(context.Background(), Config{Src: filepath.Join("testdata", site)})
		if !errors.Is(err, ErrInput) {
			t.Fatalf("Check of %s: err = %v, want ErrInput", site, err)
		}
		out := map[string]string{}
		for _, lang := range diag.Languages {
			t.Run(site+"/"+lang, func(t *testing.T) {
				var b strings.Builder
				res.Diags.FprintIn(&b, "", lang)
				out[lang] = b.String()
				golden.Compare(t, "testdata/"+site+"."+lang+".golden", []byte(b.String()))
			})
		}
		en, sv := strings.Split(out[diag.English], "\n"), strings.Split(out[diag.Swedish], "\n")
		if len(en) != len(sv) {
			t.Fatalf("%s: %d lines in English, %d in Swedish", site, len(en), len(sv))
		}
		for i := range en {
			if en[i] != "" && en[i] == sv[i] {
				t.Errorf("%s: not translated: %s", site, en[i])
			}
		}
	}
}
