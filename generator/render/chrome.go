package render

// The chrome: the header and the footer that every page has. With the
// default theme's layouts they depend on the page only through its
// language, its section and, for the pages the navigation links to, its
// URL (aria-current); so they are rendered once for each of those and
// reused (the "chrome" template function). A site's own layouts may read
// anything in them, so for those they are rendered on every page.

import (
	"bytes"
	"html/template"
	"slices"
	"sync"

	"github.com/esamverkan/guidemap/generator/model"
)

// chrome renders the partials of one language's header and footer.
type chrome struct {
	r      *renderer
	set    *template.Template // a template set holding the partials; set after parsing
	shared bool               // reuse what was rendered (the default theme's layouts)
	done   sync.Map           // chromeKey → template.HTML
	reused sync.Map           // chromeKey{name, "", key} → template.HTML (reuse)
	every  bool               // reuse renders on every call (tests compare the two)
}

type chromeKey struct {
	name, section, url string
}

// reuse renders the partial name with data once for each key in the
// language: for a part that many pages show alike, such as the guides
// and e-services that every place of a category in a municipality
// lists ("reuse" in the templates). The key must name everything the
// partial reads of data; a build's renderer keeps what it rendered
// until the build ends (the model does not change within it).
func (c *chrome) reuse(name, key string, data any) (template.HTML, error) {
	k := chromeKey{name: name, url: key}
	if h, ok := c.reused.Load(k); ok && !c.every {
		return h.(template.HTML), nil
	}
	var b bytes.Buffer
	if err := c.set.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String()) // the partial's output, escaped by html/template as it ran
	c.reused.Store(k, h)
	return h, nil
}

// render is the partial name for the page v.
func (c *chrome) render(name string, v *View) (template.HTML, error) {
	var k chromeKey
	if c.shared {
		k = chromeKey{name, v.Section, c.r.navURL(v.URL)}
		if h, ok := c.done.Load(k); ok {
			return h.(template.HTML), nil
		}
	}
	var b bytes.Buffer
	if err := c.set.ExecuteTemplate(&b, name, v); err != nil {
		return "", err
	}
	h := template.HTML(b.String()) // the partial's output, escaped by html/template as it ran
	if c.shared {
		c.done.Store(k, h)
	}
	return h, nil
}

// navURL is u when the header may mark it (the home page, the sections
// and the site's pages, which the navigation links to), else "".
func (r *renderer) navURL(u string) string {
	if slices.Contains([]string{model.HomeURL(), model.GuidesURL(), model.EServicesURL(), "/kommuner/", "/karta/", model.BusinessURL("")}, u) {
		return u
	}
	for _, p := range r.site.Pages {
		if u == model.PageURL(p.Slug) {
			return u
		}
	}
	return ""
}
