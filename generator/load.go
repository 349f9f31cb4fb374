package generator

import (
	"crypto/sha256"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/directory"
	"github.com/esamverkan/guidemap/generator/guides"
	"github.com/esamverkan/guidemap/generator/internal/par"
	"github.com/esamverkan/guidemap/generator/markdown"
	"github.com/esamverkan/guidemap/generator/model"
)

// fileKind says what a content file is, from where it stands.
type fileKind int

const (
	kindUnknown fileKind = iota
	kindMunicipality
	kindGuide
	kindMunicipalityGuide // a local guide or an adaptation
	kindEService
	kindEServiceAdaptation
	kindPage
)

// classify tells a content file's kind, slug and municipality from its
// path (relative to the site folder).
func classify(p string) (kind fileKind, m, slug string) {
	parts := strings.Split(p, "/")
	if len(parts) < 3 || parts[0] != "content" || path.Ext(p) != ".md" {
		return kindUnknown, "", ""
	}
	slug = strings.TrimSuffix(parts[len(parts)-1], ".md")
	switch {
	case len(parts) == 3 && parts[1] == "guides":
		return kindGuide, "", slug
	case len(parts) == 3 && parts[1] == "eservices":
		return kindEService, "", slug
	case len(parts) == 3 && parts[1] == "pages":
		return kindPage, "", slug
	case len(parts) == 3 && parts[1] == "municipalities":
		return kindMunicipality, slug, slug
	case len(parts) == 5 && parts[1] == "municipalities" && parts[3] == "guides":
		return kindMunicipalityGuide, parts[2], slug
	case len(parts) == 5 && parts[1] == "municipalities" && parts[3] == "eservices":
		return kindEServiceAdaptation, parts[2], slug
	}
	return kindUnknown, "", ""
}

// source is one content file as read, with what its path says of it.
type source struct {
	path string
	kind fileKind
	m    string
	slug string
	data []byte
}

// loaded holds every content file parsed on its own; nothing here refers
// to another file yet.
type loaded struct {
	municipalities map[string]*markdown.Doc[guides.MunicipalityMeta]
	guides         map[string]*markdown.Doc[guides.GuideMeta]
	muniGuides     map[string]map[string]*markdown.Doc[guides.GuideMeta] // municipality → slug
	eservices      map[string]*markdown.Doc[directory.EServiceMeta]
	esAdaptations  map[string]map[string]*markdown.Doc[directory.EServiceMeta]
	pages          map[string]*markdown.Doc[guides.PageMeta]
	files          []string           // every content file, for link suggestions
	byPath         map[string]*parsed // every content file that parsed to a document
}

// parsed is one content file's parse, whatever its kind.
type parsed struct {
	doc      any // *markdown.Doc[…]
	file     markdown.File
	sections []model.Section
	diags    []diag.Diagnostic // what parsing it found
	sum      [sha256.Size]byte // the content's hash, when parsed through a Builder's cache
}

// body is a body made of the sections of files: the first file's,
// adapted by the others' (markdown.Merge). The Builder's fast path makes
// a body again the same way after one of its files changed.
func (ld *loaded) body(files ...string) model.Body {
	return model.Body{Sections: ld.sections(files), Sources: files}
}

func (ld *loaded) sections(files []string) []model.Section {
	var secs []model.Section
	for i, f := range files {
		var own []model.Section
		if p := ld.byPath[f]; p != nil {
			own = p.sections
		}
		if i == 0 {
			secs = own
		} else {
			secs = markdown.Merge(secs, own)
		}
	}
	return secs
}

