package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
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
	max   int64 // the most the files may hold in all; 0: DefaultMaxOutput
}

// DefaultMaxOutput is the most a build writes unless told otherwise
// (SetMax): 64 GiB, sixteen times what the national synthetic site
// (gensite --preset national: 220,798 pages) writes, 4.1 GB.
const DefaultMaxOutput = 64 << 30

// SetMax sets the most the files put may hold in all, in bytes (0:
// DefaultMaxOutput). A Put past it returns a *TooBigError.
func (l *List) SetMax(max int64) {
	l.mu.Lock()
	l.max = max
	l.mu.Unlock()
}

// TooBigError is what Put returns for the file that would take the
// files put past the most they may hold.
type TooBigError struct {
	Path string // the file that passed the limit
	Max  int64
}

func (e *TooBigError) Error() string {
	return fmt.Sprintf("the output passes %d bytes (at %s)", e.Max, e.Path)
}

// Put records f.
func (l *List) Put(f File) error {
	n := int64(len(f.Data))
	if !l.Keep {
		f.Data = nil
	}
	return l.put(f, n)
}

func (l *List) put(f File, size int64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	max := l.max
	if max <= 0 {
		max = DefaultMaxOutput
	}
	if l.bytes+size > max {
		return &TooBigError{Path: f.Path, Max: max}
	}
	l.files = append(l.files, f)
	l.bytes += size
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
// (Commit) or stops (Abort). Until Commit the output folder is not
// touched. Files are written through an os.Root of the staging folder: no
// path leads out of it.
//
// The staging folder is kept between builds: it is the spare, named
// .guidemap-spare-<output folder's name>, which after a Commit holds the
// output that was replaced. The next build brings the spare up to date in
// place, writing only the files whose bytes differ from what it holds and
// removing those it no longer makes, and exchanges it with the output
// folder again. A build that changes a few pages writes a few files, and
// no build creates or removes a whole tree: on most disks that is what
// writing a site costs. A file that did not change keeps its time, so a
// deployment that compares times sends only what changed. When another
// build of the same output holds the spare, a Writer stages in a folder
// of its own and removes what it replaced, as a clean build does.
//
// A page put with a Sum (its fingerprint) is remembered with it, in the
// sums of the folder that holds it (sums.go). A later build that computes
// the same sum for the page asks Reuse to take the page as it is, and
// need not render it: the spare holds it already, or the output folder
// does, and a hard link puts it in the spare. When the spare is empty
// (after a clean build), the links wait for Commit: a build whose files
// are all the output folder's (an unchanged site) makes none, and leaves
// the output folder as it is.
type Writer struct {
	dir   string // the output folder
	stage string // the staging folder beside it: the spare, or one of its own
	spare bool   // stage is the spare (kept after Commit)
	fresh bool   // stage was empty: every file is new, nothing to compare or remove
	lock  *os.File
	root  *os.Root
	list  List
	kept  atomic.Int64 // files the staging folder held already with the same bytes
	links atomic.Int64 // files taken from the output folder (Reuse, or a Put of the same bytes into a fresh stage)

	// later: the files of this build that the output folder holds
	// already, to be linked into a fresh staging folder at Commit, and
	// only when something else changed: a build that makes the output
	// folder's very files leaves it as it is.
	laterMu sync.Mutex
	later   []string

	cache string // CacheDir(dir): the sums
	stamp string // SetStamp's
	prior struct {
		out, spare *sums // what the output folder and the spare hold, when known (and of this stamp)
	}
	spareFiles *sums // the files the spare holds, when known (of any stamp)
	nowMu      sync.Mutex
	now        map[string]held // what the staging folder holds of this build: every file put or reused

	queue  chan File // files waiting for a writing goroutine
	wg     sync.WaitGroup
	mu     sync.Mutex
	err    error // the first error of a write
	failed atomic.Bool
	done   bool // Commit or Abort was called
	dirsMu sync.Mutex
	dirs   map[string]*mkdir // folders made (or being made) in the staging folder: a plain map is half a sync.Map's size

	// roots: os.Roots of folders of the staging folder that hold folders
	// (folder path → *dirRoot), opened once and kept until the writes
	// end: a folder or file made in one takes one system call to find
	// its place, not one for each folder on its path (in).
	roots     sync.Map
	openRoots atomic.Int32
}

// writers is the number of goroutines that write: on most file systems a
// write is a wait for the kernel more than work for the CPU.
const writers = 8

// NewWriter takes the spare beside dir (creating it, and dir's parent,
// when missing), after removing the staging folders that builds of dir
// that were killed left there.
func NewWriter(dir string) (*Writer, error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	base := filepath.Base(dir)
	cleanStale(parent, base)
	w := &Writer{dir: dir, queue: make(chan File, 4*writers), cache: CacheDir(dir), now: map[string]held{}}
	if err := w.takeSpare(filepath.Join(parent, sparePrefix+base)); err != nil {
		stage, err := os.MkdirTemp(parent, stagingPrefix+base+"-")
		if err != nil {
			return nil, fmt.Errorf("create a staging folder beside %s: %w", dir, err)
		}
		if err := os.Chmod(stage, 0o755); err != nil {
			os.RemoveAll(stage)
			return nil, fmt.Errorf("chmod %s: %w", stage, err)
		}
		w.stage, w.fresh = stage, true
	}
	root, err := os.OpenRoot(w.stage)
	if err != nil {
		w.release()
		if !w.spare {
			os.RemoveAll(w.stage)
		}
		return nil, err
	}
	w.root = root
	if w.spare {
		// Only the build that holds the spare takes pages from the output
		// folder: the others may replace it at any moment.
		w.prior.out = readSums(filepath.Join(w.cache, "out.sums"), dir)
		// The spare is about to change: its sums go first.
		spareSums := filepath.Join(w.cache, "spare.sums")
		if !w.fresh {
			w.prior.spare = readSums(spareSums, w.stage)
			w.spareFiles = w.prior.spare
		}
		os.Remove(spareSums)
	}
	for range writers {
		w.wg.Go(w.write)
	}
	return w, nil
}

const sparePrefix = ".guidemap-spare-"

// takeSpare makes the folder spare the Writer's staging folder, unless
// another build holds it (or it cannot be made a folder).
func (w *Writer) takeSpare(spare string) error {
	if fi, err := os.Lstat(spare); err == nil && !fi.IsDir() {
		if err := os.Remove(spare); err != nil {
			return err
		}
	}
	made := false
	if err := os.Mkdir(spare, 0o755); err == nil {
		made = true
	} else if !errors.Is(err, fs.ErrExist) {
		return err
	}
	lock, err := os.OpenFile(spare+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return err
	}
	if !tryLock(lock) {
		lock.Close()
		return errors.New("the spare is in use")
	}
	w.stage, w.spare, w.lock, w.fresh = spare, true, lock, made
	if !made {
		if entries, err := os.ReadDir(spare); err == nil && len(entries) == 0 {
			w.fresh = true
		}
	}
	return nil
}

// release lets other builds take the spare.
func (w *Writer) release() {
	if w.lock != nil {
		w.lock.Close() // releases the lock
		w.lock = nil
	}
}

// SetStamp names the program that computes the sums of the files put
// (for example a hash of its executable): sums kept by a program of
// another stamp are not used, and "" keeps none. Call it before the first
// Put or Reuse.
func (w *Writer) SetStamp(stamp string) {
	w.stamp = stamp
	for _, s := range []**sums{&w.prior.out, &w.prior.spare} {
		if *s != nil && ((*s).stamp != stamp || stamp == "") {
			*s = nil
		}
	}
}

// Forget makes the Writer take nothing from what earlier builds made:
// Reuse refuses every page, and every file put is compared with what the
// spare holds byte for byte (guidemap build --no-cache). The sums of this
// build are kept all the same.
func (w *Writer) Forget() {
	w.prior.out, w.prior.spare = nil, nil
}

// Size tells the size of the file at path p that the staging folder
// holds of this build (put, or taken by Reuse), and whether it holds one.
func (w *Writer) Size(p string) (int64, bool) {
	w.nowMu.Lock()
	defer w.nowMu.Unlock()
	h, ok := w.now[p]
	return h.size, ok
}

// Keeps tells whether the Writer keeps the sums of the pages put (it has
// a stamp).
func (w *Writer) Keeps() bool { return w.stamp != "" }

// CanReuse tells whether Reuse may take any page: the Writer knows the
// sums of the output folder or of the spare.
func (w *Writer) CanReuse() bool {
	return w.stamp != "" && (w.prior.out != nil || w.prior.spare != nil)
}

// Reuse puts in the staging folder, without its bytes, the page at path
// p that a recent build made with the same sum: the spare holds it
// already, or the output folder does and a hard link to it goes in the
// spare. It returns false when it cannot (no such page, another sum, no
// stamp, a link refused): the caller then renders the page and Puts it.
// Reuse is safe for concurrent use, with Put too.
func (w *Writer) Reuse(p string, sum uint64) bool {
	if sum == 0 || w.stamp == "" || CheckPath(p) != nil || w.failed.Load() {
		return false
	}
	if s := w.prior.spare; s != nil {
		if h, ok := s.of[p]; ok && h.sum == sum && w.record(File{Path: p, Sum: sum}, h.size) == nil {
			w.kept.Add(1)
			return true
		}
	}
	if s := w.prior.out; s != nil {
		if h, ok := s.of[p]; ok && h.sum == sum {
			if w.lazy() {
				// Linked at Commit, if at all: the file must be there
				// then (one removed by hand is rendered again).
				if !w.outHolds(p, h.size) || w.record(File{Path: p, Sum: sum}, h.size) != nil {
					return false
				}
				w.linkLater(p)
				return true
			}
			if w.link(p) == nil && w.record(File{Path: p, Sum: sum}, h.size) == nil {
				w.links.Add(1)
				return true
			}
		}
	}
	return false
}

// linkLater notes that the output folder's file p is this build's too.
func (w *Writer) linkLater(p string) {
	w.links.Add(1)
	w.laterMu.Lock()
	w.later = append(w.later, p)
	w.laterMu.Unlock()
}

// sameAsOut tells whether the output folder holds f's very bytes (f is
// to be put in a fresh staging folder: the output is of a recent build).
func (w *Writer) sameAsOut(f File) bool {
	s := w.prior.out
	if s == nil {
		return false
	}
	h, ok := s.of[f.Path]
	if !ok || h.size != int64(len(f.Data)) {
		return false
	}
	if !w.outHolds(f.Path, h.size) {
		return false
	}
	old, err := os.ReadFile(w.outFile(f.Path))
	return err == nil && bytes.Equal(old, f.Data)
}

// outHolds tells whether the output folder holds a regular file of size
// bytes at p.
func (w *Writer) outHolds(p string, size int64) bool {
	fi, err := os.Lstat(w.outFile(p))
	return err == nil && fi.Mode().IsRegular() && fi.Size() == size
}

// outFile is the path of the output folder's file p.
func (w *Writer) outFile(p string) string { return filepath.Join(w.dir, filepath.FromSlash(p)) }

// unchanged tells, at Commit, whether this build made exactly the files
// that the output folder holds, all of them taken from it.
func (w *Writer) unchanged() bool {
	s := w.prior.out
	return w.lazy() && s != nil && len(w.later) == len(w.now) && len(w.now) == len(s.of)
}

// lazy tells whether the files taken from the output folder wait for
// Commit to be linked (linkLater): when the staging folder is empty, or
// when what it holds is not known (after a build by another guidemap),
// so that a build that makes the output folder's very files links
// nothing. Otherwise the spare holds most files already.
func (w *Writer) lazy() bool {
	return w.fresh || w.prior.spare == nil && w.prior.out != nil
}

// linkAll links the files of later into the staging folder, on several
// goroutines (output may not import internal/par: ARCHITECTURE.md,
// Packages); a file that cannot be linked (a file system without hard
// links, a file of too many) is copied. It returns the first failure.
func (w *Writer) linkAll() error {
	var wg sync.WaitGroup
	var errMu sync.Mutex
	var first error
	next := atomic.Int64{}
	for range writers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(w.later) {
					return
				}
				if err := w.linkOrCopy(w.later[i]); err != nil {
					errMu.Lock()
					if first == nil {
						first = err
					}
					errMu.Unlock()
					return
				}
			}
		})
	}
	wg.Wait()
	w.closeRoots()
	return first
}

