package diag

import (
	"bytes"
	"encoding/gob"
	"strings"
	"testing"
)

// withCatalogue replaces the Swedish catalogue for a test.
func withCatalogue(t *testing.T, c map[string]string) {
	t.Helper()
	old := catalogues[Swedish]
	catalogues[Swedish] = c
	t.Cleanup(func() { catalogues[Swedish] = old })
}

// TestIn prints diagnostics in Swedish and English: the translation takes
// the same arguments (in its own order with %[n]), quoted values stay as
// written, nested texts (Textf) and literal hints are translated, and what
// the catalogue lacks stays English.
func TestIn(t *testing.T) {
	withCatalogue(t, map[string]string{
		"unknown key %q in %s":                  "okänd nyckel %q i %s",
		"%s owns e-service %q":                  "e-tjänsten %[2]q ägs av %[1]s",
		"did you mean %q?":                      "menade du %q?",
		"write true or false":                   "skriv true eller false",
		"a sentence of %d words":                "en mening på %d ord",
		"the %s are %s":                         "%s är %s",
		"municipalities":                        "kommunerna",
		"unknown %s %q":                         "okänd %s %q",
		"municipality":                          "kommun",
		"has a position out of range: [%g, %g]": "har en position utanför intervallet: [%g, %g]",
		"100%% sure, %s":                        "100 %% säker, %s",
		" (on the page %s)":                     " (på sidan %s)",
	})
	at := At("content/guides/bygglov.md", 3, 7)
	tests := []struct {
		name   string
		add    func(l *List)
		en, sv string
	}{
		{"arguments in place; a hint from DidYouMean",
			func(l *List) {
				l.Errorf(at, DidYouMean("sumary", []string{"summary"}), "unknown key %q in %s", "sumary", "site.toml")
			},
			`content/guides/bygglov.md:3:7: unknown key "sumary" in site.toml; did you mean "summary"?`,
			`content/guides/bygglov.md:3:7: okänd nyckel "sumary" i site.toml; menade du "summary"?`},
		{"arguments reordered; a literal hint",
			func(l *List) {
				l.Errorf(at, "write true or false", "%s owns e-service %q", "Sundsvalls kommun", "bygglov")
			},
			`content/guides/bygglov.md:3:7: Sundsvalls kommun owns e-service "bygglov"; write true or false`,
			`content/guides/bygglov.md:3:7: e-tjänsten "bygglov" ägs av Sundsvalls kommun; skriv true eller false`},
		{"a warning, with a number",
			func(l *List) { l.Warnf(at, "", "a sentence of %d words", 31) },
			`content/guides/bygglov.md:3:7: warning: a sentence of 31 words`,
			`content/guides/bygglov.md:3:7: varning: en mening på 31 ord`},
		{"words of the code as arguments, translated",
			func(l *List) {
				l.Errorf(at, Textf("the %s are %s", Textf("municipalities"), "ange, timra"), "unknown %s %q", Textf("municipality"), "sundsval")
			},
			`content/guides/bygglov.md:3:7: unknown municipality "sundsval"; the municipalities are ange, timra`,
			`content/guides/bygglov.md:3:7: okänd kommun "sundsval"; kommunerna är ange, timra`},
		{"a value that looks like a word of the code stays as written when quoted",
			func(l *List) { l.Errorf(at, "", "unknown %s %q", Textf("municipality"), "municipality") },
			`content/guides/bygglov.md:3:7: unknown municipality "municipality"`,
			`content/guides/bygglov.md:3:7: okänd kommun "municipality"`},
		{"a nested text with verbs of its own",
			func(l *List) { l.Errorf(at, "", "%s", Textf("has a position out of range: [%g, %g]", 200.5, 62.0)) },
			`content/guides/bygglov.md:3:7: has a position out of range: [200.5, 62]`,
			`content/guides/bygglov.md:3:7: har en position utanför intervallet: [200.5, 62]`},
		{"a percent sign",
			func(l *List) { l.Errorf(at, "", "100%% sure, %s", "nej") },
			`content/guides/bygglov.md:3:7: 100% sure, nej`,
			`content/guides/bygglov.md:3:7: 100 % säker, nej`},
		{"not in the catalogue: English",
			func(l *List) { l.Errorf(at, "check it", "something new %q", "x") },
			`content/guides/bygglov.md:3:7: something new "x"; check it`,
			`content/guides/bygglov.md:3:7: something new "x"; check it`},
		{"a diagnostic with its text set by hand",
			func(l *List) { l.Add(Diagnostic{Pos: at, Msg: "write true or false"}) },
			`content/guides/bygglov.md:3:7: write true or false`,
			`content/guides/bygglov.md:3:7: skriv true eller false`},
		{"Appendf",
			func(l *List) {
				l.Add(Make(at, Error, "", "unknown key %q in %s", "x", "y").Appendf(" (on the page %s)", "/guider/"))
			},
			`content/guides/bygglov.md:3:7: unknown key "x" in y (on the page /guider/)`,
			`content/guides/bygglov.md:3:7: okänd nyckel "x" i y (på sidan /guider/)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l List
			tt.add(&l)
			d := l.Items()[0]
			if got := d.String(); got != tt.en {
				t.Errorf("English:\n got %s\nwant %s", got, tt.en)
			}
			if got := d.In(English).StringIn(English); got != tt.en {
				t.Errorf("In(en):\n got %s\nwant %s", got, tt.en)
			}
			if got := d.In(Swedish).StringIn(Swedish); got != tt.sv {
				t.Errorf("Swedish:\n got %s\nwant %s", got, tt.sv)
			}
			// The bodies' disk cache keeps diagnostics with gob.
			var buf bytes.Buffer
			var back Diagnostic
			if err := gob.NewEncoder(&buf).Encode(d); err != nil {
				t.Fatal(err)
			}
			if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
				t.Fatal(err)
			}
			if back != d {
				t.Errorf("gob changed the diagnostic: %+v → %+v", d, back)
			}
		})
	}
}

// TestFprintIn checks the lines and the count line in both languages.
func TestFprintIn(t *testing.T) {
	tests := []struct {
		errors, warnings int
		en, sv           string
	}{
		{1, 0, "guidemap: 1 error, 0 warnings", "guidemap: 1 fel, 0 varningar"},
		{2, 1, "guidemap: 2 errors, 1 warning", "guidemap: 2 fel, 1 varning"},
		{0, 3, "guidemap: 0 errors, 3 warnings", "guidemap: 0 fel, 3 varningar"},
	}
	for _, tt := range tests {
		var l List
		for i := range tt.errors {
			l.Errorf(At("a.md", i+1, 1), "", "missing title")
		}
		for i := range tt.warnings {
			l.Warnf(At("a.md", 10+i, 1), "", "link without text")
		}
		for lang, want := range map[string]string{English: tt.en, Swedish: tt.sv} {
			var b strings.Builder
			l.FprintIn(&b, "site", lang)
			lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
			if got := lines[len(lines)-1]; got != want {
				t.Errorf("%s: count %q, want %q", lang, got, want)
			}
			if len(lines) != tt.errors+tt.warnings+1 || !strings.HasPrefix(lines[0], "site/a.md:") {
				t.Errorf("%s: lines %q", lang, lines)
			}
		}
	}
	var b strings.Builder
	var l List
	l.Warnf(At("a.md", 1, 1), "", "link without text")
	l.FprintIn(&b, "", Swedish)
	if want := "a.md:1:1: varning: länk utan text\nguidemap: 0 fel, 1 varning\n"; b.String() != want {
		t.Errorf("Swedish:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestLang reads the values of --lang and GUIDEMAP_LANG.
func TestLang(t *testing.T) {
	for in, want := range map[string]string{
		"sv": Swedish, "SV": Swedish, " svenska ": Swedish, "sv_SE.UTF-8": Swedish, "sv-FI": Swedish,
		"en": English, "English": English, "en_GB.UTF-8": English,
		"fi": "", "": "", "svensk": "", "e": "",
	} {
		got, ok := Lang(in)
		if got != want || ok != (want != "") {
			t.Errorf("Lang(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// TestLocalf formats the commands' own texts.
func TestLocalf(t *testing.T) {
	withCatalogue(t, map[string]string{"built %d pages in %s": "byggde %d sidor på %s"})
	if got := Localf(Swedish, "built %d pages in %s", 12, "1.5s"); got != "byggde 12 sidor på 1.5s" {
		t.Errorf("Swedish: %q", got)
	}
	if got := Localf(English, "built %d pages in %s", 12, "1.5s"); got != "built 12 pages in 1.5s" {
		t.Errorf("English: %q", got)
	}
	if got := Localf("", "built %d pages in %s", 12, "1.5s"); got != "built 12 pages in 1.5s" {
		t.Errorf("no language: %q", got)
	}
}
