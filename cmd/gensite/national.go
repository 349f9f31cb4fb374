package main

// Presets, and what the national one adds to the classic site: every
// shared guide offered by every municipality with a share of them adapted
// by each, local guides, and e-services taken up the way a real
// collaboration's are.

import (
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// presets are named sets of flag values; flags given beside a preset win.
// national is goal 4 of issue #12: a collaboration of all 290 Swedish
// municipalities.
var presets = map[string]map[string]string{
	"national": {
		"municipalities": "290",
		"guides":         "300",
		"adapt-percent":  "10",
		"local":          "20",
		"eservices":      "300",
		"adoption":       "realistic",
		"points":         "100000",
	},
}

func presetNames() []string { return slices.Sorted(maps.Keys(presets)) }

// applyPreset sets the preset's values of the flags not given in fl.
func applyPreset(fl *flag.FlagSet, name string) error {
	p, ok := presets[name]
	if !ok {
		return fmt.Errorf("unknown preset %q: give one of %s", name, strings.Join(presetNames(), ", "))
	}
	given := map[string]bool{}
	fl.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, k := range slices.Sorted(maps.Keys(p)) {
		if given[k] {
			continue
		}
		if err := fl.Set(k, p[k]); err != nil {
			return fmt.Errorf("preset %s: %v", name, err)
		}
	}
	return nil
}

// guidesAdaptedByAll writes the shared guides, each offered by every
// municipality, and then each municipality's adaptations of its own
// AdaptPercent of them.
func (g *gen) guidesAdaptedByAll() {
	for i, slug := range g.guideSlugs {
		g.guide("content/guides/"+slug+".md", "", i+1, "", g.guideLink(i))
	}
	n := len(g.guideSlugs) * g.o.AdaptPercent / 100
	for _, m := range g.ms {
		for _, slug := range g.subset(g.guideSlugs, n) {
			g.adaptGuide(m, slug)
		}
	}
}

// localGuides writes Local guides of each municipality's own, each
// linking to the one before it in the same folder.
func (g *gen) localGuides() {
	for _, m := range g.ms {
		prev := ""
		for k := range g.o.Local {
			slug := fmt.Sprintf("%s-l%d", slugify(g.pick(things)), k+1) // short: the link text is the slug
			link := ""
			if prev != "" {
				link = prev + ".md"
			}
			g.guide("content/municipalities/"+m.slug+"/guides/"+slug+".md", " i "+m.name, k+1, "", link)
			prev = slug
		}
	}
}

// adoptRealistic lets the municipalities take up the library's
// e-services as in a real collaboration: the common ones are everyone's
// (one municipality in twenty adapts each), the others ranked by
// popularity, the r-th most popular adopted by a municipality with
// probability 0.6/(1+r/10) — the top ones by most, the long tail by a
// handful — and one adoption in eight adapted.
func (g *gen) adoptRealistic() {
	rank := g.rng.Perm(len(g.esSlugs))
	for _, m := range g.ms {
		for i, s := range g.esSlugs {
			switch {
			case g.esOwner[s] == m.slug:
			case g.esOwner[s] == "common":
				if g.rng.IntN(20) == 0 {
					g.adaptEService(m, s)
				}
			case g.rng.Float64() < 0.6/(1+float64(rank[i])/10):
				if g.rng.IntN(8) == 0 {
					g.adaptEService(m, s)
				} else {
					g.adopted[m.slug] = append(g.adopted[m.slug], s)
				}
			}
		}
	}
}
