package sitefs

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/esamverkan/guidemap/generator/diag"
)

// site makes a site folder in a temporary folder, with a secret file
// beside it (outside the site), and returns the site folder.
func site(t *testing.T) (dir, secret string) {
	t.Helper()
	top := t.TempDir()
	secret = filepath.Join(top, "secret.md")
	write(t, secret, "---\ntitle: Hemligt\n---\nHemlig text.\n")
	dir = filepath.Join(top, "site")
	write(t, filepath.Join(dir, "content/guides/bygglov.md"), "---\ntitle: Bygglov\n---\nText.\n")
	if err := os.MkdirAll(filepath.Join(top, "outside/guides"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(top, "outside/guides/x.md"), "---\ntitle: X\n---\n")
	return dir, secret
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs on Windows")
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
}

// TestRefused: every way a file of the site folder could lead to what is
// not a regular file inside it is an *Error naming the path, with the
// message the author reads, and nothing is read; ReadFile, Open and Stat
// agree. Each case must end at once: a FIFO must not hang.
func TestRefused(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(t *testing.T, dir, secret string)
		path   string
		kind   Kind
		what   What
		msg    string // the English message, after "path: "
		readOK bool   // Stat succeeds (the file is refused when read)
	}{
		{"a regular file", func(*testing.T, string, string) {}, "content/guides/bygglov.md", Markdown, 0, "", true},
		{"a link to a file outside", func(t *testing.T, dir, secret string) {
			symlink(t, secret, filepath.Join(dir, "content/guides/hemlig.md"))
		}, "content/guides/hemlig.md", Markdown, SymlinkOut, "is a symbolic link to SECRET, outside the site folder: guidemap reads nothing outside it", false},
		{"a relative link to a file outside", func(t *testing.T, dir, _ string) {
			symlink(t, "../../../secret.md", filepath.Join(dir, "content/guides/hemlig.md"))
		}, "content/guides/hemlig.md", Markdown, SymlinkOut, "is a symbolic link to SECRET, outside the site folder: guidemap reads nothing outside it", false},
		{"a link to a file inside", func(t *testing.T, dir, _ string) {
			symlink(t, "bygglov.md", filepath.Join(dir, "content/guides/kopia.md"))
		}, "content/guides/kopia.md", Markdown, Symlink, "is a symbolic link (to bygglov.md), which guidemap does not follow", false},
		{"a link to /dev/zero", func(t *testing.T, dir, _ string) {
			if _, err := os.Stat("/dev/zero"); err != nil {
				t.Skip("no /dev/zero")
			}
			symlink(t, "/dev/zero", filepath.Join(dir, "content/guides/noll.md"))
		}, "content/guides/noll.md", Markdown, SymlinkOut, "is a symbolic link to /dev/zero, outside the site folder: guidemap reads nothing outside it", false},
		{"a link that leads nowhere outside", func(t *testing.T, dir, _ string) {
			symlink(t, "/nonexistent/x.md", filepath.Join(dir, "content/guides/borta.md"))
		}, "content/guides/borta.md", Markdown, SymlinkOut, "is a symbolic link to /nonexistent/x.md, outside the site folder: guidemap reads nothing outside it", false},
		{"a file in a folder that is a link outside", func(t *testing.T, dir, _ string) {
			symlink(t, filepath.Join(filepath.Dir(dir), "outside"), filepath.Join(dir, "content/municipalities"))
		}, "content/municipalities/guides/x.md", Markdown, SymlinkOut, "is a symbolic link to OUTSIDE, outside the site folder: guidemap reads nothing outside it", false},
		{"a file in a folder that is a link inside", func(t *testing.T, dir, _ string) {
			symlink(t, "guides", filepath.Join(dir, "content/kopia"))
		}, "content/kopia/bygglov.md", Markdown, Symlink, "is a symbolic link (to guides), which guidemap does not follow", false},
		{"a FIFO", func(t *testing.T, dir, _ string) {
			mkfifo(t, filepath.Join(dir, "content/guides/ror.md"))
		}, "content/guides/ror.md", Markdown, FIFO, "is a named pipe (FIFO), not a file", false},
		{"a socket", func(t *testing.T, dir, _ string) {
			if runtime.GOOS == "windows" {
				t.Skip()
			}
			fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
			if err != nil {
				t.Skip(err)
			}
			defer syscall.Close(fd)
			// A socket's path is short: bind it from inside the folder.
			wd, _ := os.Getwd()
			defer os.Chdir(wd)
			if err := os.Chdir(filepath.Join(dir, "content/guides")); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: "uttag.md"}); err != nil {
				t.Skip(err)
			}
		}, "content/guides/uttag.md", Markdown, Socket, "is a socket, not a file", false},
		{"an oversize Markdown file", func(t *testing.T, dir, _ string) {
			write(t, filepath.Join(dir, "content/guides/stor.md"), strings.Repeat("x", MaxMarkdown+1))
		}, "content/guides/stor.md", Markdown, TooBig, "is 4.0 MB, more than the 4.0 MB guidemap reads of a Markdown file", true},
		{"a Markdown file at the limit", func(t *testing.T, dir, _ string) {
			write(t, filepath.Join(dir, "content/guides/stor.md"), strings.Repeat("x", MaxMarkdown))
		}, "content/guides/stor.md", Markdown, 0, "", true},
		{"an oversize site.toml", func(t *testing.T, dir, _ string) {
			write(t, filepath.Join(dir, "content/site.toml"), strings.Repeat("#", 3<<20))
		}, "content/site.toml", Config, TooBig, "is 3.0 MB, more than the 1.0 MB guidemap reads of site.toml", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, secret := site(t)
			tt.setup(t, dir, secret)
			s, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			want := strings.NewReplacer("SECRET", real(t, secret), "OUTSIDE", real(t, filepath.Join(filepath.Dir(dir), "outside"))).Replace(tt.msg)
			done := make(chan struct{})
			go func() {
				defer close(done)
				_, statErr := s.Stat(tt.path)
				if (statErr == nil) != tt.readOK {
					t.Errorf("Stat: %v", statErr)
				}
				data, err := ReadFile(s, tt.path, tt.kind)
				_, openErr := s.Open(tt.path)
				if tt.what == 0 {
					if err != nil || openErr != nil || len(data) == 0 {
						t.Errorf("ReadFile: %d bytes, %v; Open: %v", len(data), err, openErr)
					}
					return
				}
				var e *Error
				if !errors.As(err, &e) || e.What != tt.what {
					t.Errorf("ReadFile: %v (%d bytes), want what %d", err, len(data), tt.what)
					return
				}
				if bytes.Contains(data, []byte("Hemlig")) {
					t.Errorf("read the secret")
				}
				if !Is(openErr) {
					t.Errorf("Open: %v", openErr)
				}
				d, ok := Diagnose(err)
				if !ok || d.Pos.File != e.Path || !strings.HasPrefix(tt.path, e.Path) || d.Msg != want || d.Hint == "" || d.Severity != diag.Error {
					t.Errorf("diagnostic %v (%s), want %q at %s", d, d.Pos.File, want, tt.path)
				}
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("hangs")
			}
		})
	}
}

