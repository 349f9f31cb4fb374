package directory

// Offers: how the library's e-services become each municipality's offers.
// An e-service is offered by the municipality that owns it, by every
// municipality when it is common, by the municipalities that list it under
// eservices: in their file (adopted as it is), and by those with a file of
// the same name in their eservices folder (adapted: the adaptation's front
// matter overrides the library's, its sections the library's sections).

import (
	"maps"
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/markdown"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/safety"
)

// Input is what the e-services and their offers are made of: the loaded
// files, and what the assemble stage resolved before them.
type Input struct {
	// Library is content/eservices/<slug>.md by slug.
	Library map[string]*markdown.Doc[EServiceMeta]
	// Adaptations are content/municipalities/<m>/eservices/<slug>.md by
	// municipality slug and e-service slug.
	Adaptations map[string]map[string]*markdown.Doc[EServiceMeta]
	// Municipalities are the site's, in its order, each with the slugs of
	// the e-services its file adopts (Municipality.Adopts).
	Municipalities []*model.Municipality
	// Adopts are the municipality files' front matter by slug: where each
	// item of their eservices: list is.
	Adopts map[string]markdown.Set
	// CheckCategory reports a category that site.toml does not define.
	CheckCategory func(pos diag.Pos, category string)
	// LifeEvents resolves the life events a file names (its life_events
	// list, where set tells each item's position) to the slugs of the
	// site's life events, reporting those it does not know; nil keeps the
	// names as they are.
	LifeEvents func(set markdown.Set, names []string) []string
}

// Assemble makes the library's e-services, sorted by slug, and every
// offer, by e-service and then in the order of in.Municipalities. It
// reports, at the value that causes it, a library file without title or
// owner, an unknown owner, adoption or adaptation, and adoptions or
// adaptations that make no sense (of an e-service a municipality owns, or
// that is common).
func Assemble(in Input, l *diag.List) ([]*model.EService, []*model.Offer) {
	munis := make([]string, len(in.Municipalities))
	for i, m := range in.Municipalities {
		munis[i] = m.Slug
	}
	owners := append([]string{model.Common}, munis...)
	slugs := slices.Sorted(maps.Keys(in.Library))
	var eservices []*model.EService
	byslug := map[string]*model.EService{}
	for _, slug := range slugs {
		d := in.Library[slug]
		md := d.Meta
		if slices.Contains(model.EServiceReserved, slug) {
			l.Errorf(diag.At(d.File.Path, 1, 1), "rename the file", "%q is used by the e-service directory itself (/e-tjanster/%s/) and cannot be the name of an e-service", slug, slug)
			continue
		}
		if md.Title == "" && d.Set.Missing("title") {
			l.Errorf(d.Pos("title"), `add a line such as title: "Ansök om bygglov"`, "missing title")
		}
		switch {
		case md.Owner == "" && !d.Set.Missing("owner"):
		case md.Owner == "":
			l.Errorf(d.Pos("owner"), `add owner: common for an e-service built together, or the slug of the municipality that built it`, "missing owner")
		case !slices.Contains(owners, md.Owner):
			l.Errorf(d.Pos("owner"), diag.DidYouMeanOr(md.Owner, owners, diag.Textf("the owner is common or one of %s", strings.Join(munis, ", "))),
				"unknown owner %q", md.Owner)
		}
		if d.Set.Missing("category") {
			l.Errorf(diag.At(d.File.Path, 1, 1), "add a line such as category: bygga-bo (the categories are in site.toml)", "missing category")
		}
		in.CheckCategory(d.Pos("category"), md.Category)
		events := md.LifeEvents
		if in.LifeEvents != nil {
			events = in.LifeEvents(d.Set, md.LifeEvents)
		}
		status := md.Status
		if status == "" {
			status = "live"
		}
		if status == "live" && md.URL == "" {
			l.Warnf(d.Pos("url"), "add url: with the e-service's address, or set status: planned", "a live e-service has no url")
		}
		e := &model.EService{
			Slug: slug, Title: md.Title, Summary: md.Summary, Owner: md.Owner, URL: safety.Link(md.URL),
			Category: md.Category, Audience: md.Audience, Login: md.Login, Fee: md.Fee,
			Status: status, LifeEvents: events, Needs: md.Needs, Duration: md.Duration,
			Contact: md.Contact.Model(), PersonalData: md.PersonalData,
			Body: model.Body{Sources: []string{d.File.Path}}, File: d.File.Path,
		}
		eservices = append(eservices, e)
		byslug[slug] = e
	}
	adopts, adaptedEvents := adoptions(in, byslug, slugs, l)
	var offers []*model.Offer
	for _, e := range eservices {
		for _, m := range in.Municipalities {
			o := &model.Offer{EService: e, Municipality: m, Title: e.Title, Summary: e.Summary, URL: e.URL,
				Fee: e.Fee, Login: e.Login, Status: e.Status, Needs: e.Needs, Duration: e.Duration,
				Contact: e.Contact, PersonalData: e.PersonalData, Body: e.Body, LifeEvents: e.LifeEvents}
			as, listed := adopts[m.Slug][e.Slug]
			switch {
			case e.Owner == m.Slug:
				o.Kind = model.Owns
			case listed && !as:
				adapt(o, in.Adaptations[m.Slug][e.Slug], adaptedEvents[m.Slug][e.Slug])
			case e.Owner == model.Common:
				o.Kind = model.CommonService
			case listed:
				o.Kind = model.Adopts
			default:
				continue
			}
			offers = append(offers, o)
		}
	}
	return eservices, offers
}

