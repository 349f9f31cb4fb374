package generator

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	alternateLink = regexp.MustCompile(`<link rel="?alternate"? hreflang="?([a-z]+)"? href="?([^" >]+)"?>`)
	htmlLang      = regexp.MustCompile(`<html lang="?([a-z]+)"?`)
)

// TestTranslationsAreLinkedBothWays checks the example site's English
// pages: every page's hreflang alternates lead to pages that exist, are
// in the language they claim and name the page back; the English pages
// have the English start page and guide list; a municipality's own
// English sections replace the shared ones; a version whose municipality
// adapted the guide but not its translation says so; and a translation's
// links lead to the English pages.
func TestTranslationsAreLinkedBothWays(t *testing.T) {
	out, _ := buildExample(t, "")
	base := "https://esamverkan.example.se"
	read := func(rel string) string {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			return ""
		}
		return string(data)
	}
	rel := func(abs string) string { // an absolute URL → its file
		p := strings.TrimPrefix(abs, base+"/")
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		return p
	}
	pairs, english := 0, 0
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		r, _ := filepath.Rel(out, p)
		r = filepath.ToSlash(r)
		page := read(r)
		lang := ""
		if m := htmlLang.FindStringSubmatch(page); m != nil {
			lang = m[1]
		}
		if strings.HasPrefix(r, "en/") {
			english++
			if lang != "en" {
				t.Errorf("%s is under /en/ but in %q", r, lang)
			}
		}
		alts := alternateLink.FindAllStringSubmatch(page, -1)
		self := false
		for _, a := range alts {
			if rel(a[2]) == r {
				self = true
				if a[1] != lang {
					t.Errorf("%s names itself as %q, but is in %q", r, a[1], lang)
				}
				continue
			}
			other := read(rel(a[2]))
			if other == "" {
				t.Errorf("%s: its %s alternate %s does not exist", r, a[1], a[2])
				continue
			}
			if m := htmlLang.FindStringSubmatch(other); m == nil || m[1] != a[1] {
				t.Errorf("%s: its %s alternate %s is not in %s", r, a[1], a[2], a[1])
			}
			back := false
			for _, b := range alternateLink.FindAllStringSubmatch(other, -1) {
				if rel(b[2]) == r && b[1] == lang {
					back = true
				}
			}
			if !back {
				t.Errorf("%s names %s as its %s version, which does not name it back", r, a[2], a[1])
			}
			pairs++
		}
		if len(alts) > 0 && !self {
			t.Errorf("%s has hreflang alternates but not itself among them", r)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if english < 300 || pairs < 2*english {
		t.Errorf("%d English pages and %d hreflang pairs; want the example's translated guides, their versions, the start page, the guide list, the directory and the map and point pages", english, pairs)
	}
	t.Logf("%d English pages, %d hreflang links checked both ways", english, pairs)

	for _, c := range []struct{ page, want string }{
		{"en/index.html", `href="/en/guider/bygglov/"`},
		{"en/index.html", `href="/en/sundsvall/"`},
		{"en/sundsvall/index.html", `The Contact Centre in the town hall answers questions`},
		{"en/sundsvall/index.html", `href="/en/sundsvall/guider/bygglov/"`},
		{"sundsvall/index.html", `href="/en/sundsvall/" hreflang="en">In English</a>`},
		{"en/guider/index.html", `href="/en/guider/hemtjanst/"`},
		{"index.html", `href="/en/" hreflang="en">In English</a>`},
		{"e-tjanster/ansokan-bygglov/index.html", `Only some pages are in English; this one is in Swedish only.`},
		// The pages whose text is UI strings and names exist in English.
		{"e-tjanster/index.html", `href="/en/e-tjanster/" hreflang="en">In English</a>`},
		{"en/e-tjanster/index.html", `<h1>E-services</h1>`},
		{"en/e-tjanster/index.html", `lang="sv">Ansökan om bygglov, rivningslov och marklov</a>`},
		{"en/e-tjanster/kategori/bygga-bo/index.html", `Building and housing`},
		{"en/e-tjanster/bibliotek/index.html", `<html lang="en"`},
		{"en/e-tjanster/ny-i-samverkan/index.html", `<html lang="en"`},
		{"en/kommuner/index.html", `href="/en/sundsvall/"`},
		{"en/karta/index.html", `href="/en/karta/bibliotek/"`},
		{"en/karta/bibliotek/index.html", `<h1>Libraries</h1>`},
		{"en/sundsvall/karta/index.html", `href="/en/sundsvall/platser/sundsvalls-stadsbibliotek/"`},
		{"en/sundsvall/platser/sundsvalls-stadsbibliotek/index.html", `Opening hours`},
		{"en/sundsvall/platser/sundsvalls-stadsbibliotek/index.html", `Monday`},
		{"guider/bygglov/index.html", `href="/en/guider/bygglov/" hreflang="en">In English</a>`},
		{"en/sundsvall/guider/bygglov/index.html", `>Special to Sundsvall</h2>`},
		{"en/sundsvall/guider/bygglov/index.html", `about SEK 32,000`},
		{"en/ange/guider/forskoleplats/index.html", `Ånge kommun has adapted this guide. Its own sections are only in Swedish.`},
		{"en/guider/hemtjanst/index.html", `href="/en/guider/fardtjanst/#who-can-apply"`},
		{"en/sundsvall/guider/hemtjanst/index.html", `href="/en/sundsvall/guider/fardtjanst/#who-can-apply"`},
	} {
		if !strings.Contains(read(c.page), c.want) {
			t.Errorf("%s does not hold %s", c.page, c.want)
		}
	}
	if strings.Contains(read("en/sundsvall/guider/bygglov/index.html"), "has adapted this guide. Its own sections are only in Swedish") {
		t.Error("Sundsvall translated its adaptation, yet its English version says its sections are only in Swedish")
	}
}

// TestTranslationErrors: a translation of no guide, and one into a
// language the site does not have, are errors naming the file.
func TestTranslationErrors(t *testing.T) {
	dir := copyExample(t)
	writeFile(t, filepath.Join(dir, "content", "guides", "bygglv.en.md"), "---\ntitle: Building permits\n---\nText.\n")
	writeFile(t, filepath.Join(dir, "content", "guides", "bygglov.fi.md"), "---\ntitle: Rakennuslupa\n---\nTeksti.\n")
	writeFile(t, filepath.Join(dir, "content", "municipalities", "timra", "guides", "skolskjuts.en.md"), "---\n---\n## Contact\n\nCall us.\n")
	res, err := Build(context.Background(), Config{Src: dir, Out: filepath.Join(t.TempDir(), "public")})
	if err == nil {
		t.Fatal("the build passed")
	}
	var got []string
	for _, d := range res.Diags.Items() {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`content/guides/bygglv.en.md:1:1: a translation of guide "bygglv", which is not a shared guide; did you mean bygglov.en.md?`,
		`content/guides/bygglov.fi.md:1:1: a translation into "fi", which is not one of the site's languages (sv, en); add "fi" to languages in content/site.toml, or rename the file`,
		`content/municipalities/timra/guides/skolskjuts.en.md:1:1: translates timra's version of guide "skolskjuts", which has no translation into "en"; translate the shared guide first: content/guides/skolskjuts.en.md`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no diagnostic\n%s\nin\n%s", want, all)
		}
	}
}
