// Package guides loads guides, free pages and municipality files: their
// strict front matter and the checks that need nothing but the file itself.
// Cross-references (categories, municipalities, adaptations) are resolved
// when the generator assembles the site.
package guides

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/markdown"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/safety"
)

// Contact is the front matter of a contact.
type Contact struct {
	Name  string `yaml:"name"`
	Phone string `yaml:"phone"`
	Email string `yaml:"email"`
	URL   string `yaml:"url"`
}

// Model returns the contact as model data.
func (c Contact) Model() model.Contact { return model.Contact(c) }

// GuideMeta is the front matter of a shared guide, a local guide or an
// adaptation (where every key is optional and overrides the shared one).
type GuideMeta struct {
	Title          string   `yaml:"title" fm:"nonempty" fm_example:"\"Bygglov\""`
	Summary        string   `yaml:"summary" fm:"nonempty"`
	Category       string   `yaml:"category" fm:"nonempty" fm_example:"bygga-bo"`
	Audience       []string `yaml:"audience" fm:"nonempty" fm_example:"[citizen]"`
	LifeEvents     []string `yaml:"life_events"`
	Updated        string   `yaml:"updated" fm:"nonempty" fm_example:"2026-12-07"`
	Municipalities []string `yaml:"municipalities"`
	EServices      []string `yaml:"eservices"`
	Contact        Contact  `yaml:"contact"`
	Draft          bool     `yaml:"draft"`
}

// MunicipalityMeta is the front matter of content/municipalities/<m>.md.
type MunicipalityMeta struct {
	Name      string   `yaml:"name" fm:"nonempty" fm_example:"\"Ånge kommun\""`
	Code      string   `yaml:"code" fm:"nonempty" fm_example:"\"2260\""`
	Website   string   `yaml:"website"`
	Email     string   `yaml:"email"`
	Phone     string   `yaml:"phone"`
	Address   string   `yaml:"address"`
	Summary   string   `yaml:"summary"`
	EServices []string `yaml:"eservices"`
	Guides    []string `yaml:"guides"`
}

// PageMeta is the front matter of a free page.
type PageMeta struct {
	Title   string `yaml:"title" fm:"nonempty" fm_example:"\"Om oss\""`
	Summary string `yaml:"summary" fm:"nonempty"`
	Weight  int    `yaml:"weight"`
	Draft   bool   `yaml:"draft"`
}

// EasyMeta is the front matter of a shared guide's easy-to-read version
// (lättläst): both keys may be left out, the guide's title then stands
// with "lättläst" after it.
type EasyMeta struct {
	Title   string `yaml:"title"`
	Summary string `yaml:"summary"`
}

// LoadEasy parses the easy-to-read version of a guide.
func LoadEasy(path string, src []byte, l *diag.List) *markdown.Doc[EasyMeta] {
	return markdown.Parse[EasyMeta](path, src, l)
}

// TranslationMeta is the front matter of a guide in another language
// (bygglov.en.md): what a reader sees in that language. The other keys
// (category, audience, e-services…) are the guide's own.
type TranslationMeta struct {
	Title   string `yaml:"title"`
	Summary string `yaml:"summary"`
}

// LoadTranslation parses a guide's or an adaptation's translation.
func LoadTranslation(path string, src []byte, l *diag.List) *markdown.Doc[TranslationMeta] {
	return markdown.Parse[TranslationMeta](path, src, l)
}

// LoadGuide parses a guide or an adaptation and checks what the file alone
// can tell.
func LoadGuide(path string, src []byte, l *diag.List) *markdown.Doc[GuideMeta] {
	d := markdown.Parse[GuideMeta](path, src, l)
	CheckAudience(d.Set, d.Meta.Audience, l)
	CheckDate(d.Set, "updated", d.Meta.Updated, l)
	CheckContact(d.Set, d.Meta.Contact, l)
	return d
}

var codeRE = regexp.MustCompile(`^[0-9]{4}$`)

