package serve

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/esamverkan/guidemap/generator/sitefs"
)

// TestWatcherFollowsNoLinks: the watcher watches the site's own folders
// and none that a symbolic link leads to (inside or outside the site),
// and opens no file: a FIFO in the site does not stop it.
func TestWatcherFollowsNoLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("links and FIFOs need a Unix system")
	}
	top := t.TempDir()
	site, outside := filepath.Join(top, "site"), filepath.Join(top, "outside")
	for _, d := range []string{"content/guides", "geodata", "themes/default/css", "../outside/deep"} {
		if err := os.MkdirAll(filepath.Join(site, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(site, "content/ute")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink("guides", filepath.Join(site, "content/kopia")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(site, "content/guides/ror.md"), 0o644); err != nil {
		t.Skip(err)
	}
	w, err := newWatcher(site)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	got := w.w.WatchList()
	slices.Sort(got)
	for _, p := range got {
		if strings.HasPrefix(p, outside) || strings.Contains(p, "kopia") || strings.Contains(p, "ute") {
			t.Errorf("watches %s", p)
		}
	}
	for _, want := range []string{site, filepath.Join(site, "content/guides"), filepath.Join(site, "themes/default/css")} {
		if !slices.Contains(got, want) {
			t.Errorf("does not watch %s (watches %v)", want, got)
		}
	}
	// A link made while serving is not followed either.
	if err := os.Symlink(outside, filepath.Join(site, "geodata/ute")); err != nil {
		t.Fatal(err)
	}
	w.addTree(filepath.Join(site, "geodata/ute"))
	for _, p := range w.w.WatchList() {
		if strings.HasPrefix(p, outside) || strings.HasSuffix(p, "geodata/ute") {
			t.Errorf("watches %s after the link was made", p)
		}
	}
}

// TestSourceLineReadsOnlyTheSite: the overlay's line of source is read as
// the build reads files: a FIFO or a link outside gives no line (and no
// hang), a file of the site its line.
func TestSourceLineReadsOnlyTheSite(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("links and FIFOs need a Unix system")
	}
	top := t.TempDir()
	site := filepath.Join(top, "site")
	if err := os.MkdirAll(filepath.Join(site, "content/guides"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(top, "hemlig.md"), []byte("hemlig\nrad två\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "content/guides/a.md"), []byte("---\ntitle: A\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(top, "hemlig.md"), filepath.Join(site, "content/guides/b.md")); err != nil {
		t.Skip(err)
	}
	if err := syscall.Mkfifo(filepath.Join(site, "content/guides/c.md"), 0o644); err != nil {
		t.Skip(err)
	}
	fsys := sitefs.Dir(site)
	for file, want := range map[string]string{"content/guides/a.md": "title: A", "content/guides/b.md": "", "content/guides/c.md": ""} {
		if got := sourceLine(fsys, file, 2); got != want {
			t.Errorf("%s: %q, want %q", file, got, want)
		}
	}
}
