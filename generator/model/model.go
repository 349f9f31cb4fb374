// Package model holds the assembled site: municipalities, guides, e-services,
// pages and the URL scheme that ties them together. It is plain data with no
// I/O; the generator builds a *Site once per build and every later stage only
// reads it.
package model

import (
	"slices"
	"strings"
	"time"
)

// Audiences a guide or e-service may name.
var Audiences = []string{"citizen", "business", "association"}

// Logins an e-service may require.
var Logins = []string{"none", "bankid", "freja", "email"}

// Statuses an e-service may have.
var Statuses = []string{"live", "beta", "planned", "retired"}

// Common is the owner of the e-services and guides that the collaboration
// built together.
const Common = "common"

// Site is the whole assembled site. Municipalities are in alphabetical
// order of name (Swedish: å, ä, ö after z); the other slices by slug or
// URL.
type Site struct {
	Config         Config
	Municipalities []*Municipality
	Guides         []*Guide    // shared guides
	LocalGuides    []*Guide    // guides of one municipality (Owner is its slug)
	Versions       []*Version  // every offering municipality's version of every guide
	EServices      []*EService // the library
	Offers         []*Offer    // every offering municipality's version of every e-service
	Pages          []*Page     // free pages
	Boundaries     []Boundary  // the municipalities' areas
	Base           []BaseLayer // optional map layers from geodata/base/
	Credits        []Credit    // the attributions of the boundaries and the base layers, by file
	Points         []Point     // service points placed in a municipality, by municipality, category order, slug
}

// Config is content/site.toml.
type Config struct {
	Title       string
	Description string
	BaseURL     string // absolute, ends in "/"
	Languages   []string
	// Language tells each language of Languages by its code: its name in
	// itself and its direction.
	Language      map[string]Language
	RawHTML       bool
	Theme         string // the folder in themes/ laid over the default theme
	Contact       Contact
	Collaboration Collaboration
	Categories    []Category
	// PointCategories are the kinds of service points, in the order their
	// map symbols are given out.
	PointCategories []PointCategory
	Accessibility   Accessibility
	Search          Search
	OpenData        OpenData
	// Notice is a message every page shows in its footer, and the map
	// pages beside the map (e.g. that the places of an example site are
	// made up); empty on most sites.
	Notice Notice
	// LifeEvents are the site's life events (livshändelser), in the
	// order site.toml gives them: the order the site lists them in.
	LifeEvents []LifeEvent
	// SchoolHolidays are the days opening hours' SH means
	// ([[school_holidays]]), in the order site.toml gives them.
	SchoolHolidays []SchoolHoliday
	// MaxOutput is the most a build may write, in bytes ([limits]
	// output_gb); 0 is the default, output.DefaultMaxOutput.
	MaxOutput int64
}

// SchoolHoliday is a school holiday: its days, From and To inclusive
// (civil dates at midnight UTC), for the municipalities it names (none:
// all of them). File and Line are where site.toml names it.
type SchoolHoliday struct {
	Name           string
	From, To       time.Time
	Municipalities []string
	File           string
	Line           int
}

// Applies reports whether h is a school holiday in municipality m.
func (h SchoolHoliday) Applies(m string) bool {
	return len(h.Municipalities) == 0 || slices.Contains(h.Municipalities, m)
}

// OpenData is how the site publishes its open data (/data/ and the DCAT
// catalogue): under which licence, and when the data was first published
// and last changed ("" when site.toml does not say).
type OpenData struct {
	License License
	Issued  string // YYYY-MM-DD
	Updated string // YYYY-MM-DD
}

// License is an open-data licence that guidemap knows (Licenses).
type License struct {
	ID   string // its SPDX identifier, e.g. "CC0-1.0"
	Name string // e.g. "CC0 1.0 Universal"
	URL  string // the licence's text
}

// Licenses are the licences a site may give its open data: those the
// Swedish and European data portals recommend for public-sector data.
var Licenses = []License{
	{"CC0-1.0", "CC0 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"},
	{"CC-BY-4.0", "Creative Commons Erkännande 4.0 (CC BY 4.0)", "https://creativecommons.org/licenses/by/4.0/"},
	{"CC-BY-SA-4.0", "Creative Commons Erkännande-DelaLika 4.0 (CC BY-SA 4.0)", "https://creativecommons.org/licenses/by-sa/4.0/"},
	{"ODbL-1.0", "Open Data Commons Open Database License 1.0 (ODbL)", "https://opendatacommons.org/licenses/odbl/1-0/"},
	{"ODC-By-1.0", "Open Data Commons Attribution License 1.0 (ODC-By)", "https://opendatacommons.org/licenses/by/1-0/"},
	{"PDDL-1.0", "Open Data Commons Public Domain Dedication and License 1.0 (PDDL)", "https://opendatacommons.org/licenses/pddl/1-0/"},
}

// Notice is a site-wide notice in Swedish and, optionally, English.
type Notice struct {
	SV, EN string
}

