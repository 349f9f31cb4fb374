package render

// The site's figures in a free page's text: {{< count NAME >}} in the
// Markdown of content/pages/<slug>.md becomes the number, counted from the
// model when the page is rendered (the names: markdown.Counts, which the
// markdown stage checks). The rendered body keeps the marker as goldmark
// escaped it, so a body rendered once stays right however the figures
// change; the page's View holds the figures, so its fingerprint changes
// with them. A marker inside <code> is left as it is: a page may show the
// syntax.

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/esamverkan/guidemap/generator/model"
)

// figureRE matches a figure as it stands in rendered HTML.
var figureRE = regexp.MustCompile(`\{\{&lt;\s*count\s+([a-z.]+)\s*(?:&gt;|>)\}\}`)

// figures counts what markdown.Counts names.
func (r *renderer) figures() map[string]int {
	s := r.site
	common := 0
	for _, e := range s.EServices {
		if e.Owner == model.Common {
			common++
		}
	}
	return map[string]int{
		"municipalities": len(s.Municipalities), "guides": len(s.Guides), "eservices": len(s.EServices),
		"eservices.common": common, "eservices.municipal": len(s.EServices) - common, "places": len(s.Points),
	}
}

// fillFigures writes the figures into html, outside <code>.
func fillFigures(html, lang string, figures map[string]int) string {
	if !strings.Contains(html, "{{&lt;") {
		return html
	}
	var b strings.Builder
	for html != "" {
		i := strings.Index(html, "<code")
		text, rest := html, ""
		if i >= 0 {
			end := strings.Index(html[i:], "</code>")
			if end < 0 {
				end = len(html) - i
			} else {
				end += len("</code>")
			}
			text, rest = html[:i], html[i+end:]
			b.WriteString(figureRE.ReplaceAllStringFunc(text, func(m string) string { return figure(m, lang, figures) }))
			b.WriteString(html[i : i+end])
			html = rest
			continue
		}
		b.WriteString(figureRE.ReplaceAllStringFunc(text, func(m string) string { return figure(m, lang, figures) }))
		html = rest
	}
	return b.String()
}

// figure is the number a marker stands for, grouped by thousands with a
// no-break space from 10 000 (Swedish style); an unknown name (which the
// markdown stage reported) stays as it is.
func figure(marker, lang string, figures map[string]int) string {
	name := figureRE.FindStringSubmatch(marker)[1]
	n, ok := figures[name]
	if !ok {
		return marker
	}
	s := strconv.Itoa(n)
	if n < 10000 {
		return s
	}
	sep := "\u00a0"
	if lang == "en" {
		sep = ","
	}
	var out []string
	for len(s) > 3 {
		out = append([]string{s[len(s)-3:]}, out...)
		s = s[:len(s)-3]
	}
	return strings.Join(append([]string{s}, out...), sep)
}
