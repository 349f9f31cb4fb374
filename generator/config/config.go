// Package config reads a site's settings, content/site.toml, into a
// model.Config, with a diagnostic at the line and column of every problem.
package config

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/safety"
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
	PointCategories []struct {
		Slug     string `toml:"slug"`
		SV       string `toml:"sv"`
		EN       string `toml:"en"`
		Category string `toml:"category"`
		Schema   string `toml:"schema"`
	} `toml:"point_categories"`
	Accessibility struct {
		Status       string `toml:"status"`
		Assessed     string `toml:"assessed"`
		Method       string `toml:"method"`
		Assessor     string `toml:"assessor"`
		Published    string `toml:"published"`
		Updated      string `toml:"updated"`
		Email        string `toml:"email"`
		Phone        string `toml:"phone"`
		ResponseDays int    `toml:"response_days"`
		Shortcomings []struct {
			SV   string   `toml:"sv"`
			EN   string   `toml:"en"`
			WCAG []string `toml:"wcag"`
		} `toml:"shortcomings"`
	} `toml:"accessibility"`
	Search struct {
		Synonyms map[string][]string `toml:"synonyms"`
	} `toml:"search"`
	OpenData struct {
		License string `toml:"license"`
		Issued  string `toml:"issued"`
		Updated string `toml:"updated"`
	} `toml:"open_data"`
	Notice struct {
		SV string `toml:"sv"`
		EN string `toml:"en"`
	} `toml:"notice"`
	Limits struct {
		OutputGB int64 `toml:"output_gb"`
	} `toml:"limits"`
	Language map[string]struct {
		Name        string `toml:"name"`
		Dir         string `toml:"dir"`
		Title       string `toml:"title"`
		Description string `toml:"description"`
	} `toml:"language"`
	LifeEvents     []lifeEventFile     `toml:"life_events"`
	SchoolHolidays []schoolHolidayFile `toml:"school_holidays"`
}

// knownLanguages are names and directions guidemap knows; a site names
// another language in [language.<code>].
var knownLanguages = map[string]model.Language{
	"sv": {Name: "Svenska", Dir: "ltr"}, "en": {Name: "English", Dir: "ltr"}, "fi": {Name: "Suomi", Dir: "ltr"},
	"fit": {Name: "Meänkieli", Dir: "ltr"}, "se": {Name: "Davvisámegiella", Dir: "ltr"}, "sma": {Name: "Åarjelsaemien", Dir: "ltr"},
	"smj": {Name: "Julevsámegiella", Dir: "ltr"}, "rmy": {Name: "Romani chib", Dir: "ltr"}, "yi": {Name: "ייִדיש", Dir: "rtl"},
	"ar": {Name: "العربية", Dir: "rtl"}, "fa": {Name: "فارسی", Dir: "rtl"}, "so": {Name: "Soomaali", Dir: "ltr"},
	"ti": {Name: "ትግርኛ", Dir: "ltr"}, "uk": {Name: "Українська", Dir: "ltr"}, "de": {Name: "Deutsch", Dir: "ltr"},
	"pl": {Name: "Polski", Dir: "ltr"}, "es": {Name: "Español", Dir: "ltr"}, "ckb": {Name: "کوردی", Dir: "rtl"},
	"ku": {Name: "Kurdî", Dir: "ltr"}, "dar": {Name: "دری", Dir: "rtl"}, "prs": {Name: "دری", Dir: "rtl"},
}

// siteKeys are the keys site.toml accepts, for "did you mean" hints.
var siteKeys = append([]string{"title", "description", "base_url", "languages", "raw_html", "theme",
	"contact", "contact.name", "contact.email", "contact.phone", "contact.url",
	"collaboration", "collaboration.name", "collaboration.founded", "collaboration.common_goal",
	"collaboration.municipal_goal", "collaboration.summary",
	"categories", "categories.slug", "categories.sv", "categories.en",
	"point_categories", "point_categories.slug", "point_categories.sv", "point_categories.en", "point_categories.category", "point_categories.schema",
	"accessibility", "accessibility.status", "accessibility.assessed", "accessibility.method",
	"accessibility.assessor", "accessibility.published", "accessibility.updated", "accessibility.email",
	"accessibility.phone", "accessibility.response_days", "accessibility.shortcomings",
	"accessibility.shortcomings.sv", "accessibility.shortcomings.en", "accessibility.shortcomings.wcag",
	"search", "search.synonyms", "language", "language.name", "language.dir", "language.title", "language.description",
	"open_data", "open_data.license", "open_data.issued", "open_data.updated", "notice", "notice.sv", "notice.en", "limits", "limits.output_gb"}, slices.Concat(lifeEventKeys, schoolHolidayKeys)...)

