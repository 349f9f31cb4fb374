package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
)

const minimal = "title = \"eSamverkan Västernorrland\"\nbase_url = \"https://esamverkan.example.se/\"\n"

// TestLoad pins what a few common mistakes read as, and what a minimal
// file gives.
func TestLoad(t *testing.T) {
	tests := []struct {
		name, src, baseURL string
		wantBase           string // the base path
		wantDiag           string // the first diagnostic, as the CLI prints it; "" for none
	}{
		{"minimal", minimal, "", "/", ""},
		{"a base path", "title = \"T\"\nbase_url = \"https://kommun.example.se/samverkan/\"\n", "", "/samverkan/", ""},
		{"--base-url wins", minimal, "http://localhost:8000/", "/", ""},
		{"no title", "base_url = \"https://a.example.se/\"\n", "", "/",
			`content/site.toml:1:1: site.toml has no title; add a line such as title = "eSamverkan Västernorrland"`},
		{"a misspelt key", minimal + "descripton = \"x\"\n", "", "/",
			`content/site.toml:3:1: unknown key "descripton" in site.toml; did you mean "description"?`},
		{"not TOML", "title = \"T\nbase_url = 1\n", "", "",
			`content/site.toml:1:11: site.toml is not valid TOML: strings cannot contain newlines`},
		{"English first", minimal + "languages = [\"en\", \"sv\"]\n", "", "/",
			`content/site.toml:3:1: the first language must be Swedish ("sv"), the language at the root of the site; write languages = ["sv", "en"]`},
		{"a language guidemap does not know", minimal + "languages = [\"sv\", \"xx\"]\n", "", "/",
			`content/site.toml:3:1: guidemap does not know language "xx"; name it in itself: [language.xx] name = "…" (and dir = "rtl" if it is written from right to left)`},
		{"a language named", minimal + "languages = [\"sv\", \"ps\"]\n[language.ps]\nname = \"پښتو\"\ndir = \"rtl\"\n", "", "/", ""},
		{"a wrong direction", minimal + "languages = [\"sv\", \"ar\"]\n[language.ar]\ndir = \"right\"\n", "", "/",
			`content/site.toml:5:1: language "ar": dir "right" is neither "ltr" nor "rtl"; write dir = "rtl" for a language written from right to left, or leave it out`},
		{"a language described but not listed", minimal + "[language.fi]\nname = \"Suomi\"\n", "", "/",
			`content/site.toml:3:1: [language.fi] describes a language the site does not have; add "fi" to languages, or remove [language.fi]`},
		{"a bad theme name", minimal + "theme = \"Min Tema\"\n", "", "/",
			`content/site.toml:3:1: theme "Min Tema" is not a valid name; name a folder in themes/ with lower-case letters, digits and hyphens`},
		{"an open-data licence misspelt", minimal + "[open_data]\nlicense = \"CC-BY-40\"\n", "", "/",
			`content/site.toml:4:1: open_data.license "CC-BY-40" is not an open-data licence guidemap knows; did you mean "CC-BY-4.0"?`},
		{"an open-data licence unknown", minimal + "[open_data]\nissued = \"2026-01-01\"\n  license = \"MIT\"\n", "", "/",
			`content/site.toml:5:3: open_data.license "MIT" is not an open-data licence guidemap knows; write one of "CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "ODbL-1.0", "ODC-By-1.0", "PDDL-1.0" (SPDX identifiers); CC0-1.0 is what most Swedish municipalities use`},
		{"an open-data date", minimal + "[search.synonyms]\nupdated = [\"uppdaterad\"]\n[open_data]\nupdated = \"20 nov 2026\"\n", "", "/",
			`content/site.toml:6:1: open_data.updated must be a date YYYY-MM-DD, not "20 nov 2026"; write updated = "2026-11-20"`},
		{"a notice in English only", minimal + "[notice]\nen = \"Sample data\"\n", "", "/",
			`content/site.toml:4:1: [notice] has English text but no Swedish; add sv = "…" with the notice in Swedish, the site's main language`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &diag.List{}
			_, base := Load([]byte(tt.src), tt.baseURL, l)
			got := ""
			var errs []diag.Diagnostic
			for _, d := range l.Items() {
				if d.Severity == diag.Error {
					errs = append(errs, d)
				}
			}
			if len(errs) > 0 {
				got = errs[0].String()
			}
			if got != tt.wantDiag {
				t.Errorf("first error:\n got %s\nwant %s", got, tt.wantDiag)
			}
			if tt.wantDiag == "" && base != tt.wantBase {
				t.Errorf("base path %q, want %q", base, tt.wantBase)
			}
		})
	}
}

