// Package sitefs is the one way guidemap reads a site folder: an fs.FS on
// os.Root that gives only regular files and folders inside the folder,
// and reads every file with a size limit for its kind, so that no file of
// the site can hang a build, exhaust its memory or show what is outside.
//
// What it refuses, each an *Error naming the path (never read):
//
//   - a symbolic link, wherever it leads: one that leads outside the site
//     folder says so (os.Root refuses those too, as a last line); one that
//     leads inside it is refused as well, since serve would not see an
//     edit of its target as an edit of the link, and a file under two
//     names would be published twice;
//   - a named pipe (FIFO), a socket or a device: the mode is checked
//     before the file is opened (Lstat), the file is opened with
//     O_NONBLOCK where the system has it, so that a FIFO put in its place
//     between the two cannot hang the build, and the open file's mode is
//     checked again;
//   - a file larger than the limit of its kind (Limit): read through
//     io.LimitReader with one byte more than the limit, so that a device
//     or a growing file cannot pass it either.
//
// The site folder itself may be reached through links (--src is a path
// like any other).
package sitefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/esamverkan/guidemap/generator/media"
)

// Kind is what a file of the site is read as; it decides the file's
// size limit.
type Kind int

const (
	Markdown   Kind = iota // content/**/*.md
	Config                 // content/site.toml
	Boundaries             // geodata/municipalities.geojson
	Points                 // geodata/**/*.geojson: service points
	Base                   // geodata/base/*.geojson: map layers
	Theme                  // themes/<name>/**: layouts, CSS, scripts, UI strings, static files
	Media                  // content/**: images and attachments

	folder Kind = -1 // what ReadDir opens: no limit
)

// The limits of each kind, far above what real sites use (measured on
// the example site and the national synthetic one, `gensite --preset
// national`): the largest guide is 4 kB, site.toml 14 kB, a theme file
// 22 kB, Sweden's 290 boundaries 2.4 MB, a file of 16,667 service points
// 7.9 MB, the land layer 360 kB.
const (
	MaxMarkdown   = 4 << 20
	MaxConfig     = 1 << 20
	MaxBoundaries = 256 << 20
	MaxPoints     = 256 << 20
	MaxBase       = 256 << 20
	MaxTheme      = 8 << 20
	MaxMedia      = media.MaxRead
)

// Limit is the largest file of kind k that guidemap reads, in bytes.
func (k Kind) Limit() int64 {
	switch k {
	case Markdown:
		return MaxMarkdown
	case Config:
		return MaxConfig
	case Boundaries:
		return MaxBoundaries
	case Points:
		return MaxPoints
	case Base:
		return MaxBase
	case Theme:
		return MaxTheme
	case folder:
		return math.MaxInt64
	}
	return MaxMedia
}

// KindOf is the kind of the file at p, a slash path in the site folder.
func KindOf(p string) Kind {
	switch {
	case p == "content/site.toml":
		return Config
	case strings.HasPrefix(p, "themes/"):
		return Theme
	case p == "geodata/municipalities.geojson":
		return Boundaries
	case strings.HasPrefix(p, "geodata/base/"):
		return Base
	case strings.HasPrefix(p, "geodata/"):
		return Points
	case path.Ext(p) == ".md":
		return Markdown
	}
	return Media
}

// FS is a site folder opened with os.Root. It implements fs.StatFS,
// fs.ReadDirFS and fs.ReadFileFS; Stat does not follow a symbolic link
// (it refuses it), and ReadFile reads a file with the limit of its kind
// (KindOf).
type FS struct {
	root *os.Root
	dir  string   // the site folder as given, for the targets of links
	ok   sync.Map // folders (slash paths) found to be folders, not links
}

// Open opens the site folder dir.
func Open(dir string) (*FS, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{root: r, dir: dir}, nil
}

// Dir is the site folder dir as an fs.FS: an *FS, or, when the folder
// cannot be opened, a file system whose every call fails with that
// error, so that a build says what it says of a missing site folder.
func Dir(dir string) fs.FS {
	s, err := Open(dir)
	if err != nil {
		return failFS{err}
	}
	return s
}

// Close closes the folder; the files opened from it stay open.
func (s *FS) Close() error { return s.root.Close() }

// Stat describes the file or folder name without following a link: a
// symbolic link, or anything that is neither a regular file nor a
// folder, is an *Error. So is a folder on the way to name that is a link.
func (s *FS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	if err := s.parents(name); err != nil {
		return nil, err
	}
	return s.lstat(name)
}

// lstat is Stat of name, whose folders are checked.
func (s *FS) lstat(name string) (fs.FileInfo, error) {
	fi, err := s.root.Lstat(name)
	if err != nil {
		return nil, s.rootErr("stat", name, err)
	}
	if err := s.check(name, fi); err != nil {
		return nil, err
	}
	return fi, nil
}

