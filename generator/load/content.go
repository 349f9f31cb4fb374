package load

import (
	"bytes"
	"crypto/sha256"
	"html"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/config"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/directory"
	"github.com/esamverkan/guidemap/generator/guides"
	"github.com/esamverkan/guidemap/generator/internal/par"
	"github.com/esamverkan/guidemap/generator/markdown"
	"github.com/esamverkan/guidemap/generator/media"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/sitefs"
)

// File is one content file parsed on its own. Exactly one of the four
// documents is set, the one its Kind calls for.
type File struct {
	Path         string
	Kind         Kind
	Municipality string // the folder's municipality, or the municipality a municipality file is
	Slug         string
	Sum          [sha256.Size]byte // the content's SHA-256

	MunicipalityDoc *markdown.Doc[guides.MunicipalityMeta]
	GuideDoc        *markdown.Doc[guides.GuideMeta] // a shared guide, a local guide or an adaptation
	EServiceDoc     *markdown.Doc[directory.EServiceMeta]
	PageDoc         *markdown.Doc[guides.PageMeta]
	EasyDoc         *markdown.Doc[guides.EasyMeta]
	TranslationDoc  *markdown.Doc[guides.TranslationMeta]

	Parts    markdown.File // the file as front matter and body
	Sections []model.Section
	Diags    []diag.Diagnostic // what parsing it found

	folded atomic.Pointer[folded] // ContainsFold's last answer
}

type folded struct {
	s     string
	holds bool
}

// ContainsFold tells whether a section of the file holds s in any case
// (strings.ToLower of the section's text holds s, which is in lower
// case), after HTML's character references are resolved. The answer is
// kept: the file's sections do not change.
func (f *File) ContainsFold(s string) bool {
	if a := f.folded.Load(); a != nil && a.s == s {
		return a.holds
	}
	holds := false
	for _, sec := range f.Sections {
		if bytes.IndexByte(sec.Source, '&') >= 0 {
			holds = containsLower(html.UnescapeString(string(sec.Source)), s)
		} else {
			holds = containsLower(sec.Source, s) // without a copy of the text
		}
		if holds {
			break
		}
	}
	f.folded.Store(&folded{s, holds})
	return holds
}

// Content is every content file of a site, parsed, by kind.
type Content struct {
	Municipalities map[string]*markdown.Doc[guides.MunicipalityMeta]
	Guides         map[string]*markdown.Doc[guides.GuideMeta]
	MuniGuides     map[string]map[string]*markdown.Doc[guides.GuideMeta] // municipality → slug
	EServices      map[string]*markdown.Doc[directory.EServiceMeta]
	ESAdaptations  map[string]map[string]*markdown.Doc[directory.EServiceMeta] // municipality → slug
	Pages          map[string]*markdown.Doc[guides.PageMeta]
	Easy           map[string]*markdown.Doc[guides.EasyMeta] // the easy-to-read versions of shared guides, by the guide's slug
	// Translations are the shared guides in other languages: language →
	// the guide's slug; MuniTranslations the adaptations and local guides:
	// language → municipality → slug.
	Translations     map[string]map[string]*markdown.Doc[guides.TranslationMeta]
	MuniTranslations map[string]map[string]map[string]*markdown.Doc[guides.TranslationMeta]
	// IntroTranslations are municipalities' pages in other languages:
	// language → municipality.
	IntroTranslations map[string]map[string]*markdown.Doc[guides.TranslationMeta]
	Paths             []string         // every content file, sorted, for link suggestions
	ByPath            map[string]*File // every content file that was read
}

// Sections composes the sections of a body made of files: the first
// file's, adapted by the others'.
func (c *Content) Sections(files []string) []model.Section {
	var secs []model.Section
	for i, f := range files {
		var own []model.Section
		if p := c.ByPath[f]; p != nil {
			own = p.Sections
		}
		if i == 0 {
			secs = own
		} else {
			secs = markdown.Merge(secs, own)
		}
	}
	return secs
}

