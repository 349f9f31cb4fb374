// Package assemble is the second stage of a build: one pass over
// everything loaded that resolves what files say of each other —
// categories, municipalities, adoptions and adaptations, the places of the
// service points — and yields the *model.Site, which nothing changes
// afterwards. Every problem found is reported at the value in the file
// that causes it. The e-services and their offers follow the rules of
// package directory, which this stage runs (directory.Assemble).
package assemble

import (
	"maps"
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/directory"
	"github.com/esamverkan/guidemap/generator/geodata"
	"github.com/esamverkan/guidemap/generator/guides"
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/markdown"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/safety"
)

// reserved are the first path segments the site's own pages use, which no
// municipality or page may take.
var reserved = []string{"404.html", "assets", "data", "e-tjanster", "en", "guider", "karta", "kategorier", "kommuner",
	"platser", "sok", "tillganglighet", "livshandelser", "foretag"}

type assembler struct {
	l     *diag.List
	ld    *load.Content
	site  *model.Site
	roots map[string]string // first path segment → file that takes it
}

// Site assembles the site from what the load stage read. Problems are
// added to l; the site is made whatever they are, as far as it can be.
func Site(in *load.Input, l *diag.List) *model.Site {
	var codes map[string]string
	if in.Boundaries != nil {
		codes = map[string]string{}
		for _, b := range in.Boundaries {
			codes[b.Code] = b.Name
		}
	}
	site := content(in.Config, in.Content, codes, l)
	site.Boundaries = in.Boundaries
	site.Base = in.Base
	site.Credits = in.Credits
	placePoints(site, in.Points, l)
	schoolHolidays(site, l)
	return site
}

// schoolHolidays checks that the municipalities site.toml's school
// holidays name exist, and warns of each point whose opening hours say
// SH where the site lists no school holiday for its municipality: its
// page would show the hours as if there were none.
func schoolHolidays(site *model.Site, l *diag.List) {
	known := map[string]bool{}
	for _, m := range site.Municipalities {
		known[m.Slug] = true
	}
	for _, h := range site.Config.SchoolHolidays {
		for _, m := range h.Municipalities {
			if !known[m] {
				l.Errorf(diag.At(h.File, h.Line, 1), diag.DidYouMeanOr(m, slices.Sorted(maps.Keys(known)), diag.Textf("name municipalities by their slug, as their folders in content/municipalities/")),
					"school holiday %q names municipality %q, which the site does not have", h.Name, m)
			}
		}
	}
	listed := map[string]bool{}
	warned := map[string]bool{} // one warning per file and municipality
	for _, p := range site.Points {
		if !p.Hours.UsesSH() {
			continue
		}
		if _, ok := listed[p.Municipality]; !ok {
			listed[p.Municipality] = slices.ContainsFunc(site.Config.SchoolHolidays, func(h model.SchoolHoliday) bool { return h.Applies(p.Municipality) })
		}
		if listed[p.Municipality] || warned[p.File+"\x00"+p.Municipality] {
			continue
		}
		warned[p.File+"\x00"+p.Municipality] = true
		l.Warnf(diag.InFeature(p.File, p.Feature, p.Line, p.Col), diag.Textf("list the school holidays in site.toml: [[school_holidays]] with name, from, to and municipalities (see README.md)"),
			"%q: opening_hours says SH (school holidays), but site.toml lists no school holidays for %s, so its page shows the hours as if there were none",
			p.Name, p.Municipality)
	}
}

// body is the body made of files: the first file's sections, adapted by
// the others'. The bodies stage composes and renders it.
func body(files ...string) model.Body { return model.Body{Sources: files} }

func content(cfg model.Config, ld *load.Content, codes map[string]string, l *diag.List) *model.Site {
	a := &assembler{l: l, ld: ld, site: &model.Site{Config: cfg}, roots: map[string]string{}}
	for _, r := range reserved {
		a.roots[r] = ""
	}
	a.municipalities(codes)
	a.eservices()
	a.guides()
	a.easy()
	a.translations()
	a.pages()
	return a.site
}

