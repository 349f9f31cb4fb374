package render

import (
	"context"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/esamverkan/guidemap/generator/assemble"
	"github.com/esamverkan/guidemap/generator/bodies"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/generator/load"
	"github.com/esamverkan/guidemap/generator/output"
	"github.com/esamverkan/guidemap/generator/search"
	"github.com/esamverkan/guidemap/themes"
)

// termsStore is a TermsStore in memory that counts its saves.
type termsStore struct {
	data  []byte
	saves int
}

func (s *termsStore) Terms() []byte { return s.data }

func (s *termsStore) SaveTerms(data []byte) {
	s.saves++
	if _, err := search.ParseTerms(data); err != nil {
		panic(err)
	}
	s.data = data
}

// indexOf renders the site of fsys and returns its search index's files
// and the number of documents made of bodies it analysed anew.
func indexOf(t *testing.T, fsys fstest.MapFS, store TermsStore) (map[string]string, int) {
	t.Helper()
	ctx := context.Background()
	l := &diag.List{}
	in := load.Site(ctx, fsys, "", 0, nil, l)
	site := assemble.Site(in, l)
	set := bodies.Render(ctx, site, in.Content, bodies.Options{BasePath: in.BasePath, Minify: MinifyHTML})
	rd, err := New(ctx, site, Options{Theme: themes.Default, BasePath: in.BasePath, Bodies: set, Terms: store})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	err = rd.Render(ctx, l, func(f output.File) error {
		if strings.HasPrefix(f.Path, SearchDir) {
			files[f.Path] = string(f.Data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no search index")
	}
	return files, rd.r.analysed
}

// TestSearchTermsKept: a search index made with the documents a store
// kept is the index made without it, after each of these edits, and only
// the documents whose text or fields changed are analysed again.
func TestSearchTermsKept(t *testing.T) {
	fsys := golden.Txtar(t, "testdata/fixture-site.txtar")
	edit := func(path, old, new string) func() {
		return func() {
			f := fsys[path]
			if !strings.Contains(string(f.Data), old) {
				t.Fatalf("%s does not hold %q", path, old)
			}
			fsys[path] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1)), Mode: f.Mode}
		}
	}
	store := &termsStore{}
	_, all := indexOf(t, fsys, store)
	if all < 5 || store.saves != 1 {
		t.Fatalf("the first index analysed %d documents made of bodies and saved %d times", all, store.saves)
	}
	steps := []struct {
		name string
		edit func()
		// analysed is the number of documents the index must analyse anew.
		analysed int
	}{
		{"unchanged", nil, 0},
		{"a shared guide's text: the guide", edit("content/guides/sophamtning.md", "## ", "Ett nytt stycke om kompost.\n\n## "), 1},
		{"an adaptation's own section: the guide", edit("content/municipalities/timra/guides/sophamtning.md", "varannan vecka", "varje vecka"), 1},
		{"a translation: the English guide", edit("content/guides/sophamtning.en.md", "a bag of its own", "a paper bag"), 1},
		{"a local guide's title", edit("content/municipalities/harnosand/guides/kulturskolan.md", "title: ", "title: Om "), 1},
		{"an e-service's summary", edit("content/eservices/ansokan-batplats.md", "summary: ", "summary: Nytt: "), 1},
	}
	for _, st := range steps {
		if st.edit != nil {
			st.edit()
		}
		saves := store.saves
		got, analysed := indexOf(t, fsys, store)
		want, fresh := indexOf(t, fsys, nil)
		if !maps.Equal(got, want) {
			t.Errorf("%s: the index made with the kept documents differs from one made without", st.name)
		}
		if fresh != all {
			t.Fatalf("%s: an index without a store analysed %d documents, want all %d", st.name, fresh, all)
		}
		if analysed != st.analysed {
			t.Errorf("%s: %d documents analysed anew, want %d", st.name, analysed, st.analysed)
		}
		if wantSave := st.analysed > 0; (store.saves > saves) != wantSave {
			t.Errorf("%s: saved %d times, want a save: %v", st.name, store.saves-saves, wantSave)
		}
	}
}

// TestSearchIndexHasLocalGuidesText: a local guide's text is searched, as
// a shared guide's is (its words were left out: the text is its
// version's body, not the guide's).
func TestSearchIndexHasLocalGuidesText(t *testing.T) {
	files, _ := indexOf(t, golden.Txtar(t, "testdata/fixture-site.txtar"), nil)
	words := ""
	for p, data := range files {
		if strings.HasPrefix(p, SearchDir+"w") {
			words += data
		}
	}
	// "instrument" is in the text of Härnösand's "Kulturskolan" only.
	if !strings.Contains(words, `"instrument"`) {
		t.Error(`the index has no "instrument"`)
	}
}
