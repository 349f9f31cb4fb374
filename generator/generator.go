// Package generator is guidemap's library façade: it turns a site folder
// into the files of a static website. It is the only package that knows the
// order of the stages:
//
//  1. load: read and parse every content file on all cores;
//  2. assemble: resolve adoptions, adaptations and references → *model.Site;
//  3. render: Markdown bodies, then every page on all cores → []output.File;
//  4. write: only when no error was found, replace the output folder.
//
// Nothing here prints or exits; problems are returned as diagnostics.
package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/output"
	"github.com/esamverkan/guidemap/generator/render"
	"github.com/esamverkan/guidemap/themes"
)

// Config says what to build. The zero value builds the site in the current
// folder into ./public.
type Config struct {
	Src     string // the site folder; "" is "."
	FS      fs.FS  // the site's files; nil reads Src from disk
	Out     string // the output folder; "" is "public" inside Src
	BaseURL string // replaces site.toml's base_url when set
	Strict  bool   // warnings count as errors
	Workers int    // parallel workers; <= 0 is GOMAXPROCS
}

// Result tells what a build made and found.
type Result struct {
	Pages          int // HTML pages
	Rendered       int // HTML pages rendered by this build (a Builder takes the others from its last build)
	Files          int // all output files
	Guides         int // shared and local guides
	Versions       int // municipality versions of guides
	Municipalities int
	EServices      int
	Points         int // service points placed on the maps
	Duration       time.Duration
	Diags          *diag.List
	Output         []output.File // what was (or would be) written, sorted by path
	Delta          []string      // from a Builder's fast rebuild: the output files that changed; nil when any may have
}

// ErrInput is returned when the input holds errors; they are in Result.Diags.
var ErrInput = errors.New("the site has errors")

const boundariesFile = "geodata/municipalities.geojson"

// Build builds the site and, when it has no errors, writes it to cfg.Out.
// On any error the previous output folder is left as it was.
func Build(cfg Config) (Result, error) {
	t0 := time.Now()
	res, err := generate(cfg, nil)
	if err != nil {
		return res, err
	}
	out := cfg.Out
	if out == "" {
		out = filepath.Join(srcDir(cfg), "public")
	}
	if err := checkOut(srcDir(cfg), out); err != nil {
		return res, err
	}
	if err := output.Write(out, res.Output); err != nil {
		return res, err
	}
	res.Duration = time.Since(t0)
	return res, nil
}

// Check runs every stage but the writing.
func Check(cfg Config) (Result, error) { return generate(cfg, nil) }

func srcDir(cfg Config) string {
	if cfg.Src == "" {
		return "."
	}
	return cfg.Src
}

// checkOut refuses an output folder that is the site folder or holds it:
// replacing it would throw the sources away.
func checkOut(src, out string) error {
	as, err1 := filepath.Abs(src)
	ao, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil {
		return nil
	}
	if rel, err := filepath.Rel(ao, as); err == nil && (rel == "." || filepath.IsLocal(rel)) {
		return fmt.Errorf("the output folder %s holds the site folder %s: choose another with --out", out, src)
	}
	return nil
}

// generate runs the stages up to rendering. c, when not nil, is a
// Builder's cache of parsed files.
func generate(cfg Config, c *fileCache) (Result, error) {
	res, _, err := build(cfg, c, nil)
	return res, err
}

// state is what a build made, stage by stage, with the diagnostics of each
// kept apart: a Builder keeps it so that an edit of bodies alone can be
// built again by redoing only what depends on them (fast.go).
type state struct {
	cfg          Config
	fsys         fs.FS
	ld           *loaded
	site         *model.Site
	bodies       *bodyStage
	rd           *render.Renderer
	files        []output.File
	early        []diag.Diagnostic // loading (but the content files' own parses, in ld) and assembling
	late         []diag.Diagnostic // rendering
	defaultTheme bool              // the layouts and partials are the default theme's
	res          Result            // the counts
}

