package markdown

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestHeadingCache: Sections with a HeadingCache cuts every body as it
// does without, whether the cache finds the headings or holds them; a
// cache written by a program of another stamp, or holding headings that
// cannot be the body's, is not used.
func TestHeadingCache(t *testing.T) {
	bodies := append([]string(nil), sectionSeeds...)
	files, _ := filepath.Glob(filepath.Join("..", "..", "content", "guides", "*.md"))
	if len(files) == 0 {
		t.Fatal("no guides in ../../content/guides")
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, string(data))
	}
	want := make([]any, len(bodies))
	for i, b := range bodies {
		want[i] = Sections("f.md", []byte(b), 3)
	}
	cut := func(c *HeadingCache) {
		t.Helper()
		done := UseHeadingCache(c)
		defer done()
		for i, b := range bodies {
			if got := Sections("f.md", []byte(b), 3); !reflect.DeepEqual(any(got), want[i]) {
				t.Fatalf("Sections(%q) with a cache:\n%+v\nwant\n%+v", b, got, want[i])
			}
		}
	}

	first := NewHeadingCache(nil, "s1")
	cut(first)
	cut(first) // taken from the cache now
	if !first.Changed() {
		t.Error("a new cache that found headings says it did not change")
	}
	var file bytes.Buffer
	if err := first.Write(&file, "s1"); err != nil {
		t.Fatal(err)
	}

	again := NewHeadingCache(bytes.NewReader(file.Bytes()), "s1")
	cut(again)
	if again.Changed() || again.found != 0 {
		t.Errorf("a cache read back found %d headings anew, want none", again.found)
	}
	other := NewHeadingCache(bytes.NewReader(file.Bytes()), "s2")
	if other.old != nil {
		t.Error("a cache written by another program was read")
	}
	if c := NewHeadingCache(bytes.NewReader([]byte("not a gob")), "s1"); c.old != nil {
		t.Error("a damaged file was read")
	}

	// Headings that cannot be the body's (a start past its end, or not at
	// a line's start) are found anew.
	body := "Intro\n\n## Ett\n\nText.\n"
	for _, bad := range []found{{Starts: []int{400}, Heads: []string{"Ett"}}, {Starts: []int{3}, Heads: []string{"Ett"}}, {Starts: []int{7}}} {
		c := NewHeadingCache(nil, "s1")
		c.old = map[[sha256.Size]byte]found{sha256.Sum256([]byte(body)): bad}
		done := UseHeadingCache(c)
		got := Sections("f.md", []byte(body), 1)
		done()
		if ref := sectionsRef("f.md", []byte(body), 1); !reflect.DeepEqual(any(got), ref) {
			t.Errorf("with headings %+v in the cache: %+v, want %+v", bad, got, ref)
		}
	}
	if headingCache.Load() != nil {
		t.Error("the cache is still in use after done")
	}
}
