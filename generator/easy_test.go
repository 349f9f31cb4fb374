package generator

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestEasyToReadGuides checks the example site's easy-to-read versions
// (lättläst): each content/guides/<slug>.lattlast.md has its page, in
// Swedish, with its lines kept, linked from the shared guide and from
// every municipality's version of it, and linking back to the guide.
func TestEasyToReadGuides(t *testing.T) {
	easy, _ := filepath.Glob(filepath.Join(exampleSite, "content", "guides", "*.lattlast.md"))
	if len(easy) < 5 {
		t.Fatalf("the example site has %d easy-to-read guides, want at least 5", len(easy))
	}
	out, _ := buildExample(t, "")
	pages := readPages(t, out)
	for _, f := range easy {
		slug := strings.TrimSuffix(filepath.Base(f), ".lattlast.md")
		url := "/guider/" + slug + "/lattlast/"
		p := pages["guider/"+slug+"/lattlast/index.html"]
		if p == nil {
			t.Errorf("%s: no page %s", f, url)
			continue
		}
		data, err := os.ReadFile(filepath.Join(out, "guider", slug, "lattlast", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		html := string(data)
		if !strings.Contains(html, `<html lang="sv">`) {
			t.Errorf("%s is not in Swedish", url)
		}
		if !strings.Contains(html, "<br>") {
			t.Errorf("%s: the text's lines are not kept", url)
		}
		if !slices.Contains(p.links, "/guider/"+slug+"/") {
			t.Errorf("%s does not link back to the guide", url)
		}
		linked := 0
		for u, q := range pages {
			if strings.HasSuffix("/"+u, "/guider/"+slug+"/index.html") && !strings.HasPrefix(u, "en/") {
				if !slices.Contains(q.links, url) {
					t.Errorf("%s does not link its easy-to-read version %s", u, url)
				}
				linked++
			}
		}
		if linked < 2 {
			t.Errorf("%s: linked from %d pages, want the guide's and its versions'", url, linked)
		}
	}
}

// TestEasyToReadWithoutAGuide: an easy-to-read file whose name is no
// shared guide is an error that names the file and the guide it likely
// meant.
func TestEasyToReadWithoutAGuide(t *testing.T) {
	dir := copyExample(t)
	writeFile(t, filepath.Join(dir, "content", "guides", "bygglv.lattlast.md"), "---\ntitle: Bygglov\n---\nText.\n")
	res, err := Build(context.Background(), Config{Src: dir, Out: filepath.Join(t.TempDir(), "public")})
	if err == nil {
		t.Fatal("the build passed")
	}
	want := `content/guides/bygglv.lattlast.md:1:1: an easy-to-read version of guide "bygglv", which is not a shared guide; did you mean bygglov.lattlast.md?`
	found := false
	for _, d := range res.Diags.Items() {
		if d.String() == want {
			found = true
		}
	}
	if !found {
		t.Errorf("no diagnostic %q in:\n%v", want, res.Diags.Items())
	}
}