// File is where a site keeps its settings, relative to the site folder.
const File = "content/site.toml"

// Load decodes site.toml. baseURL, when not empty, replaces the
// file's base_url (the --base-url flag).
func Load(src []byte, baseURL string, l *diag.List) (model.Config, string) {
	var f siteFile
	md, err := toml.Decode(string(src), &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			l.Errorf(diag.At(File, pe.Position.Line, max(pe.Position.Col, 1)), pe.Usage, "site.toml is not valid TOML: %s", pe.Message)
		} else {
			msg := err.Error()
			if strings.HasPrefix(msg, "toml: ") {
				msg = strings.TrimPrefix(msg, "toml: ")
			}
			l.Errorf(diag.At(File, 1, 1), "check the types of the values: text in quotes, numbers without", "site.toml: %s", msg)
		}
		return model.Config{}, ""
	}
	for _, k := range md.Undecoded() {
		full := k.String()
		line, col := findKey(src, k[len(k)-1])
		l.Errorf(diag.At(File, line, col), diag.DidYouMean(full, siteKeys), "unknown key %q in site.toml", full)
	}
	c := model.Config{
		Title: f.Title, Description: f.Description, Languages: f.Languages, RawHTML: f.RawHTML, Theme: f.Theme,
		Contact: model.Contact(f.Contact),
		Collaboration: model.Collaboration{
			Name: f.Collaboration.Name, Founded: f.Collaboration.Founded,
			CommonGoal: f.Collaboration.CommonGoal, MunicipalGoal: f.Collaboration.MunicipalGoal,
			Summary: f.Collaboration.Summary,
		},
		Search: model.Search{Synonyms: f.Search.Synonyms},
	}
	for from, tos := range f.Search.Synonyms {
		if strings.TrimSpace(from) == "" || len(tos) == 0 || slices.ContainsFunc(tos, func(t string) bool { return strings.TrimSpace(t) == "" }) {
			line, col := findKey(src, "synonyms")
			l.Errorf(diag.At(File, line, col), `write each synonym as a word and the words it stands for, e.g. sopor = ["avfall", "sophämtning"]`,
				"search.synonyms: %q needs a word and at least one non-empty word it stands for", from)
		}
	}
	if c.Title == "" {
		l.Errorf(diag.At(File, 1, 1), `add a line such as title = "eSamverkan Västernorrland"`, "site.toml has no title")
	}
	switch gb := f.Limits.OutputGB; {
	case gb < 0 || gb > 1<<20:
		line, col := findKey(src, "output_gb")
		l.Errorf(diag.At(File, line, col), "write the most the site may write in gigabytes, e.g. output_gb = 200, or leave it out (64)", "limits.output_gb is %d", gb)
	case gb > 0:
		c.MaxOutput = gb << 30
	}
	if c.Theme != "" && !model.IsSlug(c.Theme) {
		line, col := findKey(src, "theme")
		l.Errorf(diag.At(File, line, col), "name a folder in themes/ with lower-case letters, digits and hyphens", "theme %q is not a valid name", c.Theme)
		c.Theme = ""
	}
	if len(c.Languages) == 0 {
		c.Languages = []string{"sv"}
	}
	if c.Languages[0] != "sv" {
		line, col := findKey(src, "languages")
		l.Errorf(diag.At(File, line, col), `write languages = ["sv", "en"]`, "the first language must be Swedish (\"sv\"), the language at the root of the site")
	}
	c.Language = map[string]model.Language{}
	for _, code := range c.Languages {
		lg, known := knownLanguages[code]
		own, set := f.Language[code]
		if !validLangCode(code) {
			line, col := findKey(src, "languages")
			l.Errorf(diag.At(File, line, col), "write the language's ISO 639 code in lower case, e.g. \"en\", \"fi\" or \"ar\"", "language %q is not a language code", code)
			continue
		}
		if set {
			if own.Name != "" {
				lg.Name = own.Name
			}
			if own.Dir != "" {
				lg.Dir = own.Dir
			}
			lg.Title, lg.Description = own.Title, own.Description
		}
		if lg.Dir == "" {
			lg.Dir = "ltr"
		}
		if lg.Dir != "ltr" && lg.Dir != "rtl" {
			line, col := findKey(src, "dir")
			l.Errorf(diag.At(File, line, col), `write dir = "rtl" for a language written from right to left, or leave it out`, "language %q: dir %q is neither \"ltr\" nor \"rtl\"", code, lg.Dir)
			lg.Dir = "ltr"
		}
		if lg.Name == "" && !known {
			line, col := findKey(src, "languages")
			l.Errorf(diag.At(File, line, col), diag.Textf("name it in itself: [language.%s] name = \"…\" (and dir = \"rtl\" if it is written from right to left)", code),
				"guidemap does not know language %q", code)
			lg.Name = code
		}
		lg.Code = code
		c.Language[code] = lg
	}
	for code := range f.Language {
		if !slices.Contains(c.Languages, code) {
			line, col := 1, 1
			if i := strings.Index(string(src), "[language."+code+"]"); i >= 0 {
				line, col = diag.LineCol(src, i)
			}
			l.Errorf(diag.At(File, line, col), diag.Textf("add %q to languages, or remove [language.%s]", code, code), "[language.%s] describes a language the site does not have", code)
		}
	}
	contact(f, src, l)
	raw := f.BaseURL
	pos := func() diag.Pos { line, col := findKey(src, "base_url"); return diag.At(File, line, col) }
	if baseURL != "" {
		raw = baseURL
		pos = func() diag.Pos { return diag.Pos{File: "--base-url"} }
	}
	if raw == "" {
		raw = "/"
	}
	u, ok := safety.BaseURL(raw)
	if !ok {
		l.Errorf(pos(), "write the address the site is published at, e.g. https://www.kommun.se/ or https://host/org/site/", "base URL %q is not an http or https address", raw)
	}
	c.BaseURL = u.String()
	seen := map[string]bool{}
	for i, cat := range f.Categories {
		line, col := findNth(src, "slug", i)
		if !checkCategory(diag.At(File, line, col), diag.Textf("category"), "bygga-bo", cat.Slug, cat.SV, seen, l) {
			continue
		}
		en := cat.EN
		if en == "" {
			en = cat.SV
		}
		c.Categories = append(c.Categories, model.Category{Slug: cat.Slug, SV: cat.SV, EN: en})
	}
	c.PointCategories = pointCategories(f, src, c.Categories, l)
	c.LifeEvents = lifeEvents(f.LifeEvents, src, l)
	c.SchoolHolidays = schoolHolidays(f.SchoolHolidays, src, l)
	if md.IsDefined("accessibility") {
		c.Accessibility = accessibility(f, src, l)
	} else {
		l.Warnf(diag.At(File, 1, 1), `add an [accessibility] table with status, assessed, updated, method, email and response_days (see README.md)`,
			"site.toml has no [accessibility] table, so the site has no accessibility statement, which the law requires of public-sector websites")
	}
	c.OpenData = openData(f, src, l)
	c.Notice = model.Notice{SV: strings.TrimSpace(f.Notice.SV), EN: strings.TrimSpace(f.Notice.EN)}
	if c.Notice.SV == "" && c.Notice.EN != "" {
		line, col := findIn(src, "notice", "en")
		l.Errorf(diag.At(File, line, col), `add sv = "…" with the notice in Swedish, the site's main language`, "[notice] has English text but no Swedish")
	}
	return c, u.Path
}

