package config

import (
	"regexp"
	"slices"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
)

// lifeEventFile is one [[life_events]] entry of site.toml.
type lifeEventFile struct {
	Slug     string   `toml:"slug"`
	SV       string   `toml:"sv"`
	EN       string   `toml:"en"`
	IntroSV  string   `toml:"intro_sv"`
	IntroEN  string   `toml:"intro_en"`
	Audience []string `toml:"audience"`
}

// lifeEventKeys are the keys of a [[life_events]] entry, for siteKeys.
var lifeEventKeys = []string{"life_events", "life_events.slug", "life_events.sv", "life_events.en",
	"life_events.intro_sv", "life_events.intro_en", "life_events.audience"}

// lifeEvents checks the [[life_events]]: each has a slug, a Swedish name
// and audiences guidemap knows; no two share a slug or a name (guides and
// e-services may name a life event by either).
func lifeEvents(entries []lifeEventFile, src []byte, l *diag.List) []model.LifeEvent {
	var out []model.LifeEvent
	seen := map[string]bool{}
	names := map[string]string{} // a name folded to lower case → the slug of the life event it names
	for i, e := range entries {
		at := func(key string) diag.Pos {
			line, col := tableKey(src, "life_events", i, key)
			return diag.At(File, line, col)
		}
		if !checkCategory(at("slug"), "life event", "flytta", e.Slug, e.SV, seen, l) {
			continue
		}
		en := e.EN
		if en == "" {
			en = e.SV
		}
		for _, n := range []struct{ key, name string }{{"sv", e.SV}, {"en", e.EN}} {
			k := strings.ToLower(n.name)
			if other, dup := names[k]; dup && other != e.Slug && n.name != "" {
				l.Errorf(at(n.key), "give each life event its own name", "life events %q and %q are both named %q", other, e.Slug, n.name)
			}
			if n.name != "" {
				names[k] = e.Slug
			}
		}
		var audience []string
		for _, a := range e.Audience {
			if slices.Contains(model.Audiences, a) {
				audience = append(audience, a)
				continue
			}
			hint := diag.DidYouMeanOr(a, model.Audiences, diag.Textf("the audiences are %s", strings.Join(model.Audiences, ", ")))
			if en, ok := swedishAudiences[strings.ToLower(a)]; ok {
				hint = diag.Textf("write it in English: %q", en)
			}
			l.Errorf(at("audience"), hint, "life event %q: unknown audience %q", e.Slug, a)
		}
		if len(e.Audience) == 0 {
			audience = []string{"citizen"}
		}
		out = append(out, model.LifeEvent{Slug: e.Slug, SV: e.SV, EN: en, IntroSV: e.IntroSV, IntroEN: e.IntroEN, Audience: audience})
	}
	return out
}

// swedishAudiences are what a Swedish writer may put for an audience
// (as in guides' front matter).
var swedishAudiences = map[string]string{
	"privatperson": "citizen", "privatpersoner": "citizen", "invånare": "citizen", "medborgare": "citizen",
	"företag": "business", "företagare": "business", "näringsidkare": "business",
	"förening": "association", "föreningar": "association",
}

// tableKey returns the line and column where the n-th [[table]] of src
// sets key; where that entry does not set it, of the entry's header; 1, 1
// when src has no such entry. (TOML errors have positions but decoded
// keys do not, so this finds them in the text.)
func tableKey(src []byte, table string, n int, key string) (int, int) {
	header := regexp.MustCompile(`^\s*\[\[\s*"?` + regexp.QuoteMeta(table) + `"?\s*\]\]`)
	keyRE := regexp.MustCompile(`^\s*("?` + regexp.QuoteMeta(key) + `"?)\s*=`)
	lines := strings.Split(string(src), "\n")
	for i, line := range lines {
		if !header.MatchString(line) {
			continue
		}
		if n > 0 {
			n--
			continue
		}
		for j := i + 1; j < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[j]), "["); j++ {
			if m := keyRE.FindStringSubmatchIndex(lines[j]); m != nil {
				return j + 1, m[2] + 1
			}
		}
		return i + 1, strings.Index(line, "[") + 1
	}
	return 1, 1
}
