package render

// Minifying. Every output file is minified, but a page is not minified
// whole after its layout ran: the layouts are minified once, as templates,
// when they are parsed (the HTML minifier knows Go's {{ }} actions), the
// maps once when drawn and the Markdown bodies once when shown. Minifying
// what a page is made of gives what minifying the page gives
// (TestMinifiedPartsMakeMinifiedPages), at a fraction of the cost: the
// parts are minified once each, not once per page they stand on.

import (
	"bytes"
	"io"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// htmlOptions keep the document and end tags and attribute quotes:
// smaller still, and the pages stay easy to read and check.
var htmlOptions = html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true}

// newMinifier returns the minifier for every kind of output file.
func newMinifier() *minify.M {
	m := minify.New()
	h := htmlOptions
	m.Add("text/html", &h)
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("application/ld+json", json.Minify)
	m.AddFunc("application/xml", xml.Minify)
	return m
}

// templateMinifier minifies layouts as Go templates. A script, style,
// JSON-LD or SVG element of a layout is minified as such unless it holds
// an action, which only the page shows filled in: it is left as it is.
// What cannot be minified (say, JSON-LD with a syntax error) fails, and
// the pages are then minified whole, which names the problem.
var templateMinifier = func() *minify.M {
	m := minify.New()
	h := htmlOptions
	h.TemplateDelims = html.GoTemplateDelims
	m.Add("text/html", &h)
	for mime, f := range map[string]minify.MinifierFunc{
		"text/css": css.Minify, "application/javascript": js.Minify, "image/svg+xml": svg.Minify,
		"application/json": json.Minify, "application/ld+json": json.Minify,
	} {
		m.AddFunc(mime, unlessActions(f))
	}
	return m
}()

// unlessActions minifies with f what holds no template action, and copies
// the rest.
func unlessActions(f minify.MinifierFunc) minify.MinifierFunc {
	return func(m *minify.M, w io.Writer, r io.Reader, params map[string]string) error {
		b, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte(html.GoTemplateDelims[0])) {
			_, err = w.Write(b)
			return err
		}
		return f(m, w, bytes.NewReader(b), params)
	}
}

// minifyTemplate minifies the source of a layout or partial; ok is false
// when the minifier cannot read it (the source is then used as it is, and
// the pages it makes are minified whole).
func minifyTemplate(src []byte) (out []byte, ok bool) {
	out, err := templateMinifier.Bytes("text/html", src)
	if err != nil {
		return src, false
	}
	out = spaceAfterAction.ReplaceAll(out, []byte("}}$1"))
	out = spaceBeforeAction.ReplaceAll(out, []byte("$1{{"))
	out = spaceBetweenTags.ReplaceAll(out, []byte("$1$2"))
	return out, true
}

// The minifier keeps white space next to an action, which may write text
// that needs it. Next to the tag of a block (or of the head), white space
// shows nowhere: these take it away.
var (
	blockTag          = `</?(?:html|head|body|title|meta|link|script|style|noscript|header|footer|main|nav|section|article|aside|div|p|ul|ol|li|dl|dt|dd|h[1-6]|table|caption|thead|tbody|tfoot|tr|th|td|figure|figcaption|form|fieldset|legend|details|summary|blockquote|hr|svg|g|path|circle|rect|text|desc|defs|use)\b`
	spaceAfterAction  = regexp.MustCompile(`\}\}[ \t]*\n\s*(` + blockTag + `)`)
	spaceBeforeAction = regexp.MustCompile(`(` + blockTag + `[^<>]*>)[ \t]*\n\s*\{\{`)
	spaceBetweenTags  = regexp.MustCompile(`(` + blockTag + `[^<>]*>)[ \t]*\n\s*(` + blockTag + `)`)
)

// fragmentMinifier minifies the parts of pages (rendered Markdown, drawn
// maps) as the HTML minifier minifies them in a page, the assets, and the
// pages whose layouts could not be minified.
var fragmentMinifier = newMinifier()

// MinifyHTML minifies a fragment of HTML that stands where a block may
// (a rendered Markdown body); it returns s as it is when it cannot.
func MinifyHTML(s string) string {
	out, err := fragmentMinifier.String("text/html", s)
	if err != nil {
		return s
	}
	return out
}

// minifySVG minifies an SVG element that stands in a page (a drawn map,
// a legend's symbol); it returns b as it is when it cannot.
func minifySVG(b []byte) []byte {
	out, err := fragmentMinifier.Bytes("text/html", b)
	if err != nil {
		return b
	}
	return out
}

// minifySVGFile minifies a standalone SVG image; it returns b as it is
// when it cannot.
func minifySVGFile(b []byte) []byte {
	out, err := fragmentMinifier.Bytes("image/svg+xml", b)
	if err != nil {
		return b
	}
	return out
}

// unescapePlus writes the plus signs that html/template escapes in text
// and attribute values (as in tel:&#43;4660…) as themselves, as the
// minifier of whole pages did: the same character to a browser, and
// shorter. Nowhere else does html/template write the reference (in
// scripts and style sheets it escapes otherwise), and a reference that an
// author wrote in text reaches the page as &amp;#43;. It returns a new
// slice, never b.
func unescapePlus(b []byte) []byte {
	if !bytes.Contains(b, plusRef) {
		return bytes.Clone(b)
	}
	return bytes.ReplaceAll(b, plusRef, []byte("+"))
}

var plusRef = []byte("&#43;")