// parents checks that no folder on the way to name is a link.
func (s *FS) parents(name string) error {
	for i := 0; i < len(name); i++ {
		if name[i] != '/' {
			continue
		}
		dir := name[:i]
		if _, ok := s.ok.Load(dir); ok {
			continue
		}
		fi, err := s.root.Lstat(dir)
		if err != nil {
			return s.rootErr("stat", dir, err)
		}
		if err := s.check(dir, fi); err != nil {
			return err
		}
		if fi.IsDir() {
			s.ok.Store(dir, true)
		}
	}
	return nil
}

// check returns the *Error for name, described by fi (from Lstat),
// unless it is a regular file or a folder.
func (s *FS) check(name string, fi fs.FileInfo) error {
	m := fi.Mode()
	if m.IsRegular() || m.IsDir() {
		return nil
	}
	if m&fs.ModeSymlink != 0 {
		return s.link(name)
	}
	return irregular(name, m)
}

// link is the *Error for the symbolic link name: where it leads, and
// whether that is outside the site folder. Only links are read to find
// out (filepath.EvalSymlinks); never the file the link leads to.
func (s *FS) link(name string) error {
	e := &Error{Path: name, What: Symlink}
	target, err := s.root.Readlink(name)
	if err == nil {
		e.Target = target
	}
	base, err1 := filepath.EvalSymlinks(s.dir)
	abs, err2 := filepath.Abs(filepath.Join(s.dir, filepath.FromSlash(name)))
	if err1 != nil || err2 != nil {
		return e
	}
	base, _ = filepath.Abs(base)
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		// It leads nowhere, or through a loop: inside or not, the path it
		// names is what it says.
		if t := e.Target; t != "" && (filepath.IsAbs(t) || !inside(base, filepath.Join(filepath.Dir(abs), t))) {
			e.What = SymlinkOut
		}
		return e
	}
	if !inside(base, real) {
		e.What = SymlinkOut
		e.Target = real
	}
	return e
}

// inside tells whether p is base or a path under it.
func inside(base, p string) bool {
	rel, err := filepath.Rel(base, p)
	return err == nil && (rel == "." || filepath.IsLocal(rel))
}

// irregular is the *Error for name, whose mode m is neither a regular
// file, a folder nor a link.
func irregular(name string, m fs.FileMode) error {
	e := &Error{Path: name, What: Irregular}
	switch {
	case m&fs.ModeNamedPipe != 0:
		e.What = FIFO
	case m&fs.ModeSocket != 0:
		e.What = Socket
	case m&fs.ModeDevice != 0:
		e.What = Device
	}
	return e
}

// rootErr names the site path in an error of os.Root, and makes the error
// of a path that leads out of the root (through a link on the way) an
// *Error.
func (s *FS) rootErr(op, name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "escapes") {
		return &Error{Path: name, What: SymlinkOut}
	}
	if errors.As(err, &pe) {
		return &fs.PathError{Op: op, Path: name, Err: pe.Err}
	}
	return &fs.PathError{Op: op, Path: name, Err: err}
}

// Open opens the regular file or folder name. The mode is checked before
// the open and again on the open file; a regular file is read with the
// limit of its kind (KindOf).
func (s *FS) Open(name string) (fs.File, error) {
	return s.open(name, KindOf(name))
}

func (s *FS) open(name string, k Kind) (fs.File, error) {
	fi, err := s.Stat(name)
	if err != nil {
		return nil, err
	}
	f, err := s.root.OpenFile(name, os.O_RDONLY|nonblock, 0)
	if err != nil {
		return nil, s.rootErr("open", name, err)
	}
	now, err := f.Stat()
	if err == nil {
		err = s.check(name, now)
		if err == nil && !os.SameFile(fi, now) {
			err = &Error{Path: name, What: Changed}
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	if now.IsDir() {
		return f, nil
	}
	if now.Size() > k.Limit() {
		f.Close()
		return nil, &Error{Path: name, What: TooBig, Kind: k, Size: now.Size()}
	}
	return &limited{File: f, name: name, kind: k, left: k.Limit(), size: now.Size()}, nil
}

// ReadDir lists the folder name, sorted by name.
func (s *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	f, err := s.open(name, folder)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, ok := f.(*os.File)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a folder")}
	}
	ents, err := d.ReadDir(-1)
	slices.SortFunc(ents, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return ents, err
}

// ReadFile reads the file name with the limit of its kind (KindOf).
func (s *FS) ReadFile(name string) ([]byte, error) {
	return s.readFile(name, KindOf(name))
}

func (s *FS) readFile(name string, k Kind) ([]byte, error) {
	f, err := s.open(name, k)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if _, ok := f.(*os.File); ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a folder")}
	}
	return readAll(f)
}

// readAll reads f to its end, into one slice of the size the file had
// when opened (io.ReadAll grows its slice from 512 bytes, copying it
// several times for a guide).
func readAll(f fs.File) ([]byte, error) {
	size := 512
	if l, ok := f.(*limited); ok && l.size >= 0 && l.size < 1<<30 {
		size = int(l.size) + 1 // the byte more tells the end without another read
	}
	b := make([]byte, 0, size)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
	}
}

