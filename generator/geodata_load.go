package generator

// Loading the geodata: the boundaries file and every other GeoJSON file
// under geodata/ (except geodata/base/, the optional map layers) as service
// points, read on all cores and placed in their municipalities.

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/geodata"
	"github.com/esamverkan/guidemap/generator/internal/par"
	"github.com/esamverkan/guidemap/generator/model"
)

// loadBoundaries reads geodata/municipalities.geojson; a site without it
// has no maps and its municipality codes are not checked (nil).
func loadBoundaries(fsys fs.FS, c *fileCache, l *diag.List) []model.Boundary {
	src, err := fs.ReadFile(fsys, boundariesFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		l.Errorf(diag.Pos{File: boundariesFile}, "", "cannot read: %v", unwrapPath(err))
		return nil
	}
	b, _ := c.get(boundariesFile, src, l, func(l *diag.List) any { return geodata.LoadBoundaries(boundariesFile, src, l) }).([]model.Boundary)
	return b
}

// loadPoints reads every point file under geodata/ in parallel; the result
// is in path order, then feature order.
func loadPoints(fsys fs.FS, categories []string, workers int, c *fileCache, l *diag.List) []model.Point {
	var files []string
	_ = fs.WalkDir(fsys, "geodata", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // no geodata folder: no points
		}
		if d.IsDir() && (p == "geodata/base" || strings.HasPrefix(d.Name(), ".") && p != "geodata") {
			return fs.SkipDir
		}
		if !d.IsDir() && path.Ext(p) == ".geojson" && p != boundariesFile {
			files = append(files, p)
		}
		return nil
	})
	per := make([][]model.Point, len(files))
	par.Do(len(files), workers, func(i int) {
		src, err := fs.ReadFile(fsys, files[i])
		if err != nil {
			l.Errorf(diag.Pos{File: files[i]}, "", "cannot read: %v", unwrapPath(err))
			return
		}
		// The categories are part of the key: they change what a file means.
		// Placing edits points in place, so each build gets its own copy.
		key := files[i] + "\x00" + strings.Join(categories, ",")
		ps, _ := c.get(key, src, l, func(l *diag.List) any { return geodata.LoadPoints(files[i], src, categories, l) }).([]model.Point)
		per[i] = slices.Clone(ps)
	})
	var all []model.Point
	for _, ps := range per {
		all = append(all, ps...)
	}
	return all
}

// loadBase reads the optional map layers in geodata/base/, in path order.
func loadBase(fsys fs.FS, l *diag.List) []model.BaseLayer {
	files, _ := fs.Glob(fsys, "geodata/base/*.geojson")
	var out []model.BaseLayer
	for _, f := range files {
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			l.Errorf(diag.Pos{File: f}, "", "cannot read: %v", unwrapPath(err))
			continue
		}
		out = append(out, geodata.LoadBase(f, src, l)...)
	}
	return out
}

// placePoints puts every point in its municipality and keeps those that
// are in one, sorted by municipality, category order and slug.
func placePoints(site *model.Site, points []model.Point, l *diag.List) {
	if len(points) == 0 {
		return
	}
	if len(site.Boundaries) == 0 {
		l.Errorf(diag.Pos{File: boundariesFile}, "add the municipalities' boundaries (Polygon or MultiPolygon features with the property code)",
			"service points need the boundaries file to be placed")
		return
	}
	codeToSlug := map[string]string{}
	for _, m := range site.Municipalities {
		codeToSlug[m.Code] = m.Slug
	}
	geodata.Place(points, site.Boundaries, codeToSlug, l)
	catOrder := map[string]int{}
	for i, c := range site.Config.PointCategories {
		catOrder[c.Slug] = i
	}
	muniOrder := map[string]int{}
	for i, m := range site.Municipalities {
		muniOrder[m.Slug] = i
	}
	for _, p := range points {
		if _, ok := muniOrder[p.Municipality]; ok {
			site.Points = append(site.Points, p)
		}
	}
	slices.SortStableFunc(site.Points, func(a, b model.Point) int {
		if d := muniOrder[a.Municipality] - muniOrder[b.Municipality]; d != 0 {
			return d
		}
		if d := catOrder[a.Category] - catOrder[b.Category]; d != 0 {
			return d
		}
		return strings.Compare(a.Slug, b.Slug)
	})
}
