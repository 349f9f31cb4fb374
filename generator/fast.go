package generator

// The Builder's fast way, for the edit a communicator makes most: the text
// of a guide, an e-service, a page or a municipality's introduction, with
// the front matter as it was. Nothing the assemble stage decides can then
// change (it reads only front matter, file names and site settings), so the
// last build's site stays as it is but for the bodies made from the edited
// files: they are composed and rendered again, the pages that show them
// are rendered again (render.Renderer.Rerender), and the
// diagnostics of the edited files, of those bodies and of the link check
// are made anew. Anything else takes the full way.

import (
	"bytes"
	"io/fs"
	"slices"
	"time"

	"github.com/esamverkan/guidemap/generator/model"
)

// rebuildFast builds again the fast way when it can; ok is false when the
// change is not of the kind it handles (nothing has then been changed).
func (b *Builder) rebuildFast(changed []string) (res Result, ok bool, err error) {
	t0 := time.Now()
	st := b.st
	if st == nil || !st.defaultTheme || len(changed) == 0 {
		return Result{}, false, nil
	}
	// Check every changed file before touching the state.
	next := map[string]*parsed{}
	for _, p := range changed {
		kind, m, slug := classify(p)
		old := st.ld.byPath[p]
		if kind == kindUnknown || old == nil {
			return Result{}, false, nil // a new file, or not a content file
		}
		data, err := fs.ReadFile(st.fsys, p)
		if err != nil {
			return Result{}, false, nil // deleted or renamed
		}
		np := parseOne(source{path: p, kind: kind, m: m, slug: slug, data: data}, b.cache)
		if np.doc == old.doc {
			continue // the same content
		}
		if !bytes.Equal(np.file.FrontMatter, old.file.FrontMatter) || np.file.FMLine != old.file.FMLine || np.file.BodyLine != old.file.BodyLine {
			return Result{}, false, nil
		}
		next[p] = np
	}

	// The edit is the fast kind: from here on the state follows it.
	for p, np := range next {
		st.ld.byPath[p] = np
	}
	var idx []int
	for p := range next {
		idx = append(idx, st.bodies.using[p]...)
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	changedBodies := make([]*model.Body, len(idx))
	for k, i := range idx {
		j := st.bodies.jobs[i]
		j.body.Sections = st.ld.sections(j.body.Sources)
		changedBodies[k] = j.body
	}
	moved := st.bodies.render(idx, st.cfg.Workers)
	files, paths, err := st.rd.Rerender(changedBodies)
	if err != nil {
		b.st = nil // the state is half changed: build in full next time
		res := Result{Diags: st.diags()}
		return res, true, err
	}
	st.files = files
	st.bodies.links.recheck(idx, moved)
	res, _, err = st.result(t0)
	res.Delta = paths
	res.Rendered = st.rd.Rendered()
	if res.Delta == nil {
		res.Delta = []string{}
	}
	return res, true, err
}