// openData checks the [open_data] table: the licence of the open data
// (CC0 1.0 when not set) and its dates.
func openData(f siteFile, src []byte, l *diag.List) model.OpenData {
	o := f.OpenData
	out := model.OpenData{License: model.Licenses[0], Issued: o.Issued, Updated: o.Updated}
	if o.License != "" {
		var ids []string
		found := false
		for _, lic := range model.Licenses {
			ids = append(ids, lic.ID)
			if strings.EqualFold(lic.ID, o.License) {
				out.License, found = lic, true
			}
		}
		if !found {
			line, col := findIn(src, "open_data", "license")
			hint := diag.DidYouMeanOr(o.License, ids, diag.Textf("write one of %s (SPDX identifiers); CC0-1.0 is what most Swedish municipalities use", strings.Join(quoteAll(ids), ", ")))
			l.Errorf(diag.At(File, line, col), hint, "open_data.license %q is not an open-data licence guidemap knows", o.License)
		}
	}
	for _, k := range []struct{ key, value string }{{"issued", o.Issued}, {"updated", o.Updated}} {
		if k.value == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", k.value); err != nil {
			line, col := findIn(src, "open_data", k.key)
			l.Errorf(diag.At(File, line, col), diag.Textf("write %s = \"2026-11-20\"", k.key), "open_data.%s must be a date YYYY-MM-DD, not %q", k.key, k.value)
			if k.key == "issued" {
				out.Issued = ""
			} else {
				out.Updated = ""
			}
		}
	}
	return out
}

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = strconv.Quote(v)
	}
	return out
}