// Replace puts files in place of those of the same path, for edits that
// leave every front matter alone: the documents by kind stay as they were,
// and only the bodies read the new files' sections.
func (c *Content) Replace(files []*File) {
	for _, f := range files {
		c.ByPath[f.Path] = f
	}
}

// ForgetText lets go of the files' text (front matter, body and
// sections), keeping what parsing found (the documents' fields and
// diagnostics): for a clean build, which renders no body again once the
// bodies stage is done. Nothing may read the files' text afterwards.
func (c *Content) ForgetText() {
	for _, f := range c.ByPath {
		f.Parts.FrontMatter, f.Parts.Body, f.Sections = nil, nil, nil
		forget(f.MunicipalityDoc)
		forget(f.GuideDoc)
		forget(f.EServiceDoc)
		forget(f.PageDoc)
		forget(f.EasyDoc)
		forget(f.TranslationDoc)
	}
}

func forget[M any](d *markdown.Doc[M]) {
	if d != nil {
		d.File.FrontMatter, d.File.Body, d.Sections = nil, nil, nil
	}
}

// Source is one content file as read, with what its path says of it.
type Source struct {
	Path         string
	Kind         Kind
	Municipality string
	Slug         string
	Data         []byte
}

// readContent lists and reads the Markdown files under content/, in path
// order, and lists the media files among them (of a kind media.KindOf
// knows) in media. Files that guidemap does not use are warned about.
func readContent(fsys fs.FS, l *diag.List, mediaFiles *[]fs.DirEntry, mediaPaths *[]string) []Source {
	var out []Source
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !sitefs.Report(l, err) {
				l.Errorf(diag.Pos{File: p}, "check that the folder can be read", "cannot read: %v", err)
			}
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && p != "content" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !sitefs.Check(fsys, p, d, l) {
			return nil // a link, a FIFO, a device: never read
		}
		if d.IsDir() || p == config.File {
			return nil
		}
		if path.Ext(name) != ".md" {
			if _, ok := media.KindOf(name); ok && mediaPaths != nil {
				*mediaFiles = append(*mediaFiles, d)
				*mediaPaths = append(*mediaPaths, p)
			}
			return nil
		}
		kind, m, slug := Classify(p)
		if kind == Unknown {
			l.Warnf(diag.Pos{File: p}, "guides go in content/guides/, e-services in content/eservices/, pages in content/pages/, a municipality's own files in content/municipalities/<m>/guides/ or eservices/",
				"file is not used: guidemap does not know what it is from where it stands")
			return nil
		}
		if !model.IsSlug(slug) {
			l.Errorf(diag.At(p, 1, 1), diag.Textf("rename the file with lower-case letters a–z, digits and hyphens, e.g. %s.md", markdown.Slug(slug)),
				"file name %q cannot be a web address", slug+".md")
			return nil
		}
		if m != "" && !model.IsSlug(m) {
			l.Errorf(diag.At(p, 1, 1), "rename the folder with lower-case letters a–z, digits and hyphens", "municipality folder %q cannot be a web address", m)
			return nil
		}
		out = append(out, Source{Path: p, Kind: kind, Municipality: m, Slug: slug})
		return nil
	})
	if err != nil {
		l.Errorf(diag.Pos{File: "content"}, "run guidemap in the site folder, or give it with --src", "cannot read the content folder: %v", err)
	}
	// The files are read by several goroutines: a read is mostly a wait
	// for system calls, thousands of them on a big site.
	ok := make([]bool, len(out))
	par.Do(len(out), readers, func(i int) {
		data, err := sitefs.ReadFile(fsys, out[i].Path, sitefs.Markdown)
		if err != nil {
			if !sitefs.Report(l, err) {
				l.Errorf(diag.Pos{File: out[i].Path}, "check that the file can be read", "cannot read: %v", diag.SysErr(err))
			}
			return
		}
		out[i].Data, ok[i] = data, true
	})
	read := out[:0]
	for i, s := range out {
		if ok[i] {
			read = append(read, s)
		}
	}
	return read
}

// readers is how many goroutines read the content files.
const readers = 8