// linkOrCopy puts the output folder's file p in the fresh staging
// folder: a hard link, or else a copy.
func (w *Writer) linkOrCopy(p string) error {
	if err := w.link(p); err == nil {
		return nil
	}
	data, err := os.ReadFile(w.outFile(p))
	if err != nil {
		return fmt.Errorf("take %s from the output folder: %w", p, err)
	}
	root, rel := w.in(path.Dir(p))
	rel = path.Join(rel, path.Base(p))
	if err := root.WriteFile(rel, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	return nil
}

// ReuseTree reuses (Reuse) every file under the folder prefix that a
// recent build made when each has the sum that sum gives its path: all
// of the spare's, or else all of the output folder's. It reports whether
// it did; when it did not, the caller makes the files and Puts them. (A
// file it took before a link was refused is then Put again, by the same
// path when the sums tell the same bytes.)
func (w *Writer) ReuseTree(prefix string, sum func(p string) uint64) bool {
	if w.stamp == "" || w.failed.Load() {
		return false
	}
	for _, s := range []*sums{w.prior.spare, w.prior.out} {
		if s == nil {
			continue
		}
		var paths []string
		all := true
		for p, h := range s.of {
			if strings.HasPrefix(p, prefix) {
				if h.sum != sum(p) {
					all = false
					break
				}
				paths = append(paths, p)
			}
		}
		if !all || len(paths) == 0 {
			continue
		}
		slices.Sort(paths)
		for _, p := range paths {
			if !w.Reuse(p, sum(p)) {
				return false
			}
		}
		return true
	}
	return false
}

// hardLink is os.Link (tests make it fail).
var hardLink, osLink = os.Link, os.Link

// link puts a hard link to the output folder's file p in the staging
// folder, in the place of what is there.
func (w *Writer) link(p string) error {
	if err := w.mkdirAll(path.Dir(p)); err != nil {
		return err
	}
	// The folders on the way are the staging folder's own (mkdirAll made
	// or checked each through the root): the link stays inside it.
	src := w.outFile(p)
	dst := filepath.Join(w.stage, filepath.FromSlash(p))
	if w.fresh {
		return hardLink(src, dst)
	}
	old, err := os.Lstat(dst)
	if errors.Is(err, fs.ErrNotExist) {
		return hardLink(src, dst)
	}
	if err == nil {
		// The spare may hold the output's very file (a link made by an
		// earlier build), under a sum of before: a rename of a link over
		// its own file would do nothing and leave the link behind.
		if fi, err := os.Lstat(src); err == nil && os.SameFile(fi, old) {
			return nil
		}
	}
	tmp := filepath.Join(filepath.Dir(dst), tmpPrefix+filepath.Base(dst))
	os.Remove(tmp)
	if err := hardLink(src, tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// record notes that the staging folder holds f (of size bytes), unless
// that takes the output past its limit (a *TooBigError).
func (w *Writer) record(f File, size int64) error {
	if err := w.list.put(File{Path: f.Path, Sum: f.Sum}, size); err != nil {
		return err
	}
	w.nowMu.Lock()
	w.now[f.Path] = held{f.Sum, size}
	w.nowMu.Unlock()
	return nil
}

// SetMax sets the most the files may hold in all (List.SetMax).
func (w *Writer) SetMax(max int64) { w.list.SetMax(max) }

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
	if err := w.record(f, int64(len(f.Data))); err != nil {
		return err
	}
	w.queue <- f
	return nil
}

// write writes the queued files until the queue is closed.
func (w *Writer) write() {
	for f := range w.queue {
		if w.failed.Load() {
			continue
		}
		if err := w.writeFile(f); err != nil {
			w.fail(err)
		}
	}
}

// writeFile makes the staging folder hold f: as it is when it holds the
// same bytes already, else through a new file renamed over the old one
// (which a hard link may share with another folder, and must not be
// written into).
func (w *Writer) writeFile(f File) error {
	if s := w.prior.spare; s != nil && f.Sum != 0 {
		if h, ok := s.of[f.Path]; ok && h.sum == f.Sum && h.size == int64(len(f.Data)) {
			w.kept.Add(1) // made from the same inputs
			return nil
		}
	}
	if w.lazy() && w.sameAsOut(f) {
		w.linkLater(f.Path)
		return nil
	}
	dir := path.Dir(f.Path)
	if err := w.mkdirAll(dir); err != nil {
		return err
	}
	// The folder above the file's (most folders hold one page, and are
	// not worth a Root of their own) and the file's path from it.
	root, rel := w.in(dir)
	rel = path.Join(rel, path.Base(f.Path))
	var fi fs.FileInfo
	err := fs.ErrNotExist
	if !w.fresh {
		fi, err = root.Lstat(rel)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := root.WriteFile(rel, f.Data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
		return nil
	case err == nil && fi.Mode().IsRegular() && fi.Size() == int64(len(f.Data)):
		if old, err := root.ReadFile(rel); err == nil && bytes.Equal(old, f.Data) {
			w.kept.Add(1)
			return nil
		}
	case err == nil && fi.IsDir():
		if err := root.RemoveAll(rel); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
	}
	tmp := path.Join(path.Dir(rel), tmpPrefix+path.Base(rel))
	if err := root.WriteFile(tmp, f.Data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", f.Path, err)
	}
	if err := root.Rename(tmp, rel); err != nil {
		root.Remove(tmp)
		return fmt.Errorf("write %s: %w", f.Path, err)
	}
	return nil
}

// dirRoot is a kept os.Root of one folder (Writer.roots), or nil when
// it could not be opened or too many are open.
type dirRoot struct {
	once sync.Once
	root *os.Root
}

// maxRoots is how many folders' Roots a Writer keeps open at most, well
// under the usual limit of open files.
const maxRoots = 512

// in returns the Root of the folder that holds p (a path in the staging
// folder, made already), and p's path from it: its name, or the path
// from the staging folder when that folder has no kept Root.
func (w *Writer) in(p string) (*os.Root, string) {
	d := path.Dir(p)
	if d == "." {
		return w.root, p
	}
	v, _ := w.roots.LoadOrStore(d, &dirRoot{})
	dr := v.(*dirRoot)
	dr.once.Do(func() {
		if w.openRoots.Add(1) > maxRoots {
			return
		}
		parent, name := w.in(d)
		if r, err := parent.OpenRoot(name); err == nil {
			dr.root = r
		}
	})
	if dr.root == nil {
		return w.root, p
	}
	return dr.root, path.Base(p)
}

// closeRoots closes the kept Roots, once the writes have ended.
func (w *Writer) closeRoots() {
	w.roots.Range(func(_, v any) bool {
		if r := v.(*dirRoot).root; r != nil {
			r.Close()
		}
		return true
	})
	w.roots.Clear()
	w.openRoots.Store(0)
}

// tmpPrefix starts the name a file is written under before it is renamed
// to its own (one writer a path: Commit refuses two files at one path).
const tmpPrefix = ".guidemap-new-"

// Kept is the number of files that the staging folder (the spare) held
// already with the same bytes, and that were not written.
func (w *Writer) Kept() int { return int(w.kept.Load()) }

// Linked is the number of files taken from the output folder: linked
// into the staging folder, or, when the build made the output folder's
// very files, left where they are.
func (w *Writer) Linked() int { return int(w.links.Load()) }

// mkdir is the creation of one folder of the staging folder, done once.
type mkdir struct {
	once sync.Once
	err  error
}

// mkdirAll creates the folder d and its parents, each once however many
// files go into it; a folder the spare holds already is taken as it is,
// and a file where a folder must be is removed.
func (w *Writer) mkdirAll(d string) error {
	if d == "." {
		return nil
	}
	w.dirsMu.Lock()
	m := w.dirs[d]
	if m == nil {
		if w.dirs == nil {
			w.dirs = map[string]*mkdir{}
		}
		m = &mkdir{}
		w.dirs[d] = m
	}
	w.dirsMu.Unlock()
	m.once.Do(func() {
		if m.err = w.mkdirAll(path.Dir(d)); m.err != nil {
			return
		}
		root, rel := w.in(d)
		err := root.Mkdir(rel, 0o755)
		if errors.Is(err, fs.ErrExist) {
			fi, serr := root.Lstat(rel)
			if serr == nil && fi.IsDir() {
				return
			}
			if err = root.Remove(rel); err == nil {
				err = root.Mkdir(rel, 0o755)
			}
		}
		if err != nil {
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

// finish waits for the queued writes.
func (w *Writer) finish() error {
	if w.done {
		return errors.New("the output was already committed or aborted")
	}
	w.done = true
	close(w.queue)
	w.wg.Wait()
	w.closeRoots()
	return w.firstErr()
}

// Files returns what was put, sorted by path, with Data nil, and the sum
// of the files' sizes.
func (w *Writer) Files() ([]File, int64) { return w.list.Files() }

// Commit waits for every write to end, removes from the staging folder
// what was not put, and puts the staging folder in the output folder's
// place: atomically on Linux (renameat2 RENAME_EXCHANGE), with two renames
// elsewhere. The replaced output becomes the spare (or is removed, when
// the Writer staged in a folder of its own). When a write failed, or two
// files were put at the same path, it returns the error and the output
// folder stays as it was.
func (w *Writer) Commit() (err error) {
	defer w.release()
	defer w.root.Close()
	defer func() {
		if err != nil && !w.spare {
			os.RemoveAll(w.stage)
		}
	}()
	if err := w.finish(); err != nil {
		return err
	}
	if s := w.prior.out; s != nil && w.links.Load() > 0 {
		if id, ok := identify(w.dir); !ok || id != s.id {
			// Another build (one that could not take the spare) put its
			// output in the folder's place while this one linked pages
			// from it: they may not be what the sums said.
			return fmt.Errorf("another build replaced %s while this one ran; build again", w.dir)
		}
	}
	files, _ := w.list.Files()
	if err := clashes(files); err != nil {
		return err
	}
	if w.unchanged() {
		// The output folder is what this build makes: it stays, and so
		// does the empty spare.
		w.keepSums(nil)
		return nil
	}
	if len(w.later) > 0 {
		if err := w.linkAll(); err != nil {
			return err
		}
	}
	if !w.fresh {
		if err := w.removeOthers(files); err != nil {
			return err
		}
	}
	fi, statErr := os.Lstat(w.dir)
	switch {
	case errors.Is(statErr, fs.ErrNotExist):
		if err := os.Rename(w.stage, w.dir); err != nil {
			return fmt.Errorf("move the new site into %s: %w", w.dir, err)
		}
		w.keepSums(nil)
		return nil
	case statErr != nil:
		return fmt.Errorf("output folder: %w", statErr)
	case !fi.IsDir():
		return fmt.Errorf("output folder %s exists and is not a folder", w.dir)
	}
	if err := swap(w.stage, w.dir); err != nil {
		return fmt.Errorf("replace %s with the new site: %w", w.dir, err)
	}
	// stage now holds the previous output: the spare of the next build.
	if !w.spare {
		if err := os.RemoveAll(w.stage); err != nil {
			return fmt.Errorf("remove the previous output (now %s): %w", w.stage, err)
		}
		return nil
	}
	w.keepSums(w.prior.out)
	return nil
}

// keepSums writes the sums of the output folder (what this build put in
// it) and of the spare (spare: what the output folder held before, or nil
// when that is not known). Only the Writer that holds the spare keeps
// sums; a failure to write them costs the next build time, not
// correctness, and is not an error.
func (w *Writer) keepSums(spare *sums) {
	if !w.spare {
		return
	}
	if spare != nil {
		writeSums(filepath.Join(w.cache, "spare.sums"), w.stage, w.stamp, spare.of)
	}
	writeSums(filepath.Join(w.cache, "out.sums"), w.dir, w.stamp, w.now)
}

// clashes finds two files at one path, or a file where another file's
// folder must be, in files (sorted by path).
func clashes(files []File) error {
	paths := make(map[string]bool, len(files))
	for i, f := range files {
		if i > 0 && f.Path == files[i-1].Path {
			return fmt.Errorf("two files were put at %s", f.Path)
		}
		paths[f.Path] = true
	}
	for _, f := range files {
		for d := path.Dir(f.Path); d != "."; d = path.Dir(d) {
			if paths[d] {
				return fmt.Errorf("create %s: a file was put there, and %s below it", d, f.Path)
			}
		}
	}
	return nil
}

// removeOthers removes from the staging folder every file that is not one
// of files (sorted by path), and the folders left empty.
func (w *Writer) removeOthers(files []File) error {
	if s := w.spareFiles; s != nil {
		return w.removeKnown(s)
	}
	var dirs []string
	err := fs.WalkDir(w.root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == "." {
			return nil
		}
		if d.IsDir() {
			dirs = append(dirs, p)
			return nil
		}
		if _, ok := slices.BinarySearchFunc(files, p, func(f File, p string) int { return strings.Compare(f.Path, p) }); !ok {
			if err := w.root.Remove(p); err != nil {
				return fmt.Errorf("remove %s from the staging folder: %w", p, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i := len(dirs) - 1; i >= 0; i-- { // children before their parents
		w.root.Remove(dirs[i]) // fails, as it should, when not empty
	}
	return nil
}

// removeKnown removes from the staging folder the files that its sums
// list and this build did not make, and the folders left empty: no walk
// of the whole folder.
func (w *Writer) removeKnown(s *sums) error {
	dirs := map[string]bool{}
	for p := range s.of {
		if _, ok := w.now[p]; ok {
			continue
		}
		if err := w.root.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove %s from the staging folder: %w", p, err)
		}
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	for _, d := range slices.Backward(slices.Sorted(maps.Keys(dirs))) { // children before their parents
		w.root.Remove(d) // fails, as it should, when not empty
	}
	return nil
}

// Abort stops writing; the output folder stays as it was. It is for
// builds that found errors or were cancelled. The spare keeps what was
// written to it (the next build compares with it); a staging folder of
// the Writer's own is removed.
func (w *Writer) Abort() {
	if w.done {
		return
	}
	w.failed.Store(true) // the queued files are not written any more
	w.finish()
	w.root.Close()
	w.release()
	if !w.spare {
		os.RemoveAll(w.stage)
	}
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
