package load

// Loading the geodata: the boundaries file and every other GeoJSON file
// under geodata/ (except geodata/base/, the optional map layers) as service
// points, read on all cores (assemble places them in their municipalities).

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/geodata"
	"github.com/esamverkan/guidemap/generator/internal/par"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/sitefs"
)

// readErr reports that the file at p could not be read: what sitefs
// refused, or the system's error.
func readErr(l *diag.List, p string, err error) {
	if !sitefs.Report(l, err) {
		l.Errorf(diag.Pos{File: p}, "", "cannot read: %v", diag.SysErr(err))
	}
}

// Parsed is a geodata file's parse with the hash of the content it was
// made from and what parsing it found, as a Builder's cache keeps it.
type Parsed[T any] struct {
	Sum   [sha256.Size]byte
	Val   T
	Diags []diag.Diagnostic
}

// cached returns parse's result for src, from t when key last held the
// same content, and adds the parse's diagnostics to l either way. A nil
// table always parses.
func cached[T any](t *cache.Table[string, Parsed[T]], key string, src []byte, l *diag.List, parse func(*diag.List) T) T {
	sum := sha256.Sum256(src)
	p, ok := t.Get(key)
	if ok && p.Sum == sum {
		t.Hit()
	} else {
		t.Miss()
		own := &diag.List{}
		p = Parsed[T]{Sum: sum, Val: parse(own)}
		p.Diags = own.Items()
		t.Put(key, p)
	}
	for _, d := range p.Diags {
		l.Add(d)
	}
	return p.Val
}

// Boundaries reads geodata/municipalities.geojson; a site without it
// has no maps and its municipality codes are not checked (nil). The
// file's attribution is added to credits.
func Boundaries(fsys fs.FS, t *cache.Table[string, Parsed[[]model.Boundary]], credits *[]model.Credit, l *diag.List) []model.Boundary {
	src, err := sitefs.ReadFile(fsys, BoundariesFile, sitefs.Boundaries)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		readErr(l, BoundariesFile, err)
		return nil
	}
	addCredit(credits, BoundariesFile, src)
	return cached(t, BoundariesFile, src, l, func(l *diag.List) []model.Boundary { return geodata.LoadBoundaries(BoundariesFile, src, l) })
}

// addCredit adds the attribution of a map file to credits, if it has one.
func addCredit(credits *[]model.Credit, file string, src []byte) {
	if a := geodata.Attribution(src); a != "" {
		*credits = append(*credits, model.Credit{File: file, Text: a})
	}
}

// Points reads every point file under geodata/ in parallel; the result
// is in path order, then feature order. The points are the caller's to
// change (each call copies them out of the cache).
func Points(fsys fs.FS, categories []string, workers int, t *cache.Table[string, Parsed[[]model.Point]], l *diag.List) []model.Point {
	var files []string
	_ = fs.WalkDir(fsys, "geodata", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				readErr(l, p, err)
			}
			return nil // no geodata folder: no points
		}
		if d.IsDir() && (p == "geodata/base" || strings.HasPrefix(d.Name(), ".") && p != "geodata") {
			return fs.SkipDir
		}
		if !sitefs.Check(fsys, p, d, l) {
			return nil // a link, a FIFO, a device: never read
		}
		if !d.IsDir() && path.Ext(p) == ".geojson" && p != BoundariesFile {
			files = append(files, p)
		}
		return nil
	})
	per := make([][]model.Point, len(files))
	par.Do(len(files), workers, func(i int) {
		src, err := sitefs.ReadFile(fsys, files[i], sitefs.Points)
		if err != nil {
			readErr(l, files[i], err)
			return
		}
		// The categories are part of the key: they change what a file means.
		// Placing edits points in place, so each build gets its own copy.
		key := files[i] + "\x00" + strings.Join(categories, ",")
		ps := cached(t, key, src, l, func(l *diag.List) []model.Point { return geodata.LoadPoints(files[i], src, categories, l) })
		per[i] = slices.Clone(ps)
	})
	n := 0
	for _, ps := range per {
		n += len(ps)
	}
	if n == 0 {
		return nil
	}
	all := make([]model.Point, 0, n)
	for _, ps := range per {
		all = append(all, ps...)
	}
	return all
}

// Base reads the optional map layers in geodata/base/, in path order,
// and adds their files' attributions to credits.
func Base(fsys fs.FS, t *cache.Table[string, Parsed[[]model.BaseLayer]], credits *[]model.Credit, l *diag.List) []model.BaseLayer {
	files, _ := fs.Glob(fsys, "geodata/base/*.geojson")
	var out []model.BaseLayer
	for _, f := range files {
		src, err := sitefs.ReadFile(fsys, f, sitefs.Base)
		if err != nil {
			readErr(l, f, err)
			continue
		}
		addCredit(credits, f, src)
		out = append(out, cached(t, f, src, l, func(l *diag.List) []model.BaseLayer { return geodata.LoadBase(f, src, l) })...)
	}
	return out
}
