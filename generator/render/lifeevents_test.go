package render

import (
	"reflect"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/model"
)

// lifeSite is a small site for the life events' lists: two municipalities,
// three categories, shared and local guides, an adaptation that adds a
// life event, and e-services offered by one or both.
func lifeSite() *model.Site {
	a := &model.Municipality{Slug: "ange", Name: "Ånge kommun"}
	b := &model.Municipality{Slug: "timra", Name: "Timrå kommun"}
	s := &model.Site{Config: model.Config{
		Categories: []model.Category{{Slug: "skola", SV: "Skola"}, {Slug: "bo", SV: "Bo"}, {Slug: "avfall", SV: "Avfall"}},
		LifeEvents: []model.LifeEvent{
			{Slug: "flytta", SV: "Flytta", EN: "Moving", Audience: []string{"citizen"}},
			{Slug: "starta-foretag", SV: "Starta företag", EN: "Starting a business", Audience: []string{"business"}},
			{Slug: "fritid", SV: "Fritid", EN: "Leisure", Audience: []string{"citizen"}},
		},
	}, Municipalities: []*model.Municipality{b, a}}
	guide := func(slug, title, cat string, audience []string, events ...string) *model.Guide {
		return &model.Guide{Slug: slug, Owner: model.Common, Title: title, Category: cat, Audience: audience, LifeEvents: events}
	}
	sop := guide("sophamtning", "Sophämtning", "avfall", []string{"citizen"}, "flytta")
	skola := guide("skolval", "Skolval", "skola", []string{"citizen"}, "flytta")
	bygg := guide("bygglov", "Bygglov", "bo", []string{"citizen", "business"}, "flytta")
	okat := guide("okategoriserad", "Annat", "", nil, "flytta") // no category: last, under Other
	s.Guides = []*model.Guide{bygg, okat, skola, sop}
	local := &model.Guide{Slug: "tomt", Owner: "ange", Title: "Köpa tomt", Category: "bo", LifeEvents: []string{"flytta"}}
	s.LocalGuides = []*model.Guide{local}
	version := func(g *model.Guide, m *model.Municipality) *model.Version {
		return &model.Version{Guide: g, Municipality: m, Title: g.Title, Category: g.Category, Audience: g.Audience, LifeEvents: g.LifeEvents}
	}
	adapted := version(sop, b)
	adapted.Adapted, adapted.LifeEvents, adapted.Audience = true, []string{"flytta", "starta-foretag"}, []string{"citizen", "business"}
	lv := version(local, a)
	lv.Local = true
	s.Versions = []*model.Version{version(bygg, a), version(bygg, b), version(okat, a), version(skola, a), version(sop, a), adapted, lv}
	service := func(slug, title, cat string, audience []string, events ...string) *model.EService {
		return &model.EService{Slug: slug, Title: title, Category: cat, Audience: audience, LifeEvents: events}
	}
	ansok := service("ansokan-bygglov", "Ansökan om bygglov", "bo", []string{"citizen", "business"}, "flytta")
	adress := service("adressandring", "Adressändring för sophämtning", "avfall", []string{"citizen"}, "flytta")
	s.EServices = []*model.EService{adress, ansok}
	offer := func(e *model.EService, m *model.Municipality) *model.Offer {
		return &model.Offer{EService: e, Municipality: m, Title: e.Title, LifeEvents: e.LifeEvents}
	}
	own := offer(adress, b) // Timrå's adaptation adds a life event
	own.Kind, own.LifeEvents = model.Adapts, []string{"flytta", "fritid"}
	s.Offers = []*model.Offer{offer(adress, a), own, offer(ansok, a), offer(ansok, b)}
	return s
}

// lifeRows are a page's groups as "Category: item (note), …" lines.
func lifeRows(gs []LifeGroup) []string {
	var out []string
	for _, g := range gs {
		var items []string
		for _, it := range g.Items {
			s := it.Title + " " + it.URL
			if it.Note != "" {
				s += " (" + it.Note + ")"
			}
			items = append(items, s)
		}
		out = append(out, g.Category.SV+": "+strings.Join(items, ", "))
	}
	return out
}

