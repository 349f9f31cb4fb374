package generator

// The Builder: the same build as Check, with a cache of what every file
// parsed to, for `guidemap serve`. A rebuild takes one of two ways:
//
//   - the fast way (fast.go), when the changed files are content files
//     whose front matter is as it was: only they are read and parsed, only
//     the bodies made from them are rendered, and only the pages that show
//     those bodies are rendered again;
//   - the full way otherwise (or when it is not told what changed): every
//     input is read again, and only the files whose content it has not
//     seen are parsed again.
//
// Both give what a clean build gives, byte for byte (builder_test.go).

import (
	"crypto/sha256"
	"sync"

	"github.com/esamverkan/guidemap/generator/diag"
)

// Builder builds one site again and again, reusing the parse of every file
// whose content did not change. The result of Rebuild is always the result
// of Check on the same input, byte for byte. A Builder is safe for
// concurrent use; rebuilds run one at a time.
type Builder struct {
	mu    sync.Mutex
	cfg   Config
	cache *fileCache
	st    *state // the last build, for the fast way; nil when it broke
	fast  bool   // whether the last rebuild went the fast way
}

// NewBuilder returns a Builder of the site cfg describes (cfg.Out is not
// used: a Builder never writes).
func NewBuilder(cfg Config) *Builder {
	return &Builder{cfg: cfg, cache: &fileCache{entries: map[string]*cacheEntry{}}}
}

// Rebuild builds the site again. changed names the files that changed
// (slash paths relative to the site folder), nil for "do not know". When
// they are all content files that existed before and whose front matter
// did not change, only they are read, and Result.Delta lists the output
// files that changed; otherwise every file is read and compared with what
// the cache holds, and Delta is nil. Result.Output is valid until the next
// Rebuild, which may change it in place.
func (b *Builder) Rebuild(changed []string) (Result, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.fast = false
	if res, ok, err := b.rebuildFast(changed); ok {
		b.fast = true
		return res, err
	}
	b.cache.begin()
	res, st, err := build(b.cfg, b.cache, b.st)
	b.cache.sweep()
	b.st = st
	return res, err
}

// Fast tells whether the last Rebuild went the fast way.
func (b *Builder) Fast() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.fast
}

// CacheStats tells how many parses the last rebuild took from the cache
// and how many it made.
func (b *Builder) CacheStats() (hits, misses int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.cache.mu.Lock()
	defer b.cache.mu.Unlock()
	return b.cache.hits, b.cache.misses
}

// fileCache holds, per file (and whatever else its parse depends on), the
// content hash, the parse result and the diagnostics the parse made. The
// results are shared between builds and must not be changed by the stages
// after loading (points, which placing edits, are copied by their loader).
type fileCache struct {
	mu           sync.Mutex
	gen          uint64
	entries      map[string]*cacheEntry
	hits, misses int
}

type cacheEntry struct {
	sum   [sha256.Size]byte
	val   any
	diags []diag.Diagnostic
	gen   uint64 // the last build that used it
}

// begin starts a build.
func (c *fileCache) begin() {
	c.mu.Lock()
	c.gen++
	c.hits, c.misses = 0, 0
	c.mu.Unlock()
}

// sweep drops the entries the last build did not use: deleted and renamed
// files.
func (c *fileCache) sweep() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.entries {
		if e.gen != c.gen {
			delete(c.entries, k)
		}
	}
}

// get returns parse's result for data, from the cache when key last held
// the same content, and adds the parse's diagnostics to l either way. A nil
// cache always parses.
func (c *fileCache) get(key string, data []byte, l *diag.List, parse func(*diag.List) any) any {
	v, _ := c.getSum(key, data, l, parse)
	return v
}

// getSum is get that also returns the content's hash (zero without a
// cache).
func (c *fileCache) getSum(key string, data []byte, l *diag.List, parse func(*diag.List) any) (any, [sha256.Size]byte) {
	if c == nil {
		return parse(l), [sha256.Size]byte{}
	}
	sum := sha256.Sum256(data)
	c.mu.Lock()
	e, ok := c.entries[key]
	if ok && e.sum == sum {
		e.gen = c.gen
		c.hits++
		c.mu.Unlock()
		for _, d := range e.diags {
			l.Add(d)
		}
		return e.val, sum
	}
	c.misses++
	c.mu.Unlock()
	own := &diag.List{}
	val := parse(own)
	diags := own.Items()
	for _, d := range diags {
		l.Add(d)
	}
	c.mu.Lock()
	c.entries[key] = &cacheEntry{sum: sum, val: val, diags: diags, gen: c.gen}
	c.mu.Unlock()
	return val, sum
}