// claim takes the root path segment slug for file, reporting a clash.
func (a *assembler) claim(slug, file string) bool {
	if other, taken := a.roots[slug]; taken {
		if other == "" {
			a.l.Errorf(diag.At(file, 1, 1), "rename the file", "%q is used by the site itself (/%s/) and cannot be the name of a page or municipality", slug, slug)
		} else {
			a.l.Errorf(diag.At(file, 1, 1), "rename one of the files", "%q is also the name of %s: both would be at /%s/", slug, other, slug)
		}
		return false
	}
	a.roots[slug] = file
	return true
}

func (a *assembler) municipalities(codes map[string]string) {
	byCode := map[string]string{}
	for _, slug := range sortedKeys(a.ld.Municipalities) {
		d := a.ld.Municipalities[slug]
		if !a.claim(slug, d.File.Path) {
			continue
		}
		md := d.Meta
		if md.Code != "" {
			if other, dup := byCode[md.Code]; dup {
				a.l.Errorf(d.Pos("code"), "each municipality has its own SCB code", "code %q is also the code of %s", md.Code, other)
			}
			byCode[md.Code] = d.File.Path
			if codes != nil {
				if _, ok := codes[md.Code]; !ok {
					a.l.Errorf(d.Pos("code"), boundaryHint(codes), "no boundary in %s has code %q", load.BoundariesFile, md.Code)
				}
			}
		}
		a.site.Municipalities = append(a.site.Municipalities, &model.Municipality{
			Slug: slug, Name: md.Name, Code: md.Code, Website: safety.Link(md.Website), Email: md.Email,
			Phone: md.Phone, Address: md.Address, Summary: md.Summary,
			Intro: body(d.File.Path), File: d.File.Path,
			Adopts: md.EServices, OffersGuides: md.Guides,
		})
	}
	// Readers look for their municipality in alphabetical order of name,
	// with å, ä, ö after z.
	slices.SortStableFunc(a.site.Municipalities, func(x, y *model.Municipality) int {
		return strings.Compare(model.CollateKey(x.Name), model.CollateKey(y.Name))
	})
	for m, gs := range a.ld.MuniGuides {
		a.checkFolder(m, gs[sortedKeys(gs)[0]].File.Path)
	}
	for m, es := range a.ld.ESAdaptations {
		a.checkFolder(m, es[sortedKeys(es)[0]].File.Path)
	}
}

// checkFolder reports a municipality folder without a municipality file,
// at the first file in it.
func (a *assembler) checkFolder(m, file string) {
	if _, ok := a.ld.Municipalities[m]; ok {
		return
	}
	a.l.Errorf(diag.At(file, 1, 1), diag.DidYouMeanOr(m, sortedKeys(a.ld.Municipalities), diag.Textf("add content/municipalities/%s.md, or move the file to an existing municipality's folder", m)),
		"there is no municipality %q (content/municipalities/%s.md)", m, m)
}

func boundaryHint(codes map[string]string) string {
	var list []string
	for _, c := range sortedKeys(codes) {
		list = append(list, c+" "+codes[c])
	}
	return diag.Textf("the boundaries have the codes %s", strings.Join(list, ", "))
}

// muniSlugs are the slugs of the site's municipalities.
func (a *assembler) muniSlugs() []string {
	s := make([]string, len(a.site.Municipalities))
	for i, m := range a.site.Municipalities {
		s[i] = m.Slug
	}
	return s
}

// requireCategory reports a shared or local guide without a category (one
// given empty is reported by the decoder): it would be in no list.
func (a *assembler) requireCategory(set markdown.Set, file, cat string) {
	if cat != "" || !set.Missing("category") {
		return
	}
	a.l.Errorf(diag.At(file, 1, 1), diag.Textf("add a line such as category: %s (the categories are in site.toml)", a.firstCategory()), "missing category")
}

func (a *assembler) firstCategory() string {
	if len(a.site.Config.Categories) > 0 {
		return a.site.Config.Categories[0].Slug
	}
	return "bygga-bo"
}

