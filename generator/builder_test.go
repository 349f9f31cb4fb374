package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/esamverkan/guidemap/generator/render"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// smallSite copies a part of the example site to a temporary folder: all
// municipalities, a few guides, e-services and adaptations, the pages,
// the boundaries and two point files.
func smallSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	cp := func(rel string) {
		data, err := os.ReadFile(filepath.Join(exampleSite, rel))
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	glob := func(pattern string, n int) {
		ms, _ := filepath.Glob(filepath.Join(exampleSite, pattern))
		for i, m := range ms {
			if n > 0 && i >= n {
				break
			}
			rel, _ := filepath.Rel(exampleSite, m)
			cp(rel)
		}
	}
	cp("content/site.toml")
	glob("content/municipalities/*.md", 0)
	glob("content/pages/*.md", 0)
	glob("content/guides/*.md", 6)
	glob("content/eservices/*.md", 6)
	glob("content/guides/*/*", 0) // the guides' images and files
	glob("content/media/*", 0)
	glob("content/municipalities/timra/guides/*.md", 0)
	glob("content/municipalities/*/eservices/anmalan-*.md", 0)
	cp("geodata/municipalities.geojson")
	cp("geodata/platser/bibliotek.geojson")
	cp("geodata/platser/simhall.geojson")
	return dir
}

