package generator

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/bodies"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/generator/output"
	"github.com/esamverkan/guidemap/generator/render"
)

// TestPagesShowOnlyBodiesTheyRead checks, on every page of the example
// site, the rule the fast way stands on: a page shows a Markdown body only
// if the Renderer knows it does (render/reach.go). Every body gets a marker
// as its HTML and headings, every page is rendered again, and every marker
// found on a page must belong to a body that Rerender would render that
// page for.
func TestPagesShowOnlyBodiesTheyRead(t *testing.T) {
	ctx := context.Background()
	_, st, err := build(ctx, Config{Src: exampleSite}, nil, sinkOf(&output.List{}))
	if err != nil {
		t.Fatal(err)
	}
	marked := st.bodies.Map(func(i int, r bodies.Rendered) bodies.Rendered {
		r.HTML = fmt.Sprintf("<p>bodymark%dx</p>", i)
		r.Headings = nil
		for k := range 3 {
			r.Headings = append(r.Headings, model.Heading{Level: 2, Text: fmt.Sprintf("bodymark%dx", i), ID: fmt.Sprintf("bodymark%dx-%d", i, k)})
		}
		return r
	})
	opt := st.ropt
	opt.Bodies, opt.Memo = marked, nil
	rd, err := render.New(ctx, st.site, opt)
	if err != nil {
		t.Fatal(err)
	}
	out := &output.List{Keep: true}
	if err := rd.Render(ctx, &diag.List{}, out.Put); err != nil {
		t.Fatal(err)
	}
	files, _ := out.Files()
	all := marked.Bodies()
	mark := regexp.MustCompile(`bodymark(\d+)x`)
	shown, pages := 0, 0
	for _, f := range files {
		if strings.HasPrefix(f.Path, render.SearchDir) {
			continue // made again whole after every change of text (Renderer.reindex)
		}
		ms := mark.FindAllSubmatch(f.Data, -1)
		if len(ms) > 0 {
			pages++
		}
		for _, m := range ms {
			i, _ := strconv.Atoi(string(m[1]))
			if !slices.Contains(rd.Showing(all[i]), f.Path) {
				t.Errorf("%s shows the body of %v, but is not rendered again when it changes", f.Path, all[i].Sources)
			}
			shown++
		}
	}
	if pages < len(all) {
		t.Errorf("markers found on only %d pages for %d bodies", pages, len(all))
	}
	t.Logf("%d pages show %d markers of %d bodies", pages, shown, len(all))
}

// TestRebuildRendersOnlyWhatChanged pins how much of the example site a
// Builder renders again after an edit: a guide's text, the fast way, only
// the pages that show it; its title, the guide's pages and the lists that
// show it; a service point's name, its page, its maps and lists; the
// site's title, everything. In every case the output is what a clean
// build makes.
func TestRebuildRendersOnlyWhatChanged(t *testing.T) {
	dir := copyExample(t)
	b := NewBuilder(Config{Src: dir})
	prev, err := b.Rebuild(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	old := map[string][]byte{}
	for _, f := range prev.Output {
		old[f.Path] = f.Data
	}
	// A guide's title is also on the pages of the e-services it lists (the
	// library's page and each offer's), which name the guides that link
	// them.
	site, _ := assembleFixture(t, dir)
	esPages := func(guide string) int {
		n := 0
		for _, g := range site.Guides {
			if g.Slug != guide {
				continue
			}
			for _, o := range site.Offers {
				if slices.Contains(g.EServices, o.EService.Slug) {
					n++
				}
			}
			for _, e := range site.EServices {
				if slices.Contains(g.EServices, e.Slug) {
					n++
				}
			}
		}
		return n
	}
	// And on the pages of its life events and the business entry pages
	// that list it, in every language.
	listPages := func(guide string) int {
		n := 0
		for p, data := range old {
			if (strings.Contains(p, "livshandelser/") || strings.Contains(p, "foretag/") || strings.Contains(p, "life-events/") || strings.Contains(p, "businesses/")) &&
				bytes.Contains(data, []byte("/guider/"+guide+"/")) {
				n++
			}
		}
		return n
	}
	tests := []struct {
		name, file, from, to string
		fast                 bool
		max                  int // pages rendered at most
		mustChange           []string
	}{
		{"a guide's text", "content/guides/bygglov.md", "## Så ansöker du", "Ny mening.\n\n## Så ansöker du", true, 8,
			[]string{"guider/bygglov/index.html", "timra/guider/bygglov/index.html"}},
		{"a guide's title", "content/guides/bygglov.md", "title: Bygglov", "title: Bygglov och anmälan", false, 42 + esPages("bygglov") + listPages("bygglov"), // with its eight English pages, which read the guide
			[]string{"guider/bygglov/index.html", "index.html", "guider/index.html", "sundsvall/index.html"}},
		{"a service point's name", "geodata/platser/bibliotek.geojson", "Sundsvalls stadsbibliotek", "Stadsbiblioteket i Sundsvall", false, 40,
			[]string{"sundsvall/karta/index.html", "karta/bibliotek/index.html", "sundsvall/karta/bibliotek/index.html"}},
		{"the site's title", "content/site.toml", `title = "eSamverkan Västernorrland"`, `title = "eSamverkan i Västernorrland"`, false, -1,
			[]string{"index.html"}},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join(dir, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(tt.from)) {
			t.Fatalf("%s: %s does not hold %q", tt.name, tt.file, tt.from)
		}
		writeFile(t, filepath.Join(dir, tt.file), strings.Replace(string(data), tt.from, tt.to, 1))
		got, err := b.Rebuild(context.Background(), []string{tt.file})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		want, _ := Collect(context.Background(), Config{Src: dir})
		if len(got.Output) != len(want.Output) {
			t.Fatalf("%s: %d files, a clean build makes %d", tt.name, len(got.Output), len(want.Output))
		}
		changed := map[string]bool{}
		for i, f := range want.Output {
			if got.Output[i].Path != f.Path || !bytes.Equal(got.Output[i].Data, f.Data) {
				t.Fatalf("%s: %s differs from a clean build's", tt.name, f.Path)
			}
			if strings.HasSuffix(f.Path, ".html") && !bytes.Equal(old[f.Path], f.Data) {
				changed[f.Path] = true
			}
			old[f.Path] = f.Data
		}
		t.Logf("%s: %d pages rendered of %d, %d came out different (fast way: %v)", tt.name, got.Rendered, got.Pages, len(changed), b.Fast())
		if b.Fast() != tt.fast {
			t.Errorf("%s: fast way %v, want %v", tt.name, b.Fast(), tt.fast)
		}
		if got.Rendered < len(changed) {
			t.Errorf("%s: %d pages changed but only %d were rendered", tt.name, len(changed), got.Rendered)
		}
		if tt.max < 0 && got.Rendered != got.Pages || tt.max >= 0 && got.Rendered > tt.max {
			t.Errorf("%s: %d pages rendered, want at most %d", tt.name, got.Rendered, tt.max)
		}
		for _, p := range tt.mustChange {
			if !changed[p] {
				t.Errorf("%s: %s did not change", tt.name, p)
			}
		}
	}
}
