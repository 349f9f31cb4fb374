package config

import (
	"reflect"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
)

// TestLifeEvents pins what [[life_events]] reads as and every diagnostic
// of its mistakes, exactly as the author reads them, with file:line:col.
func TestLifeEvents(t *testing.T) {
	// The life events come after other tables whose keys (slug, sv) they
	// share, so that a position found by counting keys would be wrong.
	head := minimal + "[[categories]]\nslug = \"bygga-bo\"\nsv = \"Bygga och bo\"\n\n"
	tests := []struct {
		name, src string
		want      []model.LifeEvent
		diags     []string
	}{
		{"two life events",
			head + "[[life_events]]\nslug = \"flytta\"\nsv = \"Flytta\"\nen = \"Moving\"\nintro_sv = \"Att flytta.\"\nintro_en = \"Moving.\"\n\n" +
				"[[life_events]]\nslug = \"starta-foretag\"\nsv = \"Starta företag\"\naudience = [\"business\", \"association\"]\n",
			[]model.LifeEvent{
				{Slug: "flytta", SV: "Flytta", EN: "Moving", IntroSV: "Att flytta.", IntroEN: "Moving.", Audience: []string{"citizen"}},
				{Slug: "starta-foretag", SV: "Starta företag", EN: "Starta företag", Audience: []string{"business", "association"}},
			}, nil},
		{"none", head, nil, nil},
		{"a slug that is not one",
			head + "[[life_events]]\nslug = \"Få barn\"\nsv = \"Få barn\"\n",
			nil, []string{`content/site.toml:8:1: life event slug "Få barn" is not valid; use lower-case letters a–z, digits and hyphens, e.g. flytta`}},
		{"no Swedish name",
			head + "[[life_events]]\nslug = \"flytta\"\nen = \"Moving\"\n",
			[]model.LifeEvent{{Slug: "flytta", EN: "Moving", Audience: []string{"citizen"}}},
			[]string{`content/site.toml:8:1: life event "flytta" has no Swedish name; add sv = "…" with the Swedish name`}},
		{"a slug twice",
			head + "[[life_events]]\nslug = \"flytta\"\nsv = \"Flytta\"\n[[life_events]]\n  slug = \"flytta\"\n  sv = \"Flytta hit\"\n",
			[]model.LifeEvent{{Slug: "flytta", SV: "Flytta", EN: "Flytta", Audience: []string{"citizen"}}},
			[]string{`content/site.toml:11:3: life event "flytta" is defined twice; give each life event its own slug`}},
		{"a name twice",
			head + "[[life_events]]\nslug = \"flytta\"\nsv = \"Flytta\"\n[[life_events]]\nslug = \"flytta-hit\"\nsv = \"flytta\"\n",
			[]model.LifeEvent{{Slug: "flytta", SV: "Flytta", EN: "Flytta", Audience: []string{"citizen"}}, {Slug: "flytta-hit", SV: "flytta", EN: "flytta", Audience: []string{"citizen"}}},
			[]string{`content/site.toml:12:1: life events "flytta" and "flytta-hit" are both named "flytta"; give each life event its own name`}},
		{"an audience in Swedish and one misspelt",
			head + "[[life_events]]\nslug = \"starta-foretag\"\nsv = \"Starta företag\"\naudience = [\"företag\", \"busines\"]\n",
			[]model.LifeEvent{{Slug: "starta-foretag", SV: "Starta företag", EN: "Starta företag"}},
			[]string{ // sorted by position, then text
				`content/site.toml:10:1: life event "starta-foretag": unknown audience "busines"; did you mean "business"?`,
				`content/site.toml:10:1: life event "starta-foretag": unknown audience "företag"; write it in English: "business"`,
			}},
		{"an audience guidemap does not know",
			head + "[[life_events]]\nslug = \"flytta\"\nsv = \"Flytta\"\naudience = [\"citizen\", \"tourist\"]\n",
			[]model.LifeEvent{{Slug: "flytta", SV: "Flytta", EN: "Flytta", Audience: []string{"citizen"}}},
			[]string{`content/site.toml:10:1: life event "flytta": unknown audience "tourist"; the audiences are citizen, business, association`}},
		{"a misspelt key",
			head + "[[life_events]]\nslug = \"flytta\"\nsv = \"Flytta\"\nintro = \"Att flytta.\"\n",
			[]model.LifeEvent{{Slug: "flytta", SV: "Flytta", EN: "Flytta", Audience: []string{"citizen"}}},
			[]string{`content/site.toml:10:1: unknown key "life_events.intro" in site.toml; did you mean "life_events.intro_sv"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, got := loadMinimal(tt.src)
			if !reflect.DeepEqual(got, tt.diags) {
				t.Errorf("diagnostics:\n got %q\nwant %q", got, tt.diags)
			}
			if !reflect.DeepEqual(c.LifeEvents, tt.want) {
				t.Errorf("life events:\n got %+v\nwant %+v", c.LifeEvents, tt.want)
			}
		})
	}
}

// loadMinimal loads src, a site.toml built on minimal, and returns its
// config and diagnostics, leaving out the warning that minimal has no
// accessibility statement.
func loadMinimal(src string) (model.Config, []string) {
	l := &diag.List{}
	c, _ := Load([]byte(src), "", l)
	var got []string
	for _, d := range l.Items() {
		if strings.Contains(d.Msg, "accessibility") {
			continue
		}
		got = append(got, d.String())
	}
	return c, got
}
