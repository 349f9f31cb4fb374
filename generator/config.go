package generator

import (
	"errors"
	"net/url"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
)

// siteFile is content/site.toml.
type siteFile struct {
	Title       string   `toml:"title"`
	Description string   `toml:"description"`
	BaseURL     string   `toml:"base_url"`
	Languages   []string `toml:"languages"`
	RawHTML     bool     `toml:"raw_html"`
	Theme       string   `toml:"theme"`
	Contact     struct {
		Name  string `toml:"name"`
		Phone string `toml:"phone"`
		Email string `toml:"email"`
		URL   string `toml:"url"`
	} `toml:"contact"`
	Collaboration struct {
		Name          string `toml:"name"`
		Founded       int    `toml:"founded"`
		CommonGoal    int    `toml:"common_goal"`
		MunicipalGoal int    `toml:"municipal_goal"`
		Summary       string `toml:"summary"`
	} `toml:"collaboration"`
	Categories []struct {
		Slug string `toml:"slug"`
		SV   string `toml:"sv"`
		EN   string `toml:"en"`
	} `toml:"categories"`
}

// siteKeys are the keys site.toml accepts, for "did you mean" hints.
var siteKeys = []string{"title", "description", "base_url", "languages", "raw_html", "theme",
	"contact", "contact.name", "contact.email", "contact.phone", "contact.url",
	"collaboration", "collaboration.name", "collaboration.founded", "collaboration.common_goal",
	"collaboration.municipal_goal", "collaboration.summary",
	"categories", "categories.slug", "categories.sv", "categories.en"}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

const siteTOML = "content/site.toml"

// loadConfig decodes site.toml. baseURL, when not empty, replaces the
// file's base_url (the --base-url flag).
func loadConfig(src []byte, baseURL string, l *diag.List) (model.Config, string) {
	var f siteFile
	md, err := toml.Decode(string(src), &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			l.Errorf(diag.At(siteTOML, pe.Position.Line, max(pe.Position.Col, 1)), pe.Usage, "site.toml is not valid TOML: %s", pe.Message)
		} else {
			msg := err.Error()
			if strings.HasPrefix(msg, "toml: ") {
				msg = strings.TrimPrefix(msg, "toml: ")
			}
			l.Errorf(diag.At(siteTOML, 1, 1), "check the types of the values: text in quotes, numbers without", "site.toml: %s", msg)
		}
		return model.Config{}, ""
	}
	for _, k := range md.Undecoded() {
		full := k.String()
		line, col := findKey(src, k[len(k)-1])
		l.Errorf(diag.At(siteTOML, line, col), diag.DidYouMean(full, siteKeys), "unknown key %q in site.toml", full)
	}
	c := model.Config{
		Title: f.Title, Description: f.Description, Languages: f.Languages, RawHTML: f.RawHTML, Theme: f.Theme,
		Contact: model.Contact(f.Contact),
		Collaboration: model.Collaboration{
			Name: f.Collaboration.Name, Founded: f.Collaboration.Founded,
			CommonGoal: f.Collaboration.CommonGoal, MunicipalGoal: f.Collaboration.MunicipalGoal,
			Summary: f.Collaboration.Summary,
		},
	}
	if c.Title == "" {
		l.Errorf(diag.At(siteTOML, 1, 1), `add a line such as title = "eSamverkan Västernorrland"`, "site.toml has no title")
	}
	if c.Theme != "" && !slugRE.MatchString(c.Theme) {
		line, col := findKey(src, "theme")
		l.Errorf(diag.At(siteTOML, line, col), "name a folder in themes/ with lower-case letters, digits and hyphens", "theme %q is not a valid name", c.Theme)
		c.Theme = ""
	}
	if len(c.Languages) == 0 {
		c.Languages = []string{"sv"}
	}
	if c.Languages[0] != "sv" {
		line, col := findKey(src, "languages")
		l.Errorf(diag.At(siteTOML, line, col), `write languages = ["sv", "en"]`, "the first language must be Swedish (\"sv\"), the language at the root of the site")
	}
	raw := f.BaseURL
	pos := func() diag.Pos { line, col := findKey(src, "base_url"); return diag.At(siteTOML, line, col) }
	if baseURL != "" {
		raw = baseURL
		pos = func() diag.Pos { return diag.Pos{File: "--base-url"} }
	}
	if raw == "" {
		raw = "/"
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme != "") != (u.Host != "") || u.RawQuery != "" || u.Fragment != "" {
		l.Errorf(pos(), "write the address the site is published at, e.g. https://www.kommun.se/ or https://host/org/site/", "base URL %q is not an http or https address", raw)
		u = &url.URL{Path: "/"}
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	c.BaseURL = u.String()
	seen := map[string]bool{}
	for i, cat := range f.Categories {
		line, col := findNth(src, "slug", i)
		p := diag.At(siteTOML, line, col)
		switch {
		case !slugRE.MatchString(cat.Slug):
			l.Errorf(p, "use lower-case letters a–z, digits and hyphens, e.g. bygga-bo", "category slug %q is not valid", cat.Slug)
			continue
		case seen[cat.Slug]:
			l.Errorf(p, "give each category its own slug", "category %q is defined twice", cat.Slug)
			continue
		case cat.SV == "":
			l.Errorf(p, `add sv = "…" with the Swedish name`, "category %q has no Swedish name", cat.Slug)
		}
		seen[cat.Slug] = true
		en := cat.EN
		if en == "" {
			en = cat.SV
		}
		c.Categories = append(c.Categories, model.Category{Slug: cat.Slug, SV: cat.SV, EN: en})
	}
	return c, u.Path
}

// findKey returns the line and column of the first line that sets key.
func findKey(src []byte, key string) (int, int) { return findNth(src, key, 0) }

// findNth returns the line and column of the n-th line that sets key, or
// 1, 1 when there is none. TOML errors have positions but decoded keys do
// not, so this finds them in the text.
func findNth(src []byte, key string, n int) (int, int) {
	re := regexp.MustCompile(`^(\s*)("?` + regexp.QuoteMeta(key) + `"?)\s*=`)
	for i, line := range strings.Split(string(src), "\n") {
		if m := re.FindStringSubmatchIndex(line); m != nil {
			if n == 0 {
				return i + 1, m[3] + 1
			}
			n--
		}
	}
	return 1, 1
}
