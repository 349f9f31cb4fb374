package bodies

// The renderings a build keeps on disk for the next build of the same
// site (generator.Build keeps them beside the output folder): the same
// entries a Builder's table holds in memory (Options.Memo), under the
// same keys and taken under the same rule (every link resolves as it
// did), written with the stamp of the program that made them, since
// another guidemap may render otherwise.

import (
	"bufio"
	"encoding/gob"
	"errors"
	"hash/fnv"
	"io"
	"iter"

	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/markdown"
	"github.com/esamverkan/guidemap/generator/model"
)

// Shard is the number, below n, of the part of a kept table that holds
// k, the same in every process: a build writes again only the parts
// whose entries changed.
func (k Key) Shard(n int) int {
	h := fnv.New32a()
	io.WriteString(h, k.url)
	io.WriteString(h, k.m)
	for i := range k.files {
		io.WriteString(h, k.files[i])
		h.Write(k.sums[i][:])
	}
	return int(h.Sum32() % uint32(n))
}

// diskEntry is an entry of the table as gob writes it.
type diskEntry struct {
	Opts     string
	M, URL   string
	N        int
	Files    [2]string
	Sums     [2][32]byte
	HTML     string
	Headings []model.Heading
	Origins  []Origin
	Links    []markdown.Link
	Diags    []diag.Diagnostic
	Calls    []diskCall
	Files2   []string // the content files, kept only when a link is broken (still reads them only then)
	Mixed    bool
	Varies   []bool
	Slots    []diskSlot
	Spans    []diskSpan
	Digest   [32]byte // of the rendering (digestOf), made again only when zero
}

type diskCall struct {
	File, URL    string
	OK, Deferred bool
}

type diskSlot struct{ File, Fragment string }

type diskSpan struct{ At, End, Slot int }

const diskMagic = "guidemap bodies 2"

// Renderings are the Set's renderings, under their keys, that a memo can
// keep (Options.Memo; none without one).
func (s *Set) Renderings() iter.Seq2[Key, *Out] {
	return func(yield func(Key, *Out) bool) {
		for _, g := range s.groups {
			for k, key := range g.keys {
				if key.n == 0 {
					continue // not kept
				}
				if !yield(key, s.outs[g.jobs[k]]) {
					return
				}
			}
		}
	}
}

// Save writes the entries to w, with stamp.
func Save(w io.Writer, stamp string, entries iter.Seq2[Key, *Out]) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := gob.NewEncoder(bw)
	if err := enc.Encode(diskMagic); err != nil {
		return err
	}
	if err := enc.Encode(stamp); err != nil {
		return err
	}
	for k, o := range entries {
		e := diskEntry{Opts: k.opts, M: k.m, URL: k.url, N: k.n, Files: k.files, Sums: k.sums,
			HTML: o.HTML, Headings: o.Headings, Origins: o.Origins, Links: o.links, Diags: o.diags,
			Mixed: o.mixed, Varies: o.varies, Digest: o.digestOf()}
		broken := false
		for _, c := range o.calls {
			e.Calls = append(e.Calls, diskCall{c.file, c.url, c.ok, c.deferred})
			broken = broken || !c.ok
		}
		if broken {
			e.Files2 = o.files
		}
		for _, s := range o.slots {
			e.Slots = append(e.Slots, diskSlot{s.file, s.fragment})
		}
		for _, s := range o.spans {
			e.Spans = append(e.Spans, diskSpan{s.at, s.end, s.slot})
		}
		if err := enc.Encode(&e); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Load reads what Save wrote with the same stamp into t; it reads nothing
// when the stamp differs, and stops at the first entry it cannot read.
func Load(r io.Reader, stamp string, t *cache.Table[Key, *Out]) error {
	return LoadKeys(r, stamp, t, nil)
}

// LoadKeys is Load that also calls put, when not nil, with the key of
// each entry it puts in t.
func LoadKeys(r io.Reader, stamp string, t *cache.Table[Key, *Out], put func(Key)) error {
	dec := gob.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	var magic, st string
	if err := dec.Decode(&magic); err != nil || magic != diskMagic {
		return errors.New("not a file of renderings")
	}
	if err := dec.Decode(&st); err != nil || st != stamp {
		return errors.New("renderings of another program")
	}
	for {
		var e diskEntry
		if err := dec.Decode(&e); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		if e.N < 0 || e.N > len(e.Files) {
			return errors.New("a bad entry")
		}
		o := &Out{Rendered: Rendered{HTML: e.HTML, Headings: e.Headings, Origins: e.Origins},
			links: e.Links, diags: e.Diags, files: e.Files2, mixed: e.Mixed, varies: e.Varies}
		for _, c := range e.Calls {
			o.calls = append(o.calls, resolved{c.File, c.URL, c.OK, c.Deferred})
		}
		for _, s := range e.Slots {
			o.slots = append(o.slots, slot{s.File, s.Fragment})
		}
		for _, s := range e.Spans {
			if s.At < 0 || s.At > s.End || s.End > len(o.HTML) || s.Slot < 0 || s.Slot >= len(o.slots) {
				return errors.New("a bad entry")
			}
			o.spans = append(o.spans, span{s.At, s.End, s.Slot})
		}
		if e.Digest != ([32]byte{}) {
			o.digestOnce.Do(func() { o.digest = e.Digest }) // hashing every body's HTML again costs a rebuild 40 ms of CPU on 1,000 guides
		}
		k := Key{opts: e.Opts, m: e.M, url: e.URL, n: e.N, files: e.Files, sums: e.Sums}
		t.Put(k, o)
		if put != nil {
			put(k)
		}
	}
}
