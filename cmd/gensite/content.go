package main

// What gensite writes of each kind: e-services, guides, municipalities,
// pages and service points.

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func (g *gen) eservices() {
	g.esOwner = map[string]string{}
	g.adopted = map[string][]string{}
	logins := []string{"none", "bankid", "freja"}
	for i := 0; i < g.o.EServices; i++ {
		verb, thing := g.pick(verbs), g.pick(things)
		slug := fmt.Sprintf("%s-%s-%d", slugify(verb), slugify(thing), i+1)
		owner := "common"
		if g.rng.IntN(10) >= 1 {
			owner = g.ms[g.rng.IntN(len(g.ms))].slug
		}
		g.esSlugs = append(g.esSlugs, slug)
		g.esOwner[slug] = owner
		title := capitalize(verb) + " " + thing
		g.write("content/eservices/"+slug+".md", fmt.Sprintf(`---
title: %s %d
summary: %s
owner: %s
url: https://e.synthetic.example.se/%s
category: %s
audience: %s
login: [%s]
fee: Enligt taxa
status: live
---

%s
`, title, i+1, g.sentence(), owner, slug, categories[g.rng.IntN(len(categories))].slug, yamlList(g.subset(audience, 1+g.rng.IntN(2))), g.pick(logins), g.body("")))
	}
	if g.o.Adoption == "realistic" {
		g.adoptRealistic()
		return
	}
	// Adoptions, and an adaptation for every fifth adoption.
	for _, m := range g.ms {
		for _, s := range g.subset(g.esSlugs, min(len(g.esSlugs), 3+g.rng.IntN(10))) {
			if g.esOwner[s] == m.slug || g.esOwner[s] == "common" {
				continue
			}
			g.adopted[m.slug] = append(g.adopted[m.slug], s)
			if g.rng.IntN(5) == 0 {
				g.adaptEService(m, s)
			}
		}
	}
}

// adaptEService writes m's adaptation of e-service s: its own address,
// fee and fee section.
func (g *gen) adaptEService(m muni, s string) {
	g.write("content/municipalities/"+m.slug+"/eservices/"+s+".md", fmt.Sprintf(`---
url: https://e.%s.example.se/%s
fee: Enligt %s taxa
---

## Avgifter och handläggningstid

%s
`, m.slug, s, m.name, g.paragraph()))
}

func (g *gen) guides() {
	for i := 0; i < g.o.Guides; i++ {
		g.guideSlugs = append(g.guideSlugs, fmt.Sprintf("%s-%d", slugify(g.pick(things)), i+1))
	}
	if g.o.AdaptPercent > 0 {
		g.guidesAdaptedByAll()
		g.localGuides()
		return
	}
	for i, slug := range g.guideSlugs {
		link := g.guideLink(i)
		munis := ""
		if g.rng.IntN(4) == 0 {
			var all []string
			for _, m := range g.ms {
				all = append(all, m.slug)
			}
			munis = "municipalities: " + yamlList(g.subset(all, 1+g.rng.IntN(len(all)))) + "\n"
		}
		g.guide("content/guides/"+slug+".md", "", i+1, munis, link)
		// One guide in eight is adapted by a municipality: its own fees.
		if g.rng.IntN(8) == 0 && munis == "" {
			g.adaptGuide(g.ms[g.rng.IntN(len(g.ms))], slug)
		}
	}
	g.localGuides()
}

// guideLink is the link of the i-th shared guide: to one before it.
func (g *gen) guideLink(i int) string {
	if i == 0 {
		return ""
	}
	return g.guideSlugs[g.rng.IntN(i)] + ".md"
}

// guide writes a guide, the n-th, shared or (where is " i Kommun") local,
// with extra lines of front matter and a link to another guide.
func (g *gen) guide(rel, where string, n int, extra, link string) {
	g.write(rel, fmt.Sprintf(`---
title: Så kan du %s %s%s (%d)
summary: %s
category: %s
audience: %s
updated: 2026-%02d-%02d
%s---

%s`, g.pick(verbs), g.pick(things), where, n, g.sentence(), categories[g.rng.IntN(len(categories))].slug, yamlList(g.subset(audience, 1+g.rng.IntN(3))),
		1+g.rng.IntN(11), 1+g.rng.IntN(28), extra, g.body(link)))
}

// adaptGuide writes m's adaptation of shared guide slug: its own fees.
func (g *gen) adaptGuide(m muni, slug string) {
	g.write("content/municipalities/"+m.slug+"/guides/"+slug+".md", fmt.Sprintf(`---
updated: 2026-10-%02d
---

## Avgifter och handläggningstid

I %s gäller egna avgifter.

| Ärende | Avgift |
|---|---|
| Ansökan | %d kronor |
| Ändring | %d kronor |

%s
`, 1+g.rng.IntN(28), m.name, 100*(1+g.rng.IntN(30)), 100*(1+g.rng.IntN(10)), g.paragraph()))
}

