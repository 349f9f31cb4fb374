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
}

type chromeKey struct {
	name, section, url string
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
