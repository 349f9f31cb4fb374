// Package scaffold writes new content files for `guidemap new`: a guide,
// an e-service, a municipality or a page, with the front matter the strict
// decoder accepts.
package scaffold

// `guidemap new`: files with the front matter the strict decoder accepts,
// written from the same structs, so that the two never disagree.

import (
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/esamverkan/guidemap/generator/config"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/directory"
	"github.com/esamverkan/guidemap/generator/geodata"
	"github.com/esamverkan/guidemap/generator/guides"
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/markdown"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/output"
	"github.com/esamverkan/guidemap/generator/sitefs"
)

// NewFile says what `guidemap new` should make.
type NewFile struct {
	Kind         string // guide, eservice, municipality or page
	Slug         string
	Title        string // title, or name for a municipality
	Municipality string // for a local guide or an adaptation
	Code         string // a municipality's SCB code
	Boundary     string // a municipality's boundary: a GeoJSON file to add to the site's boundaries (boundary.go)
	Owner        string // an e-service's owner
	Category     string // a guide's or an e-service's category
	Today        time.Time
}

// Scaffold writes a new content file into the site folder src and returns
// its path relative to src. It never overwrites a file.
func Scaffold(src string, nf NewFile) (string, error) {
	if !model.IsSlug(nf.Slug) {
		return "", diag.NewError("%q cannot be a file name and web address: use lower-case letters a–z, digits and hyphens, e.g. %s", nf.Slug, markdown.Slug(nf.Slug))
	}
	fsys := sitefs.Dir(src)
	var conf model.Config
	if b, err := sitefs.ReadFile(fsys, config.File, sitefs.Config); err == nil {
		conf, _ = config.Load(b, "", &diag.List{})
	}
	var cats []string
	for _, c := range conf.Categories {
		cats = append(cats, c.Slug)
	}
	today := nf.Today.Format("2006-01-02")
	var p, body string
	var fm []field
	switch nf.Kind {
	case "guide":
		p = "content/guides/" + nf.Slug + ".md"
		if nf.Municipality != "" {
			if _, err := fs.Stat(fsys, "content/municipalities/"+nf.Municipality+".md"); err != nil {
				return "", diag.NewError("there is no municipality %q (content/municipalities/%s.md)", nf.Municipality, nf.Municipality)
			}
			p = "content/municipalities/" + nf.Municipality + "/guides/" + nf.Slug + ".md"
			if _, err := fs.Stat(fsys, "content/guides/"+nf.Slug+".md"); err == nil {
				// An adaptation: only what differs.
				return p, output.Create(src, p, []byte(adaptationText(nf, sharedHeadings(fsys, nf.Slug))))
			}
		}
		fm = fields(&guides.GuideMeta{}, map[string]string{
			"title": quote(nf.Title), "updated": today, "category": category(nf.Category),
			"audience": "[citizen]",
		}, map[string]string{
			"category":       "one of: " + strings.Join(cats, ", "),
			"audience":       "citizen, business, association",
			"municipalities": "empty: every municipality offers the guide",
			"eservices":      "slugs of related e-services in content/eservices/",
		})
		if nf.Municipality != "" {
			fm = without(fm, "municipalities")
		}
		body = guideBody
	case "eservice":
		if slices.Contains(model.EServiceReserved, nf.Slug) {
			return "", diag.NewError("%q is the name of a page of the e-service directory (/e-tjanster/%s/): choose another", nf.Slug, nf.Slug)
		}
		p = "content/eservices/" + nf.Slug + ".md"
		owner := nf.Owner
		if owner == "" {
			owner = model.Common
		}
		fm = fields(&directory.EServiceMeta{}, map[string]string{
			"title": quote(nf.Title), "owner": quote(owner), "status": "planned", "login": "[bankid]", "audience": "[citizen]", "category": category(nf.Category),
		}, map[string]string{
			"owner":    "common, or the slug of the municipality that built it",
			"category": "one of: " + strings.Join(cats, ", "),
			"login":    strings.Join(model.Logins, ", "),
			"status":   strings.Join(model.Statuses, ", "),
			"url":      "https:// address where the e-service starts",
		})
		body = eserviceBody
	case "municipality":
		p = "content/municipalities/" + nf.Slug + ".md"
		if nf.Code == "" || !codeRE(nf.Code) {
			return "", diag.NewError("give the municipality's SCB code with --code, four digits such as 2281")
		}
		if nf.Boundary != "" {
			if _, err := fs.Stat(fsys, p); err == nil {
				return "", diag.NewError("%s already exists; guidemap new does not overwrite files", p)
			}
			if err := addBoundary(src, nf); err != nil {
				return "", err
			}
		} else if b, err := sitefs.ReadFile(fsys, load.BoundariesFile, sitefs.Boundaries); err == nil {
			l := &diag.List{}
			found := false
			for _, bd := range geodata.LoadBoundaries(load.BoundariesFile, b, l) {
				found = found || bd.Code == nf.Code
			}
			if !found {
				return "", diag.NewError("no boundary in %s has code %s: add the municipality's boundary first\n\n%s", load.BoundariesFile, nf.Code, BoundaryHelp(nf.Slug, nf.Code))
			}
		}
		name := nf.Title
		if name == "" {
			name = strings.ToUpper(nf.Slug[:1]) + nf.Slug[1:] + "s kommun"
		}
		fm = fields(&guides.MunicipalityMeta{}, map[string]string{
			"name": quote(name), "code": quote(nf.Code),
		}, map[string]string{
			"eservices": "e-services of the library the municipality adopts as they are",
			"guides":    "shared guides that list municipalities and that it offers too",
		})
		body = "<!-- Skriv en kort presentation av kommunen och dess e-tjänster här. -->\n"
	case "page":
		p = "content/pages/" + nf.Slug + ".md"
		fm = fields(&guides.PageMeta{}, map[string]string{"title": quote(nf.Title), "weight": "50"}, nil)
		body = "<!-- Skriv sidans text här. -->\n"
	default:
		return "", diag.NewError("guidemap new makes a guide, eservice, municipality or page, not %q", nf.Kind)
	}
	return p, output.Create(src, p, []byte("---\n"+renderFields(fm, "")+"---\n\n"+body))
}