// TestBuilderEqualsCleanBuild is the Builder's property: after any series
// of edits, creations, renames and deletions, Rebuild with the changed
// files (as serve passes them) gives exactly what a clean Check of the
// same folder gives, output and diagnostics, whether it went the fast way
// or the full way — also when a rebuild of the same change was cancelled
// at a random moment just before (as serve cancels a stale rebuild).
func TestBuilderEqualsCleanBuild(t *testing.T) {
	dir := smallSite(t)
	b := NewBuilder(Config{Src: dir})
	var fast, full, cancelled int
	stale := rand.New(rand.NewPCG(3, 5))
	compare := func(step string, changed []string) {
		t.Helper()
		if stale.IntN(3) == 0 {
			ctx, cancel := context.WithTimeout(context.Background(), time.Duration(stale.IntN(40))*time.Millisecond)
			if _, err := b.Rebuild(ctx, changed); errors.Is(err, context.DeadlineExceeded) {
				cancelled++
			}
			cancel()
		}
		t0 := time.Now()
		got, gerr := b.Rebuild(context.Background(), changed)
		dt := time.Since(t0)
		if b.Fast() {
			fast++
		} else {
			full++
		}
		want, werr := Collect(context.Background(), Config{Src: dir})
		if (gerr == nil) != (werr == nil) {
			t.Fatalf("%s: Rebuild error %v, Check error %v", step, gerr, werr)
		}
		if g, w := diagText(got), diagText(want); g != w {
			t.Fatalf("%s: diagnostics differ:\nrebuild:\n%s\ncheck:\n%s", step, g, w)
		}
		if len(got.Output) != len(want.Output) || got.Bytes != want.Bytes {
			t.Fatalf("%s: Rebuild made %d files of %d bytes, Check %d of %d", step, len(got.Output), got.Bytes, len(want.Output), want.Bytes)
		}
		for i := range got.Output {
			if got.Output[i].Path != want.Output[i].Path || !bytes.Equal(got.Output[i].Data, want.Output[i].Data) {
				t.Fatalf("%s (fast: %v): file %d differs: %s vs %s", step, b.Fast(), i, got.Output[i].Path, want.Output[i].Path)
			}
		}
		h, m := b.CacheStats()
		t.Logf("%s: rebuild %v (fast: %v, %d parses cached, %d made, %d of %d pages rendered), clean %v, %d files", step, dt.Round(time.Millisecond),
			b.Fast(), h, m, got.Rendered, got.Pages, want.Duration.Round(time.Millisecond), len(want.Output))
	}
	compare("first build", nil)

	rng := rand.New(rand.NewPCG(7, 11))
	list := func(pattern string) []string {
		ms, _ := filepath.Glob(filepath.Join(dir, pattern))
		return ms
	}
	pick := func(pattern string) string {
		ms := list(pattern)
		if len(ms) == 0 {
			return ""
		}
		return ms[rng.IntN(len(ms))]
	}
	rel := func(ps ...string) []string {
		var out []string
		for _, p := range ps {
			r, err := filepath.Rel(dir, p)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	// appendTo edits the body of a file that pattern matches.
	appendTo := func(pattern, text string) []string {
		p := pick(pattern)
		if p == "" || !appendFile(t, p, text) {
			return nil
		}
		return rel(p)
	}
	// replace edits the first file that pattern matches and holds old.
	replace := func(pattern, old, new string) []string {
		ms := list(pattern)
		rng.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
		for _, p := range ms {
			if replaceIn(t, p, old, new) {
				return rel(p)
			}
		}
		return nil
	}
	n := 0
	ops := []struct {
		name string
		do   func() []string // the changed files, nil when there was nothing to do
	}{
		{"add a section to a guide", func() []string {
			return appendTo("content/guides/*.md", fmt.Sprintf("\n## Nytt avsnitt %d\n\nMer text om saken, steg %d.\n", n, n))
		}},
		{"edit a guide's text", func() []string {
			return replace("content/guides/*.md", "\n\n", fmt.Sprintf("\n\nNy mening %d.\n\n", n))
		}},
		{"edit an adaptation's text", func() []string {
			return appendTo("content/municipalities/timra/guides/*.md", fmt.Sprintf("\n## Timrå %d\n\nHär gör vi så.\n", n))
		}},
		{"edit an e-service's text", func() []string {
			return appendTo("content/eservices/*.md", fmt.Sprintf("\n## Om tjänsten %d\n\nText.\n", n))
		}},
		{"add a section to an e-service adaptation", func() []string {
			return appendTo("content/municipalities/*/eservices/*.md", fmt.Sprintf("\n## Lokalt %d\n\nText.\n", n))
		}},
		{"edit a page's text", func() []string {
			return appendTo("content/pages/*.md", fmt.Sprintf("\nStycke %d.\n", n))
		}},
		{"edit a municipality's introduction", func() []string {
			return appendTo("content/municipalities/*.md", fmt.Sprintf("\nVälkommen, steg %d.\n", n))
		}},
		{"link to a missing page in a body", func() []string {
			return appendTo("content/guides/*.md", fmt.Sprintf("\nLäs [om saken %d](finns-inte-%d.md).\n", n, n))
		}},
		{"link to an anchor of another page", func() []string {
			return appendTo("content/guides/*.md", "\nSe [kontaktuppgifterna](../pages/kontakt.md#nytt-avsnitt) och [avsnittet](#nytt-avsnitt-3).\n")
		}},
		{"add the anchor that links point to", func() []string {
			return appendTo("content/pages/kontakt.md", "\n## Nytt avsnitt\n\nText.\n")
		}},
		{"remove the links to missing pages", func() []string {
			var out []string
			for _, p := range list("content/guides/*.md") {
				data, _ := os.ReadFile(p)
				if s := string(data); strings.Contains(s, "finns-inte-") {
					i := strings.Index(s, "\nLäs [om saken")
					writeFile(t, p, s[:i]+s[strings.Index(s[i+1:], "\n")+i+2:])
					out = append(out, rel(p)...)
				}
			}
			return out
		}},
		{"touch a guide", func() []string {
			p := pick("content/guides/*.md")
			if p == "" {
				return nil
			}
			data, _ := os.ReadFile(p)
			writeFile(t, p, string(data))
			return rel(p)
		}},
		{"edit a guide's title", func() []string {
			return replace("content/guides/*.md", "title: ", fmt.Sprintf("title: Ändrad %d ", n))
		}},
		{"break front matter", func() []string {
			return replace("content/guides/*.md", "summary:", "sumary:")
		}},
		{"fix front matter", func() []string {
			var out []string
			for _, p := range list("content/guides/*.md") {
				if replaceIn(t, p, "sumary:", "summary:") {
					out = append(out, rel(p)...)
				}
			}
			return out
		}},
		{"create a guide", func() []string {
			p := filepath.Join(dir, "content/guides", fmt.Sprintf("ny-guide-%d.md", n))
			writeFile(t, p, fmt.Sprintf("---\ntitle: Ny guide %d\nsummary: En ny guide.\ncategory: kultur-fritid\n---\n\nText.\n\n## Så gör du\n\n- ett\n- två\n", n))
			return rel(p)
		}},
		{"create a local guide in a new folder", func() []string {
			p := filepath.Join(dir, "content/municipalities/kramfors/guides", fmt.Sprintf("lokal-%d.md", n))
			writeFile(t, p, fmt.Sprintf("---\ntitle: Lokal guide %d\nsummary: Bara i Kramfors.\n---\n\nText.\n", n))
			return rel(p)
		}},
		{"rename a guide", func() []string {
			p := pick("content/guides/*.md")
			to := filepath.Join(dir, "content/guides", fmt.Sprintf("flyttad-%d.md", n))
			if p == "" || os.Rename(p, to) != nil {
				return nil
			}
			return rel(p, to)
		}},
		{"delete a guide", func() []string {
			p := pick("content/guides/*.md")
			if p == "" || os.Remove(p) != nil {
				return nil
			}
			return rel(p)
		}},
		{"delete an e-service", func() []string {
			p := pick("content/eservices/*.md")
			if p == "" || os.Remove(p) != nil {
				return nil
			}
			return rel(p)
		}},
		{"edit a point file", func() []string {
			return replace("geodata/platser/*.geojson", `"name": "`, fmt.Sprintf(`"name": "X%d `, n))
		}},
		{"delete a point file", func() []string {
			p := pick("geodata/platser/*.geojson")
			if p == "" || os.Remove(p) != nil {
				return nil
			}
			return rel(p)
		}},
		{"edit site.toml", func() []string {
			return replace("content/site.toml", "title = \"", fmt.Sprintf("title = \"%d ", n))
		}},
		{"add an image to a guide", func() []string {
			g := pick("content/guides/*.md")
			if g == "" {
				return nil
			}
			img := filepath.Join(strings.TrimSuffix(g, ".md"), fmt.Sprintf("bild-%d.svg", n))
			writeFile(t, img, fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d 100"><rect width="10" height="10"/></svg>`, 100+n))
			appendFile(t, g, fmt.Sprintf("\n![Bild %d](bild-%d.svg)\n", n, n))
			return rel(img, g)
		}},
		{"edit an image or a file that guides use", func() []string {
			p := pick("content/guides/*/*.svg")
			if p == "" {
				return nil
			}
			return replace("content/guides/*/*.svg", "<rect", fmt.Sprintf(`<rect x="%d"`, n))
		}},
		{"add a PDF to content/media and link it", func() []string {
			p := filepath.Join(dir, "content/media", fmt.Sprintf("blankett-%d.pdf", n))
			writeFile(t, p, "%PDF-1.4\n"+strings.Repeat("x", n*100)+"\n%%EOF\n")
			g := pick("content/guides/*.md")
			if g == "" {
				return nil
			}
			appendFile(t, g, fmt.Sprintf("\nFyll i [blankett %d](/media/blankett-%d.pdf).\n", n, n))
			return rel(p, g)
		}},
		{"delete an image or a file", func() []string {
			p := pick("content/*/*/*.[ps][dv][fg]")
			if p == "" || os.Remove(p) != nil {
				return nil
			}
			return rel(p)
		}},
		{"override a stylesheet", func() []string {
			p := filepath.Join(dir, "themes/default/css/40-extra.css")
			writeFile(t, p, fmt.Sprintf(".extra-%d { color: #000 }\n", n))
			return rel(p)
		}},
	}
	steps := 60
	if testing.Short() {
		steps = 20
	}
	for n = 1; n <= steps; n++ {
		op := ops[rng.IntN(len(ops))]
		changed := op.do()
		if changed == nil {
			continue
		}
		compare(fmt.Sprintf("step %d, %s", n, op.name), changed)
	}
	t.Logf("%d rebuilds the fast way, %d the full way; %d rebuilds cancelled before them", fast, full, cancelled)
	if fast < steps/4 {
		t.Errorf("only %d of %d rebuilds went the fast way", fast, fast+full)
	}
}

func diagText(r Result) string {
	if r.Diags == nil {
		return ""
	}
	var b strings.Builder
	for _, d := range r.Diags.Items() {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func appendFile(t testing.TB, p, s string) bool {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, p, string(data)+s)
	return true
}

func replaceIn(t testing.TB, p, old, new string) bool {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		return false
	}
	writeFile(t, p, strings.Replace(string(data), old, new, 1))
	return true
}

func writeFile(t testing.TB, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBuilderCustomLayoutsBuildInFull: a site that changes a layout may
// read bodies and entities in ways the fast way and page fingerprints do
// not know, so every rebuild renders every page; a style sheet of its own
// changes nothing of that.
func TestBuilderCustomLayoutsBuildInFull(t *testing.T) {
	for _, tt := range []struct {
		name, file, text string
		fast             bool
	}{
		{"own style sheet", "themes/default/css/40-own.css", ".own { color: #000 }\n", true},
		{"own layout", "themes/default/partials/own.html", `{{define "own"}}{{end}}`, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := smallSite(t)
			writeFile(t, filepath.Join(dir, tt.file), tt.text)
			b := NewBuilder(Config{Src: dir})
			first, err := b.Rebuild(context.Background(), nil)
			if err != nil && err != ErrInput {
				t.Fatal(err)
			}
			guides, _ := filepath.Glob(filepath.Join(dir, "content/guides/*.md"))
			appendFile(t, guides[0], "\nNy text.\n")
			rel, _ := filepath.Rel(dir, guides[0])
			got, _ := b.Rebuild(context.Background(), []string{filepath.ToSlash(rel)})
			if b.Fast() != tt.fast {
				t.Errorf("fast way: %v, want %v", b.Fast(), tt.fast)
			}
			if !tt.fast && got.Rendered != first.Pages {
				t.Errorf("rendered %d of %d pages, want all", got.Rendered, first.Pages)
			}
			want, _ := Collect(context.Background(), Config{Src: dir})
			if len(got.Output) != len(want.Output) {
				t.Fatalf("%d files, a clean build makes %d", len(got.Output), len(want.Output))
			}
			for i := range want.Output {
				if !bytes.Equal(got.Output[i].Data, want.Output[i].Data) {
					t.Fatalf("%s differs from a clean build's", want.Output[i].Path)
				}
			}
		})
	}
}

// TestFastEditsKeepTheCacheFlat: the fast way replaces what it makes anew
// in the cache instead of adding to it, so that a long editing session in
// serve does not grow the memory with every save.
func TestFastEditsKeepTheCacheFlat(t *testing.T) {
	dir := smallSite(t)
	b := NewBuilder(Config{Src: dir})
	ctx := context.Background()
	// The small site has broken links (to the guides left out): errors
	// that every build reports alike.
	if _, err := b.Rebuild(ctx, nil); err != nil && !errors.Is(err, ErrInput) {
		t.Fatal(err)
	}
	guide := "content/guides/bygglov.md"
	orig, err := os.ReadFile(filepath.Join(dir, guide))
	if err != nil {
		t.Fatal(err)
	}
	sizes := func() [4]int {
		return [4]int{b.memo.load.Files.Len(), b.memo.bodies.Len(), b.memo.render.Pages.Len(), b.memo.render.Maps.Len()}
	}
	var before [4]int
	for i := range 20 {
		writeFile(t, filepath.Join(dir, guide), string(orig)+fmt.Sprintf("\nÄndring nummer %d.\n", i))
		res, err := b.Rebuild(ctx, []string{guide})
		if err != nil && !errors.Is(err, ErrInput) {
			t.Fatal(err)
		}
		if !b.Fast() {
			t.Fatal("a text edit went the full way")
		}
		if got := stageNames(res.Stages); got != "load bodies render" {
			t.Errorf("the fast way's stages: %s", got)
		}
		if i == 0 {
			before = sizes()
		}
	}
	if after := sizes(); after != before {
		t.Errorf("cache entries (parses, bodies, pages, maps) grew from %v to %v in 19 text edits", before, after)
	}
}

// stageNames lists the names of stages.
func stageNames(stages []Stage) string {
	var names []string
	for _, s := range stages {
		names = append(names, s.Name)
	}
	return strings.Join(names, " ")
}

// TestStagesInOrder: a build reports the time of each stage, in order.
func TestStagesInOrder(t *testing.T) {
	res, err := Build(context.Background(), Config{Src: exampleSite, Out: filepath.Join(t.TempDir(), "public")})
	if err != nil {
		t.Fatal(err)
	}
	if got := stageNames(res.Stages); got != "load assemble bodies render links write" {
		t.Errorf("stages %q", got)
	}
	var sum time.Duration
	for _, s := range res.Stages {
		sum += s.Duration
	}
	if sum > res.Duration {
		t.Errorf("the stages took %v, more than the build's %v", sum, res.Duration)
	}
}

// TestBuilderReindexesABigSiteAfterItsPages: on a site with more search
// documents than render.SyncIndex, a fast rebuild gives the changed pages
// and leaves the search index as it was; Reindex then makes the output
// what a clean build makes, and a second Reindex has nothing to do.
func TestBuilderReindexesABigSiteAfterItsPages(t *testing.T) {
	defer func(n int) { render.SyncIndex = n }(render.SyncIndex)
	render.SyncIndex = 0
	dir := smallSite(t)
	b := NewBuilder(Config{Src: dir})
	if _, err := b.Rebuild(context.Background(), nil); err != nil && err != ErrInput {
		t.Fatal(err)
	}
	guides, _ := filepath.Glob(filepath.Join(dir, "content/guides/*.md"))
	appendFile(t, guides[0], "\nOm kanotuthyrning.\n")
	rel, _ := filepath.Rel(dir, guides[0])
	got, err := b.Rebuild(context.Background(), []string{filepath.ToSlash(rel)})
	if err != nil && err != ErrInput || !b.Fast() {
		t.Fatalf("fast rebuild: %v (fast %v)", err, b.Fast())
	}
	for _, p := range got.Delta {
		if strings.HasPrefix(p, render.SearchDir) {
			t.Errorf("the fast rebuild changed %s; want the index left to Reindex", p)
		}
	}
	res, err := b.Reindex(context.Background())
	if err != nil && err != ErrInput {
		t.Fatal(err)
	}
	if len(res.Delta) == 0 {
		t.Fatal("Reindex changed nothing")
	}
	for _, p := range res.Delta {
		if !strings.HasPrefix(p, render.SearchDir) {
			t.Errorf("Reindex changed %s, not a file of the index", p)
		}
	}
	want, _ := Collect(context.Background(), Config{Src: dir})
	if len(res.Output) != len(want.Output) {
		t.Fatalf("%d files after Reindex, a clean build makes %d", len(res.Output), len(want.Output))
	}
	for i := range want.Output {
		if res.Output[i].Path != want.Output[i].Path || !bytes.Equal(res.Output[i].Data, want.Output[i].Data) {
			t.Fatalf("%s differs from a clean build's", want.Output[i].Path)
		}
	}
	if again, err := b.Reindex(context.Background()); err != nil && err != ErrInput || len(again.Delta) != 0 {
		t.Errorf("a second Reindex: %v, %d files changed; want nothing to do", err, len(again.Delta))
	}
}