// checkCategory reports a category that site.toml does not define.
func (a *assembler) checkCategory(pos diag.Pos, cat string) {
	if cat == "" {
		return
	}
	if _, ok := a.site.Config.Category(cat); ok {
		return
	}
	var slugs []string
	for _, c := range a.site.Config.Categories {
		slugs = append(slugs, c.Slug)
	}
	hint := diag.DidYouMean(cat, slugs)
	if hint == "" {
		hint = diag.Textf("the categories in site.toml are %s", strings.Join(slugs, ", "))
	}
	a.l.Errorf(pos, hint, "unknown category %q", cat)
}

// The words checkRefs names what it checks with (made once).
var (
	wordMunicipality   = diag.Textf("municipality")
	wordMunicipalities = diag.Textf("municipalities")
	wordEService       = diag.Textf("e-service")
	wordEServices      = diag.Textf("e-services")
)

// checkRefs reports the items of a list that are not in known.
func checkRefs(l *diag.List, set markdown.Set, key string, items, known []string, what, whats string) {
	for i, it := range items {
		if !slices.Contains(known, it) {
			hint := diag.DidYouMean(it, known)
			if hint == "" {
				hint = diag.Textf("the %s are %s", whats, strings.Join(known, ", "))
			}
			l.Errorf(set[markdown.Item(key, i)], hint, "unknown %s %q", what, it)
		}
	}
}

// lifeEvents resolves the life events a guide or an e-service names in
// its life_events list (set tells where each item is) to the slugs of
// site.toml's [[life_events]]: a file may name one by its slug or by its
// Swedish or English name. A name site.toml does not declare is reported
// and left out; so is a life event named twice.
func (a *assembler) lifeEvents(set markdown.Set, names []string) []string {
	var out []string
	for i, name := range names {
		e, ok := a.site.Config.LifeEventNamed(name)
		if !ok {
			a.l.Errorf(set[markdown.Item("life_events", i)], a.lifeEventHint(name), "unknown life event %q", name)
			continue
		}
		if !slices.Contains(out, e.Slug) {
			out = append(out, e.Slug)
		}
	}
	return out
}

// lifeEventHint says how to fix a life event that site.toml does not
// declare: the one meant, or where life events are declared.
func (a *assembler) lifeEventHint(name string) string {
	var known []string
	for _, e := range a.site.Config.LifeEvents {
		known = append(known, e.SV)
	}
	for _, e := range a.site.Config.LifeEvents {
		known = append(known, e.Slug)
	}
	if h := diag.DidYouMean(name, known); h != "" {
		return h
	}
	declare := diag.Textf(`declare it in content/site.toml: [[life_events]] with slug = "…" and sv = %q`, name)
	if len(a.site.Config.LifeEvents) == 0 {
		return declare
	}
	return diag.Textf("the site's life events are %s; or %s", strings.Join(known[:len(known)/2], ", "), declare)
}

// eservices makes the library's e-services and every municipality's
// offers of them (package directory has the rules).
func (a *assembler) eservices() {
	adopts := make(map[string]markdown.Set, len(a.site.Municipalities))
	for _, m := range a.site.Municipalities {
		adopts[m.Slug] = a.ld.Municipalities[m.Slug].Set
	}
	a.site.EServices, a.site.Offers = directory.Assemble(directory.Input{
		Library: a.ld.EServices, Adaptations: a.ld.ESAdaptations,
		Municipalities: a.site.Municipalities, Adopts: adopts, CheckCategory: a.checkCategory,
		LifeEvents: a.lifeEvents,
	}, a.l)
}

