// Package themes embeds the default theme, so that guidemap is one binary,
// and lays a site's own theme files over it.
package themes

import (
	"embed"
	"errors"
	"io/fs"
	"sort"
)

//go:embed all:default
var files embed.FS

// Default is the default theme: layouts/, css/, js/ and i18n/.
var Default fs.FS = mustSub(files, "default")

func mustSub(f fs.FS, dir string) fs.FS {
	s, err := fs.Sub(f, dir)
	if err != nil {
		panic(err)
	}
	return s
}

// Overlay returns the default theme with the files under dir of site laid
// over it: a file there replaces the default file of the same path, and
// new files are added. A missing dir leaves the default theme as it is.
func Overlay(site fs.FS, dir string) fs.FS {
	if site == nil {
		return Default
	}
	if fi, err := fs.Stat(site, dir); err != nil || !fi.IsDir() {
		return Default
	}
	return overlay{top: mustSub(site, dir), base: Default, dir: dir}
}

type overlay struct {
	top, base fs.FS
	dir       string // top's folder in the site, e.g. "themes/default"
}

// Source tells where the file name of theme (a slash path such as
// "layouts/guide.html") comes from, as a site's author sees it: the path
// in the site folder ("themes/default/layouts/guide.html") when the site's
// theme folder holds it; otherwise, when theme is Default or an Overlay of
// it, the path of the built-in file in guidemap's source, which is the
// same path, with builtin true. Of any other file system it returns name.
func Source(theme fs.FS, name string) (path string, builtin bool) {
	switch t := theme.(type) {
	case overlay:
		if fi, err := fs.Stat(t.top, name); err == nil && !fi.IsDir() {
			return t.dir + "/" + name, false
		}
		return "themes/default/" + name, true
	default:
		if theme == Default {
			return "themes/default/" + name, true
		}
		return name, false
	}
}

func (o overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if fi, err := fs.Stat(o.top, name); err == nil && !fi.IsDir() {
		return o.top.Open(name)
	}
	return o.base.Open(name)
}

// ReadDir merges the entries of both themes, the site's winning.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	byName := map[string]fs.DirEntry{}
	base, err1 := fs.ReadDir(o.base, name)
	for _, e := range base {
		byName[e.Name()] = e
	}
	top, err2 := fs.ReadDir(o.top, name)
	for _, e := range top {
		byName[e.Name()] = e
	}
	if err1 != nil && err2 != nil {
		return nil, errors.Join(err1, err2)
	}
	out := make([]fs.DirEntry, 0, len(byName))
	for _, e := range byName {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
