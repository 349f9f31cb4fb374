package output_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/esamverkan/guidemap/generator/output"
)

// manyFiles is a site of n files in nested folders, many sharing a folder.
func manyFiles(n int) []output.File {
	var files []output.File
	for i := range n {
		files = append(files, output.File{
			Path: fmt.Sprintf("m%d/guider/g%d/index.html", i%7, i/7),
			Data: []byte(strings.Repeat(fmt.Sprint(i), i%13)),
		})
	}
	return append(files, output.File{Path: "index.html", Data: []byte("start")})
}

// TestWriter puts files from many goroutines at once and then commits or
// aborts: a commit makes the folder hold exactly the files put, an abort
// or a failure leaves the previous output, and no staging folder is left.
func TestWriter(t *testing.T) {
	tests := []struct {
		name    string
		puts    []output.File
		abort   bool   // Abort instead of Commit
		putErr  string // a Put fails with this
		wantErr string // Commit fails with this
	}{
		{name: "concurrent puts, commit", puts: manyFiles(700)},
		{name: "commit an empty site", puts: nil},
		{name: "abort leaves the previous output", puts: manyFiles(50), abort: true},
		{name: "a path out of the folder is refused", puts: append(secondBuild(), output.File{Path: "../x", Data: []byte("evil")}),
			putErr: `output path "../x" is not a plain relative path inside the output folder`},
		{name: "an absolute path is refused", puts: append(secondBuild(), output.File{Path: "/abs", Data: []byte("evil")}),
			putErr: `output path "/abs" is not a plain relative path inside the output folder`},
		{name: "two files at one path", puts: append(secondBuild(), output.File{Path: "index.html", Data: []byte("again")}),
			wantErr: "two files were put at index.html"},
		{name: "a file below a file", puts: []output.File{{Path: "a", Data: []byte("file")}, {Path: "a/b", Data: []byte("below")}},
			wantErr: "a: "}, // "create a: …" or "write a: …", by the order of the writes
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "public")
			mustWrite(t, dir, firstBuild())
			before := treeHash(t, dir)

			w, err := output.NewWriter(dir)
			if err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			var mu sync.Mutex
			var putErrs []string
			for g := range 8 {
				wg.Go(func() {
					for i := g; i < len(tt.puts); i += 8 {
						if err := w.Put(tt.puts[i]); err != nil {
							mu.Lock()
							putErrs = append(putErrs, err.Error())
							mu.Unlock()
						}
					}
				})
			}
			wg.Wait()
			switch {
			case tt.putErr != "":
				if !slices.Contains(putErrs, tt.putErr) {
					t.Errorf("Put errors %q, want %q", putErrs, tt.putErr)
				}
				w.Abort()
			case len(putErrs) > 0 && tt.wantErr == "":
				t.Fatalf("Put: %q", putErrs)
			case tt.abort:
				w.Abort()
			default:
				err := w.Commit()
				switch {
				case tt.wantErr == "" && err != nil:
					t.Fatalf("Commit: %v", err)
				case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
					t.Fatalf("Commit: %v, want %q", err, tt.wantErr)
				}
			}

			ok := tt.putErr == "" && tt.wantErr == "" && !tt.abort
			if got := treeHash(t, dir); ok && got != filesHash(tt.puts) {
				t.Errorf("the output folder does not hold exactly the files put")
			} else if !ok && got != before {
				t.Errorf("the previous output changed")
			}
			if left := stagingLeft(t, parent); len(left) > 0 {
				t.Errorf("staging folders left: %q", left)
			}
			if _, err := os.Lstat(filepath.Join(parent, "x")); err == nil {
				t.Errorf("x was written beside the output folder")
			}
			if !ok {
				return
			}
			files, size := w.Files()
			var want []string
			var wantSize int64
			for _, f := range tt.puts {
				want = append(want, f.Path)
				wantSize += int64(len(f.Data))
			}
			slices.Sort(want)
			var got []string
			for _, f := range files {
				got = append(got, f.Path)
				if f.Data != nil {
					t.Errorf("Files keeps the bytes of %s", f.Path)
				}
			}
			if !slices.Equal(got, want) || size != wantSize {
				t.Errorf("Files = %d paths, %d bytes; want %d paths, %d bytes", len(got), size, len(want), wantSize)
			}
		})
	}
}

