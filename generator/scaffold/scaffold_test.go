package scaffold

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/esamverkan/guidemap/generator"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/directory"
	"github.com/esamverkan/guidemap/generator/geodata"
	"github.com/esamverkan/guidemap/generator/guides"
	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/generator/markdown"
)

const scaffoldSiteTOML = `title = "Testsajt"
base_url = "https://test.example.se/"

[[categories]]
slug = "bygga-bo"
sv = "Bygga och bo"
en = "Building and housing"

[[categories]]
slug = "omsorg"
sv = "Omsorg och stöd"
`

const scaffoldAnge = `---
name: Ånge kommun
code: "2260"
---

Ånge kommun ligger i Västernorrland.
`

const scaffoldBygglov = `---
title: Bygglov
summary: När du behöver bygglov och hur du ansöker.
category: bygga-bo
audience: [citizen]
updated: 2026-01-15
---

Bygglov är kommunens tillstånd att bygga.

## Avgifter

Avgiften beror på byggnaden.
`

// scaffoldSite writes a minimal site into a temporary folder: site.toml with
// two categories, one municipality, one shared guide and the bundled
// municipality boundaries.
func scaffoldSite(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	geo, err := os.ReadFile(filepath.Join("..", "..", "geodata", "municipalities.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range map[string]string{
		"content/site.toml":              scaffoldSiteTOML,
		"content/municipalities/ange.md": scaffoldAnge,
		"content/guides/bygglov.md":      scaffoldBygglov,
		"geodata/municipalities.geojson": string(geo),
	} {
		full := filepath.Join(src, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

var scaffoldToday = time.Date(2026, 3, 7, 12, 0, 0, 0, time.UTC)

// decodeScaffolded decodes the front matter of the file at p in src into
// meta with the strict decoder and fails on any diagnostic.
func decodeScaffolded(t *testing.T, src, p string, meta any) (markdown.File, markdown.Set) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(p)))
	if err != nil {
		t.Fatalf("read the scaffolded file: %v", err)
	}
	l := &diag.List{}
	f := markdown.Split(p, b, l)
	set := markdown.Decode(f, meta, l)
	for _, d := range l.Items() {
		t.Errorf("strict decoder: %s", d)
	}
	if t.Failed() {
		t.Logf("file:\n%s", b)
	}
	return f, set
}

// checkAllKeys checks that the scaffold wrote every key the decoder knows
// (but those in except), nested ones included: set, or commented out for
// the author to fill in ("# summary: \"\""). With the comment marks
// taken away, the strict decoder must know every key.
func checkAllKeys(t *testing.T, src, p string, meta any, except ...string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(p)))
	if err != nil {
		t.Fatal(err)
	}
	written := map[string]bool{}
	for _, m := range keyLine.FindAllStringSubmatch(string(b), -1) {
		written[m[1]] = true
	}
	for _, k := range markdown.Keys(meta) {
		if slices.Contains(except, k) {
			if written[k] {
				t.Errorf("key %q is written but should not be", k)
			}
			continue
		}
		if !written[k] {
			t.Errorf("key %q of %T is not written", k, meta)
		}
	}
	l := &diag.List{}
	f := markdown.Split(p, commentMark.ReplaceAll(b, []byte("$1")), l)
	markdown.Decode(f, reflect.New(reflect.TypeOf(meta).Elem()).Interface(), l)
	for _, d := range l.Items() {
		if strings.Contains(d.Msg, "unknown key") {
			t.Errorf("the scaffold and the decoder disagree: %s", d)
		}
	}
}

var (
	keyLine     = regexp.MustCompile(`(?m)^(?:# )?\s*([a-z_]+):`)
	commentMark = regexp.MustCompile(`(?m)^# (\s*[a-z_]+:)`)
)

