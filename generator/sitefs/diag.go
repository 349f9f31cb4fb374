package sitefs

import (
	"errors"
	"io/fs"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/media"
)

// Diagnose is the diagnostic of err when it is an *Error: an error at
// the path, saying what it is and how to fix it.
func Diagnose(err error) (diag.Diagnostic, bool) {
	var e *Error
	if !errors.As(err, &e) {
		return diag.Diagnostic{}, false
	}
	pos := diag.Pos{File: e.Path}
	switch e.What {
	case Symlink:
		if e.Target == "" {
			return diag.Make(pos, diag.Error, "put the file or folder itself here: guidemap reads only regular files and folders of the site folder",
				"is a symbolic link, which guidemap does not follow"), true
		}
		return diag.Make(pos, diag.Error, "put the file or folder itself here: guidemap reads only regular files and folders of the site folder",
			"is a symbolic link (to %s), which guidemap does not follow", e.Target), true
	case SymlinkOut:
		if e.Target == "" {
			return diag.Make(pos, diag.Error, "copy the file into the site folder instead of linking to it",
				"leads outside the site folder through a symbolic link: guidemap reads nothing outside it"), true
		}
		return diag.Make(pos, diag.Error, "copy the file into the site folder instead of linking to it",
			"is a symbolic link to %s, outside the site folder: guidemap reads nothing outside it", e.Target), true
	case FIFO:
		return diag.Make(pos, diag.Error, "replace it with a regular file (guidemap did not read it)", "is a named pipe (FIFO), not a file"), true
	case Socket:
		return diag.Make(pos, diag.Error, "replace it with a regular file (guidemap did not read it)", "is a socket, not a file"), true
	case Device:
		return diag.Make(pos, diag.Error, "replace it with a regular file (guidemap did not read it)", "is a device, not a file"), true
	case Irregular:
		return diag.Make(pos, diag.Error, "replace it with a regular file (guidemap did not read it)", "is not a regular file"), true
	case Changed:
		return diag.Make(pos, diag.Error, "build again once the file is saved", "changed while guidemap was reading it"), true
	case TooBig:
		size, limit := media.FormatSize(e.Size, "en"), media.FormatSize(e.Kind.Limit(), "en")
		switch e.Kind {
		case Markdown:
			return diag.Make(pos, diag.Error, "split the text into several guides or pages", "is %s, more than the %s guidemap reads of a Markdown file", size, limit), true
		case Config:
			return diag.Make(pos, diag.Error, "site.toml holds settings: keep long texts in content files", "is %s, more than the %s guidemap reads of site.toml", size, limit), true
		case Boundaries:
			return diag.Make(pos, diag.Error, "simplify the boundaries before adding them (e.g. mapshaper -simplify 10%)", "is %s, more than the %s guidemap reads of a boundaries file", size, limit), true
		case Points:
			return diag.Make(pos, diag.Error, "split the places into several files under geodata/, e.g. one for each category", "is %s, more than the %s guidemap reads of a file of places", size, limit), true
		case Base:
			return diag.Make(pos, diag.Error, "simplify the layer's geometry (e.g. mapshaper -simplify 10%) or cut it to the site's area", "is %s, more than the %s guidemap reads of a map layer", size, limit), true
		case Theme:
			return diag.Make(pos, diag.Error, "make the file smaller: a theme holds layouts, style sheets, scripts and small images", "is %s, more than the %s guidemap reads of a theme file", size, limit), true
		}
		return diag.Make(pos, diag.Error, "make the file smaller (resize or compress it)", "is %s, more than the %s guidemap reads of a file", size, limit), true
	}
	return diag.Make(pos, diag.Error, "replace it with a regular file (guidemap did not read it)", "cannot be read"), true
}

// Report adds the diagnostic of err to l and reports true when err is an
// *Error; else it adds nothing and reports false.
func Report(l *diag.List, err error) bool {
	d, ok := Diagnose(err)
	if ok {
		l.Add(d)
	}
	return ok
}

// Check reports in l the entry d of a folder walk at path p of fsys unless
// it is a regular file or a folder: a symbolic link (wherever it leads),
// a FIFO, a socket or a device. It tells whether d may be read (or
// walked into).
func Check(fsys fs.FS, p string, d fs.DirEntry, l *diag.List) bool {
	t := d.Type()
	if t.IsRegular() || t.IsDir() {
		return true
	}
	var err error
	if s, ok := fsys.(*FS); ok && t&fs.ModeSymlink != 0 {
		err = s.link(p)
	} else if t&fs.ModeSymlink != 0 {
		err = &Error{Path: p, What: Symlink}
	} else {
		err = irregular(p, t)
	}
	Report(l, err)
	return false
}
