// Package media is the images and attachments that content keeps beside
// its Markdown: which kinds are published (PNG, JPEG, WebP, SVG, PDF),
// how a link in Markdown finds its file (Candidates), what each file is
// (its size, an image's width and height, whether an SVG is safe to
// publish) and the content-hashed name it is published under (File.URL).
// It reads no folder: load hands it each file's bytes.
package media

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	_ "image/jpeg" // image.DecodeConfig of JPEG files
	_ "image/png"  // and of PNG files
	"path"
	"slices"
	"strconv"
	"strings"

	_ "golang.org/x/image/webp" // and of WebP files
)

// Kind is a kind of file that content may publish.
type Kind string

// The kinds of file published.
const (
	PNG  Kind = "PNG"
	JPEG Kind = "JPEG"
	WebP Kind = "WebP"
	SVG  Kind = "SVG"
	PDF  Kind = "PDF"
)

// Image tells whether files of the kind can be shown as an image.
func (k Kind) Image() bool { return k != PDF && k != "" }

// kinds are the kinds by file name extension (in lower case).
var kinds = map[string]Kind{".png": PNG, ".jpg": JPEG, ".jpeg": JPEG, ".webp": WebP, ".svg": SVG, ".pdf": PDF}

// KindOf is the kind of the file name, by its extension in any case; ok
// is false for a kind that is not published.
func KindOf(name string) (k Kind, ok bool) {
	k, ok = kinds[strings.ToLower(path.Ext(name))]
	return k, ok
}

// Accepted lists the kinds published, for messages.
const Accepted = "PNG (.png), JPEG (.jpg, .jpeg), WebP (.webp), SVG (.svg), PDF (.pdf)"

// Limits.
const (
	// MaxRead is the largest file read at all: a bigger one is an error
	// where it is used.
	MaxRead = 20 << 20
	// BigImage is the size from which an image is warned about: a page
	// that loads it is slow on a phone's connection.
	BigImage = 500 << 10
	// BigPDF is the size from which a PDF is warned about.
	BigPDF = 5 << 20
)

// Folder is the shared folder of media, relative to the site folder: a
// site-absolute link "/media/x.svg" finds content/media/x.svg.
const Folder = "content/media"

// File is one media file of the site folder.
type File struct {
	Path          string // slash path relative to the site folder
	Kind          Kind
	Size          int64
	Sum           [sha256.Size]byte
	Width, Height int    // an image's size in CSS pixels
	Data          []byte // nil when it was not read (Problem says why)
	// Problem, when not nil, is why the file cannot be published.
	Problem *Problem
}

// Problem is what is wrong with a media file: at Line:Col of the file
// when they are not 0.
type Problem struct {
	Line, Col int
	Msg, Hint string
}

// Where is the file's path, with the problem's line and column when
// known.
func (f *File) Where() string {
	if f.Problem != nil && f.Problem.Line > 0 {
		return fmt.Sprintf("%s:%d:%d", f.Path, f.Problem.Line, f.Problem.Col)
	}
	return f.Path
}

// Read makes the File of the file at p (a slash path) with data, whose
// kind KindOf(p) must know: its sum, its size in pixels, and whether it
// can be published.
func Read(p string, data []byte) *File {
	k, _ := KindOf(p)
	f := &File{Path: p, Kind: k, Size: int64(len(data)), Sum: sha256.Sum256(data), Data: data}
	switch k {
	case PNG, JPEG, WebP:
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		switch {
		case err != nil:
			f.Problem = &Problem{Msg: fmt.Sprintf("is not a %s image that can be read (%v)", k, err),
				Hint: "save the image again as " + string(k) + " in an image editor"}
		case !strings.EqualFold(format, string(k)):
			f.Problem = &Problem{Msg: fmt.Sprintf("is a %s image under a %s name", strings.ToUpper(format), k),
				Hint: "rename it with the extension of its kind"}
		case cfg.Width <= 0 || cfg.Height <= 0:
			f.Problem = &Problem{Msg: "has no size", Hint: "save the image again in an image editor"}
		default:
			f.Width, f.Height = cfg.Width, cfg.Height
		}
	case SVG:
		info, pr := ReadSVG(data)
		f.Width, f.Height, f.Problem = info.Width, info.Height, pr
	case PDF:
		if !bytes.HasPrefix(data, []byte("%PDF-")) {
			f.Problem = &Problem{Msg: "is not a PDF file (it does not start with %PDF-)", Hint: "save the document again as PDF"}
		}
	}
	if f.Problem != nil {
		f.Data = nil
	}
	return f
}

// TooBig is the File of a file at p too big to be read (size bytes).
func TooBig(p string, size int64) *File {
	k, _ := KindOf(p)
	return &File{Path: p, Kind: k, Size: size, Problem: &Problem{
		Msg:  fmt.Sprintf("is %s, more than guidemap reads (%s)", FormatSize(size, "en"), FormatSize(MaxRead, "en")),
		Hint: "make it smaller: resize or compress an image, save a PDF for the web",
	}}
}

// Unreadable is the File of a file at p that could not be read.
func Unreadable(p string, why string) *File {
	k, _ := KindOf(p)
	return &File{Path: p, Kind: k, Problem: &Problem{Msg: "cannot be read: " + why,
		Hint: "check that it is a file, not a link to somewhere outside the site folder, and that it can be read"}}
}

// URL is the site-relative URL the file is published under: its name in
// lower case letters, digits and hyphens, a hash of its content, and its
// extension; the same content under the same name is published once.
func (f *File) URL() string {
	ext := strings.ToLower(path.Ext(f.Path))
	if ext == ".jpeg" {
		ext = ".jpg"
	}
	return "/media/" + cleanName(strings.TrimSuffix(path.Base(f.Path), path.Ext(f.Path))) + "." + hex.EncodeToString(f.Sum[:])[:10] + ext
}