func (a *assembler) guides() {
	munis := a.muniSlugs()
	esSlugs := make([]string, len(a.site.EServices))
	for i, e := range a.site.EServices {
		esSlugs[i] = e.Slug
	}
	shared := map[string]*model.Guide{}
	offered := map[string]map[string]bool{} // guide → municipality
	for _, slug := range sortedKeys(a.ld.Guides) {
		d := a.ld.Guides[slug]
		md := d.Meta
		if md.Title == "" && d.Set.Missing("title") {
			a.l.Errorf(d.Pos("title"), `add a line such as title: "Bygglov"`, "missing title")
		}
		a.requireCategory(d.Set, d.File.Path, md.Category)
		a.checkCategory(d.Pos("category"), md.Category)
		checkRefs(a.l, d.Set, "municipalities", md.Municipalities, munis, wordMunicipality, wordMunicipalities)
		checkRefs(a.l, d.Set, "eservices", md.EServices, esSlugs, wordEService, wordEServices)
		events := a.lifeEvents(d.Set, md.LifeEvents)
		if md.Draft {
			continue
		}
		g := &model.Guide{
			Slug: slug, Owner: model.Common, Title: md.Title, Summary: md.Summary, Category: md.Category,
			Audience: md.Audience, LifeEvents: events, Updated: md.Updated,
			EServices: md.EServices, Contact: md.Contact.Model(), Body: body(d.File.Path), File: d.File.Path,
		}
		offered[slug] = map[string]bool{}
		for _, m := range munis {
			if len(md.Municipalities) == 0 || slices.Contains(md.Municipalities, m) {
				offered[slug][m] = true
			}
		}
		shared[slug] = g
		a.site.Guides = append(a.site.Guides, g)
	}
	sharedSlugs := sortedKeys(a.ld.Guides)
	for _, m := range a.site.Municipalities {
		d := a.ld.Municipalities[m.Slug]
		for i, s := range m.OffersGuides {
			if _, ok := shared[s]; !ok {
				a.l.Errorf(d.Set[markdown.Item("guides", i)], diag.DidYouMeanOr(s, sharedSlugs, "list the slugs of files in content/guides/"), "unknown guide %q", s)
				continue
			}
			offered[s][m.Slug] = true
		}
	}
	// Adaptations and local guides.
	adapted := map[string]map[string]*markdown.Doc[guides.GuideMeta]{}
	adaptedEvents := map[*markdown.Doc[guides.GuideMeta]][]string{} // an adaptation's life events, resolved
	for _, ms := range sortedKeys(a.ld.MuniGuides) {
		m := a.site.Municipality(ms)
		for _, s := range sortedKeys(a.ld.MuniGuides[ms]) {
			d := a.ld.MuniGuides[ms][s]
			md := d.Meta
			if _, ok := d.Set["municipalities"]; ok {
				a.l.Errorf(d.Pos("municipalities"), "remove it: the folder says which municipality this is", "only shared guides list municipalities")
			}
			checkRefs(a.l, d.Set, "eservices", md.EServices, esSlugs, wordEService, wordEServices)
			a.checkCategory(d.Pos("category"), md.Category)
			events := a.lifeEvents(d.Set, md.LifeEvents)
			if m == nil || md.Draft {
				continue
			}
			if _, ok := a.ld.Guides[s]; ok {
				if shared[s] == nil {
					continue // the shared guide is a draft
				}
				put(adapted, s, ms, d)
				adaptedEvents[d] = events
				offered[s][ms] = true
				continue
			}
			if md.Title == "" && !d.Set.Missing("title") {
				continue // given empty: the decoder said so
			}
			if md.Title == "" && !d.Set.Invalid() {
				hint := "a local guide needs a title; an adaptation needs the file name of a guide in content/guides/"
				if near := diag.Suggest(s, sharedSlugs); near != "" {
					hint = diag.Textf("did you mean %s.md? (a local guide needs a title)", near)
				}
				a.l.Errorf(diag.At(d.File.Path, 1, 1), hint, "adapts guide %q, which does not exist", s)
				continue
			}
			a.requireCategory(d.Set, d.File.Path, md.Category)
			g := &model.Guide{
				Slug: s, Owner: ms, Title: md.Title, Summary: md.Summary, Category: md.Category,
				Audience: md.Audience, LifeEvents: events, Updated: md.Updated,
				EServices: md.EServices, Contact: md.Contact.Model(), Body: body(d.File.Path), File: d.File.Path,
			}
			if g.Contact.IsZero() {
				g.Contact = m.Contact()
			}
			a.site.LocalGuides = append(a.site.LocalGuides, g)
			a.site.Versions = append(a.site.Versions, &model.Version{
				Guide: g, Municipality: m, Local: true,
				Title: g.Title, Summary: g.Summary, Category: g.Category, Audience: g.Audience,
				LifeEvents: g.LifeEvents, Updated: g.Updated, EServices: g.EServices, Contact: g.Contact, Body: g.Body,
			})
		}
	}
	for _, g := range a.site.Guides {
		for _, m := range a.site.Municipalities {
			if !offered[g.Slug][m.Slug] {
				continue
			}
			v := &model.Version{
				Guide: g, Municipality: m,
				Title: g.Title, Summary: g.Summary, Category: g.Category, Audience: g.Audience,
				LifeEvents: g.LifeEvents, Updated: g.Updated, EServices: g.EServices, Contact: g.Contact, Body: g.Body,
			}
			if d := adapted[g.Slug][m.Slug]; d != nil {
				v.Adapted, v.AdaptFile = true, d.File.Path
				md, set := d.Meta, d.Set
				markdown.Over(set, "title", &v.Title, md.Title)
				markdown.Over(set, "summary", &v.Summary, md.Summary)
				markdown.Over(set, "category", &v.Category, md.Category)
				markdown.Over(set, "updated", &v.Updated, md.Updated)
				markdown.Over(set, "audience", &v.Audience, md.Audience)
				markdown.Over(set, "life_events", &v.LifeEvents, adaptedEvents[d])
				markdown.Over(set, "eservices", &v.EServices, md.EServices)
				markdown.Over(set, "contact", &v.Contact, md.Contact.Model())
				v.Body = body(g.File, d.File.Path)
			}
			if v.Contact.IsZero() {
				v.Contact = m.Contact()
			}
			a.site.Versions = append(a.site.Versions, v)
		}
	}
	slices.SortFunc(a.site.LocalGuides, func(x, y *model.Guide) int {
		return strings.Compare(x.Owner+"/"+x.Slug, y.Owner+"/"+y.Slug)
	})
	// By URL, each made once.
	urls := make(map[*model.Version]string, len(a.site.Versions))
	for _, v := range a.site.Versions {
		urls[v] = v.URL()
	}
	slices.SortFunc(a.site.Versions, func(x, y *model.Version) int { return strings.Compare(urls[x], urls[y]) })
}