// build runs the stages up to rendering and returns, unless the theme is
// broken, the state it made. prev, when not nil, is the Builder's last
// state, whose renderings are taken again where their inputs are the same.
func build(cfg Config, c *fileCache, prev *state) (Result, *state, error) {
	t0 := time.Now()
	l := &diag.List{}
	res := Result{Diags: l}
	fsys := cfg.FS
	if fsys == nil {
		fsys = os.DirFS(srcDir(cfg))
	}

	// 1. load
	conf, basePath := model.Config{}, "/"
	if src, err := fs.ReadFile(fsys, siteTOML); err != nil {
		l.Errorf(diag.Pos{File: siteTOML}, "run guidemap in the site folder, or give it with --src", "cannot read the site's settings: %v", unwrapPath(err))
	} else {
		conf, basePath = loadConfig(src, cfg.BaseURL, l)
	}
	boundaries := loadBoundaries(fsys, c, l)
	var codes map[string]string
	if boundaries != nil {
		codes = map[string]string{}
		for _, b := range boundaries {
			codes[b.Code] = b.Name
		}
	}
	var pointCats []string
	for _, pc := range conf.PointCategories {
		pointCats = append(pointCats, pc.Slug)
	}
	points := loadPoints(fsys, pointCats, cfg.Workers, c, l)
	ld := parseAll(readContent(fsys, l), cfg.Workers, c)

	// 2. assemble
	site := assemble(conf, ld, codes, l)
	site.Boundaries = boundaries
	site.Base = loadBase(fsys, l)
	placePoints(site, points, l)
	st := &state{cfg: cfg, fsys: fsys, ld: ld, site: site}

	// 3. render
	var prevBodies *bodyStage
	if prev != nil {
		prevBodies = prev.bodies
	}
	st.bodies = bodies(site, ld, basePath, cfg.Workers, prevBodies)
	theme, custom := themeFS(fsys, conf)
	st.defaultTheme = !custom
	strs := loadStrings(theme, conf.Languages, l)
	st.early = l.Items()
	ropt := render.Options{Theme: theme, Strings: strs, BasePath: basePath, Workers: cfg.Workers}
	if prev != nil && prev.rd != nil && !custom {
		ropt.Prev = prev.rd
	}
	rd, err := render.New(site, ropt)
	if err != nil {
		res.Diags = st.diags()
		return res, nil, err
	}
	late := &diag.List{}
	files, err := rd.Render(late)
	if err != nil {
		res.Diags = st.diags()
		return res, nil, err
	}
	st.rd, st.files, st.late = rd, files, late.Items()
	st.bodies.links.checkAll(files)

	for _, f := range files {
		if filepath.Ext(f.Path) == ".html" {
			res.Pages++
		}
	}
	res.Rendered = rd.Rendered()
	res.Guides = len(site.Guides) + len(site.LocalGuides)
	res.Versions = len(site.Versions)
	res.Municipalities = len(site.Municipalities)
	res.EServices = len(site.EServices)
	res.Points = len(site.Points)
	st.res = res
	return st.result(t0)
}

// diags is every diagnostic of the build, as one list.
func (st *state) diags() *diag.List {
	l := &diag.List{}
	add := func(ds []diag.Diagnostic) {
		for _, d := range ds {
			l.Add(d)
		}
	}
	add(st.early)
	if st.ld != nil {
		for _, p := range st.ld.files {
			add(st.ld.byPath[p].diags)
		}
	}
	if st.bodies != nil {
		for _, ds := range st.bodies.diags {
			add(ds)
		}
		for _, ds := range st.bodies.links.diags {
			add(ds)
		}
	}
	add(st.late)
	if st.cfg.Strict {
		l.Promote()
	}
	return l
}

// result is the Result of the state's build.
func (st *state) result(t0 time.Time) (Result, *state, error) {
	res := st.res
	res.Diags = st.diags()
	res.Output = st.files
	res.Files = len(st.files)
	res.Duration = time.Since(t0)
	if res.Diags.HasErrors() {
		return res, st, ErrInput
	}
	return res, st, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// themeFS is the default theme with the site's theme folder laid over it:
// themes/<theme>/ of the site folder, where theme is site.toml's theme
// ("default" when not set), so that a site may override any file. custom
// tells whether a layout or partial differs from the default theme's.
func themeFS(site fs.FS, conf model.Config) (theme fs.FS, custom bool) {
	name := conf.Theme
	if name == "" {
		name = "default"
	}
	theme = themes.Overlay(site, "themes/"+name)
	if theme == themes.Default {
		return theme, false
	}
	for _, glob := range []string{"layouts/*.html", "partials/*.html"} {
		files, _ := fs.Glob(theme, glob)
		for _, f := range files {
			a, err1 := fs.ReadFile(theme, f)
			b, err2 := fs.ReadFile(themes.Default, f)
			if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
				return theme, true
			}
		}
	}
	return theme, false
}
