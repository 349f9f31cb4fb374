package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// List records the files put to it, from any number of goroutines at
// once: their paths and sizes, and their bytes too when Keep is set. A
// build that writes its files as they come (Writer) or only counts them
// (guidemap check) holds no file's bytes after Put returns.
type List struct {
	Keep bool // keep every file's bytes (a Builder serves them from memory)

	mu    sync.Mutex
	files []File
	bytes int64
}

// Put records f.
func (l *List) Put(f File) error {
	n := int64(len(f.Data))
	if !l.Keep {
		f.Data = nil
	}
	l.mu.Lock()
	l.files = append(l.files, f)
	l.bytes += n
	l.mu.Unlock()
	return nil
}

// Files returns the files put so far, sorted by path (their Data nil
// unless Keep is set), and the sum of their sizes.
func (l *List) Files() ([]File, int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	Sort(l.files)
	return l.files, l.bytes
}

// Writer writes a site into a staging folder beside the output folder as
// its files come, from any number of goroutines at once, and then either
// puts the staging folder in the output folder's place in one step
// (Commit) or removes it (Abort). Until Commit the previous output folder
// is not touched. Files are written through an os.Root of the staging
// folder: no path leads out of it.
//
// A file that the previous output holds with the same bytes is not
// written again: the staging folder gets a hard link to it. That spares
// the disk the writing and, when the previous output is removed, the
// freeing of its blocks; the file keeps its modification time, so a
// deployment that compares times sends only what changed.
type Writer struct {
	dir    string // the output folder
	stage  string // the staging folder beside it
	root   *os.Root
	parent *os.Root // the folder that holds both, for links from the previous output into the staging folder; nil for none
	prev   *os.Root // the previous output; nil for none
	list   List
	linked atomic.Int64 // files linked from the previous output

	queue  chan File // files waiting for a writing goroutine
	wg     sync.WaitGroup
	mu     sync.Mutex
	err    error // the first error of a write
	failed atomic.Bool
	done   bool // Commit or Abort was called
	dirs   sync.Map
}

// writers is the number of goroutines that write: on most file systems a
// write is a wait for the kernel more than work for the CPU.
const writers = 8

// NewWriter creates a staging folder beside dir (and dir's parent when it
// is missing), after removing the staging folders that builds of dir that
// were killed left there.
func NewWriter(dir string) (*Writer, error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	cleanStale(parent, filepath.Base(dir))
	stage, err := os.MkdirTemp(parent, stagingPrefix+filepath.Base(dir)+"-")
	if err != nil {
		return nil, fmt.Errorf("create a staging folder beside %s: %w", dir, err)
	}
	if err := os.Chmod(stage, 0o755); err != nil {
		os.RemoveAll(stage)
		return nil, fmt.Errorf("chmod %s: %w", stage, err)
	}
	root, err := os.OpenRoot(stage)
	if err != nil {
		os.RemoveAll(stage)
		return nil, err
	}
	w := &Writer{dir: dir, stage: stage, root: root, queue: make(chan File, 4*writers)}
	if fi, err := os.Lstat(dir); err == nil && fi.IsDir() {
		w.prev, _ = os.OpenRoot(dir)
		w.parent, _ = os.OpenRoot(parent)
		if w.prev == nil || w.parent == nil {
			w.closePrev()
		}
	}
	for range writers {
		w.wg.Go(w.write)
	}
	return w, nil
}

// Put writes f into the staging folder (on one of the Writer's goroutines:
// it may return before f is on disk) and records its path and size. It
// refuses a path that is not plain (CheckPath) and returns the first error
// that a write met so far. Put is safe for concurrent use, but not with
// Commit or Abort; the Writer does not keep f.Data once written.
func (w *Writer) Put(f File) error {
	if err := CheckPath(f.Path); err != nil {
		return err
	}
	if err := w.firstErr(); err != nil {
		return err
	}
	w.list.Put(f)
	w.queue <- f
	return nil
}

// write writes the queued files until the queue is closed.
func (w *Writer) write() {
	for f := range w.queue {
		if w.failed.Load() {
			continue
		}
		err := w.mkdirAll(path.Dir(f.Path))
		if err == nil && !w.link(f) {
			if err = w.root.WriteFile(f.Path, f.Data, 0o644); err != nil {
				err = fmt.Errorf("write %s: %w", f.Path, err)
			}
		}
		if err != nil {
			w.fail(err)
		}
	}
}

