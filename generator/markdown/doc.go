package markdown

import (
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
)

// Doc is a content file parsed on its own: its front matter decoded into
// Meta, the keys it set, and its body cut into sections. It depends only on
// the file, so it can be cached by path and content.
type Doc[M any] struct {
	File     File
	Meta     M
	Set      Set
	Sections []model.Section
}

// Pos returns where the value of key stands (see Set.Pos).
func (d *Doc[M]) Pos(key string) diag.Pos { return d.Set.Pos(d.File, key) }

// Parse splits, decodes and sections one content file.
func Parse[M any](path string, src []byte, l *diag.List) *Doc[M] {
	d := &Doc[M]{}
	d.File = Split(path, src, l)
	d.Set = Decode(d.File, &d.Meta, l)
	if CheckLimits(path, d.File.Body, d.File.BodyLine, l) {
		d.Sections = Sections(path, d.File.Body, d.File.BodyLine)
	}
	return d
}

// Parts returns the file as Split cut it and its sections, whatever the
// front matter's type.
func (d *Doc[M]) Parts() (File, []model.Section) { return d.File, d.Sections }
