// Package output owns the only code that writes the built site to disk.
// Files are written into a staging folder beside the output folder through
// an os.Root (no "..", no absolute path, no symlink can lead out of it), and
// the staging folder then takes the output folder's place in one step, so a
// build that fails or is killed leaves the previous output as it was.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// File is one output file: a slash path relative to the output folder and
// its bytes.
type File struct {
	Path string
	Data []byte
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
// elsewhere.
func Write(dir string, files []File) (err error) {
	for _, f := range files {
		if err := CheckPath(f.Path); err != nil {
			return err
		}
	}
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
	}
	cleanStale(parent, filepath.Base(dir))
	stage, err := os.MkdirTemp(parent, stagingPrefix+filepath.Base(dir)+"-")
	if err != nil {
		return fmt.Errorf("create a staging folder beside %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(stage)
		}
	}()
	if err := os.Chmod(stage, 0o755); err != nil {
		return fmt.Errorf("chmod %s: %w", stage, err)
	}
	if err := writeAll(stage, files); err != nil {
		return err
	}
	fi, statErr := os.Lstat(dir)
	switch {
	case errors.Is(statErr, fs.ErrNotExist):
		if err := os.Rename(stage, dir); err != nil {
			return fmt.Errorf("move the new site into %s: %w", dir, err)
		}
		return nil
	case statErr != nil:
		return fmt.Errorf("output folder: %w", statErr)
	case !fi.IsDir():
		return fmt.Errorf("output folder %s exists and is not a folder", dir)
	}
	if err := swap(stage, dir); err != nil {
		return fmt.Errorf("replace %s with the new site: %w", dir, err)
	}
	// stage now holds the previous output.
	if err := os.RemoveAll(stage); err != nil {
		return fmt.Errorf("remove the previous output (now %s): %w", stage, err)
	}
	return nil
}

// cleanStale removes staging folders left by builds of base that were
// killed: exactly the names os.MkdirTemp gave them (the prefix and
// digits), so that the staging folder of an output folder with a longer
// name ("public-preview" beside "public") is left alone.
func cleanStale(parent, base string) {
	entries, _ := os.ReadDir(parent)
	prefix := stagingPrefix + base + "-"
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if e.IsDir() && ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// writeAll creates the folders, parents first, then writes the files on a
// few goroutines: on most file systems a write is a wait for the kernel
// more than work for the CPU.
func writeAll(stage string, files []File) error {
	root, err := os.OpenRoot(stage)
	if err != nil {
		return err
	}
	defer root.Close()
	dirs := map[string]bool{}
	for _, f := range files {
		for d := path.Dir(f.Path); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	sorted := make([]string, 0, len(dirs))
	for d := range dirs {
		sorted = append(sorted, d)
	}
	sort.Strings(sorted) // a parent sorts before its children
	for _, d := range sorted {
		if err := root.Mkdir(d, 0o755); err != nil {
			return fmt.Errorf("create %s: %w", d, err)
		}
	}
	const workers = 8
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(files); i += workers {
				if err := root.WriteFile(files[i].Path, files[i].Data, 0o644); err != nil {
					errs[i] = fmt.Errorf("write %s: %w", files[i].Path, err)
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
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