// findIn returns the line and column of the line that sets key in the
// table [table], or of the table's header when no line does, or 1, 1.
func findIn(src []byte, table, key string) (int, int) {
	re := regexp.MustCompile(`^(\s*)("?` + regexp.QuoteMeta(key) + `"?)\s*=`)
	header := regexp.MustCompile(`^\s*\[\s*([^\]]*?)\s*\]`)
	in, hl := false, 0
	for i, line := range strings.Split(string(src), "\n") {
		if m := header.FindStringSubmatch(line); m != nil {
			in = m[1] == table
			if in && hl == 0 {
				hl = i + 1
			}
			continue
		}
		if m := re.FindStringSubmatchIndex(line); in && m != nil {
			return i + 1, m[3] + 1
		}
	}
	if hl > 0 {
		return hl, 1
	}
	return 1, 1
}

// checkCategory checks one entry of [[categories]] or [[point_categories]]
// (what names it in messages; example is a valid slug for the hint) and
// marks its slug as seen. It reports false when the entry must be left out.
func checkCategory(p diag.Pos, what, example, slug, sv string, seen map[string]bool, l *diag.List) bool {
	switch {
	case !model.IsSlug(slug):
		l.Errorf(p, diag.Textf("use lower-case letters a–z, digits and hyphens, e.g. %s", example), "%s slug %q is not valid", what, slug)
		return false
	case seen[slug]:
		l.Errorf(p, diag.Textf("give each %s its own slug", what), "%s %q is defined twice", what, slug)
		return false
	case sv == "":
		l.Errorf(p, `add sv = "…" with the Swedish name`, "%s %q has no Swedish name", what, slug)
	}
	seen[slug] = true
	return true
}

// pointCategories checks the [[point_categories]]: the kinds of service
// points, each optionally tied to a category of guides and e-services.
func pointCategories(f siteFile, src []byte, cats []model.Category, l *diag.List) []model.PointCategory {
	var out []model.PointCategory
	seen := map[string]bool{}
	var guideCats []string
	for _, c := range cats {
		guideCats = append(guideCats, c.Slug)
	}
	for i, pc := range f.PointCategories {
		line, col := findNth(src, "slug", len(f.Categories)+i)
		p := diag.At(File, line, col)
		if !checkCategory(p, diag.Textf("point category"), "bibliotek", pc.Slug, pc.SV, seen, l) {
			continue
		}
		if pc.Category != "" && !slices.Contains(guideCats, pc.Category) {
			l.Errorf(p, diag.DidYouMeanOr(pc.Category, guideCats, "name one of the [[categories]]"), "point category %q: unknown category %q", pc.Slug, pc.Category)
		}
		en := pc.EN
		if en == "" {
			en = pc.SV
		}
		schema := pc.Schema
		if schema == "" {
			schema = "CivicStructure"
		}
		if !schemaType(schema) {
			line, col := findNth(src, "schema", i)
			l.Errorf(diag.At(File, line, col), "write a schema.org type, such as Library, RecyclingCenter or CivicStructure",
				"point category %q: schema %q is not a schema.org type", pc.Slug, pc.Schema)
			schema = "CivicStructure"
		}
		out = append(out, model.PointCategory{Slug: pc.Slug, SV: pc.SV, EN: en, Category: pc.Category, Schema: schema})
	}
	return out
}

