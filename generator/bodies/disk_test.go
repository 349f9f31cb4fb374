package bodies

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/esamverkan/guidemap/generator/cache"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/load"
)

// TestSaveLoad: the renderings a build saves are what the next build (of
// another process) takes, all of them when nothing changed, under the
// same rules as a Builder's memory: an edited file's bodies are rendered
// anew, another program's file or another base path gives nothing, and
// every page gets what a build without them gives. Digest is the same for
// a body taken from the file as for the body rendered.
func TestSaveLoad(t *testing.T) {
	fsys, site := sharedFixture("Med en [länk som inte finns](saknas.md).\n")
	content := load.ReadContent(fsys, 1, nil, &diag.List{})
	memo := &cache.Table[Key, *Out]{}
	first := Render(context.Background(), site, content, Options{BasePath: "/", Workers: 2, Memo: memo})
	var file bytes.Buffer
	if err := Save(&file, "stamp", first.Renderings()); err != nil {
		t.Fatal(err)
	}
	_, made := memo.Stats()
	kept := 0 // the renderings of bodies without files (the municipalities' intros here) are not kept
	for range first.Renderings() {
		kept++
	}

	read := func(stamp string) *cache.Table[Key, *Out] {
		t.Helper()
		tbl := &cache.Table[Key, *Out]{}
		err := Load(bytes.NewReader(file.Bytes()), stamp, tbl)
		if (err == nil) != (stamp == "stamp") {
			t.Fatalf("Load with stamp %q: %v", stamp, err)
		}
		return tbl
	}
	for _, tc := range []struct {
		name       string
		stamp      string
		base       string
		edit       bool
		hits, miss int
	}{
		{name: "the same site", stamp: "stamp", base: "/", hits: kept, miss: made - kept},
		{name: "another program", stamp: "other", base: "/", miss: made},
		{name: "another base path", stamp: "stamp", base: "/org/", miss: made},
		{name: "one file edited", stamp: "stamp", base: "/", edit: true, hits: kept - 1, miss: made - kept + 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tbl := read(tc.stamp)
			c := content
			if tc.edit {
				f2, s2 := sharedFixture("Med en [länk som inte finns](saknas.md).\n")
				f2["content/pages/om-oss.md"].Data = []byte("---\ntitle: Om oss\n---\nVi, och ni.\n")
				c, site = load.ReadContent(f2, 1, nil, &diag.List{}), s2
			}
			s := Render(context.Background(), site, c, Options{BasePath: tc.base, Workers: 2, Memo: tbl})
			if h, m := tbl.Stats(); h != tc.hits || m != tc.miss {
				t.Errorf("%d renderings taken, %d made; want %d and %d", h, m, tc.hits, tc.miss)
			}
			clean := Render(context.Background(), site, c, Options{BasePath: tc.base, Workers: 2})
			for _, j := range s.jobs {
				got, want := s.Get(j.body), clean.Get(j.body)
				if got.HTML != want.HTML || !slices.Equal(got.Headings, want.Headings) || !slices.Equal(got.Origins, want.Origins) {
					t.Errorf("%s: the kept rendering gives\n%s\na clean one\n%s", j.url, got.HTML, want.HTML)
				}
				g, _ := s.Digest(j.body)
				if w, _ := clean.Digest(j.body); g != w {
					t.Errorf("%s: digest %x, a clean rendering's %x", j.url, g, w)
				}
			}
			if g, w := diagStrings(s.Diags()), diagStrings(clean.Diags()); !slices.Equal(g, w) {
				t.Errorf("diagnostics %q, a clean rendering's %q", g, w)
			}
		})
	}
}

func diagStrings(ds []diag.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}