// cleanName is name in lower case letters a–z, digits and hyphens: å, ä
// as a, ö as o, other runs of characters as one hyphen.
func cleanName(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch r {
		case 'å', 'ä', 'á', 'à', 'â':
			r = 'a'
		case 'ö', 'ø', 'ó', 'ô':
			r = 'o'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'ü', 'ú':
			r = 'u'
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if s == "" {
		s = "fil"
	}
	if len(s) > 60 {
		s = strings.TrimSuffix(s[:60], "-")
	}
	return s
}

// BigWarning is, for a file that is big for its kind, the size and a
// hint; "" for one that is not.
func (f *File) BigWarning() (msg, hint string) {
	switch {
	case f.Kind == PDF && f.Size > BigPDF:
		return fmt.Sprintf("is %s: a PDF over %s is slow to open on a phone", FormatSize(f.Size, "en"), FormatSize(BigPDF, "en")),
			"save it for the web (reduced size) or split it into smaller documents"
	case f.Kind.Image() && f.Size > BigImage:
		return fmt.Sprintf("is %s: an image over %s makes the page slow on a phone", FormatSize(f.Size, "en"), FormatSize(BigImage, "en")),
			fmt.Sprintf("resize it (it is %d × %d pixels; a page shows at most about 1,600) or compress it, e.g. as WebP or JPEG", f.Width, f.Height)
	}
	return "", ""
}

// FormatSize writes a size in bytes as a person reads it, in the
// language lang ("sv": "120 kB", "1,2 MB"; others: "120 kB", "1.2 MB").
func FormatSize(n int64, lang string) string {
	var s string
	switch {
	case n < 1<<10:
		s = strconv.FormatInt(n, 10) + " B"
	case (n+1<<9)>>10 < 1024:
		s = strconv.FormatInt((n+1<<9)>>10, 10) + " kB"
	default:
		tenths := (n*10 + 1<<19) >> 20
		if tenths >= 100 {
			s = strconv.FormatInt((tenths+5)/10, 10) + " MB"
		} else {
			s = strconv.FormatInt(tenths/10, 10) + "." + strconv.FormatInt(tenths%10, 10) + " MB"
		}
	}
	if lang == "sv" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Candidates are the files a link to dest (the link's path, unescaped,
// without a fragment) in the Markdown file from may mean, in the order
// they are tried:
//
//  1. "/media/x.svg": content/media/x.svg, and nothing else;
//  2. any other relative path, relative to the folder of the Markdown
//     file's slug beside it (content/guides/bygglov/ for
//     content/guides/bygglov.md, and for its translations and easy-to-read
//     version), then to the Markdown file's own folder (so that
//     "../media/x.svg" finds the shared folder), then to content/media/.
//
// A path that would leave content/ has no candidates; nor has any other
// site-absolute path.
func Candidates(from, dest string) []string {
	var out []string
	add := func(p string) {
		if strings.HasPrefix(p, "content/") && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	if strings.HasPrefix(dest, "/") {
		if rest, ok := strings.CutPrefix(path.Clean(dest), "/media/"); ok {
			add(path.Join(Folder, rest))
		}
		return out
	}
	dir := path.Dir(from)
	add(path.Join(dir, SlugOf(from), dest))
	add(path.Join(dir, dest))
	add(path.Join(Folder, dest))
	// path.Join cleans "..": a result outside the folder it was joined to
	// but still under content/ is fine, one outside content/ was dropped.
	return out
}

// SlugOf is the slug of a Markdown file's name: "bygglov" of
// "bygglov.md", "bygglov.en.md" and "bygglov.lattlast.md".
func SlugOf(file string) string {
	name := strings.TrimSuffix(path.Base(file), ".md")
	name = strings.TrimSuffix(name, ".lattlast")
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		if lang := name[i+1:]; len(lang) >= 2 && len(lang) <= 3 && strings.Trim(lang, "abcdefghijklmnopqrstuvwxyz") == "" {
			name = name[:i]
		}
	}
	return name
}

// Library is the media files of a site, by path.
type Library struct {
	byPath map[string]*File
	paths  []string
	digest string
}

// NewLibrary makes the library of files.
func NewLibrary(files []*File) *Library {
	lib := &Library{byPath: make(map[string]*File, len(files))}
	h := sha256.New()
	for _, f := range files {
		lib.byPath[f.Path] = f
		lib.paths = append(lib.paths, f.Path)
	}
	slices.Sort(lib.paths)
	for _, p := range lib.paths {
		f := lib.byPath[p]
		fmt.Fprintf(h, "%s\x00%x\x00%v\x00", p, f.Sum, f.Problem != nil)
	}
	lib.digest = hex.EncodeToString(h.Sum(nil))
	return lib
}

// Get is the file at path p.
func (l *Library) Get(p string) (*File, bool) {
	if l == nil {
		return nil, false
	}
	f, ok := l.byPath[p]
	return f, ok
}

// Paths are the paths of every file, sorted.
func (l *Library) Paths() []string {
	if l == nil {
		return nil
	}
	return l.paths
}

// Digest is a hash of every file's path and content: a rendering of
// Markdown that resolved links to media holds while it is the same.
func (l *Library) Digest() string {
	if l == nil {
		return ""
	}
	return l.digest
}

// Published are the files that can be published, by path, each once
// under its URL (two files of the same name and content are one).
func (l *Library) Published() []*File {
	if l == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []*File
	for _, p := range l.paths {
		f := l.byPath[p]
		if f.Problem != nil || seen[f.URL()] {
			continue
		}
		seen[f.URL()] = true
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b *File) int { return strings.Compare(a.URL(), b.URL()) })
	return out
}