// ReadFile reads the file name of fsys, a site folder, with the size
// limit of kind k. Of an *FS it is FS.ReadFile with that limit; of any
// other file system (a test's fstest.MapFS) it checks the mode and the
// size the same way.
func ReadFile(fsys fs.FS, name string, k Kind) ([]byte, error) {
	if s, ok := fsys.(*FS); ok {
		return s.readFile(name, k)
	}
	f, err := Limit(fsys, k).Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a folder")}
	}
	return io.ReadAll(f)
}

// Limit is fsys, whose files are read with the limit of kind k, and of
// which anything but a regular file or a folder is an *Error: for the
// theme, which other packages read through their own fs.FS.
func Limit(fsys fs.FS, k Kind) fs.FS {
	if _, ok := fsys.(failFS); ok {
		return fsys
	}
	return kindFS{fsys, k}
}

type kindFS struct {
	fsys fs.FS
	kind Kind
}

func (k kindFS) Open(name string) (fs.File, error) {
	if s, ok := k.fsys.(*FS); ok {
		return s.open(name, k.kind)
	}
	f, err := k.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if m := fi.Mode(); !m.IsRegular() && !m.IsDir() {
		f.Close()
		if m&fs.ModeSymlink != 0 {
			return nil, &Error{Path: name, What: Symlink}
		}
		return nil, irregular(name, m)
	}
	if fi.IsDir() {
		return f, nil
	}
	if fi.Size() > k.kind.Limit() {
		f.Close()
		return nil, &Error{Path: name, What: TooBig, Kind: k.kind, Size: fi.Size()}
	}
	return &limited{File: f, name: name, kind: k.kind, left: k.kind.Limit()}, nil
}

func (k kindFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(k.fsys, name) }

func (k kindFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(k.fsys, name) }

// limited is a regular file read with a limit: reading past it is an
// *Error (TooBig), whatever the file said its size was when opened.
type limited struct {
	fs.File
	name string
	kind Kind
	left int64 // what may still be read
	read int64
	size int64 // the file's size when it was opened
}

func (l *limited) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, l.tooBig()
	}
	// One byte more than the limit may be read: that byte tells that the
	// file is larger.
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.File.Read(p)
	l.read += int64(n)
	l.left -= int64(n)
	if l.left < 0 {
		return 0, l.tooBig()
	}
	return n, err
}

func (l *limited) tooBig() error {
	size := l.read
	if fi, err := l.File.Stat(); err == nil && fi.Size() > size {
		size = fi.Size()
	}
	return &Error{Path: l.name, What: TooBig, Kind: l.kind, Size: size}
}

// failFS is a site folder that cannot be opened.
type failFS struct{ err error }

func (f failFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: f.err}
}

// What is what is wrong with a path of the site folder.
type What int

const (
	Symlink    What = iota + 1 // a symbolic link inside the site folder
	SymlinkOut                 // a symbolic link that leads outside it
	FIFO
	Socket
	Device
	Irregular // another kind of file that is not a regular file
	TooBig
	Changed // it changed between its check and its opening
)

// Error is a path of the site folder that guidemap does not read.
type Error struct {
	Path   string // the slash path in the site folder
	What   What
	Target string // a link's target, as the link says it (or, outside, where it leads)
	Kind   Kind   // TooBig: what the file was read as, whose limit it passed
	Size   int64  // TooBig: the file's size (more than Kind.Limit())
}

func (e *Error) Error() string {
	d, _ := Diagnose(e)
	return fmt.Sprintf("%s: %s", e.Path, d.Msg)
}

// Is tells whether err is, or wraps, an *Error: a path that guidemap
// refuses to read.
func Is(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

// ReadPath reads the file at the path p of the system, which the author
// named (guidemap new --boundary): a link is followed, since the author
// chose the file, but it must be a regular file within the limit of k,
// checked before it is opened (with O_NONBLOCK) and again after.
func ReadPath(p string, k Kind) ([]byte, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, irregular(p, fi.Mode())
	}
	f, err := os.OpenFile(p, os.O_RDONLY|nonblock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	now, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !now.Mode().IsRegular() {
		return nil, irregular(p, now.Mode())
	}
	if now.Size() > k.Limit() {
		return nil, &Error{Path: p, What: TooBig, Kind: k, Size: now.Size()}
	}
	return io.ReadAll(&limited{File: f, name: p, kind: k, left: k.Limit()})
}