// ReadContent reads and parses every content file under content/ on all
// cores. Files whose content a Builder's cache has seen are taken from it
// (files may be nil: no cache).
func ReadContent(fsys fs.FS, workers int, files *cache.Table[string, *File], l *diag.List) *Content {
	return parseAll(readContent(fsys, l, nil, nil), workers, files)
}

// ReadSite is ReadContent, and the media files under content/ (images
// and attachments, media.KindOf) read on the way: each at most
// media.MaxRead bytes, and none that is a symbolic link (fs.WalkDir
// follows none into a folder either), so that nothing outside the site
// folder is read.
func ReadSite(fsys fs.FS, workers int, files *cache.Table[string, *File], l *diag.List) (*Content, *media.Library) {
	var ents []fs.DirEntry
	var paths []string
	srcs := readContent(fsys, l, &ents, &paths)
	mf := make([]*media.File, len(paths))
	par.Do(len(paths), readers, func(i int) {
		mf[i] = readMedia(fsys, paths[i], ents[i])
	})
	return parseAll(srcs, workers, files), media.NewLibrary(mf)
}

// readMedia reads the media file at p.
func readMedia(fsys fs.FS, p string, d fs.DirEntry) *media.File {
	if !d.Type().IsRegular() {
		return media.Unreadable(p, "it is not a regular file (a symbolic link?)")
	}
	info, err := d.Info()
	if err != nil {
		return media.Unreadable(p, diag.SysErr(err).Error())
	}
	if info.Size() > media.MaxRead {
		return media.TooBig(p, info.Size())
	}
	f, err := fsys.Open(p)
	if err != nil {
		return media.Unreadable(p, diag.SysErr(err).Error())
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, media.MaxRead+1))
	if err != nil {
		return media.Unreadable(p, diag.SysErr(err).Error())
	}
	if len(data) > media.MaxRead {
		return media.TooBig(p, int64(len(data)))
	}
	return media.Read(p, data)
}

// parseAll parses every source on all cores and files the results by kind.
// The parses' diagnostics are kept with each file, not added to a list.
func parseAll(srcs []Source, workers int, files *cache.Table[string, *File]) *Content {
	docs := make([]*File, len(srcs))
	par.Do(len(srcs), workers, func(i int) {
		docs[i] = Parse(srcs[i], files)
	})
	c := &Content{
		Municipalities:    map[string]*markdown.Doc[guides.MunicipalityMeta]{},
		Guides:            map[string]*markdown.Doc[guides.GuideMeta]{},
		MuniGuides:        map[string]map[string]*markdown.Doc[guides.GuideMeta]{},
		EServices:         map[string]*markdown.Doc[directory.EServiceMeta]{},
		ESAdaptations:     map[string]map[string]*markdown.Doc[directory.EServiceMeta]{},
		Pages:             map[string]*markdown.Doc[guides.PageMeta]{},
		Easy:              map[string]*markdown.Doc[guides.EasyMeta]{},
		Translations:      map[string]map[string]*markdown.Doc[guides.TranslationMeta]{},
		MuniTranslations:  map[string]map[string]map[string]*markdown.Doc[guides.TranslationMeta]{},
		IntroTranslations: map[string]map[string]*markdown.Doc[guides.TranslationMeta]{},
		ByPath:            make(map[string]*File, len(srcs)),
	}
	for i, s := range srcs {
		f := docs[i]
		c.Paths = append(c.Paths, s.Path)
		c.ByPath[s.Path] = f
		switch s.Kind {
		case Municipality:
			c.Municipalities[s.Slug] = f.MunicipalityDoc
		case Guide:
			c.Guides[s.Slug] = f.GuideDoc
		case MunicipalityGuide:
			put(c.MuniGuides, s.Municipality, s.Slug, f.GuideDoc)
		case EService:
			c.EServices[s.Slug] = f.EServiceDoc
		case EServiceAdaptation:
			put(c.ESAdaptations, s.Municipality, s.Slug, f.EServiceDoc)
		case Page:
			c.Pages[s.Slug] = f.PageDoc
		case EasyGuide:
			c.Easy[s.Slug] = f.EasyDoc
		case GuideTranslation:
			put(c.Translations, LangOf(s.Path), s.Slug, f.TranslationDoc)
		case IntroTranslation:
			put(c.IntroTranslations, LangOf(s.Path), s.Slug, f.TranslationDoc)
		case MunicipalityTranslation:
			lang := LangOf(s.Path)
			if c.MuniTranslations[lang] == nil {
				c.MuniTranslations[lang] = map[string]map[string]*markdown.Doc[guides.TranslationMeta]{}
			}
			put(c.MuniTranslations[lang], s.Municipality, s.Slug, f.TranslationDoc)
		}
	}
	sort.Strings(c.Paths)
	return c
}

