package render

import (
	"cmp"
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/esamverkan/guidemap/generator/model"
)

var months = map[string][]string{
	"sv": {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// funcs are the template functions for one language.
func (r *renderer) funcs(lang string) template.FuncMap {
	str := func(key string) string { return r.strIn(lang, key) }
	return template.FuncMap{
		// url makes a site-relative URL a path under the base URL.
		// In another language than Swedish, it leads to the page in that
		// language when there is one.
		"url": func(p string) string { return r.opt.BasePath + strings.TrimPrefix(r.localURL(lang, p), "/") },
		// href is url without the language: the page in Swedish.
		"href": func(p string) string { return r.opt.BasePath + strings.TrimPrefix(p, "/") },
		// langs are the site's other languages that have pages.
		"langs": r.langHomes,
		// self is a language's name in itself, for a link to a page in it.
		"self": func(code string) string {
			if s, ok := r.opt.Strings[code]["lang.self"]; ok {
				return s
			}
			if lg, ok := r.site.Config.Language[code]; ok && lg.Name != "" {
				return lg.Name
			}
			return code
		},
		// dir is "rtl" for a language written from right to left, else "".
		"dir": func(code string) string {
			if r.site.Config.Language[code].Dir == "rtl" {
				return "rtl"
			}
			return ""
		},
		// abs makes a site-relative URL absolute.
		"abs": func(p string) string { return r.abs(p) },
		"t":   str,
		// siteTitle is the site's title in the language (site.toml's
		// [language.<code>] title), else its title.
		"siteTitle": func() string { return cmp.Or(r.site.Config.Language[lang].Title, r.site.Config.Title) },
		// chrome renders the header or the footer (chrome.go).
		"chrome": func(name string, v *View) (template.HTML, error) { return r.chrome[lang].render(name, v) },
		// reuse renders a partial once for each key (chrome.go).
		"reuse": func(name, key string, data any) (template.HTML, error) { return r.chrome[lang].reuse(name, key, data) },
		// tIn is a UI string in another language, for text marked with its lang.
		"tIn": func(code, key string) string { return r.strIn(code, key) },
		// tOwn is a UI string of that language only ("" when it has none).
		"tOwn": func(code, key string) string { return r.opt.Strings[code][key] },
		"tf": func(key string, args ...any) string {
			return fmt.Sprintf(str(key), args...)
		},
		"css": func() string { return r.opt.BasePath + strings.TrimPrefix(r.assets.CSS, "/") },
		"js": func(name string) string {
			if u, ok := r.assets.JS[name]; ok {
				return r.opt.BasePath + strings.TrimPrefix(u, "/")
			}
			return ""
		},
		"cat": func(slug string) string {
			if c, ok := r.site.Config.Category(slug); ok {
				return categoryName(lang, c)
			}
			return ""
		},
		"catName": func(c model.Category) string { return categoryName(lang, c) },
		// pcat is a kind of service point's name.
		"pcat": func(c model.PointCategory) string { return pointCategoryName(lang, c) },
		"term": func(kind, value string) string { return str(kind + "." + value) },
		"terms": func(kind string, values []string) string {
			out := make([]string, len(values))
			for i, v := range values {
				out[i] = str(kind + "." + v)
			}
			return joinAnd(out, str("and"))
		},
		"date": func(s string) string {
			t, err := time.Parse("2006-01-02", s)
			if err != nil {
				return s
			}
			if lang == "en" {
				return fmt.Sprintf("%d %s %d", t.Day(), months["en"][t.Month()-1], t.Year())
			}
			return fmt.Sprintf("%d %s %d", t.Day(), months["sv"][t.Month()-1], t.Year())
		},
		"owner": func(slug string) string {
			if slug == model.Common || slug == "" {
				return r.site.Config.Collaboration.Name
			}
			if m := r.site.Municipality(slug); m != nil {
				return m.Name
			}
			return slug
		},
		"muni":       func(slug string) *model.Municipality { return r.site.Municipality(slug) },
		"offerOf":    func(m, slug string) *model.Offer { return r.ix.offer[m+"/"+slug] },
		"versionURL": func(m, slug string) string { return model.VersionURL(m, slug) },
		"guideURL":   model.GuideURL,
		"easyURL":    model.EasyURL,
		"muniURL":    model.MunicipalityURL,
		"esURL":      model.EServiceURL,
		"offerURL":   model.OfferURL,
		"pageURL":    model.PageURL,
		"a11yURL":    model.AccessibilityURL,
		"pointURL":   model.PointURL,
		"mapURL":     model.MapURL,
		"lifeURL":    model.LifeEventURL,
		"tel":        telURL,
		"kind": func(k model.OfferKind) string {
			return str([]string{"offer.owns", "offer.common", "offer.adopts", "offer.adapts"}[k])
		},
		"isCommon": func(slug string) bool { return slug == model.Common },
		"join":     func(s []string) string { return joinAnd(s, str("and")) },
		"add":      func(a, b int) int { return a + b },
		"navItem": func(p *View, url, section, name string) navItem {
			return navItem{Page: p, URL: url, Section: section, Name: name}
		},
		// businessPage is the region's entry page for businesses, or ""
		// when it lists nothing (fingerprints hash which: global).
		"businessPage": func() string { return r.businessURL("") },
	}
}

// abs makes a site-relative URL absolute under the base URL.
func (r *renderer) abs(p string) string { return absURL(r.site.Config.BaseURL, p) }

// absURL makes a site-relative URL absolute under base.
func absURL(base, p string) string {
	return strings.TrimSuffix(base, "/") + "/" + strings.TrimPrefix(p, "/")
}

// joinAnd joins "a, b och c".
func joinAnd(s []string, and string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " " + and + " " + s[len(s)-1]
}

// telURL turns a Swedish phone number as people write it ("060-19 10 00")
// into a tel: URL with the country code (tel:+4660191000).
func telURL(phone string) template.URL {
	var b strings.Builder
	for _, r := range phone {
		if r >= '0' && r <= '9' || r == '+' && b.Len() == 0 {
			b.WriteRune(r)
		}
	}
	n := b.String()
	if strings.HasPrefix(n, "0") && !strings.HasPrefix(n, "00") {
		n = "+46" + n[1:]
	}
	return template.URL("tel:" + n)
}

// navItem is an item of the main navigation.
type navItem struct {
	Page               *View
	URL, Section, Name string
}