func codeRE(s string) bool { return len(s) == 4 && strings.Trim(s, "0123456789") == "" }

// category is the value written for a category: the one given, or empty,
// which check reports as an error until the author picks one.
func category(c string) string {
	if c == "" {
		return `""`
	}
	return quote(c)
}

// field is one front-matter line (or a nested mapping) to write. A field
// without a value is written commented out ("# summary: \"\""), so that
// the author sees every key and an empty value publishes nothing:
// `summary: ""` is an error.
type field struct {
	key, value, comment string
	nested              []field
	commented           bool
}

// fields lists v's keys (markdown.Keys, the decoder's list) with a value
// for each: the given one or the type's empty value.
func fields(v any, values, comments map[string]string) []field {
	t := reflect.TypeOf(v).Elem()
	var out []field
	for i := 0; i < t.NumField(); i++ {
		ft := t.Field(i)
		k := markdown.Key(ft)
		if k == "" {
			continue
		}
		f := field{key: k, comment: comments[k]}
		switch ft.Type.Kind() {
		case reflect.Struct:
			f.nested = fields(reflect.New(ft.Type).Interface(), nil, nil)
			f.commented = !slices.ContainsFunc(f.nested, func(n field) bool { return !n.commented })
		case reflect.Slice:
			f.value = "[]"
		case reflect.Bool:
			f.value = "false"
		case reflect.Int:
			f.value = "0"
		default:
			f.value, f.commented = `""`, true
		}
		if v, ok := values[k]; ok {
			f.value, f.commented = v, false
		}
		out = append(out, f)
	}
	return out
}

