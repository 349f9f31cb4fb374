package generator

import (
	"bytes"
	"fmt"
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
	glob("content/municipalities/timra/guides/*.md", 0)
	cp("geodata/municipalities.geojson")
	cp("geodata/platser/bibliotek.geojson")
	cp("geodata/platser/simhall.geojson")
	return dir
}

// TestBuilderEqualsCleanBuild is the Builder's property: after any series
// of edits, creations, renames and deletions, Rebuild gives exactly what a
// clean Check of the same folder gives, output and diagnostics.
func TestBuilderEqualsCleanBuild(t *testing.T) {
	dir := smallSite(t)
	b := NewBuilder(Config{Src: dir})
	compare := func(step string) {
		t.Helper()
		t0 := time.Now()
		got, gerr := b.Rebuild(nil)
		dt := time.Since(t0)
		want, werr := Check(Config{Src: dir})
		if (gerr == nil) != (werr == nil) {
			t.Fatalf("%s: Rebuild error %v, Check error %v", step, gerr, werr)
		}
		if g, w := diagText(got), diagText(want); g != w {
			t.Fatalf("%s: diagnostics differ:\nrebuild:\n%s\ncheck:\n%s", step, g, w)
		}
		if len(got.Output) != len(want.Output) {
			t.Fatalf("%s: Rebuild made %d files, Check %d", step, len(got.Output), len(want.Output))
		}
		for i := range got.Output {
			if got.Output[i].Path != want.Output[i].Path || !bytes.Equal(got.Output[i].Data, want.Output[i].Data) {
				t.Fatalf("%s: file %d differs: %s vs %s", step, i, got.Output[i].Path, want.Output[i].Path)
			}
		}
		h, m := b.CacheStats()
		t.Logf("%s: rebuild %v (%d parses cached, %d made), clean %v, %d files", step, dt.Round(time.Millisecond), h, m, want.Duration.Round(time.Millisecond), len(want.Output))
	}
	compare("first build")

	rng := rand.New(rand.NewPCG(7, 11))
	list := func(pattern string) []string {
		ms, _ := filepath.Glob(filepath.Join(dir, pattern))
		return ms
	}
	pick := func(ms []string) string {
		if len(ms) == 0 {
			return ""
		}
		return ms[rng.IntN(len(ms))]
	}
	n := 0
	ops := []struct {
		name string
		do   func() bool
	}{
		{"edit a guide's body", func() bool {
			p := pick(list("content/guides/*.md"))
			return p != "" && appendFile(t, p, fmt.Sprintf("\n## Nytt avsnitt %d\n\nMer text om saken, steg %d.\n", n, n))
		}},
		{"edit a guide's title", func() bool {
			p := pick(list("content/guides/*.md"))
			return p != "" && replaceIn(t, p, "title: ", fmt.Sprintf("title: Ändrad %d ", n))
		}},
		{"break front matter", func() bool {
			p := pick(list("content/guides/*.md"))
			return p != "" && replaceIn(t, p, "summary:", "sumary:")
		}},
		{"fix front matter", func() bool {
			for _, p := range list("content/guides/*.md") {
				replaceIn(t, p, "sumary:", "summary:")
			}
			return true
		}},
		{"create a guide", func() bool {
			p := filepath.Join(dir, "content/guides", fmt.Sprintf("ny-guide-%d.md", n))
			writeFile(t, p, fmt.Sprintf("---\ntitle: Ny guide %d\nsummary: En ny guide.\ncategory: kultur-fritid\n---\n\nText.\n\n## Så gör du\n\n- ett\n- två\n", n))
			return true
		}},
		{"create a local guide in a new folder", func() bool {
			p := filepath.Join(dir, "content/municipalities/kramfors/guides", fmt.Sprintf("lokal-%d.md", n))
			writeFile(t, p, fmt.Sprintf("---\ntitle: Lokal guide %d\nsummary: Bara i Kramfors.\n---\n\nText.\n", n))
			return true
		}},
		{"rename a guide", func() bool {
			p := pick(list("content/guides/*.md"))
			if p == "" {
				return false
			}
			return os.Rename(p, filepath.Join(dir, "content/guides", fmt.Sprintf("flyttad-%d.md", n))) == nil
		}},
		{"delete a guide", func() bool {
			p := pick(list("content/guides/*.md"))
			return p != "" && os.Remove(p) == nil
		}},
		{"delete an e-service", func() bool {
			p := pick(list("content/eservices/*.md"))
			return p != "" && os.Remove(p) == nil
		}},
		{"edit a point file", func() bool {
			p := pick(list("geodata/platser/*.geojson"))
			return p != "" && replaceIn(t, p, `"name": "`, fmt.Sprintf(`"name": "X%d `, n))
		}},
		{"delete a point file", func() bool {
			p := pick(list("geodata/platser/*.geojson"))
			return p != "" && os.Remove(p) == nil
		}},
		{"edit site.toml", func() bool {
			return replaceIn(t, filepath.Join(dir, "content/site.toml"), "title = \"", fmt.Sprintf("title = \"%d ", n))
		}},
		{"override a stylesheet", func() bool {
			writeFile(t, filepath.Join(dir, "themes/default/css/40-extra.css"), fmt.Sprintf(".extra-%d { color: #000 }\n", n))
			return true
		}},
	}
	for n = 1; n <= 16; n++ {
		op := ops[rng.IntN(len(ops))]
		if !op.do() {
			continue
		}
		compare(fmt.Sprintf("step %d, %s", n, op.name))
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