// LoadMunicipality parses a municipality file.
func LoadMunicipality(path string, src []byte, l *diag.List) *markdown.Doc[MunicipalityMeta] {
	d := markdown.Parse[MunicipalityMeta](path, src, l)
	m := d.Meta
	if d.Set.Invalid() {
		return d
	}
	if m.Name == "" && d.Set.Missing("name") {
		l.Errorf(d.Pos("name"), `add e.g. name: "Ånge kommun"`, "missing name")
	}
	if m.Code == "" {
		if d.Set.Missing("code") {
			l.Errorf(d.Pos("code"), `add the municipality's SCB code, e.g. code: "2260"`, "missing code")
		}
	} else if !codeRE.MatchString(m.Code) {
		l.Errorf(d.Pos("code"), `write the four digits of the SCB municipality code in quotes, e.g. "2260"`, "code %q is not an SCB municipality code", m.Code)
	}
	CheckURL(d.Set, "website", m.Website, l)
	CheckEmail(d.Set, "email", m.Email, l)
	return d
}

// LoadPage parses a free page.
func LoadPage(path string, src []byte, l *diag.List) *markdown.Doc[PageMeta] {
	d := markdown.Parse[PageMeta](path, src, l)
	if d.Meta.Title == "" && d.Set.Missing("title") {
		l.Errorf(d.Pos("title"), `add a line such as title: "Om oss"`, "missing title")
	}
	return d
}

// swedishAudiences are what a Swedish writer may put for an audience.
var swedishAudiences = map[string]string{
	"privatperson": "citizen", "privatpersoner": "citizen", "invånare": "citizen", "medborgare": "citizen",
	"företag": "business", "företagare": "business", "näringsidkare": "business",
	"förening": "association", "föreningar": "association",
}

// CheckAudience reports audiences that are not known.
func CheckAudience(set markdown.Set, values []string, l *diag.List) {
	for i, a := range values {
		if slices.Contains(model.Audiences, a) {
			continue
		}
		hint := diag.DidYouMeanOr(a, model.Audiences, diag.Textf("the audiences are %s", strings.Join(model.Audiences, ", ")))
		if en, ok := swedishAudiences[strings.ToLower(a)]; ok {
			hint = diag.Textf("write it in English: %q", en)
		}
		l.Errorf(set[markdown.Item("audience", i)], hint,
			"unknown audience %q", a)
	}
}

// CheckDate reports a date that is not written YYYY-MM-DD.
func CheckDate(set markdown.Set, key, value string, l *diag.List) {
	if value == "" {
		return
	}
	if _, err := time.Parse("2006-01-02", value); err != nil {
		l.Errorf(set[key], "write the date as YYYY-MM-DD, e.g. 2026-03-15", "%q is not a date", value)
	}
}

// CheckContact checks a contact's e-mail address and web address.
func CheckContact(set markdown.Set, c Contact, l *diag.List) {
	CheckEmail(set, "contact.email", c.Email, l)
	CheckURL(set, "contact.url", c.URL, l)
}

// CheckEmail reports an e-mail address that is not one (see safety.Email).
func CheckEmail(set markdown.Set, key, value string, l *diag.List) {
	if value == "" {
		return
	}
	if p := safety.Email(value); p != safety.EmailOK {
		l.Errorf(set[key], "write only the address, e.g. kontakt@kommun.se", "%s", diag.Textf(p.Format(), value))
	}
}

// CheckURL reports a web address that is not an absolute https or http
// address (see safety.WebURL); http is a warning, anything else an error.
func CheckURL(set markdown.Set, key, value string, l *diag.List) {
	if value == "" {
		return
	}
	_, p := safety.WebURL(value)
	switch p {
	case safety.URLOK:
	case safety.URLInsecure:
		l.Warnf(set[key], "use https:// if the site has it", "%s", diag.Textf(p.Format(), value))
	case safety.URLInvalid:
		l.Errorf(set[key], "write a full address such as https://www.kommun.se/", "%s", diag.Textf(p.Format(), value))
	case safety.URLRelative:
		l.Errorf(set[key], "write a full address that starts with https://", "%s", diag.Textf(p.Format(), value))
	default:
		l.Errorf(set[key], "write an address that starts with https://", "%s", diag.Textf(p.Format(), value))
	}
}