// Parse parses one content file by its kind, or takes its parse from
// files (a Builder's cache; nil for none) when the content is the same.
// The result depends on the file alone.
func Parse(s Source, files *cache.Table[string, *File]) *File {
	sum := sha256.Sum256(s.Data)
	if f, ok := files.Get(s.Path); ok && f.Sum == sum && f.Kind == s.Kind {
		files.Hit()
		return f
	}
	files.Miss()
	l := &diag.List{}
	f := &File{Path: s.Path, Kind: s.Kind, Municipality: s.Municipality, Slug: s.Slug, Sum: sum}
	switch s.Kind {
	case Municipality:
		f.MunicipalityDoc = guides.LoadMunicipality(s.Path, s.Data, l)
		f.Parts, f.Sections = f.MunicipalityDoc.Parts()
	case Guide, MunicipalityGuide:
		f.GuideDoc = guides.LoadGuide(s.Path, s.Data, l)
		f.Parts, f.Sections = f.GuideDoc.Parts()
	case EService, EServiceAdaptation:
		f.EServiceDoc = directory.LoadEService(s.Path, s.Data, l)
		f.Parts, f.Sections = f.EServiceDoc.Parts()
	case Page:
		f.PageDoc = guides.LoadPage(s.Path, s.Data, l)
		f.Parts, f.Sections = f.PageDoc.Parts()
	case EasyGuide:
		f.EasyDoc = guides.LoadEasy(s.Path, s.Data, l)
		f.Parts, f.Sections = f.EasyDoc.Parts()
	case GuideTranslation, MunicipalityTranslation, IntroTranslation:
		f.TranslationDoc = guides.LoadTranslation(s.Path, s.Data, l)
		f.Parts, f.Sections = f.TranslationDoc.Parts()
	}
	f.Diags = l.Items()
	files.Put(s.Path, f)
	return f
}

func put[T any](m map[string]map[string]T, a, b string, v T) {
	if m[a] == nil {
		m[a] = map[string]T{}
	}
	m[a][b] = v
}

// HeadingCache keeps, between builds, where the sections of bodies start
// (markdown.HeadingCache): most of parsing a big site's content.
type HeadingCache = markdown.HeadingCache

// NewHeadingCache reads a HeadingCache that a program of stamp wrote to
// r (nil: none), as markdown.NewHeadingCache does.
func NewHeadingCache(r io.Reader, stamp string) *HeadingCache {
	return markdown.NewHeadingCache(r, stamp)
}

// UseHeadingCache makes the parsing of content files take headings from c
// until done is called (markdown.UseHeadingCache).
func UseHeadingCache(c *HeadingCache) (done func()) { return markdown.UseHeadingCache(c) }

// containsLower tells whether strings.ToLower(src) holds s (in lower
// case). For s of ASCII letters and digits alone it compares in place:
// no character outside ASCII has one of them as its lower case but the
// dotted capital I (i) and the Kelvin sign (k): an s with those is
// looked for the long way.
func containsLower[T string | []byte](src T, s string) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' && c != 'i' && c != 'k' || '0' <= c && c <= '9') {
			return strings.Contains(strings.ToLower(string(src)), s)
		}
	}
	for i := 0; i+len(s) <= len(src); i++ {
		j := 0
		for ; j < len(s); j++ {
			c := src[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != s[j] {
				break
			}
		}
		if j == len(s) {
			return true
		}
	}
	return false
}
