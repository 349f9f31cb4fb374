// Package cache is the memory of guidemap's incremental rebuild: what one
// build made that the next build of the same site folder may take again
// instead of making it anew. Nothing else keeps anything between builds.
//
// A Builder (package generator) holds one Cache. A clean build (build,
// check) has none: every stage then does all its work. The rules, one
// table each, are these; every rebuild must give what a clean build gives,
// byte for byte (generator/builder_test.go checks it after random edits):
//
//	table    key                                what it holds                      valid while
//	Parses   file path (slash, site-relative)   the file's parse, its diagnostics  the file's SHA-256 is the same
//	Bodies   bodies.Key: the body's files and   the rendered HTML (placeholders    every link in it resolves as it
//	         their SHA-256 (and the page's      where it is shared), headings,     did (the list of content files
//	         municipality and URL if rendered   links and diagnostics of a body    too, where a link is broken)
//	         for one page alone)
//	Pages    output path                        the minified HTML of a page        the page's fingerprint (render/
//	                                                                               fingerprint.go) is the same
//	Maps     the map's key: kind, bounds,       the drawn SVG of a map             the key is the same (it holds
//	         points, labels and options                                            every input of the drawing)
//
// Every full build starts with Begin and ends with Sweep: an entry that
// the build did not use (a deleted or renamed file, a page that is gone)
// is dropped, so the memory holds one build's worth; a fast rebuild
// replaces the entries it makes anew (Delete, Put). A build that is
// cancelled does not Sweep: what it put is valid by its key, and the next
// full build keeps what it uses of it.
//
// Besides the tables, a Builder keeps its last build whole for the fast
// way of a text-only edit (generator/builder.go): the model stays as it
// is, and the bodies and the rendered pages of that build are updated in
// place (bodies.Set.Update, render.Renderer.Rerender).
package cache

import (
	"iter"
	"sync"
)

// Table maps keys to values that a build made, for the next build. The
// caller checks validity (the value carries what it depends on); the
// table only remembers and forgets. It is safe for concurrent use.
type Table[K comparable, V any] struct {
	mu      sync.Mutex
	gen     uint64
	entries map[K]entry[V]
	hits    int
	misses  int
}

type entry[V any] struct {
	val V
	gen uint64 // the last build that used it
}

// Get returns the value of k, if any, and marks it used by this build.
// A nil Table holds nothing.
func (t *Table[K, V]) Get(k K) (V, bool) {
	var zero V
	if t == nil {
		return zero, false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	e, ok := t.entries[k]
	if !ok {
		return zero, false
	}
	e.gen = t.gen
	t.entries[k] = e
	return e.val, true
}

// Put remembers v as the value of k, made (or checked valid) by this
// build. Put on a nil Table does nothing.
func (t *Table[K, V]) Put(k K, v V) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.entries == nil {
		t.entries = map[K]entry[V]{}
	}
	t.entries[k] = entry[V]{val: v, gen: t.gen}
}

// Delete forgets k, whose value a newer one of another key replaces (the
// fast way of a rebuild, which does not Sweep).
func (t *Table[K, V]) Delete(k K) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.entries, k)
}

// Hit counts a value taken from the table; Miss one made anew.
func (t *Table[K, V]) Hit() { t.count(1, 0) }

// Miss counts a value that had to be made anew.
func (t *Table[K, V]) Miss() { t.count(0, 1) }

func (t *Table[K, V]) count(h, m int) {
	if t == nil {
		return
	}
	t.mu.Lock()
	t.hits += h
	t.misses += m
	t.mu.Unlock()
}

// Stats tells how many values this build took from the table and how
// many it made.
func (t *Table[K, V]) Stats() (hits, misses int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.hits, t.misses
}

// Len is the number of entries.
func (t *Table[K, V]) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.entries)
}

func (t *Table[K, V]) begin() {
	t.mu.Lock()
	t.gen++
	t.hits, t.misses = 0, 0
	t.mu.Unlock()
}

func (t *Table[K, V]) sweep() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for k, e := range t.entries {
		if e.gen != t.gen {
			delete(t.entries, k)
		}
	}
}

// sweeper is a table as Cache sees it.
type sweeper interface {
	begin()
	sweep()
}

// Cache is a Builder's memory: one table per kind of work, each described
// in the package comment. The value types belong to the stages that make
// them; a stage gets its own table (a nil table when there is no Cache).
type Cache struct {
	tables []sweeper
}

// Register adds a table to c, so that Begin and Sweep reach it, and
// returns it.
func Register[K comparable, V any](c *Cache, t *Table[K, V]) *Table[K, V] {
	c.tables = append(c.tables, t)
	return t
}

// Begin starts a build.
func (c *Cache) Begin() {
	for _, t := range c.tables {
		t.begin()
	}
}

// Sweep ends a build: entries it did not use are dropped.
func (c *Cache) Sweep() {
	for _, t := range c.tables {
		t.sweep()
	}
}

// All is every entry, in no particular order; the table must not change
// while it is read.
func (t *Table[K, V]) All() iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		t.mu.Lock()
		defer t.mu.Unlock()
		for k, e := range t.entries {
			if !yield(k, e.val) {
				return
			}
		}
	}
}
