package generator

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/assemble"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/generator/load"
)

// TestSilentMistakes checks testdata/silent, a site with the mistakes that
// once published wrong text without a word: what `guidemap new` wrote into
// an adaptation (its English instructions as Timrå's fees), headings that
// nearly match a shared one, empty required values. Each is now reported
// at its file:line:col, exactly as testdata/silent.golden says.
func TestSilentMistakes(t *testing.T) {
	res, err := Check(context.Background(), Config{Src: "testdata/silent", Adaptations: true})
	if !errors.Is(err, ErrInput) {
		t.Fatalf("Check: err = %v, want ErrInput (empty required values are errors)", err)
	}
	var b strings.Builder
	for _, d := range res.Diags.Items() {
		if d.Pos.Line < 1 || d.Pos.Col < 1 {
			t.Errorf("diagnostic without line and column: %s", d)
		}
		b.WriteString(d.String() + "\n")
	}
	b.WriteString("== check --adaptations\n")
	for _, a := range res.Adaptations {
		b.WriteString(a.File + " (" + a.Municipality + ") adapts " + a.Shared + "\n")
		b.WriteString("  replaces: " + strings.Join(a.Replaces, ", ") + "\n")
		for i, h := range a.Adds {
			b.WriteString("  adds: " + h)
			if a.Near[i] != "" {
				b.WriteString(" (near " + a.Near[i] + ")")
			}
			b.WriteString("\n")
		}
	}
	golden.Compare(t, "testdata/silent.golden", []byte(b.String()))
	var sv strings.Builder
	for _, d := range res.Diags.Items() {
		sv.WriteString(d.In("sv").StringIn("sv") + "\n")
	}
	golden.Compare(t, "testdata/silent.sv.golden", []byte(sv.String()))

	// Each mistake, said plainly, so that the golden file cannot lose one.
	want := []struct{ pos, text string }{
		{"content/municipalities/timra/guides/bygglov.md:14:1", `placeholder text "a section whose heading is the same as one of the shared guide's" would be published`},
		{"content/municipalities/sundsvall/guides/bygglov.md:5:4", `section "Avgift" matches no heading of content/guides/bygglov.md`},
		{"content/municipalities/sundsvall/guides/bygglov.md:9:4", `section "Så ansöker du?" matches no heading`},
		{"content/guides/parkering.md:4:11", `"category" is empty`},
		{"content/guides/parkering.md:3:10", `"summary" is empty`},
		{"content/guides/parkering.md:5:21", `item 2 of "audience" is empty`},
		{"content/guides/parkering.md:11:4", `section "Avgifter" is empty`},
		{"content/eservices/ansokan-boendeparkering.md:5:10", `"category" is empty`},
		{"content/eservices/ansokan-boendeparkering.md:6:9", `"status" is empty`},
	}
	for _, w := range want {
		if !hasDiag(res.Diags, w.pos, w.text) {
			t.Errorf("no diagnostic %s: %s…", w.pos, w.text)
		}
	}
}

func hasDiag(l *diag.List, pos, text string) bool {
	for _, d := range l.Items() {
		if d.Pos.String() == pos && strings.Contains(d.Msg, text) {
			return true
		}
	}
	return false
}

// TestVersionTitlesSayWhose: every municipality's version of a guide says
// whose it is in <title>, og:title and its JSON-LD WebPage ("Bygglov –
// Sundsvalls kommun – eSamverkan Västernorrland"), and no two guide pages
// of the example (shared guides and every municipality's versions) share a
// <title>.
func TestVersionTitlesSayWhose(t *testing.T) {
	l := &diag.List{}
	in := load.Site(context.Background(), os.DirFS(exampleSite), "", 1, nil, l)
	site := assemble.Site(in, l)
	res, err := Collect(context.Background(), Config{Src: exampleSite})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range res.Output {
		files[f.Path] = f.Data
	}
	title := regexp.MustCompile(`<title>([^<]*)</title>`)
	og := regexp.MustCompile(`<meta property="og:title" content="([^"]*)">`)
	ld := regexp.MustCompile(`<script type="application/ld\+json">([^<]*)</script>`)
	siteTitle := site.Config.Title
	checked := 0
	for _, v := range site.Versions {
		p := strings.TrimPrefix(v.URL(), "/") + "index.html"
		page := string(files[p])
		if page == "" {
			t.Errorf("%s: no page", p)
			continue
		}
		whose := v.Title + " – " + v.Municipality.Name
		if strings.Contains(v.Title, strings.TrimSuffix(strings.TrimSuffix(v.Municipality.Name, " kommun"), "s")) {
			whose = v.Title // the title names the municipality already
		}
		if m := title.FindStringSubmatch(page); m == nil || unescape(m[1]) != whose+" – "+siteTitle {
			t.Errorf("%s: <title> %q, want %q", p, m, whose+" – "+siteTitle)
		}
		if m := og.FindStringSubmatch(page); m == nil || unescape(m[1]) != whose {
			t.Errorf("%s: og:title %q, want %q", p, m, whose)
		}
		found := false
		for _, m := range ld.FindAllStringSubmatch(page, -1) {
			var obj map[string]any
			if json.Unmarshal([]byte(m[1]), &obj) == nil && obj["@type"] == "WebPage" {
				found = obj["name"] == whose && obj["publisher"].(map[string]any)["name"] == v.Municipality.Name
			}
		}
		if !found {
			t.Errorf("%s: no JSON-LD WebPage named %q published by %s", p, whose, v.Municipality.Name)
		}
		checked++
	}
	if checked < 100 {
		t.Errorf("%d versions checked, want the example's 100 and more", checked)
	}
	seen := map[string]string{}
	for p, data := range files {
		if !strings.Contains(p, "guider/") || !strings.HasSuffix(p, ".html") || strings.Contains(string(data), `<meta name="robots" content="noindex">`) {
			continue
		}
		if m := title.FindSubmatch(data); m != nil {
			if other, dup := seen[string(m[1])]; dup && !sameInLanguages(p, other) {
				t.Errorf("%s and %s have the same <title> %q", p, other, m[1])
			}
			seen[string(m[1])] = p
		}
	}
	t.Logf("%d versions say whose they are; %d guide pages, each with its own title", checked, len(seen))
}

// sameInLanguages: two pages that may share a title, such as a page and
// its easy-to-read or other-language version with a title in common.
func sameInLanguages(a, b string) bool {
	return strings.HasPrefix(a, "en/") != strings.HasPrefix(b, "en/")
}

func unescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#39;", "'", "&#34;", `"`, "&lt;", "<", "&gt;", ">").Replace(s)
}
