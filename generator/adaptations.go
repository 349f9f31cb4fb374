package generator

import (
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/markdown"
	"github.com/esamverkan/guidemap/generator/model"
)

// Adaptation says what one municipality's adaptation of a shared guide
// does to its text: `guidemap check --adaptations` lists it, so that an
// author sees which sections replace the shared ones and which are added.
type Adaptation struct {
	File         string   // the municipality's file
	Shared       string   // the shared guide's file
	Municipality string   // the municipality's name
	Intro        bool     // its text before the first heading replaces the shared introduction
	Replaces     []string // headings of the sections it replaces
	Adds         []string // headings of the sections it adds at the end
	Near         []string // for each of Adds, the shared heading it nearly matches, or ""
}

// adaptations lists the adaptations of site's guides, sorted by file, from
// the sections of content (read before the build lets go of the text).
func adaptations(site *model.Site, content *load.Content) []Adaptation {
	var out []Adaptation
	for _, v := range site.Versions {
		src := v.Body.Sources
		if !v.Adapted || len(src) < 2 {
			continue
		}
		own := content.ByPath[src[len(src)-1]]
		if own == nil {
			continue
		}
		p := markdown.Plan(content.Sections(src[:len(src)-1]), own.Sections)
		a := Adaptation{File: own.Path, Shared: src[len(src)-2], Municipality: v.Municipality.Name, Intro: p.Intro, Near: p.Near}
		for _, s := range p.Replaces {
			a.Replaces = append(a.Replaces, s.Heading)
		}
		for _, s := range p.Adds {
			a.Adds = append(a.Adds, s.Heading)
		}
		out = append(out, a)
	}
	return out
}