var wcagRE = regexp.MustCompile(`^[1-4]\.[0-9]{1,2}\.[0-9]{1,2}$`)

// accessibility checks the [accessibility] table: the statement's facts.
func accessibility(f siteFile, src []byte, l *diag.List) model.Accessibility {
	a := f.Accessibility
	at := func(key string) diag.Pos { line, col := findKey(src, key); return diag.At(File, line, col) }
	out := model.Accessibility{
		Status: a.Status, Assessed: a.Assessed, Method: a.Method, Assessor: a.Assessor,
		Published: a.Published, Updated: a.Updated, Email: a.Email, Phone: a.Phone, ResponseDays: a.ResponseDays,
	}
	if !slices.Contains(model.AccessibilityStatuses, a.Status) {
		l.Errorf(at("status"), `write status = "full", "partial" or "none": how well the site meets WCAG 2.1 AA`,
			"the accessibility statement needs a compliance status, not %q", a.Status)
	}
	for _, k := range []struct{ key, value string }{{"assessed", a.Assessed}, {"updated", a.Updated}, {"published", a.Published}} {
		if k.value == "" && k.key == "published" {
			continue
		}
		if _, err := time.Parse("2006-01-02", k.value); err != nil {
			l.Errorf(at(k.key), diag.Textf("write %s = \"2026-11-20\"", k.key), "accessibility %s must be a date YYYY-MM-DD, not %q", k.key, k.value)
		}
	}
	switch a.Method {
	case "self":
	case "external":
		if a.Assessor == "" {
			l.Errorf(at("method"), `add assessor = "…" with who made the assessment`, "an external assessment names its assessor")
		}
	default:
		l.Errorf(at("method"), `write method = "self" for a self-assessment or "external"`, "unknown assessment method %q", a.Method)
	}
	if a.Email == "" && a.Phone == "" {
		l.Errorf(diag.At(File, 1, 1), "add email = \"…\" to [accessibility]: where readers report problems", "the accessibility statement needs a contact")
	}
	if a.ResponseDays <= 0 {
		l.Errorf(at("response_days"), "write response_days = 5: the working days until a reporter gets an answer", "the accessibility statement needs a response time")
	}
	for i, s := range a.Shortcomings {
		line, col := findNth(src, "sv", i+len(f.Categories)+len(f.PointCategories))
		if s.SV == "" {
			l.Errorf(diag.At(File, line, col), "describe the problem in Swedish with sv = \"…\"", "a known shortcoming without text")
		}
		for _, w := range s.WCAG {
			if !wcagRE.MatchString(w) {
				l.Errorf(diag.At(File, line, col), "name WCAG success criteria by number, e.g. \"1.1.1\"", "%q is not a WCAG success criterion", w)
			}
		}
		en := s.EN
		if en == "" {
			en = s.SV
		}
		out.Shortcomings = append(out.Shortcomings, model.Shortcoming{SV: s.SV, EN: en, WCAG: s.WCAG})
	}
	return out
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

// validLangCode tells a language code: two or three letters a–z, as
// content files name them (bygglov.en.md).
func validLangCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// schemaType tells whether s may be a schema.org type's name: a capital
// letter, then letters and digits (it is written into JSON-LD as @type).
func schemaType(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// contact checks the site's [contact]: its e-mail address and web address
// reach every page's footer, the JSON-LD and the open data's catalogue.
func contact(f siteFile, src []byte, l *diag.List) {
	if e := f.Contact.Email; e != "" {
		if p := safety.Email(e); p != safety.EmailOK {
			line, col := findIn(src, "contact", "email")
			l.Errorf(diag.At(File, line, col), "write only the address, e.g. kontakt@kommun.se", "%s", diag.Textf(p.Format(), e))
		}
	}
	if u := f.Contact.URL; u != "" {
		if _, p := safety.WebURL(u); p != safety.URLOK && p != safety.URLInsecure {
			line, col := findIn(src, "contact", "url")
			l.Errorf(diag.At(File, line, col), "write a full address that starts with https://", "%s", diag.Textf(p.Format(), u))
		}
	}
}
