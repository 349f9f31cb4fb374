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
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/esamverkan/guidemap/generator/bodies"
	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/load"
)

// kept is the bodies a build read from the cache folder and writes back.
type kept struct {
	dir, stamp string
	m          *memo
	loaded     [bodyShards]map[bodies.Key]bool // the keys read from each part, once ready is closed
	ready      chan struct{}                   // closed once the bodies are read
	saved      chan []savedShard               // the parts written anew while the pages render
	headings   *load.HeadingCache
	unuse      func() // ends the headings' use by markdown.Sections
	terms      keptTerms
}

// keptTerms is the search index's analysed documents, a render.TermsStore.
type keptTerms struct {
	k     *kept
	read  bool // whether the kept ones may be read
	once  sync.Once
	data  []byte
	mu    sync.Mutex
	saved chan string // the new file, being written; nil when there is none
}

// termsFile is the name of the search terms' file in the cache folder.
const termsFile = "terms"

// Terms reads the documents kept, once; nil when there are none (or
// they are another program's).
func (t *keptTerms) Terms() []byte {
	t.once.Do(func() {
		if !t.read {
			return
		}
		data, err := os.ReadFile(filepath.Join(t.k.dir, termsFile))
		head := t.k.stamp + "\n"
		if err != nil || !strings.HasPrefix(string(data[:min(len(data), len(head))]), head) {
			return
		}
		t.data = data[len(head):]
	})
	return t.data
}

// SaveTerms writes data to a new file on a goroutine of its own; close
// puts it in the place of the old.
func (t *keptTerms) SaveTerms(data []byte) {
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
	// them before it renders bodies: memo.ready), their parts at once.
	go func() {
		defer close(k.ready)
		var wg sync.WaitGroup
		for i := range bodyShards {
			k.loaded[i] = map[bodies.Key]bool{}
			if !read {
				continue
			}
			wg.Go(func() {
				f, err := os.Open(filepath.Join(dir, bodyShard(i)))
				if err != nil {
					return
				}
				defer f.Close()
				// What it read before a problem holds by its keys.
				bodies.LoadKeys(f, stamp, t, func(key bodies.Key) { k.loaded[i][key] = true })
			})
		}
		wg.Wait()
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

// bodyShards is the number of parts the renderings are kept in: a build
// writes again only the parts whose entries changed (one guide changed
// on the 10k corpus: 3 MB instead of 100).
const bodyShards = 32

// bodyShard is the name of part i in the cache folder.
func bodyShard(i int) string { return fmt.Sprintf("bodies-%02d", i) }

// savedShard is a part written anew: its number and the new file's
// name ("" when it could not be written).
type savedShard struct {
	i    int
	name string
}

// save writes the parts of the Set's renderings that are not the ones
// read to new files in the cache folder, on a goroutine of its own.
func (k *kept) save(set *bodies.Set) {
	k.saved = make(chan []savedShard, 1)
	type entry struct {
		key bodies.Key
		out *bodies.Out
	}
	var parts [bodyShards][]entry
	for key, o := range set.Renderings() {
		i := key.Shard(bodyShards)
		parts[i] = append(parts[i], entry{key, o})
	}
	var changed []int
	for i, es := range parts {
		same := len(es) == len(k.loaded[i])
		for _, e := range es {
			same = same && k.loaded[i][e.key]
		}
		if !same {
			changed = append(changed, i)
		}
	}
	go func() {
		var out []savedShard
		for _, i := range changed {
			name := k.writeNew(bodyShard(i)+"-*", func(w io.Writer) error {
				return bodies.Save(w, k.stamp, func(yield func(bodies.Key, *bodies.Out) bool) {
					for _, e := range parts[i] {
						if !yield(e.key, e.out) {
							return
						}
					}
				})
			})
			out = append(out, savedShard{i, name})
		}
		k.saved <- out
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
	for _, sh := range <-k.saved {
		// A part not written stays as it was: its entries hold by
		// their keys.
		if sh.name != "" && (!ok || os.Rename(sh.name, filepath.Join(k.dir, bodyShard(sh.i))) != nil) {
			os.Remove(sh.name)
		}
	}
	if ok {
		os.Remove(filepath.Join(k.dir, "bodies")) // one file, as earlier guidemaps kept them
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
