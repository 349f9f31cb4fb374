package markdown

import (
	"bytes"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/media"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/safety"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Renderer. The zero value is the safe default.
type Options struct {
	// RawHTML lets HTML written in Markdown through. Off by default: it is
	// then left out with a warning.
	RawHTML bool
	// HeadingClasses are the classes a heading may be given with the
	// attribute syntax ("## Rubrik {.class}"): the theme's list
	// (ReadHeadingClasses). Any other class is left out with a warning.
	HeadingClasses []string
}

// Renderer turns Markdown sections into HTML. It is safe for concurrent use.
type Renderer struct {
	md   goldmark.Markdown
	easy goldmark.Markdown // md with hard line breaks, for easy-to-read texts
	raw  bool
	// classes are Options.HeadingClasses.
	classes []string
}

// New returns a Renderer with CommonMark, GFM (tables, task lists,
// strikethrough, autolinks), Swedish heading IDs and link checking.
func New(opt Options) *Renderer {
	ropts := []goldmark.Option{
		// GFM, with table cells aligned by class: the CSP forbids the
		// style attributes goldmark writes by default.
		goldmark.WithExtensions(extension.Linkify, extension.Strikethrough, extension.TaskList,
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(tableRenderer{}, 100))),
		goldmark.WithParserOptions(
			parser.WithAttribute(),
			// attrFilter first (a lower number runs earlier): the
			// headings' IDs are read by linkTransformer.
			parser.WithASTTransformers(util.Prioritized(attrFilter{}, 50), util.Prioritized(linkTransformer{}, 100)),
		),
	}
	if opt.RawHTML {
		ropts = append(ropts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	// An easy-to-read text keeps its lines: its writers break lines where
	// a reader pauses, as easy-to-read Swedish is set.
	easy := append(slices.Clone(ropts), goldmark.WithRendererOptions(html.WithHardWraps()))
	return &Renderer{md: goldmark.New(ropts...), easy: goldmark.New(easy...), raw: opt.RawHTML, classes: slices.Clone(opt.HeadingClasses)}
}

// Env is what a rendering needs to know of the site.
type Env struct {
	// Resolve maps a content file (a slash path such as
	// "content/guides/bygglov.md") to the site-relative URL of its page in
	// the context of the page being rendered.
	Resolve func(file string) (url string, ok bool)
	// Files are the content files links may point to, for suggestions.
	Files []string
	// Easy holds the text to the rules of easy-to-read Swedish (lättläst):
	// the lint's sentences are shorter (MaxEasySentenceWords), and each
	// line of the text is a line on the page.
	Easy bool
	// BasePath is the path of the site's base URL ("/" or "/org/site/");
	// it is put in front of every site-relative link.
	BasePath string
	// Defer, when set, is asked about every link to a content file that
	// Resolve resolved: a non-empty answer (letters and digits, which
	// goldmark writes as they are) is written as the link's whole
	// destination in place of the page's URL, for the caller to replace
	// in the HTML by what Href makes of the URL it chooses later. One
	// rendering then serves pages whose links lead to different pages.
	Defer func(file, fragment string) string
	// Media finds a media file (an image or attachment) by its path
	// relative to the site folder; nil leaves links to files as written.
	// MediaFiles are the media files' paths, for suggestions.
	Media      func(path string) (*media.File, bool)
	MediaFiles []string
	// Lang is the language of the page ("sv" when empty), in which the
	// kind and size of a linked file are written.
	Lang string
}

// Link is an internal link found while rendering, to be checked once every
// page is known.
type Link struct {
	Pos     diag.Pos
	Written string // the destination as written
	URL     string // site-relative page URL; "" for a link within the page
	Anchor  string // without "#"; may be empty
	File    string // the content file it links to, for a link to a .md file
}

// Result is a rendered body.
type Result struct {
	HTML     string
	Headings []model.Heading
	Links    []Link
}

type state struct {
	ids         *ids
	lastHeading string // the text of the heading above, for table captions
	env         Env
	l           *diag.List
	sec         model.Section
	raw         bool
	links       []Link
	heads       []model.Heading
	content     string   // the folder of the section's file
	classes     []string // the classes a heading may have (Options.HeadingClasses)
}

var stateKey = parser.NewContextKey()

// Render renders the sections as one page: heading IDs are unique across
// all of them, positions in diagnostics point into each section's own file.
func (r *Renderer) Render(sections []model.Section, env Env, l *diag.List) Result {
	if env.BasePath == "" {
		env.BasePath = "/"
	}
	ids := newIDs()
	refs := r.references(sections)
	var buf bytes.Buffer
	var res Result
	for _, sec := range sections {
		st := &state{env: env, l: l, sec: sec, raw: r.raw, content: path.Dir(sec.File), ids: ids, classes: r.classes}
		pc := parser.NewContext()
		for _, ref := range refs {
			pc.AddReference(ref)
		}
		pc.Set(stateKey, st)
		doc := r.md.Parser().Parse(text.NewReader(sec.Source), parser.WithContext(pc))
		md := r.md
		if env.Easy {
			md = r.easy
		}
		if err := md.Renderer().Render(&buf, sec.Source, doc); err != nil {
			l.Errorf(diag.At(sec.File, sec.Line, 1), "", "cannot render Markdown: %v", err)
		}
		res.Links = append(res.Links, st.links...)
		res.Headings = append(res.Headings, st.heads...)
	}
	res.HTML = buf.String()
	return res
}

// references are the link reference definitions ("[1]: https://…") of all
// the sections, so that a reference link works across "##" sections, which
// are parsed one by one. Only sections that may hold one are parsed twice.
func (r *Renderer) references(sections []model.Section) []parser.Reference {
	var refs []parser.Reference
	for _, sec := range sections {
		if !bytes.Contains(sec.Source, []byte("]:")) {
			continue
		}
		pc := parser.NewContext()
		r.md.Parser().Parse(text.NewReader(sec.Source), parser.WithContext(pc))
		refs = append(refs, pc.References()...)
	}
	return refs
}

// linkTransformer checks and rewrites links, drops dangerous ones, notes
// raw HTML and collects headings. It runs once per section.
type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return
	}
	src := reader.Source()
	var remove []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if isComment(n, src) {
			// An author's note, such as the guidance `guidemap new`
			// writes: never published, whatever raw_html says.
			remove = append(remove, n)
			return ast.WalkSkipChildren, nil
		}
		switch t := n.(type) {
		case *ast.Heading:
			st.heading(t, src)
			st.lintHeading(t, src)
			st.lintEmptySection(t, src)
		case *ast.Paragraph, *ast.TextBlock, *east.TableCell:
			words := strings.Fields(plainTextSkipCode(n, src))
			st.lintText(n, src, words)
			st.lintPlaceholder(n, src, words)
			st.lintCounts(n, src)
		case *east.Table:
			st.table(t, src)
		case *ast.Link:
			st.lintLink(t, src)
			if d, ok, done := st.mediaLink(t, t.Destination, src, false); done {
				if ok {
					t.Destination = d
				} else {
					remove = append(remove, t)
				}
			} else if d, ok := st.link(t, t.Destination, src); ok {
				t.Destination = d
			} else {
				remove = append(remove, t)
			}
		case *ast.Image:
			st.lintImage(t, src)
			if d, ok, done := st.mediaLink(t, t.Destination, src, true); done {
				if ok {
					t.Destination = d
				} else {
					remove = append(remove, t)
				}
			} else if d, ok := st.link(t, t.Destination, src); ok {
				t.Destination = d
			} else {
				remove = append(remove, t)
			}
		case *ast.AutoLink:
			if t.AutoLinkType == ast.AutoLinkURL {
				st.lintLink(t, src)
			}
			if !safety.LinkURL(string(t.URL(src))) {
				st.l.Warnf(st.pos(t, src), "write a link to an http, https, mailto or tel address",
					"link to %q removed: only http, https, mailto and tel links are allowed", string(t.URL(src)))
				remove = append(remove, t)
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			// One warning per element: a closing tag repeats its opening tag's.
			if raw, ok := t.(*ast.RawHTML); ok && raw.Segments.Len() > 0 {
				if seg := raw.Segments.At(0); bytes.HasPrefix(seg.Value(src), []byte("</")) {
					break
				}
			}
			if !st.raw {
				st.l.Warnf(st.pos(t, src), "write it in Markdown, or set raw_html = true in site.toml",
					"HTML in Markdown is left out")
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range remove {
		if isComment(n, src) {
			n.Parent().RemoveChild(n.Parent(), n)
			continue
		}
		unwrap(n, src)
	}
}

// isComment reports whether n is an HTML comment, a block (<!-- … -->
// on lines of its own) or inline.
func isComment(n ast.Node, src []byte) bool {
	switch t := n.(type) {
	case *ast.HTMLBlock:
		return t.HTMLBlockType == ast.HTMLBlockType2
	case *ast.RawHTML:
		if t.Segments.Len() == 0 {
			return false
		}
		seg := t.Segments.At(0)
		return bytes.HasPrefix(seg.Value(src), []byte("<!--"))
	}
	return false
}

// unwrap replaces a link or image by its text.
func unwrap(n ast.Node, src []byte) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	if img, ok := n.(*ast.Image); ok {
		parent.ReplaceChild(parent, n, ast.NewString([]byte(plainText(img, src))))
		return
	}
	if al, ok := n.(*ast.AutoLink); ok {
		parent.ReplaceChild(parent, n, ast.NewString(al.Label(src)))
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// link checks and rewrites one destination. It returns false when the link
// must be dropped.
func (st *state) link(n ast.Node, dest []byte, src []byte) ([]byte, bool) {
	// What the HTML renderer writes, and so what the browser reads: the
	// destination with its character references resolved.
	d := string(util.ResolveEntityNames(util.ResolveNumericReferences(dest)))
	if !safety.LinkURL(d) {
		st.l.Warnf(st.pos(n, src), "write a link to an http, https, mailto or tel address",
			"link to %q removed: only http, https, mailto and tel links are allowed", string(dest))
		return nil, false
	}
	u, err := url.Parse(d)
	if err != nil {
		st.l.Errorf(st.pos(n, src), "check the address for spaces or stray characters", "link %q is not a valid address", d)
		return dest, true
	}
	if u.Scheme != "" || u.Host != "" {
		return dest, true
	}
	dest = []byte(d)
	pos := st.pos(n, src)
	switch {
	case u.Path == "" && u.Fragment != "":
		st.links = append(st.links, Link{Pos: pos, Written: d, Anchor: u.Fragment})
		return dest, true
	case strings.HasSuffix(u.Path, ".md"):
		target := path.Join(st.content, u.Path)
		if strings.HasPrefix(u.Path, "/") {
			target = strings.TrimPrefix(path.Clean(u.Path), "/")
		}
		page, ok := "", false
		if st.env.Resolve != nil {
			page, ok = st.env.Resolve(target)
		}
		if !ok {
			hint := "link to the .md file of a guide, e-service, page or municipality, relative to this file"
			if s := diag.Suggest(target, st.env.Files); s != "" {
				hint = diag.Textf("did you mean %s?", relPath(st.content, s))
			}
			st.l.Errorf(pos, hint, "link to %q: there is no such content file", u.Path)
			return dest, true
		}
		st.links = append(st.links, Link{Pos: pos, Written: d, URL: page, Anchor: u.Fragment, File: target})
		if st.env.Defer != nil {
			if p := st.env.Defer(target, u.Fragment); p != "" {
				return []byte(p), true
			}
		}
		return []byte(destination(st.env.BasePath, page, u.Fragment)), true
	case strings.HasPrefix(u.Path, "/"):
		st.links = append(st.links, Link{Pos: pos, Written: d, URL: u.Path, Anchor: u.Fragment})
		out := st.env.BasePath + strings.TrimPrefix(d, "/")
		return []byte(out), true
	}
	return dest, true
}

// destination is the destination written for a link to the page at the
// site-relative url with the anchor fragment.
func destination(basePath, url, fragment string) string {
	out := basePath + strings.TrimPrefix(url, "/")
	if fragment != "" {
		out += "#" + fragment
	}
	return out
}

// Href is the text that Render writes between the quotes of the href (or
// src) of a link to the page at the site-relative url with the anchor
// fragment, basePath as in Env: what replaces the placeholder that
// Env.Defer gave for it.
func (r *Renderer) Href(basePath, url, fragment string) string {
	if basePath == "" {
		basePath = "/"
	}
	// As goldmark's HTML renderer writes a link's or an image's destination.
	dest := util.URLEscape([]byte(destination(basePath, url, fragment)), true)
	if !r.raw && html.IsDangerousURL(dest) {
		return ""
	}
	return string(util.EscapeHTML(dest))
}

// relPath is target relative to the folder dir, both slash paths.
func relPath(dir, target string) string {
	dparts := strings.Split(dir, "/")
	tparts := strings.Split(target, "/")
	i := 0
	for i < len(dparts) && i < len(tparts)-1 && dparts[i] == tparts[i] {
		i++
	}
	return strings.Repeat("../", len(dparts)-i) + strings.Join(tparts[i:], "/")
}

// pos is the position of node n in the section's file. The byte offset
// comes from goldmark, which records where each node starts (start); it
// becomes a line and column here and nowhere else.
func (st *state) pos(n ast.Node, src []byte) diag.Pos {
	off := start(n)
	if off < 0 || off > len(src) {
		return diag.At(st.sec.File, st.sec.Line, 1)
	}
	line, col := diag.LineCol(src, off)
	return diag.At(st.sec.File, st.sec.Line+line-1, col)
}

// start is the byte offset in the section's source where n starts, as
// goldmark's parser recorded it: for a block with lines of text (a
// paragraph, a heading, a table cell) where its text starts, since the
// lint speaks of the text; for any other node its Node.Pos (the "[" of a
// link, the "!" of an image, the "<" of an autolink or raw HTML, the first
// byte of a table's header row); else where the nearest node around it
// starts. It is -1 if none is known.
func start(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
		off := n.Pos()
		// Linkify counts the space or mark before a bare address (" ",
		// "*", "_", "~", "(") as the link's start; goldmark puts that
		// character in the text before the link.
		if _, ok := n.(*ast.AutoLink); ok {
			if prev, ok := n.PreviousSibling().(*ast.Text); ok && off >= 0 && prev.Segment.Stop > off {
				off = prev.Segment.Stop
			}
		}
		if off >= 0 {
			return off
		}
	}
	return -1
}