// TestList records paths and sizes, and keeps the bytes only when asked.
func TestList(t *testing.T) {
	for _, keep := range []bool{false, true} {
		l := &output.List{Keep: keep}
		var wg sync.WaitGroup
		files := manyFiles(100)
		for _, f := range files {
			wg.Go(func() { l.Put(f) })
		}
		wg.Wait()
		got, size := l.Files()
		output.Sort(files)
		var wantSize int64
		for i, f := range files {
			wantSize += int64(len(f.Data))
			if got[i].Path != f.Path || keep && string(got[i].Data) != string(f.Data) || !keep && got[i].Data != nil {
				t.Fatalf("keep %v: file %d is %q (%d bytes), want %q", keep, i, got[i].Path, len(got[i].Data), f.Path)
			}
		}
		if len(got) != len(files) || size != wantSize {
			t.Errorf("keep %v: %d files, %d bytes; want %d, %d", keep, len(got), size, len(files), wantSize)
		}
	}
}

// TestWriterKeepsUnchangedFiles: the spare (the output before last) is
// brought up to date in place: a file it holds with the same bytes is
// kept (the same inode, its time kept), a changed one is written anew, a
// file no longer made is removed with the folders it leaves empty, and
// neither a symbolic link nor a file of another size is kept.
func TestWriterKeepsUnchangedFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first := []output.File{
		{Path: "index.html", Data: []byte("start")},
		{Path: "a/index.html", Data: []byte("same")},
		{Path: "b/index.html", Data: []byte("old text")},
		{Path: "c/index.html", Data: []byte("grows")},
		{Path: "gone/deep/index.html", Data: []byte("removed later")},
		{Path: "d", Data: []byte("a file that becomes a folder")},
	}
	// Two builds of the same files: the second makes the first the spare.
	for range 2 {
		if err := output.Write(out, first); err != nil {
			t.Fatal(err)
		}
	}
	spare := filepath.Join(filepath.Dir(out), ".guidemap-spare-public")
	// A symbolic link in the spare with the bytes of a file of the next
	// build.
	if err := os.Symlink("../index.html", filepath.Join(spare, "a", "link.html")); err != nil {
		t.Fatal(err)
	}
	before := map[string]os.FileInfo{}
	for _, p := range []string{"index.html", "a/index.html", "b/index.html", "c/index.html"} {
		fi, err := os.Stat(filepath.Join(spare, p))
		if err != nil {
			t.Fatal(err)
		}
		before[p] = fi
	}
	w, err := output.NewWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	third := []output.File{
		{Path: "index.html", Data: []byte("start")},
		{Path: "a/index.html", Data: []byte("same")},
		{Path: "a/link.html", Data: []byte("start")},
		{Path: "b/index.html", Data: []byte("new text")},
		{Path: "c/index.html", Data: []byte("grows more")},
		{Path: "d/index.html", Data: []byte("now a folder")},
	}
	for _, f := range third {
		if err := w.Put(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if w.Kept() != 2 {
		t.Errorf("kept %d files, want 2", w.Kept())
	}
	unchanged := map[string]bool{"index.html": true, "a/index.html": true}
	for _, f := range third {
		p := filepath.Join(out, f.Path)
		fi, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		if !fi.Mode().IsRegular() {
			t.Errorf("%s is %v, want a plain file", f.Path, fi.Mode())
		}
		if data, _ := os.ReadFile(p); string(data) != string(f.Data) {
			t.Errorf("%s holds %q, want %q", f.Path, data, f.Data)
		}
		if old, ok := before[f.Path]; ok && os.SameFile(old, fi) != unchanged[f.Path] {
			t.Errorf("%s: the same file as in the spare is %v, want %v", f.Path, !unchanged[f.Path], unchanged[f.Path])
		}
	}
	var got []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && p != out {
			rel, _ := filepath.Rel(out, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return nil
	})
	want := []string{"a", "a/index.html", "a/link.html", "b", "b/index.html", "c", "c/index.html", "d", "d/index.html", "index.html"}
	if !slices.Equal(got, want) {
		t.Errorf("the output holds %q, want %q", got, want)
	}
	// The spare now holds the second build, whole.
	if data, err := os.ReadFile(filepath.Join(spare, "gone/deep/index.html")); err != nil || string(data) != "removed later" {
		t.Errorf("the spare lost the previous output: %q %v", data, err)
	}
}
