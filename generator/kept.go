package generator

// What guidemap build keeps beside the output folder for the next build
// of the same site, besides the pages' fingerprints that the output
// package keeps (output/sums.go): the rendered Markdown bodies, under the
// keys and rules of a Builder's cache (package cache: a body made of files
// of the same content, whose links resolve as they did), and where the
// bodies' sections start (load.HeadingCache, by the bodies' bytes), and
// the search index's analysed documents (render.TermsStore, by keys of
// what they are made of), read only when the index is made.
// Like the sums, they carry the stamp of the program that made them. A
// build that fails or is cancelled keeps what was there.

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/esamverkan/guidemap/generator/bodies"
	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/search"
)

// kept is the bodies a build read from the cache folder and writes back.
type kept struct {
	dir, stamp string
	m          *memo
	loaded     int           // bodies read, once ready is closed
	ready      chan struct{} // closed once the bodies are read
	saved      chan string   // the new file, written while the pages render; "" when there is none
	headings   *load.HeadingCache
	unuse      func() // ends the headings' use by markdown.Sections
	terms      keptTerms
}

// keptTerms is the search index's analysed documents, a render.TermsStore.
type keptTerms struct {
	k     *kept
	read  bool // whether the kept ones may be read
	once  sync.Once
	r     *search.TermsReader
	mu    sync.Mutex
	saved chan string // the new file, being written; nil when there is none
}

// termsFile is the name of the search terms' file in the cache folder.
const termsFile = "terms"

// Terms reads the documents kept, once; nil when there are none (or
// they are another program's, or damaged).
func (t *keptTerms) Terms() *search.TermsReader {
	t.once.Do(func() {
		if !t.read {
			return
		}
		data, err := os.ReadFile(filepath.Join(t.k.dir, termsFile))
		head := t.k.stamp + "\n"
		if err != nil || !strings.HasPrefix(string(data[:min(len(data), len(head))]), head) {
			return
		}
		t.r, _ = search.ParseTerms(data[len(head):])
	})
	return t.r
}

// SaveTerms writes w's documents to a new file on a goroutine of its
// own, unless they are the ones read; close puts it in the place of the
// old.
func (t *keptTerms) SaveTerms(w *search.TermsWriter, same bool) {
	if same {
		return
	}
	data := w.Bytes()
	t.mu.Lock()
	defer t.mu.Unlock()
	t.drop()
	t.saved = make(chan string, 1)
	go func() {
		t.saved <- t.k.writeNew(termsFile+"-*", func(w io.Writer) error {
			if _, err := io.WriteString(w, t.k.stamp+"\n"); err != nil {
				return err
			}
			_, err := w.Write(data)
			return err
		})
	}()
}

// drop removes the new file, if any.
func (t *keptTerms) drop() {
	if t.saved == nil {
		return
	}
	if name := <-t.saved; name != "" {
		os.Remove(name)
	}
	t.saved = nil
}

// close puts the new file in the place of the old when ok, and removes
// it otherwise.
func (t *keptTerms) close(ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !ok || t.saved == nil {
		t.drop()
		return
	}
	if name := <-t.saved; name != "" && os.Rename(name, filepath.Join(t.k.dir, termsFile)) != nil {
		os.Remove(name)
	}
	t.saved = nil
}

// openKept reads the bodies kept in dir by a program of stamp (unless
// read is false); nil when stamp is "" (nothing is kept then).
func openKept(dir, stamp string, read bool) *kept {
	if stamp == "" {
		return nil
	}
	c := &cache.Cache{}
	t := cache.Register(c, &cache.Table[bodies.Key, *bodies.Out]{})
	k := &kept{dir: dir, stamp: stamp, ready: make(chan struct{})}
	// The bodies are read while the site loads (the build waits for
	// them before it renders bodies: memo.ready).
	go func() {
		defer close(k.ready)
		if f, err := os.Open(filepath.Join(dir, "bodies")); err == nil && read {
			bodies.Load(f, stamp, t) // what it read before a problem holds by its keys
			f.Close()
		}
		k.loaded = t.Len()
		c.Begin()
	}()
	if f, err := os.Open(filepath.Join(dir, "headings")); err == nil && read {
		k.headings = load.NewHeadingCache(f, stamp)
		f.Close()
	} else {
		k.headings = load.NewHeadingCache(nil, stamp)
	}
	k.unuse = load.UseHeadingCache(k.headings)
	k.terms = keptTerms{k: k, read: read}
	k.m = &memo{cache: c, bodies: t, rendered: k.save, ready: func() { <-k.ready }, terms: &k.terms}
	return k
}

func (k *kept) memo() *memo {
	if k == nil {
		return nil
	}
	return k.m
}

// save writes the Set's renderings to a new file in the cache folder, on
// a goroutine of its own, unless they are the ones read.
func (k *kept) save(set *bodies.Set) {
	hits, misses := k.m.bodies.Stats()
	k.saved = make(chan string, 1)
	if misses == 0 && hits == k.loaded {
		k.saved <- ""
		return
	}
	go func() {
		k.saved <- k.writeNew("bodies-*", func(w io.Writer) error { return bodies.Save(w, k.stamp, set.Renderings()) })
	}()
}

// writeNew writes a new file in the cache folder, named after pattern
// (os.CreateTemp), with write; it returns its name, or "" when it could
// not be written whole (nothing is left then).
func (k *kept) writeNew(pattern string, write func(io.Writer) error) string {
	if err := os.MkdirAll(k.dir, 0o755); err != nil {
		return ""
	}
	f, err := os.CreateTemp(k.dir, pattern)
	if err != nil {
		return ""
	}
	err = f.Chmod(0o644)
	if err == nil {
		err = write(f)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return ""
	}
	return f.Name()
}

// close puts the new file in the place of the old when the build
// succeeded, and removes it otherwise. A failure costs the next build
// time, not correctness, and is not reported.
func (k *kept) close(ok bool) {
	if k == nil {
		return
	}
	<-k.ready // when the build stopped before it used the bodies
	k.unuse()
	k.terms.close(ok)
	if ok && k.headings.Changed() {
		k.saveHeadings()
	}
	if k.saved == nil {
		return
	}
	name := <-k.saved
	if name == "" {
		return
	}
	if !ok || os.Rename(name, filepath.Join(k.dir, "bodies")) != nil {
		os.Remove(name)
	}
}

// saveHeadings writes the headings the build asked for in the place of
// the file read.
func (k *kept) saveHeadings() {
	name := k.writeNew("headings-*", func(w io.Writer) error { return k.headings.Write(w, k.stamp) })
	if name != "" && os.Rename(name, filepath.Join(k.dir, "headings")) != nil {
		os.Remove(name)
	}
}
