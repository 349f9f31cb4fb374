// Package scaffold writes new content files for `guidemap new`: a guide,
// an e-service, a municipality or a page, with the front matter the strict
// decoder accepts.
package scaffold

// `guidemap new`: files with the front matter the strict decoder accepts,
// written from the same structs, so that the two never disagree.

import (
	"fmt"
	"io/fs"
	"os"
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
)

// NewFile says what `guidemap new` should make.
type NewFile struct {
	Kind         string // guide, eservice, municipality or page
	Slug         string
	Title        string // title, or name for a municipality
	Municipality string // for a local guide or an adaptation
	Code         string // a municipality's SCB code
	Owner        string // an e-service's owner
	Today        time.Time
}

// Scaffold writes a new content file into the site folder src and returns
// its path relative to src. It never overwrites a file.
func Scaffold(src string, nf NewFile) (string, error) {
	if !model.IsSlug(nf.Slug) {
		return "", diag.NewError("%q cannot be a file name and web address: use lower-case letters a–z, digits and hyphens, e.g. %s", nf.Slug, markdown.Slug(nf.Slug))
	}
	fsys := os.DirFS(src)
	var conf model.Config
	if b, err := fs.ReadFile(fsys, config.File); err == nil {
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
				return p, output.Create(src, p, []byte(adaptationText(nf)))
			}
		}
		fm = fields(&guides.GuideMeta{}, map[string]string{
			"title": quote(nf.Title), "updated": today, "category": `""`,
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
			"title": quote(nf.Title), "owner": quote(owner), "status": "planned", "login": "[bankid]", "audience": "[citizen]", "category": `""`,
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
		if b, err := fs.ReadFile(fsys, load.BoundariesFile); err == nil {
			l := &diag.List{}
			found := false
			for _, bd := range geodata.LoadBoundaries(load.BoundariesFile, b, l) {
				found = found || bd.Code == nf.Code
			}
			if !found {
				return "", diag.NewError("no boundary in %s has code %s: add the municipality's boundary first", load.BoundariesFile, nf.Code)
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
		body = "Skriv en kort presentation av kommunen och dess e-tjänster här.\n"
	case "page":
		p = "content/pages/" + nf.Slug + ".md"
		fm = fields(&guides.PageMeta{}, map[string]string{"title": quote(nf.Title), "weight": "50"}, nil)
		body = "Skriv sidans text här.\n"
	default:
		return "", diag.NewError("guidemap new makes a guide, eservice, municipality or page, not %q", nf.Kind)
	}
	return p, output.Create(src, p, []byte("---\n"+renderFields(fm, "")+"---\n\n"+body))
}

func codeRE(s string) bool { return len(s) == 4 && strings.Trim(s, "0123456789") == "" }

// field is one front-matter line (or a nested mapping) to write.
type field struct {
	key, value, comment string
	nested              []field
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
		case reflect.Slice:
			f.value = "[]"
		case reflect.Bool:
			f.value = "false"
		case reflect.Int:
			f.value = "0"
		default:
			f.value = `""`
		}
		if v, ok := values[k]; ok {
			f.value = v
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
		if f.nested != nil {
			fmt.Fprintf(&b, "%s%s:\n%s", indent, f.key, renderFields(f.nested, indent+"  "))
			continue
		}
		line := indent + f.key + ": " + f.value
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

func adaptationText(nf NewFile) string {
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

## Avgifter

A section whose heading is the same as one of the shared guide's "##"
headings replaces it; other sections are added at the end. Leave the body
empty to keep the shared text.
`
}

const guideBody = `Skriv en eller två meningar om vad guiden hjälper läsaren med.

## Vem kan ansöka?

## Så ansöker du

1. Första steget.
2. Andra steget.

## Avgifter

## Handläggningstid

## Kontakt
`

const eserviceBody = `Beskriv vad e-tjänsten gör och vem som kan använda den.

## Det här behöver du

- BankID eller Freja eID
`
