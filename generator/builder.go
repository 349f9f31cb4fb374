package generator

// The Builder: the same build as Check, again and again, for `guidemap
// serve`. What it keeps between builds, and when each kept thing holds, is
// written down in one place: package cache. A rebuild takes one of two
// ways:
//
//   - the fast way, when the changed files are content files that existed
//     before and whose front matter is as it was. Nothing the assemble
//     stage decides can then change (it reads only front matter, file
//     names and site settings), so the last build's model stays as it is.
//     Only the changed files are read and parsed; the bodies made of them
//     are rendered again (bodies.Set.Update, in the last build's Set); the
//     pages that show those bodies are rendered again
//     (render.Renderer.Rerender); and the diagnostics of the edited files,
//     of those bodies and of the link check are made anew.
//   - the full way otherwise (or when it is not told what changed): every
//     stage runs, and each takes from the cache what it made before from
//     the same inputs: parses by file content, bodies by their files and
//     links, pages by fingerprint, maps by key.
//
// Both give what a clean build gives, byte for byte (builder_test.go). A
// rebuild that ctx cancels leaves nothing the next one relies on half
// made: a cancelled full rebuild keeps the last build as it was, and a
// fast rebuild cancelled half way drops it, so that the next rebuild takes
// the full way (with the cache, which holds only what is valid by its
// keys).

import (
	"bytes"
	"context"
	"sync"
	"time"

	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/output"
	"github.com/esamverkan/guidemap/generator/render"
	"github.com/esamverkan/guidemap/generator/sitefs"
)

// Builder builds one site again and again, reusing what did not change.
// The result of Rebuild is always the result of Check on the same input,
// byte for byte. A Builder is safe for concurrent use; rebuilds run one
// at a time.
type Builder struct {
	mu   sync.Mutex
	cfg  Config
	memo *memo
	st   *state // the last build, for the fast way; nil when it broke
	fast bool   // whether the last rebuild went the fast way
}

// NewBuilder returns a Builder of the site cfg describes (cfg.Out is not
// used: a Builder never writes).
func NewBuilder(cfg Config) *Builder {
	return &Builder{cfg: cfg, memo: newMemo()}
}

// Rebuild builds the site again. changed names the files that changed
// (slash paths relative to the site folder), nil for "do not know". When
// they are all content files that existed before and whose front matter
// did not change, only they are read, and Result.Delta lists the output
// files that changed; otherwise every file is read and compared with what
// the cache holds, and Delta is nil. Result.Output is valid until the next
// Rebuild, which may change it in place. When ctx is cancelled, Rebuild
// returns ctx's error and the next Rebuild builds as if this one had not
// been asked for (give it the files this one was given, too).
func (b *Builder) Rebuild(ctx context.Context, changed []string) (Result, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.fast = false
	if res, ok, err := b.rebuildFast(ctx, changed); ok {
		b.fast = true
		return res, err
	}
	b.memo.cache.Begin()
	res, st, err := build(ctx, b.cfg, b.memo, sinkOf(&output.List{Keep: true}))
	if ctx.Err() != nil {
		// Cancelled: the cache holds only what is valid by its keys; the
		// last build stays as it was.
		return res, ctx.Err()
	}
	b.memo.cache.Sweep()
	b.st = st
	return res, err
}

// Reindex brings the search index up to date after a fast rebuild of a
// big site, which serves the changed pages first and leaves the index as
// it was (render.Renderer.Rerender): it returns the output files that
// changed in Result.Delta, none when the index was up to date. A
// cancelled Reindex changes nothing; the next one does the work.
func (b *Builder) Reindex(ctx context.Context) (Result, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	st := b.st
	if st == nil || !st.rd.Stale() {
		return Result{Delta: []string{}}, nil
	}
	files, delta, err := st.rd.Reindex(ctx, st.files)
	if err != nil {
		return Result{}, err
	}
	st.files = files
	res, _, err := st.result(time.Now())
	res.Delta = delta
	if res.Delta == nil {
		res.Delta = []string{}
	}
	return res, err
}

// Fast tells whether the last Rebuild went the fast way.
func (b *Builder) Fast() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.fast
}

// CacheStats tells how many content files the last full rebuild took from
// the cache and how many it parsed.
func (b *Builder) CacheStats() (hits, misses int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.memo.load.Files.Stats()
}

// rebuildFast builds again the fast way when it can; ok is false when the
// change is not of the kind it handles (nothing has then been changed).
func (b *Builder) rebuildFast(ctx context.Context, changed []string) (res Result, ok bool, err error) {
	t0 := time.Now()
	w := newStopwatch()
	st := b.st
	if st == nil || !st.defaultTheme || len(changed) == 0 {
		return Result{}, false, nil
	}
	if render.Day(today(b.cfg)) != render.Day(st.ropt.Today) {
		return Result{}, false, nil // a new day: the point pages' hours may change
	}
	// Check every changed file before anything is made.
	var next []*load.File
	var paths []string
	for _, p := range changed {
		old := st.in.Content.ByPath[p]
		if old == nil {
			return Result{}, false, nil // a new file, or not a content file
		}
		data, err := sitefs.ReadFile(st.fsys, p, sitefs.Markdown)
		if err != nil {
			return Result{}, false, nil // deleted or renamed
		}
		nf := load.Parse(load.Source{Path: p, Kind: old.Kind, Municipality: old.Municipality, Slug: old.Slug, Data: data}, b.memo.load.Files)
		if nf.Sum == old.Sum {
			continue // the same content
		}
		if !bytes.Equal(nf.Parts.FrontMatter, old.Parts.FrontMatter) || nf.Parts.FMLine != old.Parts.FMLine || nf.Parts.BodyLine != old.Parts.BodyLine {
			return Result{}, false, nil
		}
		next = append(next, nf)
		paths = append(paths, p)
	}

	// The edit is the fast kind: the last build follows it. If this is
	// cancelled or fails half way, the last build is not whole any more,
	// and the next rebuild takes the full way.
	b.st = nil
	w.lap("load")
	st.in.Content.Replace(next)
	changedBodies, ok := st.bodies.Update(ctx, st.in.Content, paths)
	if !ok {
		return Result{}, true, ctx.Err()
	}
	w.lap("bodies")
	delta, files, err := st.rd.Rerender(ctx, changedBodies, st.files)
	if err != nil {
		res, _, err := st.broken(Result{}, err)
		return res, true, err
	}
	st.files = files
	b.st = st
	w.lap("render")
	res, _, err = st.result(t0)
	res.Delta = delta
	res.Stages = w.stages
	res.Rendered = st.rd.Rendered()
	res.Bytes = 0
	for _, f := range st.files {
		res.Bytes += int64(len(f.Data))
	}
	if res.Delta == nil {
		res.Delta = []string{}
	}
	return res, true, err
}