// readContent lists and reads the Markdown files under content/, in path
// order. Files that guidemap does not use are warned about.
func readContent(fsys fs.FS, l *diag.List) []source {
	var out []source
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.Errorf(diag.Pos{File: p}, "check that the folder can be read", "cannot read: %v", err)
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && p != "content" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || p == siteTOML {
			return nil
		}
		if path.Ext(name) != ".md" {
			return nil
		}
		kind, m, slug := classify(p)
		if kind == kindUnknown {
			l.Warnf(diag.Pos{File: p}, "guides go in content/guides/, e-services in content/eservices/, pages in content/pages/, a municipality's own files in content/municipalities/<m>/guides/ or eservices/",
				"file is not used: guidemap does not know what it is from where it stands")
			return nil
		}
		if !slugRE.MatchString(slug) {
			l.Errorf(diag.At(p, 1, 1), "rename the file with lower-case letters a–z, digits and hyphens, e.g. "+suggestSlug(slug)+".md",
				"file name %q cannot be a web address", slug+".md")
			return nil
		}
		if m != "" && !slugRE.MatchString(m) {
			l.Errorf(diag.At(p, 1, 1), "rename the folder with lower-case letters a–z, digits and hyphens", "municipality folder %q cannot be a web address", m)
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			l.Errorf(diag.Pos{File: p}, "check that the file can be read", "cannot read: %v", err)
			return nil
		}
		out = append(out, source{path: p, kind: kind, m: m, slug: slug, data: data})
		return nil
	})
	if err != nil {
		l.Errorf(diag.Pos{File: "content"}, "run guidemap in the site folder, or give it with --src", "cannot read the content folder: %v", err)
	}
	return out
}

// suggestSlug turns a file name into one that works as a web address.
func suggestSlug(s string) string {
	return markdown.Slug(s)
}

// parseAll parses every source on all cores and files the results by kind.
// A Builder's cache c (nil for none) hands back the parse of a file whose
// content it has seen before. The parses' diagnostics are kept with each
// file (ld.byPath), not added to a list.
func parseAll(srcs []source, workers int, c *fileCache) *loaded {
	docs := make([]*parsed, len(srcs))
	par.Do(len(srcs), workers, func(i int) {
		docs[i] = parseOne(srcs[i], c)
	})
	ld := &loaded{
		municipalities: map[string]*markdown.Doc[guides.MunicipalityMeta]{},
		guides:         map[string]*markdown.Doc[guides.GuideMeta]{},
		muniGuides:     map[string]map[string]*markdown.Doc[guides.GuideMeta]{},
		eservices:      map[string]*markdown.Doc[directory.EServiceMeta]{},
		esAdaptations:  map[string]map[string]*markdown.Doc[directory.EServiceMeta]{},
		pages:          map[string]*markdown.Doc[guides.PageMeta]{},
	}
	ld.byPath = make(map[string]*parsed, len(srcs))
	for i, s := range srcs {
		ld.files = append(ld.files, s.path)
		ld.byPath[s.path] = docs[i]
		switch d := docs[i].doc.(type) {
		case *markdown.Doc[guides.MunicipalityMeta]:
			ld.municipalities[s.slug] = d
		case *markdown.Doc[guides.GuideMeta]:
			if s.kind == kindGuide {
				ld.guides[s.slug] = d
			} else {
				put(ld.muniGuides, s.m, s.slug, d)
			}
		case *markdown.Doc[directory.EServiceMeta]:
			if s.kind == kindEService {
				ld.eservices[s.slug] = d
			} else {
				put(ld.esAdaptations, s.m, s.slug, d)
			}
		case *markdown.Doc[guides.PageMeta]:
			ld.pages[s.slug] = d
		}
	}
	sort.Strings(ld.files)
	return ld
}

// parseOne parses one source through the cache c (nil for none).
func parseOne(s source, c *fileCache) *parsed {
	l := &diag.List{}
	doc, sum := c.getSum(s.path, s.data, l, func(l *diag.List) any { return parseSource(s, l) })
	p := &parsed{doc: doc, diags: l.Items(), sum: sum}
	if d, ok := doc.(interface {
		Parts() (markdown.File, []model.Section)
	}); ok {
		p.file, p.sections = d.Parts()
	}
	return p
}

// parseSource parses one content file by its kind; the result depends on
// the file alone.
func parseSource(s source, l *diag.List) any {
	switch s.kind {
	case kindMunicipality:
		return guides.LoadMunicipality(s.path, s.data, l)
	case kindGuide, kindMunicipalityGuide:
		return guides.LoadGuide(s.path, s.data, l)
	case kindEService, kindEServiceAdaptation:
		return directory.LoadEService(s.path, s.data, l)
	case kindPage:
		return guides.LoadPage(s.path, s.data, l)
	}
	return nil
}

func put[T any](m map[string]map[string]T, a, b string, v T) {
	if m[a] == nil {
		m[a] = map[string]T{}
	}
	m[a][b] = v
}

// sortedKeys returns the keys of m in order.
func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
