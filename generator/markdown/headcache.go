package markdown

// Where a body's level-2 headings are, kept between builds: finding them
// is a parse of the whole body (most of loading a big site's content),
// and what it finds depends on the body's bytes alone.

import (
	"crypto/sha256"
	"encoding/gob"
	"io"
	"sync"
	"sync/atomic"
)

// HeadingCache remembers, by the SHA-256 of a body, where its level-2
// headings start and their text, as Sections finds them. It is safe for
// concurrent use.
type HeadingCache struct {
	mu    sync.Mutex
	old   map[[sha256.Size]byte]found // read from an earlier build
	now   map[[sha256.Size]byte]found // asked for since
	found int                         // how many of now were not in old
}

type found struct {
	Starts []int
	Heads  []string
}

// headingFile is a HeadingCache as written: the stamp of the program
// that wrote it, then the entries.
type headingFile struct {
	Stamp   string
	Entries map[[sha256.Size]byte]found
}

// NewHeadingCache returns a HeadingCache that holds what r holds, if a
// program of the same stamp wrote it, else an empty one (r may be nil).
// A file that does not decode counts as empty.
func NewHeadingCache(r io.Reader, stamp string) *HeadingCache {
	c := &HeadingCache{now: map[[sha256.Size]byte]found{}}
	if r != nil {
		var f headingFile
		if gob.NewDecoder(r).Decode(&f) == nil && f.Stamp == stamp && stamp != "" {
			c.old = f.Entries
		}
	}
	return c
}

// Changed tells whether the cache holds other entries than it read: some
// were found anew, or some that were read were not asked for.
func (c *HeadingCache) Changed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.found > 0 || len(c.now) != len(c.old)
}

// Write writes the entries asked for since the cache was made, under
// stamp.
func (c *HeadingCache) Write(w io.Writer, stamp string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return gob.NewEncoder(w).Encode(headingFile{Stamp: stamp, Entries: c.now})
}

// headings finds the headings of body, from the cache when it has them.
func (c *HeadingCache) headings(body []byte) (starts []int, heads []string) {
	key := sha256.Sum256(body)
	c.mu.Lock()
	f, ok := c.now[key]
	if !ok {
		f, ok = c.old[key]
		if ok {
			c.now[key] = f
		}
	}
	c.mu.Unlock()
	if ok && valid(f, body) {
		return f.Starts, f.Heads
	}
	starts, heads = findHeadings(body)
	c.mu.Lock()
	c.now[key] = found{starts, heads}
	c.found++
	c.mu.Unlock()
	return starts, heads
}

// valid tells whether f can be the headings of body: a file damaged so
// that it still decodes must not make Sections cut outside the body.
func valid(f found, body []byte) bool {
	if len(f.Starts) != len(f.Heads) {
		return false
	}
	last := -1
	for _, s := range f.Starts {
		if s <= last || s >= len(body) || s > 0 && body[s-1] != '\n' {
			return false
		}
		last = s
	}
	return true
}

// headingCache is the cache Sections uses, if any (UseHeadingCache).
var headingCache atomic.Pointer[HeadingCache]

// UseHeadingCache makes Sections take headings from c and remember the
// ones it finds there, until the function it returns is called. A
// HeadingCache holds what depends on a body's bytes alone, so builds
// that run at the same time may share one.
func UseHeadingCache(c *HeadingCache) (done func()) {
	headingCache.Store(c)
	return func() { headingCache.CompareAndSwap(c, nil) }
}
