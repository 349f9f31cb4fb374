// Package load is the first stage of a build: it reads a site folder's
// files and parses each on its own into a typed value — site.toml, every
// Markdown content file, the boundaries, the service points and the base
// map layers. Nothing here refers from one file to another (assemble does
// that), so every value can be cached by the file's path and content
// (cache.Cache's Parses table).
package load

import (
	"path"
	"strings"

	"github.com/esamverkan/guidemap/generator/config"
)

// BoundariesFile holds the municipalities' areas, relative to the site
// folder.
const BoundariesFile = "geodata/municipalities.geojson"

// ConfigFile holds the site's settings, relative to the site folder.
const ConfigFile = config.File

// Kind says what a content file is, from where it stands.
type Kind int

// The kinds of content file.
const (
	Unknown                 Kind = iota
	Municipality                 // content/municipalities/<m>.md
	Guide                        // content/guides/<slug>.md
	MunicipalityGuide            // content/municipalities/<m>/guides/<slug>.md: a local guide or an adaptation
	EService                     // content/eservices/<slug>.md
	EServiceAdaptation           // content/municipalities/<m>/eservices/<slug>.md
	Page                         // content/pages/<slug>.md
	EasyGuide                    // content/guides/<slug>.lattlast.md: the shared guide <slug> in easy-to-read Swedish (lättläst)
	GuideTranslation             // content/guides/<slug>.<lang>.md: the shared guide <slug> in another language (LangOf)
	MunicipalityTranslation      // content/municipalities/<m>/guides/<slug>.<lang>.md: an adaptation or local guide in another language
	IntroTranslation             // content/municipalities/<m>.<lang>.md: a municipality's page in another language
)

// LangOf is the language of a translation's file name ("en" of
// "bygglov.en.md"), or "" for a file in the site's own language: two or
// three letters a–z before ".md".
func LangOf(p string) string {
	name := strings.TrimSuffix(path.Base(p), ".md")
	i := strings.LastIndexByte(name, '.')
	if i <= 0 {
		return ""
	}
	lang := name[i+1:]
	if len(lang) < 2 || len(lang) > 3 {
		return ""
	}
	for _, r := range lang {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return lang
}

// EasySuffix ends the file name of a guide's easy-to-read version.
const EasySuffix = ".lattlast.md"

// Classify tells a content file's kind, municipality and slug from its
// path (slash-separated, relative to the site folder).
func Classify(p string) (kind Kind, m, slug string) {
	parts := strings.Split(p, "/")
	if len(parts) < 3 || parts[0] != "content" || path.Ext(p) != ".md" {
		return Unknown, "", ""
	}
	slug = strings.TrimSuffix(parts[len(parts)-1], ".md")
	lang := LangOf(p)
	switch {
	case len(parts) == 3 && parts[1] == "guides" && strings.HasSuffix(p, EasySuffix):
		return EasyGuide, "", strings.TrimSuffix(parts[2], EasySuffix)
	case len(parts) == 3 && parts[1] == "guides" && lang != "":
		return GuideTranslation, "", strings.TrimSuffix(slug, "."+lang)
	case len(parts) == 3 && parts[1] == "municipalities" && lang != "":
		base := strings.TrimSuffix(slug, "."+lang)
		return IntroTranslation, base, base
	case len(parts) == 5 && parts[1] == "municipalities" && parts[3] == "guides" && lang != "":
		return MunicipalityTranslation, parts[2], strings.TrimSuffix(slug, "."+lang)
	case len(parts) == 3 && parts[1] == "guides":
		return Guide, "", slug
	case len(parts) == 3 && parts[1] == "eservices":
		return EService, "", slug
	case len(parts) == 3 && parts[1] == "pages":
		return Page, "", slug
	case len(parts) == 3 && parts[1] == "municipalities":
		return Municipality, slug, slug
	case len(parts) == 5 && parts[1] == "municipalities" && parts[3] == "guides":
		return MunicipalityGuide, parts[2], slug
	case len(parts) == 5 && parts[1] == "municipalities" && parts[3] == "eservices":
		return EServiceAdaptation, parts[2], slug
	}
	return Unknown, "", ""
}