// LifeEvent is something that happens in a reader's life or business —
// moving, having a baby, starting a company — through which the site
// leads to the guides and e-services it takes. A site declares its life
// events in site.toml ([[life_events]]); guides and e-services name them
// in life_events.
type LifeEvent struct {
	Slug     string
	SV       string // its name in Swedish, e.g. "Få barn"
	EN       string // its name in English (SV when site.toml gives none)
	IntroSV  string // a short text that says what the life event's page gathers
	IntroEN  string
	Audience []string // of Audiences: whose life event it is (citizen when site.toml names none)
}

// For tells whether the life event is one of audience's.
func (e LifeEvent) For(audience string) bool {
	for _, a := range e.Audience {
		if a == audience {
			return true
		}
	}
	return false
}

// Language is one of the site's languages.
type Language struct {
	Code string
	Name string // in the language itself: "English", "Suomi", "العربية"
	Dir  string // "ltr" or "rtl"
	// Title and Description are the site's title and description in the
	// language, for its start page ("" for the Swedish ones).
	Title, Description string
}

// Search is what a site adds to its search.
type Search struct {
	// Synonyms: a word readers type → the words the site uses instead,
	// each one word or more ("soc" → "ekonomiskt bistånd").
	Synonyms map[string][]string
}

// PointCategory is a kind of service point: libraries, recycling centres…
type PointCategory struct {
	Slug     string
	SV       string // plural name in Swedish, e.g. "Bibliotek"
	EN       string
	Category string // the category of guides and e-services it belongs to, or ""
	Schema   string // the schema.org type of its points, e.g. "Library"; CivicStructure by default
}

// Accessibility holds the facts of the accessibility statement that the
// law (lagen om tillgänglighet till digital offentlig service) requires and
// that a build cannot know: how compliant the site is, its known
// shortcomings, how it was assessed, and how to report a problem.
type Accessibility struct {
	Status       string // "full", "partial" or "none": compliance with WCAG 2.1 AA
	Assessed     string // YYYY-MM-DD of the latest assessment
	Method       string // "self" (self-assessment) or "external"
	Assessor     string // who made an external assessment
	Published    string // YYYY-MM-DD the site was first published
	Updated      string // YYYY-MM-DD the statement was last reviewed
	Email        string // where to report problems
	Phone        string
	ResponseDays int // working days until the reporter gets an answer
	Shortcomings []Shortcoming
}

// AccessibilityStatuses are the compliance statuses of a statement.
var AccessibilityStatuses = []string{"full", "partial", "none"}

// Shortcoming is a known accessibility problem of the site.
type Shortcoming struct {
	SV   string   // the problem, in Swedish
	EN   string   // the problem, in English
	WCAG []string // success criteria it fails, e.g. "1.1.1"
}

// Collaboration holds the facts of the collaboration shown on the site.
type Collaboration struct {
	Name          string
	Founded       int
	CommonGoal    int
	MunicipalGoal int
	Summary       string
}

// Category groups guides, e-services and service points.
type Category struct {
	Slug string
	SV   string
	EN   string
}

// Contact is who to ask about a guide, e-service or municipality.
type Contact struct {
	Name  string
	Phone string
	Email string
	URL   string
}

// IsZero reports whether the contact holds nothing.
func (c Contact) IsZero() bool { return c == Contact{} }

// Municipality is one member of the collaboration.
type Municipality struct {
	Slug    string
	Name    string
	Code    string // SCB municipality code, four digits
	Website string
	Email   string
	Phone   string
	Address string
	Summary string
	Intro   Body
	File    string

	// Translations are its page's intro in the site's other languages
	// (Title unused: the name stays).
	Translations map[string]*Translation

	Adopts       []string // e-service slugs adopted as they are
	OffersGuides []string // shared guides listing municipalities that it adds itself to
}

// Contact returns the municipality's own contact details.
func (m *Municipality) Contact() Contact {
	return Contact{Name: m.Name, Phone: m.Phone, Email: m.Email, URL: m.Website}
}

// Guide is a shared guide (Owner == Common) or a local guide (Owner is the
// municipality's slug).
type Guide struct {
	Slug           string
	Owner          string
	Title          string
	Summary        string
	Category       string
	Audience       []string
	LifeEvents     []string // slugs of the site's life events (Config.LifeEvents), in the order the file names them
	Updated        string   // YYYY-MM-DD or ""
	Municipalities []string // the municipalities that offer a shared guide; all when empty in the source
	EServices      []string
	Contact        Contact
	Body           Body
	File           string
	Easy           *EasyRead // the guide in easy-to-read Swedish (lättläst), or nil
	// Translations are the guide in the site's other languages, by
	// language code.
	Translations map[string]*Translation
}

// Translation is a guide, or a municipality's version of it, in another
// language than Swedish.
type Translation struct {
	Lang    string
	Title   string
	Summary string
	Body    Body
	// Partial tells that the municipality adapted the guide but not its
	// translation: the page says its own sections are only in Swedish.
	Partial bool
}

// EasyRead is a shared guide in easy-to-read Swedish (lättläst): short
// sentences and common words, for readers who find the guide hard.
type EasyRead struct {
	Title   string
	Summary string
	Body    Body
	File    string
}

