package i18n

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/esamverkan/guidemap/generator/diag"
)

// TestLoadWarnsOfMissingStrings: a declared language without a strings
// file, or with strings missing, gets a warning that names the file and
// the keys; the strings it has are read.
func TestLoadWarnsOfMissingStrings(t *testing.T) {
	theme := fstest.MapFS{
		"i18n/sv.toml": {Data: []byte("skip = \"Till innehållet\"\n[nav]\nhome = \"Start\"\nguides = \"Guider\"\n")},
		"i18n/en.toml": {Data: []byte("skip = \"Skip to content\"\n[nav]\nhome = \"Home\"\nguides = \"Guides\"\n")},
		"i18n/fi.toml": {Data: []byte("skip = \"Siirry sisältöön\"\n")},
	}
	for _, tt := range []struct {
		langs []string
		want  []string // in the warnings, in order
	}{
		{[]string{"sv", "en"}, nil},
		{[]string{"sv", "fi"}, []string{`themes/default/i18n/fi.toml:1:1`, `language "fi" lacks nav.guides, nav.home of the theme's UI strings`}},
		{[]string{"sv", "ar"}, []string{`themes/default/i18n/ar.toml`, `language "ar" has no UI strings`, `copy i18n/en.toml`}},
	} {
		l := &diag.List{}
		strs := Load(theme, "themes/default", tt.langs, l)
		if strs["sv"]["nav.home"] != "Start" {
			t.Errorf("%v: Swedish strings not read: %v", tt.langs, strs["sv"])
		}
		var b strings.Builder
		l.Fprint(&b, "")
		got := b.String()
		errs, warns := l.Count()
		if errs != 0 {
			t.Errorf("%v: %d errors: %s", tt.langs, errs, got)
		}
		if tt.want == nil {
			if warns != 0 {
				t.Errorf("%v: want no warning, got %s", tt.langs, got)
			}
			continue
		}
		if warns != 1 {
			t.Errorf("%v: want one warning, got %d: %s", tt.langs, warns, got)
		}
		rest := got
		for _, w := range tt.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("%v: the warning does not say %q (in order): %s", tt.langs, w, got)
				break
			}
			rest = rest[i+len(w):]
		}
	}
}