// FuzzLoad: any file gives diagnostics with real positions, never a
// panic, and a base URL that is http(s) or none.
func FuzzLoad(f *testing.F) {
	example, err := os.ReadFile(filepath.Join("..", "..", "content", "site.toml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(example))
	f.Add(minimal)
	f.Add("title = \"T\"\nbase_url = \"javascript:alert(1)//\"\n")
	f.Add("[[categories]]\nslug = \"Bygga bo\"\n[[categories]]\nslug = \"bygga-bo\"\nsv = \"\"\n")
	f.Add("[accessibility]\nstatus = \"delvis\"\nassessed = \"2026-13-40\"\n")
	f.Add("[limits]\noutput_gb = -9223372036854775808\n[limits]\noutput_gb = 8796093022208\n")
	f.Add("[[life_events]]\nslug = \"Flytta\"\n[[life_events]]\nslug = \"flytta\"\nsv = \"Flytta\"\naudience = [\"företag\"]\n[[ life_events ]]\nslug = \"flytta\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		l := &diag.List{}
		c, _ := Load([]byte(src), "", l)
		lines := strings.Count(src, "\n") + 1
		for _, d := range l.Items() {
			if d.Pos.File != File || d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 {
				t.Errorf("diagnostic without a position in the file: %s", d)
			}
			if !utf8.ValidString(d.Msg) && utf8.ValidString(src) {
				t.Errorf("diagnostic of valid text is not valid UTF-8: %q", d.Msg)
			}
		}
		if c.MaxOutput < 0 {
			t.Errorf("MaxOutput %d", c.MaxOutput)
		}
		if c.BaseURL != "" && !strings.HasPrefix(c.BaseURL, "https://") && !strings.HasPrefix(c.BaseURL, "http://") && !strings.HasPrefix(c.BaseURL, "/") {
			t.Errorf("base URL %q", c.BaseURL)
		}
	})
}

// TestLanguages: a language's name and direction come from what guidemap
// knows, or from [language.<code>].
func TestLanguages(t *testing.T) {
	l := &diag.List{}
	c, _ := Load([]byte(minimal+"languages = [\"sv\", \"en\", \"ar\", \"ps\"]\n[language.ps]\nname = \"پښتو\"\ndir = \"rtl\"\n"), "", l)
	if l.HasErrors() {
		t.Fatal(l.Items())
	}
	for code, want := range map[string][2]string{"sv": {"Svenska", "ltr"}, "en": {"English", "ltr"}, "ar": {"العربية", "rtl"}, "ps": {"پښتو", "rtl"}} {
		if got := c.Language[code]; got.Name != want[0] || got.Dir != want[1] || got.Code != code {
			t.Errorf("%s: %+v, want name %s, dir %s", code, got, want[0], want[1])
		}
	}
}

// TestOpenDataAndNotice: the open data is CC0 1.0 unless site.toml names
// another known licence (in any case), and the notice is off unless set.
func TestOpenDataAndNotice(t *testing.T) {
	tests := []struct {
		name, src   string
		license     string
		issued, upd string
		notice      model.Notice
	}{
		{"defaults", minimal, "CC0-1.0", "", "", model.Notice{}},
		{"a licence in lower case", minimal + "[open_data]\nlicense = \"cc-by-4.0\"\nissued = \"2026-09-01\"\nupdated = \"2026-11-20\"\n", "CC-BY-4.0", "2026-09-01", "2026-11-20", model.Notice{}},
		{"an unknown licence keeps the default", minimal + "[open_data]\nlicense = \"MIT\"\n", "CC0-1.0", "", "", model.Notice{}},
		{"a notice", minimal + "[notice]\nsv = \" Exempeldata. \"\nen = \"Sample data.\"\n", "CC0-1.0", "", "", model.Notice{SV: "Exempeldata.", EN: "Sample data."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := Load([]byte(tt.src), "", &diag.List{})
			o := c.OpenData
			if o.License.ID != tt.license || o.License.URL == "" || o.Issued != tt.issued || o.Updated != tt.upd {
				t.Errorf("open data %+v, want licence %s, issued %q, updated %q", o, tt.license, tt.issued, tt.upd)
			}
			if c.Notice != tt.notice {
				t.Errorf("notice %+v, want %+v", c.Notice, tt.notice)
			}
		})
	}
}

// TestOutputLimit: [limits] output_gb raises (or lowers) the most a build
// writes; a negative value is an error at the key.
func TestOutputLimit(t *testing.T) {
	tests := []struct {
		src  string
		want int64
		diag string
	}{
		{minimal, 0, ""},
		{minimal + "[limits]\noutput_gb = 200\n", 200 << 30, ""},
		{minimal + "[limits]\noutput_gb = -1\n", 0, "content/site.toml:4:1: limits.output_gb is -1; write the most the site may write in gigabytes, e.g. output_gb = 200, or leave it out (64)"},
	}
	for _, tt := range tests {
		l := &diag.List{}
		c, _ := Load([]byte(tt.src), "", l)
		var got []string
		for _, d := range l.Items() {
			if d.Severity == diag.Error {
				got = append(got, d.String())
			}
		}
		if c.MaxOutput != tt.want || strings.Join(got, "\n") != tt.diag {
			t.Errorf("%q: MaxOutput %d, diagnostics %q; want %d, %q", tt.src, c.MaxOutput, got, tt.want, tt.diag)
		}
	}
}