// Version is a municipality's version of a guide: the shared guide as it is,
// its adaptation, or a local guide.
type Version struct {
	Guide        *Guide // the shared or local guide
	Municipality *Municipality
	Adapted      bool // an adaptation file exists
	Local        bool // a local guide, not a version of a shared one
	AdaptFile    string

	// The effective fields: the adaptation's where it sets them.
	Title      string
	Summary    string
	Category   string
	Audience   []string
	LifeEvents []string // slugs, as Guide.LifeEvents
	Updated    string
	EServices  []string
	Contact    Contact
	Body       Body
	// Translations are the version in the site's other languages: the
	// shared guide's translation, adapted by the municipality's own
	// translation when it has one.
	Translations map[string]*Translation
}

// EService is an e-service of the library.
type EService struct {
	Slug         string
	Title        string
	Summary      string
	Owner        string // a municipality slug or Common
	URL          string
	Category     string
	Audience     []string
	Login        []string
	Fee          string
	Status       string
	LifeEvents   []string // slugs, as Guide.LifeEvents
	Needs        []string // what the user should have ready
	Duration     string   // how long it takes
	Contact      Contact
	PersonalData string // what personal data it handles and why
	Body         Body
	File         string
}

// Offer is a municipality's offering of an e-service: owned, common,
// adopted as it is, or adapted.
type Offer struct {
	EService     *EService
	Municipality *Municipality
	Kind         OfferKind
	AdaptFile    string

	// The effective fields: the adaptation's where it sets them.
	Title        string
	Summary      string
	URL          string
	Fee          string
	Login        []string
	Status       string
	Needs        []string
	Duration     string
	Contact      Contact
	PersonalData string
	Body         Body
	LifeEvents   []string // slugs, as Guide.LifeEvents
}

// OfferKind says how a municipality offers an e-service.
type OfferKind int

const (
	Owns OfferKind = iota
	CommonService
	Adopts
	Adapts
)

// Page is a free page such as "Om eSamverkan".
type Page struct {
	Slug    string
	Title   string
	Summary string
	Weight  int
	Body    Body
	File    string
}

// Body is a page's Markdown text as the assemble stage decided it: the
// content files it is made of. The bodies stage composes their sections
// (the first file's, adapted by the others') and renders them; what it
// makes is kept in its own value (package bodies), keyed by the Body's
// address, not here.
type Body struct {
	Sources []string // the content files: the first, adapted by the others
}

// Section is a run of Markdown: a "##" heading and what follows up to the
// next "##" heading, or the text before the first one (Heading == "").
type Section struct {
	Heading string // the heading's plain text, used to match adaptations
	Source  []byte
	File    string // the file the section comes from
	Line    int    // the 1-based line in File where Source starts
}

// Heading is a heading of a rendered body.
type Heading struct {
	Level int
	Text  string
	ID    string
}

// Municipality returns the municipality with slug, or nil.
func (s *Site) Municipality(slug string) *Municipality {
	for _, m := range s.Municipalities {
		if m.Slug == slug {
			return m
		}
	}
	return nil
}

// PointCategory returns the point category with slug and whether it exists.
func (c *Config) PointCategory(slug string) (PointCategory, bool) {
	for _, pc := range c.PointCategories {
		if pc.Slug == slug {
			return pc, true
		}
	}
	return PointCategory{}, false
}

// LifeEvent returns the life event with slug and whether it exists.
func (c *Config) LifeEvent(slug string) (LifeEvent, bool) {
	for _, e := range c.LifeEvents {
		if e.Slug == slug {
			return e, true
		}
	}
	return LifeEvent{}, false
}

// LifeEventNamed returns the life event that a guide or an e-service
// names: by its slug, or by its Swedish or English name in any case
// ("Få barn", "fa-barn", "Having a baby").
func (c *Config) LifeEventNamed(name string) (LifeEvent, bool) {
	for _, e := range c.LifeEvents {
		if e.Slug == name || strings.EqualFold(e.SV, name) || strings.EqualFold(e.EN, name) || strings.EqualFold(e.Slug, name) {
			return e, true
		}
	}
	return LifeEvent{}, false
}

// Category returns the category with slug and whether it exists.
func (c *Config) Category(slug string) (Category, bool) {
	for _, cat := range c.Categories {
		if cat.Slug == slug {
			return cat, true
		}
	}
	return Category{}, false
}

// CollateKey is a key that sorts Swedish text alphabetically with
// strings.Compare: case is ignored and å, ä, ö come after z.
func CollateKey(s string) string { return collateReplacer.Replace(strings.ToLower(s)) }

var collateReplacer = strings.NewReplacer("å", "{", "ä", "|", "ö", "}", "é", "e", "ü", "y", "æ", "|", "ø", "}")

// Library returns the e-service itself; with Offer.Library it lets a
// template show the library's facts of either.
func (e *EService) Library() *EService { return e }

// Library returns the library's e-service that o offers.
func (o *Offer) Library() *EService { return o.EService }
