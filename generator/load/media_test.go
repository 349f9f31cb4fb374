package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/media"
)

// TestReadSiteMedia: the media files under content/ are read with the
// content files, each only from inside the site folder and up to a size,
// and never through a link.
func TestReadSiteMedia(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "hemlig.png")
	write := func(rel string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"/>`)
	write("content/guides/bygglov.md", []byte("---\ntitle: Bygglov\n---\nText.\n"))
	write("content/guides/bygglov/ritning.svg", svg)
	write("content/media/blankett.pdf", []byte("%PDF-1.4\n"))
	write("content/media/anteckning.txt", []byte("not media"))
	write("content/media/stor.pdf", append([]byte("%PDF-1.4\n"), make([]byte, media.MaxRead)...))
	if err := os.WriteFile(outside, svg, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "content/media/lank.svg")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(filepath.Dir(outside), filepath.Join(dir, "content/media/mapp")); err != nil {
		t.Fatal(err)
	}
	l := &diag.List{}
	c, lib := ReadSite(os.DirFS(dir), 2, nil, l)
	if c.ByPath["content/guides/bygglov.md"] == nil {
		t.Fatal("the guide was not read")
	}
	tests := []struct {
		path    string
		problem string // "" for a file that is published; "-" for none in the library
	}{
		{"content/guides/bygglov/ritning.svg", ""},
		{"content/media/blankett.pdf", ""},
		{"content/media/anteckning.txt", "-"},
		{"content/media/stor.pdf", "more than guidemap reads"},
		{"content/media/lank.svg", "-"},        // a link is an error of its own (below)
		{"content/media/mapp/hemlig.png", "-"}, // a linked folder is not walked
	}
	for _, tt := range tests {
		f, ok := lib.Get(tt.path)
		switch {
		case tt.problem == "-":
			if ok {
				t.Errorf("%s is in the library", tt.path)
			}
		case !ok:
			t.Errorf("%s is not in the library", tt.path)
		case tt.problem == "" && (f.Problem != nil || f.Data == nil):
			t.Errorf("%s cannot be published: %+v", tt.path, f.Problem)
		case tt.problem != "" && (f.Problem == nil || !strings.Contains(f.Problem.Msg, tt.problem) || f.Data != nil):
			t.Errorf("%s: problem %+v, want %q and no data", tt.path, f.Problem, tt.problem)
		}
	}
	if got := len(lib.Published()); got != 2 {
		t.Errorf("%d files published, want 2", got)
	}
	// Every link is an error where it stands, whether a page uses it or
	// not (sitefs.Check); the linked folder is not walked.
	var got []string
	for _, d := range l.Items() {
		got = append(got, d.Pos.File+": "+d.Msg)
	}
	want := "content/media/lank.svg: is a symbolic link, which guidemap does not follow\ncontent/media/mapp: is a symbolic link, which guidemap does not follow"
	if strings.Join(got, "\n") != want {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}