func TestScaffold(t *testing.T) {
	const title = `Tillstånd för "uteservering" \ torghandel`
	tests := []struct {
		name  string
		nf    NewFile
		path  string
		check func(t *testing.T, src, p string)
	}{
		{
			name: "guide",
			nf:   NewFile{Kind: "guide", Slug: "uteservering", Title: title, Category: "bygga-bo"},
			path: "content/guides/uteservering.md",
			check: func(t *testing.T, src, p string) {
				var m guides.GuideMeta
				_, set := decodeScaffolded(t, src, p, &m)
				checkAllKeys(t, src, p, &m)
				if m.Title != title {
					t.Errorf("title = %q, want %q", m.Title, title)
				}
				if m.Updated != "2026-03-07" {
					t.Errorf("updated = %q, want 2026-03-07", m.Updated)
				}
				if !slices.Equal(m.Audience, []string{"citizen"}) || len(m.Municipalities) != 0 || m.Draft {
					t.Errorf("meta = %+v", m)
				}
				b, _ := os.ReadFile(filepath.Join(src, p))
				for _, k := range []string{"name", "phone", "email", "url"} {
					if !strings.Contains(string(b), "\n#   "+k+": \"\"\n") {
						t.Errorf("nested key contact.%s is not written commented out:\n%s", k, b)
					}
				}
				for _, k := range []string{"summary", "contact", "contact.name"} {
					if _, ok := set[k]; ok {
						t.Errorf("key %s is set; a key without a value must be commented out", k)
					}
				}
				if !strings.Contains(string(b), "# one of: bygga-bo, omsorg") {
					t.Errorf("the category comment does not list the site's categories:\n%s", b)
				}
				if !strings.Contains(string(b), "\n## Så ansöker du\n") {
					t.Errorf("the body has no guide sections:\n%s", b)
				}
			},
		},
		{
			name: "local guide",
			nf:   NewFile{Kind: "guide", Slug: "fiske-i-ljungan", Title: "Fiske i Ljungan", Municipality: "ange", Category: "omsorg"},
			path: "content/municipalities/ange/guides/fiske-i-ljungan.md",
			check: func(t *testing.T, src, p string) {
				var m guides.GuideMeta
				decodeScaffolded(t, src, p, &m)
				checkAllKeys(t, src, p, &m, "municipalities")
				if m.Title != "Fiske i Ljungan" {
					t.Errorf("title = %q", m.Title)
				}
			},
		},
		{
			name: "adaptation of a shared guide",
			nf:   NewFile{Kind: "guide", Slug: "bygglov", Title: "ignored", Municipality: "ange"},
			path: "content/municipalities/ange/guides/bygglov.md",
			check: func(t *testing.T, src, p string) {
				var m guides.GuideMeta
				f, set := decodeScaffolded(t, src, p, &m)
				// Only what differs: the date, nothing else set.
				if len(set) != 1 || m.Updated != "2026-03-07" {
					t.Errorf("adaptation sets %v (updated %q), want only updated: 2026-03-07", set, m.Updated)
				}
				if m.Title != "" {
					t.Errorf("an adaptation must not set a title, got %q", m.Title)
				}
				if !strings.Contains(string(f.FrontMatter), "content/guides/bygglov.md for ange") {
					t.Errorf("the adaptation does not say what it adapts:\n%s", f.FrontMatter)
				}
				// The example "## Avgifter" heading is one of the shared guide's.
				if !strings.Contains(string(f.Body), "## Avgifter") {
					t.Errorf("body = %q", f.Body)
				}
			},
		},
		{
			name: "eservice",
			nf:   NewFile{Kind: "eservice", Slug: "ansokan-uteservering", Title: "Ansökan om uteservering", Owner: "ange", Category: "bygga-bo"},
			path: "content/eservices/ansokan-uteservering.md",
			check: func(t *testing.T, src, p string) {
				var m directory.EServiceMeta
				decodeScaffolded(t, src, p, &m)
				checkAllKeys(t, src, p, &m)
				if m.Title != "Ansökan om uteservering" || m.Owner != "ange" || m.Status != "planned" ||
					!slices.Equal(m.Login, []string{"bankid"}) {
					t.Errorf("meta = %+v", m)
				}
			},
		},
		{
			name: "eservice of the collaboration",
			nf:   NewFile{Kind: "eservice", Slug: "felanmalan", Title: "Felanmälan", Category: "bygga-bo"},
			path: "content/eservices/felanmalan.md",
			check: func(t *testing.T, src, p string) {
				var m directory.EServiceMeta
				decodeScaffolded(t, src, p, &m)
				if m.Owner != "common" {
					t.Errorf("owner = %q, want common", m.Owner)
				}
			},
		},
		{
			name: "municipality",
			nf:   NewFile{Kind: "municipality", Slug: "timra", Title: "Timrå kommun", Code: "2262"},
			path: "content/municipalities/timra.md",
			check: func(t *testing.T, src, p string) {
				var m guides.MunicipalityMeta
				decodeScaffolded(t, src, p, &m)
				checkAllKeys(t, src, p, &m)
				if m.Name != "Timrå kommun" || m.Code != "2262" {
					t.Errorf("name, code = %q, %q", m.Name, m.Code)
				}
			},
		},
		{
			name: "municipality without a name",
			nf:   NewFile{Kind: "municipality", Slug: "sundsvall", Code: "2281"},
			path: "content/municipalities/sundsvall.md",
			check: func(t *testing.T, src, p string) {
				var m guides.MunicipalityMeta
				decodeScaffolded(t, src, p, &m)
				if m.Name != "Sundsvalls kommun" || m.Code != "2281" {
					t.Errorf("name, code = %q, %q", m.Name, m.Code)
				}
			},
		},
		{
			name: "page",
			nf:   NewFile{Kind: "page", Slug: "om-oss", Title: "Om oss"},
			path: "content/pages/om-oss.md",
			check: func(t *testing.T, src, p string) {
				var m guides.PageMeta
				decodeScaffolded(t, src, p, &m)
				checkAllKeys(t, src, p, &m)
				if m.Title != "Om oss" || m.Weight != 50 || m.Draft {
					t.Errorf("meta = %+v", m)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := scaffoldSite(t)
			tt.nf.Today = scaffoldToday
			p, err := Scaffold(src, tt.nf)
			if err != nil {
				t.Fatalf("Scaffold: %v", err)
			}
			if p != tt.path {
				t.Errorf("path = %q, want %q", p, tt.path)
			}
			tt.check(t, src, p)

			// Again: refused, and the file is unchanged.
			before, _ := os.ReadFile(filepath.Join(src, p))
			again := tt.nf
			again.Title = "Something else"
			again.Today = scaffoldToday.AddDate(0, 0, 1)
			_, err = Scaffold(src, again)
			if err == nil || !strings.Contains(err.Error(), "already exists") {
				t.Errorf("second Scaffold: err = %v, want \"already exists\"", err)
			}
			if after, _ := os.ReadFile(filepath.Join(src, p)); string(after) != string(before) {
				t.Errorf("the second Scaffold changed the file")
			}
		})
	}
}

// The files `guidemap new` writes load without errors through the loaders
// the build uses, with their per-file checks.
func TestScaffoldLoaders(t *testing.T) {
	src := scaffoldSite(t)
	load := map[string]func(p string, b []byte, l *diag.List){
		"guide":        func(p string, b []byte, l *diag.List) { guides.LoadGuide(p, b, l) },
		"eservice":     func(p string, b []byte, l *diag.List) { directory.LoadEService(p, b, l) },
		"municipality": func(p string, b []byte, l *diag.List) { guides.LoadMunicipality(p, b, l) },
	}
	for _, nf := range []NewFile{
		{Kind: "guide", Slug: "parkering", Title: "Parkering", Category: "bygga-bo"},
		{Kind: "eservice", Slug: "ansokan-parkering", Title: "Ansökan om parkering", Category: "bygga-bo"},
		{Kind: "municipality", Slug: "timra", Title: "Timrå kommun", Code: "2262"},
	} {
		nf.Today = scaffoldToday
		p, err := Scaffold(src, nf)
		if err != nil {
			t.Fatalf("Scaffold(%+v): %v", nf, err)
		}
		b, _ := os.ReadFile(filepath.Join(src, p))
		l := &diag.List{}
		load[nf.Kind](p, b, l)
		for _, d := range l.Items() {
			t.Errorf("%s: %s", nf.Kind, d)
		}
	}
}

func TestScaffoldRefuses(t *testing.T) {
	tests := []struct {
		name    string
		nf      NewFile
		wantErr string
	}{
		{"slug with space and capitals", NewFile{Kind: "guide", Slug: "Bygg Lov", Title: "Bygg lov"},
			`"Bygg Lov" cannot be a file name and web address: use lower-case letters a–z, digits and hyphens, e.g. bygg-lov`},
		{"slug with å", NewFile{Kind: "page", Slug: "om-vår-sajt"},
			`"om-vår-sajt" cannot be a file name and web address: use lower-case letters a–z, digits and hyphens, e.g. om-var-sajt`},
		{"slug leaving the folder", NewFile{Kind: "page", Slug: "../x"},
			`"../x" cannot be a file name and web address: use lower-case letters a–z, digits and hyphens, e.g. x`},
		{"slug with a double hyphen", NewFile{Kind: "page", Slug: "a--b"},
			`"a--b" cannot be a file name and web address`},
		{"empty slug", NewFile{Kind: "page", Slug: ""},
			`"" cannot be a file name and web address`},
		{"municipality code without boundary", NewFile{Kind: "municipality", Slug: "stockholm", Code: "0180"},
			"no boundary in geodata/municipalities.geojson has code 0180: add the municipality's boundary first"},
		{"municipality code not digits", NewFile{Kind: "municipality", Slug: "timra", Code: "22x1"},
			"give the municipality's SCB code with --code, four digits such as 2281"},
		{"municipality code too long", NewFile{Kind: "municipality", Slug: "timra", Code: "22620"},
			"give the municipality's SCB code with --code, four digits such as 2281"},
		{"municipality without code", NewFile{Kind: "municipality", Slug: "timra"},
			"give the municipality's SCB code with --code, four digits such as 2281"},
		{"guide of an unknown municipality", NewFile{Kind: "guide", Slug: "fiske", Municipality: "kiruna"},
			`there is no municipality "kiruna" (content/municipalities/kiruna.md)`},
		{"guide of a municipality outside the folder", NewFile{Kind: "guide", Slug: "fiske", Municipality: "../../x"},
			`there is no municipality "../../x"`},
		{"unknown kind", NewFile{Kind: "blog", Slug: "nyhet"},
			`guidemap new makes a guide, eservice, municipality or page, not "blog"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := scaffoldSite(t)
			tt.nf.Today = scaffoldToday
			before := listTree(t, src)
			p, err := Scaffold(src, tt.nf)
			if err == nil {
				t.Fatalf("Scaffold succeeded, wrote %s", p)
			}
			if !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Errorf("error = %q\nwant    %q", err, tt.wantErr)
			}
			if after := listTree(t, src); !slices.Equal(after, before) {
				t.Errorf("a refused Scaffold wrote files: %q", after)
			}
		})
	}
}

func listTree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	return out
}

// TestScaffoldThenCheck runs the whole check on a site right after
// `guidemap new guide`, with nothing filled in, and logs what the user
// reads. The scaffold and the decoder must not disagree about keys.
func TestScaffoldThenCheck(t *testing.T) {
	src := scaffoldSite(t)
	if _, err := generator.Check(context.Background(), generator.Config{Src: src}); err != nil {
		t.Fatalf("the minimal site does not check cleanly before scaffolding: %v", err)
	}
	p, err := Scaffold(src, NewFile{Kind: "guide", Slug: "parkering", Title: "Parkering", Today: scaffoldToday})
	if err != nil {
		t.Fatal(err)
	}
	res, err := generator.Check(context.Background(), generator.Config{Src: src})
	var got []string
	for _, d := range res.Diags.Items() {
		got = append(got, d.String())
		t.Logf("diagnostic: %s", d)
		if strings.Contains(d.Msg, "unknown key") {
			t.Errorf("the scaffold and the decoder disagree: %s", d)
		}
		if d.Pos.File == p && (d.Pos.Line < 1 || d.Pos.Col < 1) {
			t.Errorf("diagnostic without a position: %s", d)
		}
	}
	t.Logf("Check: err = %v, %d pages, %d guides", err, res.Pages, res.Guides)
}

// An e-service's owner is written into the front matter as given, unquoted:
// an owner the user mistypes must still give a file the strict decoder
// reads (or be refused by Scaffold), never broken YAML.
func TestScaffoldOwnerIsQuoted(t *testing.T) {
	for i, owner := range []string{"ange: x", "[ange]", "#ange"} {
		src := scaffoldSite(t)
		p, err := Scaffold(src, NewFile{Kind: "eservice", Slug: "e" + string(rune('a'+i)), Title: "E", Owner: owner, Category: "omsorg", Today: scaffoldToday})
		if err != nil {
			continue // refusing a bad owner is fine too
		}
		var m directory.EServiceMeta
		decodeScaffolded(t, src, p, &m)
		if m.Owner != owner {
			t.Errorf("owner %q was written as %q", owner, m.Owner)
		}
	}
}

// fields must pair each key with its own struct field even when the struct
// has fields the decoder skips (unexported or yaml:"-"). No front-matter
// struct has such a field today, so this is latent.
func TestScaffoldFieldsSkipsIgnoredStructFields(t *testing.T) {
	type meta struct {
		Internal int      `yaml:"-"`
		Title    string   `yaml:"title"`
		Tags     []string `yaml:"tags"`
	}
	got := renderFields(fields(&meta{}, nil, nil), "")
	if want := "# title: \"\"\ntags: []\n"; got != want {
		t.Errorf("fields rendered\n%s\nwant\n%s", got, want)
	}
}

// TestScaffoldRefusesDirectoryNames: an e-service may not take the name of
// a page of the directory.
func TestScaffoldRefusesDirectoryNames(t *testing.T) {
	src := t.TempDir()
	_, err := Scaffold(src, NewFile{Kind: "eservice", Slug: "bibliotek", Title: "Bibliotek"})
	want := `"bibliotek" is the name of a page of the e-service directory (/e-tjanster/bibliotek/): choose another`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

// TestAdaptationScaffoldPublishesNothing: `guidemap new guide bygglov
// --municipality ange` makes a file that changes nothing on the public
// page until the author writes in it, and check says nothing of it. (The
// scaffold once wrote an "## Avgifter" section whose text was its own
// instructions in English, and that text replaced the fees on Ånge's page
// without a word.)
func TestAdaptationScaffoldPublishesNothing(t *testing.T) {
	src := scaffoldSite(t)
	p, err := Scaffold(src, NewFile{Kind: "guide", Slug: "bygglov", Municipality: "ange", Today: scaffoldToday})
	if err != nil {
		t.Fatal(err)
	}
	res, err := generator.Collect(context.Background(), generator.Config{Src: src})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diags.Items() {
		if d.Pos.File == p {
			t.Errorf("check says of the new adaptation: %s", d)
		}
	}
	var page string
	for _, f := range res.Output {
		if f.Path == "ange/guider/bygglov/index.html" {
			page = string(f.Data)
		}
	}
	for _, want := range []string{"Bygglov är kommunens tillstånd att bygga.", "Avgiften beror på byggnaden."} {
		if !strings.Contains(page, want) {
			t.Errorf("Ånge's page lost the shared text %q", want)
		}
	}
	for _, leak := range []string{"A section whose heading", "Anpassning av den gemensamma guiden", "kommentarstecknen", "<!--"} {
		if strings.Contains(page, leak) {
			t.Errorf("Ånge's page publishes the scaffold's guidance %q", leak)
		}
	}
	b, _ := os.ReadFile(filepath.Join(src, p))
	if !strings.Contains(string(b), "  ## Avgifter\n") {
		t.Errorf("the guidance does not list the shared guide's headings:\n%s", b)
	}
}

// siteWithoutTimra is scaffoldSite whose boundaries file lacks Timrå
// (2262), with Timrå's boundary as a file of its own, named with SCB's
// property names, beside the site: its path is returned too.
func siteWithoutTimra(t *testing.T) (src, timra string) {
	t.Helper()
	src = scaffoldSite(t)
	p := filepath.Join(src, "geodata", "municipalities.geojson")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type        string            `json:"type"`
		Attribution string            `json:"attribution"`
		Features    []json.RawMessage `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		t.Fatal(err)
	}
	var feature json.RawMessage
	fc.Features = slices.DeleteFunc(fc.Features, func(f json.RawMessage) bool {
		if strings.Contains(string(f), `"code":"2262"`) {
			feature = f
			return true
		}
		return false
	})
	without, _ := json.Marshal(fc)
	if err := os.WriteFile(p, without, 0o644); err != nil {
		t.Fatal(err)
	}
	scb := strings.Replace(string(feature), `"code":"2262","name":"Timrå"`, `"KnKod":"2262","KnNamn":"Timrå","LnKod":"22"`, 1)
	timra = filepath.Join(t.TempDir(), "kommun.geojson")
	if err := os.WriteFile(timra, []byte(scb), 0o644); err != nil {
		t.Fatal(err)
	}
	return src, timra
}

// TestScaffoldBoundary: --boundary adds the new municipality's boundary to
// the site's boundaries file, in the order of the codes, and the site then
// checks without a problem.
func TestScaffoldBoundary(t *testing.T) {
	src, timra := siteWithoutTimra(t)
	p, err := Scaffold(src, NewFile{Kind: "municipality", Slug: "timra", Title: "Timrå kommun", Code: "2262", Boundary: timra, Today: scaffoldToday})
	if err != nil {
		t.Fatal(err)
	}
	if p != "content/municipalities/timra.md" {
		t.Errorf("wrote %s", p)
	}
	b, err := os.ReadFile(filepath.Join(src, "geodata", "municipalities.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	l := &diag.List{}
	var got []string
	for _, bd := range geodata.LoadBoundaries("geodata/municipalities.geojson", b, l) {
		got = append(got, bd.Code+" "+bd.Name)
	}
	want := []string{"2260 Ånge", "2262 Timrå", "2280 Härnösand", "2281 Sundsvall", "2282 Kramfors", "2283 Sollefteå", "2284 Örnsköldsvik"}
	if l.Len() > 0 || !slices.Equal(got, want) {
		t.Errorf("boundaries %q, want %q\n%v", got, want, l.Items())
	}
	res, err := generator.Check(context.Background(), generator.Config{Src: src})
	if err != nil || res.Diags.HasErrors() {
		t.Errorf("check after new municipality --boundary: %v %v", err, res.Diags.Items())
	}
}

// TestScaffoldBoundaryRefuses: a boundary file that is wrong, or a site
// that has the boundary already, is reported with file, line and column,
// and nothing is written.
func TestScaffoldBoundaryRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, file string // file: the boundary file's text; "" for Timrå's own
		nf         NewFile
		want       string
	}{
		{"not GeoJSON", "Timrå;2262\n", NewFile{Code: "2262"},
			"kommun.geojson:1:1: cannot read GeoJSON: invalid character 'T' looking for beginning of value; the file must be valid JSON: check for a missing comma, bracket or quote"},
		{"a line, not an area", `{"type":"Feature","properties":{"code":"2262"},"geometry":{"type":"LineString","coordinates":[[17.3,62.5],[17.4,62.5]]}}`, NewFile{Code: "2262"},
			"kommun.geojson:1:67: boundary 2262 is a LineString; boundaries are Polygon or MultiPolygon features"},
		{"another municipality's code", "", NewFile{Code: "2281", Title: "Sundsvalls kommun"},
			"kommun.geojson:1:1: no feature has code 2281 (the file has code 2262); check --code, or take the municipality's boundary from a file that has it; the code is read from the property code, kommunkod, KnKod, kod"},
		{"another municipality's name", "", NewFile{Code: "2262", Title: "Sundsvalls kommun"},
			"kommun.geojson:1:57: the boundary with code 2262 is Timrå, not Sundsvalls kommun; check --code 2262, or take the feature of Sundsvalls kommun from the file"},
		{"Ånge's code, Timrå's file", "", NewFile{Code: "2260", Title: "Ånge kommun", Slug: "ange2"},
			"kommun.geojson:1:1: no feature has code 2260 (the file has code 2262); check --code, or take the municipality's boundary from a file that has it; the code is read from the property code, kommunkod, KnKod, kod"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, timra := siteWithoutTimra(t)
			if tc.file != "" {
				if err := os.WriteFile(timra, []byte(tc.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before := listTree(t, src)
			geo, _ := os.ReadFile(filepath.Join(src, "geodata", "municipalities.geojson"))
			nf := tc.nf
			nf.Kind, nf.Boundary, nf.Today = "municipality", timra, scaffoldToday
			if nf.Slug == "" {
				nf.Slug = "timra"
			}
			_, err := Scaffold(src, nf)
			var problems *Problems
			if !errors.As(err, &problems) {
				t.Fatalf("error %v, want the problems of the file", err)
			}
			got := strings.ReplaceAll(err.Error(), filepath.ToSlash(timra), "kommun.geojson")
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
			after, _ := os.ReadFile(filepath.Join(src, "geodata", "municipalities.geojson"))
			if !slices.Equal(listTree(t, src), before) || string(after) != string(geo) {
				t.Errorf("a refused Scaffold changed the site")
			}
		})
	}
	// The site's own boundaries file names the code it has already.
	src, _ := siteWithoutTimra(t)
	own := filepath.Join(t.TempDir(), "ange.geojson")
	geo, _ := os.ReadFile(filepath.Join(src, "geodata", "municipalities.geojson"))
	if err := os.WriteFile(own, geo, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Scaffold(src, NewFile{Kind: "municipality", Slug: "ange2", Code: "2260", Boundary: own, Today: scaffoldToday})
	want := filepath.ToSlash(filepath.Join(src, "geodata/municipalities.geojson")) + ":1:93: features[0]: the site has a boundary for code 2260 already (Ånge); remove it first, or leave out --boundary to keep it"
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}

// TestBoundaryHelpGolden: `guidemap new municipality` for a code the site
// has no boundary for says where to get one and how to add it
// (testdata/no-boundary.golden, -update rewrites it).
func TestBoundaryHelpGolden(t *testing.T) {
	src := scaffoldSite(t)
	_, err := Scaffold(src, NewFile{Kind: "municipality", Slug: "nordanstig", Title: "Nordanstigs kommun", Code: "2132", Today: scaffoldToday})
	if err == nil {
		t.Fatal("Scaffold succeeded without a boundary")
	}
	golden.Compare(t, "testdata/no-boundary.golden", []byte(err.Error()+"\n"))
}
