// Package output owns the only code that writes the built site to disk.
// Files are written into a staging folder beside the output folder through
// an os.Root (no "..", no absolute path, no symlink can lead out of it), and
// the staging folder then takes the output folder's place in one step, so a
// build that fails or is killed leaves the previous output as it was. A
// Writer takes the files one by one as they are made, from any number of
// goroutines, and keeps none of their bytes; Write is a Writer given a
// whole site at once.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
)

// File is one output file: a slash path relative to the output folder and
// its bytes.
type File struct {
	Path string
	Data []byte
	// Sum, when not 0, is the page's fingerprint: a hash of everything
	// that made it. A Writer keeps it, so that a later build that computes
	// the same sum can take the file as it is (Writer.Reuse).
	Sum uint64
}

// Sort orders files by path.
func Sort(files []File) {
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
}

// CheckPath reports whether p is a path that stays inside the output folder:
// a valid io/fs path (no "..", no leading "/", no empty element) without
// backslashes or NUL.
func CheckPath(p string) error {
	if !fs.ValidPath(p) || p == "." || strings.ContainsAny(p, "\\\x00") {
		return fmt.Errorf("output path %q is not a plain relative path inside the output folder", p)
	}
	return nil
}

const stagingPrefix = ".guidemap-staging-"

// Write replaces the folder dir with a folder holding exactly files. The
// previous folder stays untouched until the new one is complete; the swap
// itself is atomic on Linux (renameat2 RENAME_EXCHANGE) and two renames
// elsewhere. It is a Writer that is given every file at once.
func Write(dir string, files []File) error {
	for _, f := range files {
		if err := CheckPath(f.Path); err != nil {
			return err
		}
	}
	w, err := NewWriter(dir)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := w.Put(f); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Commit()
}

// Create writes one new file at the slash path p inside dir (used by
// `guidemap new`). It refuses to overwrite an existing file and, through
// os.Root, to write outside dir.
func Create(dir, p string, data []byte) error {
	if err := CheckPath(p); err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	if d := path.Dir(p); d != "." {
		if err := root.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("create %s: %w", d, err)
		}
	}
	f, err := root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; guidemap new does not overwrite files", p)
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", p, err)
	}
	return f.Close()
}