// easy gives shared guides their easy-to-read versions (lättläst).
func (a *assembler) easy() {
	byslug := map[string]*model.Guide{}
	var slugs []string
	for _, g := range a.site.Guides {
		byslug[g.Slug] = g
		slugs = append(slugs, g.Slug)
	}
	for _, slug := range sortedKeys(a.ld.Easy) {
		d := a.ld.Easy[slug]
		g := byslug[slug]
		if g == nil {
			hint := diag.Textf("name it after a shared guide: content/guides/<guide>%s", load.EasySuffix)
			if s := diag.Suggest(slug, slugs); s != "" {
				hint = diag.Textf("did you mean %s%s?", s, load.EasySuffix)
			}
			a.l.Errorf(diag.At(d.File.Path, 1, 1), hint, "an easy-to-read version of guide %q, which is not a shared guide", slug)
			continue
		}
		e := &model.EasyRead{Title: d.Meta.Title, Summary: d.Meta.Summary, Body: body(d.File.Path), File: d.File.Path}
		if e.Title == "" {
			e.Title = g.Title
		}
		g.Easy = e
	}
}

// translations gives guides and their versions the site's other
// languages: content/guides/<slug>.<lang>.md translates a shared guide,
// content/municipalities/<m>/guides/<slug>.<lang>.md an adaptation (whose
// sections then replace the translated shared guide's, as in Swedish) or
// a local guide. A version whose municipality adapted the guide but not
// its translation shows the shared translation, Partial.
func (a *assembler) translations() {
	shared := map[string]*model.Guide{}
	var slugs []string
	for _, g := range a.site.Guides {
		shared[g.Slug] = g
		slugs = append(slugs, g.Slug)
	}
	versions := map[string]*model.Version{} // "m/slug"
	for _, v := range a.site.Versions {
		versions[v.Municipality.Slug+"/"+v.Guide.Slug] = v
	}
	known := func(lang, file string) bool {
		if lang != "sv" && slices.Contains(a.site.Config.Languages, lang) {
			return true
		}
		a.l.Errorf(diag.At(file, 1, 1), diag.Textf(`add %q to languages in content/site.toml, or rename the file`, lang),
			"a translation into %q, which is not one of the site's languages (%s)", lang, strings.Join(a.site.Config.Languages, ", "))
		return false
	}
	for _, lang := range sortedKeys(a.ld.Translations) {
		for _, slug := range sortedKeys(a.ld.Translations[lang]) {
			d := a.ld.Translations[lang][slug]
			if !known(lang, d.File.Path) {
				continue
			}
			g := shared[slug]
			if g == nil {
				hint := diag.Textf("name it after a shared guide: content/guides/<guide>.%s.md", lang)
				if s := diag.Suggest(slug, slugs); s != "" {
					hint = diag.Textf("did you mean %s.%s.md?", s, lang)
				}
				a.l.Errorf(diag.At(d.File.Path, 1, 1), hint, "a translation of guide %q, which is not a shared guide", slug)
				continue
			}
			if d.Meta.Title == "" && !d.Set.Invalid() {
				a.l.Errorf(d.Pos("title"), `add the title in the translation's language, e.g. title: "Building permits"`, "missing title")
			}
			if g.Translations == nil {
				g.Translations = map[string]*model.Translation{}
			}
			g.Translations[lang] = &model.Translation{Lang: lang, Title: d.Meta.Title, Summary: d.Meta.Summary, Body: body(d.File.Path)}
		}
	}
	for _, lang := range sortedKeys(a.ld.IntroTranslations) {
		for _, slug := range sortedKeys(a.ld.IntroTranslations[lang]) {
			d := a.ld.IntroTranslations[lang][slug]
			if !known(lang, d.File.Path) {
				continue
			}
			m := a.site.Municipality(slug)
			if m == nil {
				a.l.Errorf(diag.At(d.File.Path, 1, 1), diag.Textf("name it after a municipality: content/municipalities/<m>.%s.md", lang),
					"a translation of municipality %q, which the site does not have", slug)
				continue
			}
			if m.Translations == nil {
				m.Translations = map[string]*model.Translation{}
			}
			m.Translations[lang] = &model.Translation{Lang: lang, Summary: d.Meta.Summary, Body: body(d.File.Path)}
		}
	}
	own := map[string]bool{} // "lang/m/slug": the municipality translated its version
	for _, lang := range sortedKeys(a.ld.MuniTranslations) {
		for _, m := range sortedKeys(a.ld.MuniTranslations[lang]) {
			for _, slug := range sortedKeys(a.ld.MuniTranslations[lang][m]) {
				d := a.ld.MuniTranslations[lang][m][slug]
				if !known(lang, d.File.Path) {
					continue
				}
				v := versions[m+"/"+slug]
				if v == nil {
					a.l.Errorf(diag.At(d.File.Path, 1, 1), diag.Textf("name it after a guide of %s: content/municipalities/%s/guides/<guide>.%s.md", m, m, lang),
						"a translation of %s's guide %q, which %s does not have", m, slug, m)
					continue
				}
				t := &model.Translation{Lang: lang, Title: d.Meta.Title, Summary: d.Meta.Summary}
				if v.Local {
					if t.Title == "" && !d.Set.Invalid() {
						a.l.Errorf(d.Pos("title"), `add the title in the translation's language, e.g. title: "Boat moorings"`, "missing title")
					}
					t.Body = body(d.File.Path)
				} else {
					gt := v.Guide.Translations[lang]
					if gt == nil {
						a.l.Errorf(diag.At(d.File.Path, 1, 1), diag.Textf("translate the shared guide first: content/guides/%s.%s.md", slug, lang),
							"translates %s's version of guide %q, which has no translation into %q", m, slug, lang)
						continue
					}
					if t.Title == "" {
						t.Title = gt.Title
					}
					if t.Summary == "" {
						t.Summary = gt.Summary
					}
					t.Body = body(gt.Body.Sources[0], d.File.Path)
				}
				if v.Translations == nil {
					v.Translations = map[string]*model.Translation{}
				}
				v.Translations[lang] = t
				own[lang+"/"+m+"/"+slug] = true
			}
		}
	}
	for _, v := range a.site.Versions {
		if v.Local {
			continue
		}
		for lang, gt := range v.Guide.Translations {
			if own[lang+"/"+v.Municipality.Slug+"/"+v.Guide.Slug] {
				continue
			}
			if v.Translations == nil {
				v.Translations = map[string]*model.Translation{}
			}
			v.Translations[lang] = &model.Translation{Lang: lang, Title: gt.Title, Summary: gt.Summary, Body: gt.Body, Partial: v.Adapted}
		}
	}
}