func without(fs []field, key string) []field {
	var out []field
	for _, f := range fs {
		if f.key != key {
			out = append(out, f)
		}
	}
	return out
}

func renderFields(fs []field, indent string) string {
	var b strings.Builder
	for _, f := range fs {
		mark := ""
		if f.commented && !strings.HasPrefix(indent, "#") {
			mark = "# "
		}
		if f.nested != nil {
			fmt.Fprintf(&b, "%s%s%s:\n%s", mark, indent, f.key, renderFields(f.nested, mark+indent+"  "))
			continue
		}
		line := mark + indent + f.key + ": " + f.value
		if f.comment != "" {
			line += "  # " + f.comment
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// quote writes s as a YAML double-quoted string. Go's escapes (\n, \t,
// \xNN, \uNNNN) are YAML's too.
func quote(s string) string { return strconv.Quote(s) }

// sharedHeadings are the "##" headings of the shared guide slug.
func sharedHeadings(fsys fs.FS, slug string) []string {
	p := "content/guides/" + slug + ".md"
	b, err := sitefs.ReadFile(fsys, p, sitefs.Markdown)
	if err != nil {
		return nil
	}
	f := markdown.Split(p, b, &diag.List{})
	var out []string
	for _, s := range markdown.Sections(p, f.Body, f.BodyLine) {
		if s.Heading != "" {
			out = append(out, s.Heading)
		}
	}
	return out
}

// adaptationText is a new adaptation: front matter with every key the
// municipality may change commented out, and a body with nothing but an
// HTML comment, which is never published. Its guidance names the shared
// guide's headings, which are the ones a section can replace. (It once
// wrote an "## Avgifter" section whose text was this guidance in English,
// and that text replaced the municipality's fees on the public page.)
func adaptationText(nf NewFile, headings []string) string {
	var list strings.Builder
	for _, h := range headings {
		list.WriteString("\n  ## " + h)
	}
	if list.Len() == 0 {
		list.WriteString("\n  (inga)")
	}
	return `---
# An adaptation of content/guides/` + nf.Slug + `.md for ` + nf.Municipality + `.
# Set only the keys that differ from the shared guide, e.g.:
# summary: ""
# contact:
#   name: ""
#   phone: ""
#   email: ""
updated: ` + nf.Today.Format("2006-01-02") + `
---

<!--
Anpassning av den gemensamma guiden. Text mellan kommentarstecknen
publiceras inte.

Ett avsnitt med samma rubrik som i den gemensamma guiden ersätter det
avsnittet. Ett avsnitt med en annan rubrik läggs till sist. Text före
första rubriken ersätter guidens inledning. En tom fil ändrar ingenting.

Den gemensamma guidens rubriker:` + list.String() + `

Exempel: skriv rubriken "## Avgifter" och kommunens egen text under den.
-->
`
}

const guideBody = `<!--
Skriv en eller två meningar om vad guiden hjälper läsaren med, i stället
för den här kommentaren. Text mellan kommentarstecknen publiceras inte.
Skriv text under varje rubrik, eller ta bort rubriker som inte behövs:
en rubrik utan text ger en varning.
-->

## Vem kan ansöka?

<!-- Vem kan använda tjänsten, och vilka villkor gäller? -->

## Så ansöker du

<!-- Beskriv stegen i en numrerad lista. -->

## Avgifter

<!-- Vad kostar det? Länka till kommunens taxa om den finns. -->

## Handläggningstid

<!-- Hur lång tid tar det, och vad händer sedan? -->

## Kontakt

<!-- Vem svarar på frågor? -->
`

const eserviceBody = `<!-- Beskriv vad e-tjänsten gör och vem som kan använda den. Text mellan kommentarstecknen publiceras inte. -->

## Det här behöver du

- BankID eller Freja eID
`
