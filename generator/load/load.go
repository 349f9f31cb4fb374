package load

import (
	"context"
	"errors"
	"io/fs"
	"sync"

	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/config"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/media"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/sitefs"
)

// Input is everything the load stage read of a site folder, each value
// made from one file.
type Input struct {
	Config     model.Config
	BasePath   string // the base URL's path, "/" or "/org/site/"
	Boundaries []model.Boundary
	Points     []model.Point // as their files give them, not yet placed
	Base       []model.BaseLayer
	Credits    []model.Credit // the attributions of the boundaries' and base layers' files
	Content    *Content
	Media      *media.Library // the images and attachments under content/
}

// Memo holds a Builder's cache tables of this stage; a nil *Memo caches
// nothing.
type Memo struct {
	Files      *cache.Table[string, *File]
	Boundaries *cache.Table[string, Parsed[[]model.Boundary]]
	Points     *cache.Table[string, Parsed[[]model.Point]]
	Base       *cache.Table[string, Parsed[[]model.BaseLayer]]
}

// NewMemo makes the stage's tables in c.
func NewMemo(c *cache.Cache) *Memo {
	return &Memo{
		Files:      cache.Register(c, &cache.Table[string, *File]{}),
		Boundaries: cache.Register(c, &cache.Table[string, Parsed[[]model.Boundary]]{}),
		Points:     cache.Register(c, &cache.Table[string, Parsed[[]model.Point]]{}),
		Base:       cache.Register(c, &cache.Table[string, Parsed[[]model.BaseLayer]]{}),
	}
}

// Language is the language the site's authors write in, in which
// guidemap tells them about problems: the first of site.toml's
// languages, or Swedish when site.toml cannot be read or names none.
func Language(fsys fs.FS) string {
	src, err := sitefs.ReadFile(fsys, config.File, sitefs.Config)
	if err != nil {
		return "sv"
	}
	c, _ := config.Load(src, "", &diag.List{})
	if len(c.Languages) > 0 && c.Languages[0] != "" {
		return c.Languages[0]
	}
	return "sv"
}

// Site reads and parses every file of the site folder fsys. baseURL, when
// not empty, replaces site.toml's base_url. Problems are added to l; the
// content files' own are kept with each File (Content.ByPath) instead.
// It returns nil only when ctx was cancelled.
func Site(ctx context.Context, fsys fs.FS, baseURL string, workers int, m *Memo, l *diag.List) *Input {
	if m == nil {
		m = &Memo{}
	}
	in := &Input{BasePath: "/"}
	if src, err := sitefs.ReadFile(fsys, config.File, sitefs.Config); err != nil {
		if !sitefs.Report(l, err) {
			l.Errorf(diag.Pos{File: config.File}, "run guidemap in the site folder, or give it with --src", "cannot read the site's settings: %v", diag.SysErr(err))
		}
	} else {
		in.Config, in.BasePath = config.Load(src, baseURL, l)
	}
	Theme(fsys, ThemeDir(in.Config), l)
	in.Boundaries = Boundaries(fsys, m.Boundaries, &in.Credits, l)
	var cats []string
	for _, pc := range in.Config.PointCategories {
		cats = append(cats, pc.Slug)
	}
	// The service points are read beside the content: a GeoJSON file is
	// read by one goroutine, and there are few.
	var points sync.WaitGroup
	points.Go(func() { in.Points = Points(fsys, cats, workers, m.Points, l) })
	in.Content, in.Media = ReadSite(fsys, workers, m.Files, l)
	in.Base = Base(fsys, m.Base, &in.Credits, l)
	points.Wait()
	if ctx.Err() != nil {
		return nil
	}
	return in
}

// ThemeDir is the folder of the site's theme in the site folder:
// themes/<theme of site.toml>, or themes/default.
func ThemeDir(c model.Config) string {
	if c.Theme == "" {
		return "themes/default"
	}
	return "themes/" + c.Theme
}

// Theme reports in l every entry of the site's theme folder dir that
// guidemap does not read: a symbolic link, a FIFO, a socket or a device,
// and a file over sitefs.MaxTheme. The theme's files are read later, by
// the render stage, through sitefs.Limit; a missing folder is no problem
// (the site uses the built-in theme).
func Theme(fsys fs.FS, dir string, l *diag.List) {
	_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				readErr(l, p, err)
			}
			return nil
		}
		if !sitefs.Check(fsys, p, d, l) || d.IsDir() {
			return nil
		}
		if fi, err := d.Info(); err == nil && fi.Size() > sitefs.MaxTheme {
			sitefs.Report(l, &sitefs.Error{Path: p, What: sitefs.TooBig, Kind: sitefs.Theme, Size: fi.Size()})
		}
		return nil
	})
}
