package markdown

// Links to images and attachments: `![Ritning](ritning.png)`,
// `[Checklista](checklista.pdf)`, `/media/karta.svg`. Which file a link
// means is media.Candidates' rule; the file is published under its
// content-hashed URL (media.File.URL), an image gets its width and height
// and loads lazily, and a link to a file says its kind and size.

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/media"
	"github.com/esamverkan/guidemap/generator/safety"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// isMediaLink tells whether a local destination's path names a media
// file: an image's always (but a site-absolute one outside /media/), a
// link's when it has a file extension other than .md or is under /media/.
func isMediaLink(p string, image bool) bool {
	switch {
	case p == "" || strings.HasSuffix(p, ".md"):
		return false
	case strings.HasPrefix(p, "/"):
		return strings.HasPrefix(p, "/media/")
	case image:
		return true
	}
	return path.Ext(p) != "" && !strings.HasSuffix(p, "/")
}

// mediaPath is how the section's file links to the media file p: by its
// name in the slug folder, by /media/… in the shared folder, else
// relative to the file's folder.
func (st *state) mediaPath(p string) string {
	slugDir := path.Join(st.content, media.SlugOf(st.sec.File)) + "/"
	if rest, ok := strings.CutPrefix(p, slugDir); ok {
		return rest
	}
	if rest, ok := strings.CutPrefix(p, media.Folder+"/"); ok {
		return "/media/" + rest
	}
	return relPath(st.content, p)
}

// mediaLink resolves a link or image to a media file. done is false when
// the destination is not one (link then handles it); ok false when the
// link must be dropped (its text stays).
func (st *state) mediaLink(n ast.Node, dest, src []byte, image bool) (out []byte, ok, done bool) {
	if st.env.Media == nil {
		return nil, false, false
	}
	d := string(util.ResolveEntityNames(util.ResolveNumericReferences(dest)))
	if !safety.LinkURL(d) {
		return nil, false, false
	}
	u, err := url.Parse(d)
	if err != nil || u.Scheme != "" || u.Host != "" || !isMediaLink(u.Path, image) {
		return nil, false, false
	}
	what := diag.Textf("link to")
	if image {
		what = diag.Textf("image")
	}
	pos := st.pos(n, src)
	kind, known := media.KindOf(u.Path)
	if !known {
		ext := path.Ext(u.Path)
		if ext == "" {
			ext = "(none)"
		}
		st.l.Errorf(pos, diag.Textf("guidemap publishes images and files of these kinds: %s; save the document as one of them (a text as PDF), or link a page of the site by its .md file", media.Accepted),
			"%s %q: guidemap does not publish files of the kind %s", what, u.Path, ext)
		return nil, false, true
	}
	cands := media.Candidates(st.sec.File, u.Path)
	if len(cands) == 0 {
		st.l.Errorf(pos, "put the file in the folder of the same name beside this file, or in content/media/",
			"%s %q: the address leads outside the content folder", what, u.Path)
		return nil, false, true
	}
	var f *media.File
	for _, c := range cands {
		if g, found := st.env.Media(c); found {
			f = g
			break
		}
	}
	if f == nil {
		hint := diag.Textf("put %s in %s/ (the folder named as this file, beside it) or in %s/", path.Base(u.Path), path.Join(path.Dir(st.sec.File), media.SlugOf(st.sec.File)), media.Folder)
		if s := diag.Suggest(cands[0], st.env.MediaFiles); s != "" {
			hint = diag.Textf("did you mean %s?", st.mediaPath(s))
		}
		st.l.Errorf(pos, hint, "%s %q: there is no such file (looked for %s)", what, u.Path, strings.Join(cands, ", "))
		return nil, false, true
	}
	if f.Problem != nil {
		st.l.Errorf(pos, f.Problem.Hint, "%s %q: %s %s", what, u.Path, f.Where(), f.Problem.Msg)
		return nil, false, true
	}
	if image && !kind.Image() {
		st.l.Errorf(pos, diag.Textf("link to it instead: [%s](%s)", strings.TrimSuffix(path.Base(u.Path), path.Ext(u.Path)), u.Path),
			"image %q: a %s cannot be shown as an image", u.Path, kind)
		return nil, false, true
	}
	if msg, hint := f.BigWarning(); msg != "" {
		st.l.Warnf(pos, hint, "%s %q: %s %s", what, u.Path, f.Path, msg)
	}
	out = []byte(destination(st.env.BasePath, f.URL(), u.Fragment))
	if image {
		img := n.(*ast.Image)
		img.SetAttributeString("width", []byte(strconv.Itoa(f.Width)))
		img.SetAttributeString("height", []byte(strconv.Itoa(f.Height)))
		img.SetAttributeString("loading", []byte("lazy"))
		img.SetAttributeString("decoding", []byte("async"))
		return out, true, true
	}
	// A link to a file says what it leads to, as Swedish public sites do:
	// "Checklista för bygglov (PDF, 120 kB)".
	lang := st.env.Lang
	if lang == "" {
		lang = "sv"
	}
	n.AppendChild(n, ast.NewString([]byte(" ("+string(kind)+", "+media.FormatSize(f.Size, lang)+")")))
	return out, true, true
}
