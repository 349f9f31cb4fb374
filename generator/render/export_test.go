package render

import (
	"html/template"

	"github.com/tdewolff/minify/v2"
)

// MinifyWhole makes rd render as it did before layouts were minified as
// templates: the layouts as written, every page minified whole.
func MinifyWhole(rd *Renderer) {
	rd.tmpls = map[string]map[string]*template.Template{}
	for lang, src := range rd.src {
		rd.tmpls[lang] = src()
	}
	rd.whole = map[string]bool{"sv": true, "en": true}
}

// Minifier is the minifier of every kind of output file.
func Minifier() *minify.M { return newMinifier() }

// OwnChrome makes rd render the header and footer on every page.
func OwnChrome(rd *Renderer) {
	for _, c := range rd.r.chrome {
		c.shared = false
	}
}

// NoReuse makes rd render the partials that templates reuse (the
// template function "reuse") on every page.
func NoReuse(rd *Renderer) {
	for _, c := range rd.r.chrome {
		c.every = true
	}
}
