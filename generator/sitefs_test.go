package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/sitefs"
)

// TestBuildRefusesWhatIsNotTheSite: files of the site folder that are
// links (to a secret outside, to /dev/zero, to a folder outside, to a
// file inside), FIFOs (content, geodata, theme) and oversize files are
// each an error naming the path; the build ends at once, reads nothing
// outside the site (the secret is on no page), writes nothing and leaves
// the last good output as it was.
func TestBuildRefusesWhatIsNotTheSite(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("links and FIFOs need a Unix system")
	}
	dir := copyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Config{Src: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	before, n := treeHash(t, out)

	top := t.TempDir()
	const secret = "HEMLIGT-7731"
	writeFile(t, filepath.Join(top, "secret.md"), "---\ntitle: "+secret+"\nsummary: "+secret+"\n---\n"+secret+"\n")
	writeFile(t, filepath.Join(top, "outside/bygglov.md"), "---\ntitle: "+secret+"\n---\n")
	writeFile(t, filepath.Join(top, "outside.geojson"), `{"type":"FeatureCollection","features":[]}`)
	link := func(target, p string) {
		t.Helper()
		p = filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Skip(err)
		}
	}
	fifo := func(p string) {
		t.Helper()
		p = filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skip(err)
		}
	}
	link(filepath.Join(top, "secret.md"), "content/guides/hemlig.md")
	link("/dev/zero", "content/pages/noll.md")
	link(filepath.Join(top, "outside"), "content/municipalities/ange/guides")
	link("bygglov.md", "content/guides/kopia.md")
	link(filepath.Join(top, "outside.geojson"), "geodata/platser/ute.geojson")
	fifo("content/guides/ror.md")
	fifo("geodata/platser/ror.geojson")
	fifo("themes/default/css/ror.css")
	writeFile(t, filepath.Join(dir, "content/guides/stor.md"), "---\ntitle: Stor\n---\n"+strings.Repeat("Lång text. ", sitefs.MaxMarkdown/10))

	type result struct {
		res Result
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, err := Build(context.Background(), Config{Src: dir, Out: out})
		done <- result{res, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("the build hangs")
	}
	if !errors.Is(r.err, ErrInput) {
		t.Fatalf("err = %v, want ErrInput", r.err)
	}
	real := func(p string) string {
		r, err := filepath.EvalSymlinks(p)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	want := []string{
		"content/guides/hemlig.md: is a symbolic link to " + real(filepath.Join(top, "secret.md")) + ", outside the site folder: guidemap reads nothing outside it; copy the file into the site folder instead of linking to it",
		"content/guides/kopia.md: is a symbolic link (to bygglov.md), which guidemap does not follow; put the file or folder itself here: guidemap reads only regular files and folders of the site folder",
		"content/guides/ror.md: is a named pipe (FIFO), not a file; replace it with a regular file (guidemap did not read it)",
		"content/guides/stor.md: is 4.0 MB, more than the 4.0 MB guidemap reads of a Markdown file; split the text into several guides or pages",
		"content/municipalities/ange/guides: is a symbolic link to " + real(filepath.Join(top, "outside")) + ", outside the site folder: guidemap reads nothing outside it; copy the file into the site folder instead of linking to it",
		"content/pages/noll.md: is a symbolic link to /dev/zero, outside the site folder: guidemap reads nothing outside it; copy the file into the site folder instead of linking to it",
		"geodata/platser/ror.geojson: is a named pipe (FIFO), not a file; replace it with a regular file (guidemap did not read it)",
		"geodata/platser/ute.geojson: is a symbolic link to " + real(filepath.Join(top, "outside.geojson")) + ", outside the site folder: guidemap reads nothing outside it; copy the file into the site folder instead of linking to it",
		"themes/default/css/ror.css: is a named pipe (FIFO), not a file; replace it with a regular file (guidemap did not read it)",
	}
	var got []string
	for _, d := range r.res.Diags.Items() {
		if d.Severity == diag.Error {
			got = append(got, d.String())
		}
		if strings.Contains(d.String(), secret) {
			t.Errorf("a diagnostic shows the secret: %s", d)
		}
	}
	slices.Sort(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if after, m := treeHash(t, out); before != after || n != m {
		t.Errorf("the failed build changed the output: %d files %s → %d files %s", n, before, m, after)
	}

	// The same site, collected in memory without the theme's FIFO: no
	// page holds the secret, whatever else fails.
	if err := os.Remove(filepath.Join(dir, "themes/default/css/ror.css")); err != nil {
		t.Fatal(err)
	}
	res, err := Collect(context.Background(), Config{Src: dir})
	if !errors.Is(err, ErrInput) {
		t.Fatalf("Collect: err = %v, want ErrInput", err)
	}
	for _, f := range res.Output {
		if strings.Contains(string(f.Data), secret) {
			t.Errorf("%s holds the secret", f.Path)
		}
	}
	if len(res.Output) < 100 {
		t.Errorf("%d files: the rest of the site should still render", len(res.Output))
	}
}