// adoptions checks the adoptions listed in municipality files and the
// adaptations in their folders, and returns, by municipality and
// e-service, true for an e-service adopted as it is and false for one
// adapted, and the life events each adaptation names, resolved.
func adoptions(in Input, byslug map[string]*model.EService, slugs []string, l *diag.List) (map[string]map[string]bool, map[string]map[string][]string) {
	adopts := map[string]map[string]bool{}
	events := map[string]map[string][]string{}
	for _, m := range in.Municipalities {
		set := in.Adopts[m.Slug]
		adopts[m.Slug] = map[string]bool{}
		for i, s := range m.Adopts {
			e, ok := byslug[s]
			pos := set[markdown.Item("eservices", i)]
			switch {
			case !ok:
				l.Errorf(pos, diag.DidYouMeanOr(s, slugs, "list the slugs of files in content/eservices/"), "unknown e-service %q", s)
			case e.Owner == m.Slug:
				l.Warnf(pos, "remove it from the list", "%s owns e-service %q: it need not adopt it", m.Name, s)
			case e.Owner == model.Common:
				l.Warnf(pos, "remove it from the list", "e-service %q is common: every municipality offers it already", s)
			default:
				adopts[m.Slug][s] = true
			}
		}
	}
	for _, m := range slices.Sorted(maps.Keys(in.Adaptations)) {
		i := slices.IndexFunc(in.Municipalities, func(x *model.Municipality) bool { return x.Slug == m })
		for _, s := range slices.Sorted(maps.Keys(in.Adaptations[m])) {
			d := in.Adaptations[m][s]
			e, ok := byslug[s]
			if !ok {
				l.Errorf(diag.At(d.File.Path, 1, 1), diag.DidYouMeanOr(s, slugs, "an adaptation has the file name of an e-service in content/eservices/"),
					"adapts e-service %q, which does not exist", s)
				continue
			}
			if d.Set["owner"] != (diag.Pos{}) {
				l.Errorf(d.Pos("owner"), "remove owner: the owner of the original stays the owner", "an adaptation cannot change the owner")
			}
			if i < 0 {
				continue // the assemble stage reports the folder without a municipality
			}
			if e.Owner == m {
				l.Errorf(diag.At(d.File.Path, 1, 1), diag.Textf("change %s itself", e.File), "%s owns e-service %q and cannot adapt it", in.Municipalities[i].Name, s)
				continue
			}
			in.CheckCategory(d.Pos("category"), d.Meta.Category)
			adopts[m][s] = false // adapted, not adopted as it is
			if events[m] == nil {
				events[m] = map[string][]string{}
			}
			events[m][s] = d.Meta.LifeEvents
			if in.LifeEvents != nil {
				events[m][s] = in.LifeEvents(d.Set, d.Meta.LifeEvents)
			}
		}
	}
	return adopts, events
}

// adapt makes o the adaptation d: what its front matter sets overrides the
// library's, and its body is the library's adapted by d's sections;
// events are d's life events, resolved.
func adapt(o *model.Offer, d *markdown.Doc[EServiceMeta], events []string) {
	o.Kind = model.Adapts
	o.AdaptFile = d.File.Path
	md, set := d.Meta, d.Set
	markdown.Over(set, "title", &o.Title, md.Title)
	markdown.Over(set, "summary", &o.Summary, md.Summary)
	markdown.Over(set, "url", &o.URL, safety.Link(md.URL))
	markdown.Over(set, "fee", &o.Fee, md.Fee)
	markdown.Over(set, "status", &o.Status, md.Status)
	markdown.Over(set, "duration", &o.Duration, md.Duration)
	markdown.Over(set, "personal_data", &o.PersonalData, md.PersonalData)
	markdown.Over(set, "login", &o.Login, md.Login)
	markdown.Over(set, "needs", &o.Needs, md.Needs)
	markdown.Over(set, "contact", &o.Contact, md.Contact.Model())
	markdown.Over(set, "life_events", &o.LifeEvents, events)
	o.Body = model.Body{Sources: []string{o.EService.File, d.File.Path}}
}

// Startable reports whether an offer can be started on the web: it has a
// URL and is live or in beta (neither planned nor retired).
func Startable(o *model.Offer) bool {
	return o.URL != "" && o.Status != "planned" && o.Status != "retired"
}

// Change is a field in which an adaptation differs from the library's
// e-service, named by its front matter key.
type Change string

// The fields Changes reports, in the order it reports them.
const (
	ChangeURL      Change = "url"      // the adaptation has an address of its own
	ChangeFee      Change = "fee"      // it sets another fee
	ChangeLogin    Change = "login"    // it sets other logins
	ChangeStatus   Change = "status"   // its status differs
	ChangeDuration Change = "duration" // it sets another duration
)

// Changes are the fields in which o, when it adapts an e-service, differs
// from the library's e-service: the URL and status whenever they differ,
// the fee, logins and duration when the adaptation gives them. An offer
// of another kind has none. Whether the adaptation's text differs is a
// matter of the rendered bodies, not decided here.
func Changes(o *model.Offer) []Change {
	if o.Kind != model.Adapts {
		return nil
	}
	e := o.EService
	var cs []Change
	if o.URL != e.URL {
		cs = append(cs, ChangeURL)
	}
	if o.Fee != e.Fee && o.Fee != "" {
		cs = append(cs, ChangeFee)
	}
	if !slices.Equal(o.Login, e.Login) && len(o.Login) > 0 {
		cs = append(cs, ChangeLogin)
	}
	if o.Status != e.Status {
		cs = append(cs, ChangeStatus)
	}
	if o.Duration != e.Duration && o.Duration != "" {
		cs = append(cs, ChangeDuration)
	}
	return cs
}
