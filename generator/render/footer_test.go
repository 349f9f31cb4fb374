package render_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/esamverkan/guidemap/generator/internal/golden"
)

// TestFooterContact: the footer's contact section has a heading and a
// list only when site.toml gives something to put in them (an empty
// heading or list is a barrier to screen-reader users).
func TestFooterContact(t *testing.T) {
	contact := "[contact]\nname = \"eSamverkan Kustlandet\"\nemail = \"info@kustlandet.example.se\"\nphone = \"060-16 30 00\"\n"
	summary := "summary = \"Timrå och Härnösand bygger e-tjänster tillsammans och delar dem som en kommun byggt själv.\"\n"
	section := regexp.MustCompile(`(?s)<section aria-labelledby="?gm-footer-contact"?>.*?</section>`)
	for _, tt := range []struct {
		name, contact, summary string
		want                   []string // what the section holds, in order; nil: no section
	}{
		{"all", contact, summary, []string{">eSamverkan Kustlandet</h2>", "Timrå och Härnösand", "mailto:info@kustlandet.example.se", "tel:+4660163000"}},
		{"no contact: the collaboration's summary under its name", "", summary, []string{">eSamverkan Kustlandet</h2>", "Timrå och Härnösand"}},
		{"an e-mail address alone", "[contact]\nemail = \"info@kustlandet.example.se\"\n", "", []string{">eSamverkan Kustlandet</h2>", "<ul", "mailto:info@kustlandet.example.se"}},
		{"nothing", "", "", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := golden.Txtar(t, "testdata/fixture-site.txtar")
			toml := string(fsys["content/site.toml"].Data)
			if !strings.Contains(toml, contact) || !strings.Contains(toml, summary) {
				t.Fatal("the fixture's site.toml has not the contact and summary this test changes")
			}
			toml = strings.Replace(strings.Replace(toml, contact, tt.contact, 1), summary, tt.summary, 1)
			fsys["content/site.toml"] = &fstest.MapFile{Data: []byte(toml), Mode: 0o644}
			for _, page := range []string{"index.html", "404.html", "timra/guider/sophamtning/index.html"} {
				got := section.FindString(string(renderSite(t, fsys, nil)[page]))
				if tt.want == nil {
					if got != "" {
						t.Errorf("%s: the footer has a contact section with nothing to say: %s", page, got)
					}
					continue
				}
				rest := got
				for _, w := range tt.want {
					i := strings.Index(rest, w)
					if i < 0 {
						t.Errorf("%s: the footer's contact section has not %q (in order): %s", page, w, got)
						break
					}
					rest = rest[i+len(w):]
				}
				if strings.Contains(got, "<h2 id=gm-footer-contact></h2>") || strings.Contains(got, `<ul class="plain"></ul>`) || strings.Contains(got, "<ul class=plain></ul>") {
					t.Errorf("%s: an empty heading or list in the footer: %s", page, got)
				}
			}
		})
	}
}