// link links f from the previous output when that holds a plain file at
// f's path with f's bytes; it reports whether it did.
func (w *Writer) link(f File) bool {
	if w.prev == nil {
		return false
	}
	fi, err := w.prev.Lstat(f.Path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(f.Data)) {
		return false
	}
	old, err := w.prev.ReadFile(f.Path)
	if err != nil || !bytes.Equal(old, f.Data) {
		return false
	}
	base := filepath.Base(w.dir) + "/"
	if w.parent.Link(base+f.Path, filepath.Base(w.stage)+"/"+f.Path) != nil {
		return false
	}
	w.linked.Add(1)
	return true
}

// Linked is the number of files that were the same in the previous output
// and were linked from it instead of written.
func (w *Writer) Linked() int { return int(w.linked.Load()) }

func (w *Writer) closePrev() {
	if w.prev != nil {
		w.prev.Close()
	}
	if w.parent != nil {
		w.parent.Close()
	}
	w.prev, w.parent = nil, nil
}

// mkdir is the creation of one folder of the staging folder, done once.
type mkdir struct {
	once sync.Once
	err  error
}

// mkdirAll creates the folder d and its parents, each once however many
// files go into it.
func (w *Writer) mkdirAll(d string) error {
	if d == "." {
		return nil
	}
	v, _ := w.dirs.LoadOrStore(d, &mkdir{})
	m := v.(*mkdir)
	m.once.Do(func() {
		if m.err = w.mkdirAll(path.Dir(d)); m.err != nil {
			return
		}
		if err := w.root.Mkdir(d, 0o755); err != nil {
			m.err = fmt.Errorf("create %s: %w", d, err)
		}
	})
	return m.err
}

func (w *Writer) fail(err error) {
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.mu.Unlock()
	w.failed.Store(true)
}

func (w *Writer) firstErr() error {
	if !w.failed.Load() {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// finish waits for the queued writes and closes the staging folder's root.
func (w *Writer) finish() error {
	if w.done {
		return errors.New("the output was already committed or aborted")
	}
	w.done = true
	close(w.queue)
	w.wg.Wait()
	w.root.Close()
	w.closePrev()
	return w.firstErr()
}

// Files returns what was put, sorted by path, with Data nil, and the sum
// of the files' sizes.
func (w *Writer) Files() ([]File, int64) { return w.list.Files() }

// Commit waits for every write to end and puts the staging folder in the
// output folder's place: atomically on Linux (renameat2 RENAME_EXCHANGE),
// with two renames elsewhere; then it removes the previous output. When a
// write failed, or two files were put at the same path, it removes the
// staging folder instead and returns the error; the previous output stays
// as it was.
func (w *Writer) Commit() (err error) {
	defer func() {
		if err != nil {
			os.RemoveAll(w.stage)
		}
	}()
	if err := w.finish(); err != nil {
		return err
	}
	files, _ := w.list.Files()
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			return fmt.Errorf("two files were put at %s", files[i].Path)
		}
	}
	fi, statErr := os.Lstat(w.dir)
	switch {
	case errors.Is(statErr, fs.ErrNotExist):
		if err := os.Rename(w.stage, w.dir); err != nil {
			return fmt.Errorf("move the new site into %s: %w", w.dir, err)
		}
		return nil
	case statErr != nil:
		return fmt.Errorf("output folder: %w", statErr)
	case !fi.IsDir():
		return fmt.Errorf("output folder %s exists and is not a folder", w.dir)
	}
	if err := swap(w.stage, w.dir); err != nil {
		return fmt.Errorf("replace %s with the new site: %w", w.dir, err)
	}
	// stage now holds the previous output.
	if err := os.RemoveAll(w.stage); err != nil {
		return fmt.Errorf("remove the previous output (now %s): %w", w.stage, err)
	}
	return nil
}

// Abort stops writing and removes the staging folder; the output folder
// stays as it was. It is for builds that found errors or were cancelled.
func (w *Writer) Abort() {
	if w.done {
		return
	}
	w.failed.Store(true) // the queued files are not written any more
	w.finish()
	os.RemoveAll(w.stage)
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