// TestLifeEventOrder: a life event's page lists by category in the
// site's order of categories (what has none last), guides before
// e-services within one, each alphabetically; the region's page lists the
// shared guides, a municipality's own guide and an adaptation that adds
// the life event with whose they are, and e-services with how many offer
// them; a municipality's page only its own versions and offers.
func TestLifeEventOrder(t *testing.T) {
	s := lifeSite()
	r := &renderer{site: s, ix: newIndex(s), life: newLifeIndex(s), opt: Options{Strings: map[string]map[string]string{
		"sv": {"lifeevent.only": "Bara i %s", "lifeevent.offered": "Finns i %d av %d kommuner"},
	}}}
	tests := []struct {
		name string
		set  *lifeSet
		want []string
	}{
		{"Flytta in the region", r.life.region["flytta"], []string{
			"Skola: Skolval /guider/skolval/",
			"Bo: Bygglov /guider/bygglov/, Köpa tomt /ange/guider/tomt/ (Bara i Ånge kommun), Ansökan om bygglov /e-tjanster/ansokan-bygglov/ (Finns i 2 av 2 kommuner)",
			"Avfall: Sophämtning /guider/sophamtning/, Adressändring för sophämtning /e-tjanster/adressandring/ (Finns i 2 av 2 kommuner)",
			"Övrigt: Annat /guider/okategoriserad/",
		}},
		{"Flytta in Ånge", r.life.munis["ange"]["flytta"], []string{
			"Skola: Skolval /ange/guider/skolval/",
			"Bo: Bygglov /ange/guider/bygglov/, Köpa tomt /ange/guider/tomt/, Ansökan om bygglov /ange/e-tjanster/ansokan-bygglov/",
			"Avfall: Sophämtning /ange/guider/sophamtning/, Adressändring för sophämtning /ange/e-tjanster/adressandring/",
			"Övrigt: Annat /ange/guider/okategoriserad/",
		}},
		{"Flytta in Timrå", r.life.munis["timra"]["flytta"], []string{
			"Bo: Bygglov /timra/guider/bygglov/, Ansökan om bygglov /timra/e-tjanster/ansokan-bygglov/",
			"Avfall: Sophämtning /timra/guider/sophamtning/, Adressändring för sophämtning /timra/e-tjanster/adressandring/",
		}},
		{"Fritid in the region: the adaptation that adds it", r.life.region["fritid"], []string{
			"Avfall: Adressändring för sophämtning /timra/e-tjanster/adressandring/ (Bara i Timrå kommun)",
		}},
		{"Starta företag in the region: the adaptation that adds it", r.life.region["starta-foretag"], []string{
			"Avfall: Sophämtning /timra/guider/sophamtning/ (Bara i Timrå kommun)",
		}},
		{"businesses in the region", r.life.business, []string{
			"Bo: Bygglov /guider/bygglov/, Ansökan om bygglov /e-tjanster/ansokan-bygglov/ (Finns i 2 av 2 kommuner)",
			"Avfall: Sophämtning /timra/guider/sophamtning/ (Bara i Timrå kommun)",
		}},
		{"businesses in Ånge", r.life.businessIn["ange"], []string{
			"Bo: Bygglov /ange/guider/bygglov/, Ansökan om bygglov /ange/e-tjanster/ansokan-bygglov/",
		}},
		{"a life event with nothing", r.life.region["bli-aldre"], nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			region := !strings.Contains(tt.name, " in Ånge") && !strings.Contains(tt.name, " in Timrå")
			got := lifeRows(r.lifeGroups("sv", tt.set, region))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}

	// Which pages exist, and the links to them.
	for _, c := range []struct {
		m, event string
		want     bool
	}{
		{"", "flytta", true}, {"ange", "flytta", true}, {"timra", "flytta", true},
		{"", "starta-foretag", true}, {"timra", "starta-foretag", true}, {"ange", "starta-foretag", false},
		{"", "fritid", true}, {"timra", "fritid", true}, {"ange", "fritid", false}, {"", "bli-aldre", false},
	} {
		if got := r.life.has(c.m, c.event); got != c.want {
			t.Errorf("has(%q, %q) = %v, want %v", c.m, c.event, got, c.want)
		}
	}
	if got, want := r.lifeLinks("en", "", nil), []LifeLink{
		{Name: "Moving", URL: "/livshandelser/flytta/"}, {Name: "Starting a business", URL: "/livshandelser/starta-foretag/"},
		{Name: "Leisure", URL: "/livshandelser/fritid/"},
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("lifeLinks in English:\n got %+v\nwant %+v", got, want)
	}
	if got, want := r.partOf("sv", "ange", []string{"starta-foretag", "flytta", "fritid"}), []LifeLink{
		{Name: "Flytta", URL: "/ange/livshandelser/flytta/"},
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("partOf in Ånge:\n got %+v\nwant %+v", got, want)
	}
	if r.businessURL("") != "/foretag/" || r.businessURL("ange") != "/ange/foretag/" || r.businessURL("nowhere") != "" {
		t.Errorf("business pages: %q %q %q", r.businessURL(""), r.businessURL("ange"), r.businessURL("nowhere"))
	}
}