// real is p with its links resolved, as an *Error names a link's target.
func real(t *testing.T, p string) string {
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	r, _ = filepath.Abs(r)
	return r
}

// TestWalkReportsEntries: Check, given the entries of a walk of the site
// folder, reports links (a folder linked outside too, into which the walk
// does not go) and FIFOs, and lets files and folders be read.
func TestWalkReportsEntries(t *testing.T) {
	dir, secret := site(t)
	symlink(t, secret, filepath.Join(dir, "content/guides/hemlig.md"))
	symlink(t, filepath.Join(filepath.Dir(dir), "outside"), filepath.Join(dir, "content/ute"))
	mkfifo(t, filepath.Join(dir, "content/guides/ror.md"))
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	l := &diag.List{}
	var read []string
	err = fs.WalkDir(s, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if Check(s, p, d, l) && !d.IsDir() {
			read = append(read, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(read, " ") != "content/guides/bygglov.md" {
		t.Errorf("read %v", read)
	}
	var got []string
	for _, d := range l.Items() {
		got = append(got, d.Pos.File+": "+d.Msg)
	}
	want := []string{
		"content/guides/hemlig.md: is a symbolic link to " + real(t, secret) + ", outside the site folder: guidemap reads nothing outside it",
		"content/guides/ror.md: is a named pipe (FIFO), not a file",
		"content/ute: is a symbolic link to " + real(t, filepath.Join(filepath.Dir(dir), "outside")) + ", outside the site folder: guidemap reads nothing outside it",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLimitOfOtherFS: ReadFile and Limit check any file system's files
// the same way (the tests' fstest.MapFS): the mode, and the size however
// the file says it is.
func TestLimitOfOtherFS(t *testing.T) {
	fsys := fstest.MapFS{
		"content/site.toml":       {Data: []byte("title = \"T\"\n")},
		"content/big.md":          {Data: bytes.Repeat([]byte("x"), MaxMarkdown+1)},
		"content/pipe.md":         {Mode: fs.ModeNamedPipe},
		"themes/default/x.css":    {Data: bytes.Repeat([]byte("x"), MaxTheme+10)},
		"themes/default/ok.css":   {Data: []byte("a{}")},
		"geodata/municipalities.": {Data: []byte("{}")},
	}
	tests := []struct {
		path string
		kind Kind
		what What
	}{
		{"content/site.toml", Config, 0},
		{"content/big.md", Markdown, TooBig},
		{"content/pipe.md", Markdown, FIFO},
		{"themes/default/x.css", Theme, TooBig},
		{"themes/default/ok.css", Theme, 0},
	}
	for _, tt := range tests {
		_, err := ReadFile(fsys, tt.path, tt.kind)
		var e *Error
		if tt.what == 0 && err != nil || tt.what != 0 && (!errors.As(err, &e) || e.What != tt.what || e.Path != tt.path) {
			t.Errorf("%s: %v", tt.path, err)
		}
		_, err = fs.ReadFile(Limit(fsys, tt.kind), tt.path)
		if tt.what == 0 && err != nil || tt.what != 0 && (!errors.As(err, &e) || e.What != tt.what) {
			t.Errorf("%s through Limit: %v", tt.path, err)
		}
	}
}

// TestGrowingFile: a file that grows after it was opened (or a device
// that says it is empty) is read no further than the limit.
func TestGrowingFile(t *testing.T) {
	big := &growing{}
	l := &limited{File: big, name: "content/guides/x.md", kind: Markdown, left: MaxMarkdown}
	buf := make([]byte, 1<<16)
	var n int64
	var err error
	for err == nil {
		var k int
		k, err = l.Read(buf)
		n += int64(k)
	}
	var e *Error
	if !errors.As(err, &e) || e.What != TooBig || n > MaxMarkdown {
		t.Errorf("read %d bytes, %v", n, err)
	}
	if big.read > MaxMarkdown+1 {
		t.Errorf("read %d bytes of the file", big.read)
	}
}

// growing is a file that never ends and says it is empty.
type growing struct{ read int64 }

func (g *growing) Read(p []byte) (int, error) { g.read += int64(len(p)); return len(p), nil }
func (g *growing) Stat() (fs.FileInfo, error) { return fstest.MapFS{"x": {}}.Stat("x") }
func (g *growing) Close() error               { return nil }

// TestReadPath: a file the author names on the command line may be a
// link, but not a FIFO, and is read with the limit of its kind.
func TestReadPath(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "gräns.geojson"), "{}")
	symlink(t, "gräns.geojson", filepath.Join(dir, "länk.geojson"))
	if b, err := ReadPath(filepath.Join(dir, "länk.geojson"), Boundaries); err != nil || string(b) != "{}" {
		t.Errorf("through a link: %q, %v", b, err)
	}
	mkfifo(t, filepath.Join(dir, "rör.geojson"))
	done := make(chan error, 1)
	go func() { _, err := ReadPath(filepath.Join(dir, "rör.geojson"), Boundaries); done <- err }()
	select {
	case err := <-done:
		var e *Error
		if !errors.As(err, &e) || e.What != FIFO {
			t.Errorf("a FIFO: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a FIFO hangs")
	}
}

// TestKindOf: a path's kind, and so its limit.
func TestKindOf(t *testing.T) {
	for p, want := range map[string]Kind{
		"content/site.toml":                   Config,
		"content/guides/bygglov.md":           Markdown,
		"content/guides/bygglov/ritning.png":  Media,
		"geodata/municipalities.geojson":      Boundaries,
		"geodata/platser/bibliotek.geojson":   Points,
		"geodata/base/land.geojson":           Base,
		"themes/default/layouts/guide.html":   Theme,
		"themes/default/i18n/sv.toml":         Theme,
		"content/municipalities/ange/x.md":    Markdown,
		"geodata/base/LICENSES/GPL-3.0.txt":   Base,
		"themes/kust/static/bilder/logga.svg": Theme,
	} {
		if got := KindOf(p); got != want {
			t.Errorf("%s: %d, want %d", p, got, want)
		}
	}
}
