package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/config"
	"github.com/esamverkan/guidemap/generator/diag"
)

// TestAccessibilityStatement checks that the generated statement, in
// Swedish and English, has every part that DIGG's model statement requires,
// with the facts of site.toml, and that every page links to it.
func TestAccessibilityStatement(t *testing.T) {
	out, _ := buildExample(t, "")
	pages := readPages(t, out)
	conf, _ := config.Load(mustRead(t, filepath.Join(exampleSite, config.File)), "", &diag.List{})
	a := conf.Accessibility
	for _, tc := range []struct {
		file, lang string
		parts      map[string]string // what must be there → the text that shows it
	}{
		{"tillganglighet/index.html", "sv", map[string]string{
			"who it covers":                        "Redogörelsen gäller webbplatsen https://esamverkan.example.se/ och alla dess sidor.",
			"who is responsible":                   "eSamverkan Västernorrland står bakom den här webbplatsen.",
			"compliance status":                    "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service",
			"WCAG level":                           "delvis förenlig med WCAG 2.1 på nivå AA",
			"known shortcomings":                   a.Shortcomings[0].SV,
			"shortcomings' WCAG criteria":          "WCAG 2.1: 1.3.1 och 2.4.2",
			"alternative formats: contact":         "Om du behöver innehåll från webbplatsen i ett annat format",
			"how to report a problem":              "Rapportera brister i webbplatsens tillgänglighet",
			"reporting address":                    a.Email,
			"response time":                        "Du får svar inom 5 arbetsdagar.",
			"enforcement procedure":                "Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsynen",
			"how the assessment was made":          "Vi har gjort en självskattning (intern testning) av webbplatsen.",
			"date of the assessment":               "Den senaste bedömningen gjordes den 20 november 2026.",
			"date the statement was last reviewed": "Redogörelsen uppdaterades senast den 20 november 2026.",
		}},
		{"en/accessibility/index.html", "en", map[string]string{
			"who it covers":         "This statement covers the website https://esamverkan.example.se/ and all its pages.",
			"compliance status":     "The website is partially compliant with the Act on accessibility to digital public services",
			"known shortcomings":    a.Shortcomings[0].EN,
			"how to report":         "Reporting accessibility problems",
			"response time":         "You will get an answer within 5 working days.",
			"enforcement procedure": "The Agency for Digital Government (DIGG) is responsible for enforcing",
			"assessment":            "We have made a self-assessment (internal testing) of the website. The latest assessment was made on 20 November 2026.",
			"last reviewed":         "This statement was last updated on 20 November 2026.",
		}},
	} {
		p := pages[tc.file]
		if p == nil {
			t.Fatalf("no %s", tc.file)
		}
		for part, text := range tc.parts {
			if !strings.Contains(p.text, text) {
				t.Errorf("%s: %s: no %q", tc.file, part, text)
			}
		}
		raw := string(mustRead(t, filepath.Join(out, tc.file)))
		for _, want := range []string{
			`<html lang="` + tc.lang + `">`,
			`href="https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-service-dos-lagen/anmal-bristande-tillganglighet"`,
			`hreflang="sv" href="https://esamverkan.example.se/tillganglighet/"`,
			`hreflang="en" href="https://esamverkan.example.se/en/accessibility/"`,
			`href="mailto:` + a.Email + `"`,
		} {
			if !strings.Contains(raw, want) {
				t.Errorf("%s: no %s", tc.file, want)
			}
		}
	}
	missing := 0
	for name, p := range pages {
		if !contains(p.links, "/tillganglighet/") && !contains(p.links, "/en/accessibility/") {
			t.Errorf("%s does not link to the accessibility statement", name)
			if missing++; missing > 5 {
				break
			}
		}
	}
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