func (g *gen) municipalities() {
	for _, m := range g.ms {
		es := g.adopted[m.slug]
		sort.Strings(es)
		es = dedup(es)
		list := ""
		if len(es) > 0 {
			list = "eservices: " + yamlList(es) + "\n"
		}
		g.write("content/municipalities/"+m.slug+".md", fmt.Sprintf(`---
name: %s kommun
code: "%s"
website: https://www.%s.example.se/
email: kommun@%s.example.se
phone: 0%d-00 00 00
summary: %s
%s---

%s

%s
`, m.name, m.code, m.slug, m.slug, 10+g.rng.IntN(980), g.sentence(), list, g.paragraph(), g.paragraph()))
	}
}

func (g *gen) pages() {
	g.write("content/pages/om.md", "---\ntitle: Om samverkan\nsummary: Vad samverkan gör.\nweight: 10\n---\n\n"+g.paragraph()+"\n\n## Hur vi arbetar\n\n"+g.paragraph()+"\n")
}

// points scatters P points over the municipalities, each inside its
// municipality's boundary, in one file per point category.
func (g *gen) points() {
	perCat := make([][]feature, len(pointCategories))
	hours := []string{"Mo-Fr 08:00-17:00", "Mo-Th 10:00-19:00; Fr 10:00-17:00; Sa 11:00-15:00", "Mo-Su 06:00-22:00", "Tu-Fr 12:00-18:00; Sa 10:00-14:00"}
	wheel := []string{"yes", "limited", "no"}
	for i := 0; i < g.o.Points; i++ {
		m := g.ms[i%len(g.ms)]
		var pt orb.Point
		for try := 0; ; try++ {
			pt = orb.Point{m.bound.Min[0] + g.rng.Float64()*(m.bound.Max[0]-m.bound.Min[0]), m.bound.Min[1] + g.rng.Float64()*(m.bound.Max[1]-m.bound.Min[1])}
			if inside(m.geom, pt) && !inOther(g.ms, m.code, pt) {
				break
			}
			if try > 10000 {
				g.err = fmt.Errorf("cannot place a point in %s", m.name)
				return
			}
		}
		pt = orb.Point{round5(pt[0]), round5(pt[1])}
		c := i % len(pointCategories)
		f := newFeature(pt, map[string]string{
			"name":          fmt.Sprintf("%s %s %d", pointCategories[c].noun, m.name, i+1),
			"address":       fmt.Sprintf("%s %d", capitalize(g.pick(words))+"vägen", 1+g.rng.IntN(90)),
			"city":          m.name,
			"opening_hours": g.pick(hours),
			"wheelchair":    g.pick(wheel),
			"phone":         fmt.Sprintf("0%d-%02d %02d %02d", 10+g.rng.IntN(980), g.rng.IntN(100), g.rng.IntN(100), g.rng.IntN(100)),
			"description":   g.sentence(),
		})
		perCat[c] = append(perCat[c], f)
	}
	for c, fs := range perCat {
		if len(fs) == 0 {
			continue
		}
		data, err := json.MarshalIndent(newCollection(fs), "", " ")
		if err != nil {
			g.err = err
			return
		}
		g.write("geodata/platser/"+pointCategories[c].slug+".geojson", string(data)+"\n")
	}
}

func round5(f float64) float64 { return float64(int64(f*1e5+0.5*sign(f))) / 1e5 }

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

func inside(geom orb.Geometry, p orb.Point) bool {
	switch gg := geom.(type) {
	case orb.Polygon:
		return planar.PolygonContains(gg, p)
	case orb.MultiPolygon:
		return planar.MultiPolygonContains(gg, p)
	}
	return false
}

// inOther tells whether p also lies in another municipality (overlapping
// borders would make its placement ambiguous).
func inOther(ms []muni, code string, p orb.Point) bool {
	for _, m := range ms {
		if m.code != code && m.bound.Contains(p) && inside(m.geom, p) {
			return true
		}
	}
	return false
}

func dedup(xs []string) []string {
	var out []string
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// slugify makes a web-address name: lower case, å ä → a, ö → o, other
// letters and digits kept, the rest as hyphens.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'å', 'ä', 'à', 'á':
			r = 'a'
		case 'ö', 'ø':
			r = 'o'
		case 'é', 'è':
			r = 'e'
		case 'ü':
			r = 'u'
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// capitalize upper-cases the first letter.
func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