func (a *assembler) pages() {
	for _, slug := range sortedKeys(a.ld.Pages) {
		d := a.ld.Pages[slug]
		if d.Meta.Draft || !a.claim(slug, d.File.Path) {
			continue
		}
		a.site.Pages = append(a.site.Pages, &model.Page{
			Slug: slug, Title: d.Meta.Title, Summary: d.Meta.Summary, Weight: d.Meta.Weight,
			Body: body(d.File.Path), File: d.File.Path,
		})
	}
	slices.SortStableFunc(a.site.Pages, func(x, y *model.Page) int { return x.Weight - y.Weight })
}

// sortedKeys returns the keys of m in order.
func sortedKeys[T any](m map[string]T) []string {
	return slices.Sorted(maps.Keys(m))
}

// placePoints puts every point in its municipality and keeps those that
// are in one, sorted by municipality, category order and slug.
func placePoints(site *model.Site, points []model.Point, l *diag.List) {
	if len(points) == 0 {
		return
	}
	if len(site.Boundaries) == 0 {
		l.Errorf(diag.Pos{File: load.BoundariesFile}, "add the municipalities' boundaries (Polygon or MultiPolygon features with the property code)",
			"service points need the boundaries file to be placed")
		return
	}
	codeToSlug := map[string]string{}
	for _, m := range site.Municipalities {
		codeToSlug[m.Code] = m.Slug
	}
	geodata.Place(points, site.Boundaries, codeToSlug, l)
	geodata.CheckWater(points, site.Base, l)
	catOrder := map[string]int{}
	for i, c := range site.Config.PointCategories {
		catOrder[c.Slug] = i
	}
	muniOrder := map[string]int{}
	for i, m := range site.Municipalities {
		muniOrder[m.Slug] = i
	}
	// Sorted by index, with the keys looked up once: a point is a big
	// value, and a big site has tens of thousands.
	type key struct {
		muni, cat int
		slug      string
	}
	keys := make([]key, len(points))
	var kept []int
	for i, p := range points {
		if m, ok := muniOrder[p.Municipality]; ok {
			keys[i] = key{m, catOrder[p.Category], p.Slug}
			kept = append(kept, i)
		}
	}
	slices.SortStableFunc(kept, func(a, b int) int {
		ka, kb := keys[a], keys[b]
		if d := ka.muni - kb.muni; d != 0 {
			return d
		}
		if d := ka.cat - kb.cat; d != 0 {
			return d
		}
		return strings.Compare(ka.slug, kb.slug)
	})
	if len(kept) > 0 {
		site.Points = make([]model.Point, 0, len(kept))
	}
	for _, i := range kept {
		site.Points = append(site.Points, points[i])
	}
}

func put[T any](m map[string]map[string]T, a, b string, v T) {
	if m[a] == nil {
		m[a] = map[string]T{}
	}
	m[a][b] = v
}
