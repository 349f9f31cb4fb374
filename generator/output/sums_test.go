package output_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/output"
)

// build is one build through a Writer: the pages with a sum are offered to
// Reuse first, and put only when it refuses; it returns the paths reused.
func build(t *testing.T, out, stamp string, files []output.File) (reused []string, w *output.Writer) {
	t.Helper()
	w, err := output.NewWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	w.SetStamp(stamp)
	for _, f := range files {
		if f.Sum != 0 && w.Reuse(f.Path, f.Sum) {
			reused = append(reused, f.Path)
			continue
		}
		if err := w.Put(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	return reused, w
}

// holds checks that the folder holds exactly files.
func holds(t *testing.T, dir string, files []output.File) {
	t.Helper()
	want := map[string]string{}
	for _, f := range files {
		want[f.Path] = string(f.Data)
	}
	got := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			data, _ := os.ReadFile(p)
			got[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s holds %q, want %q", p, got[p], w)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s is there, and was not put", p)
		}
	}
}

// TestWriterReusesBySum: a page put with a sum is taken as it is by a
// later build that gives the same sum (linked from the output folder, or
// kept in the spare), never when the sum, the stamp or the folder
// differs; what is not put or reused is removed; the output is always
// what was put.
func TestWriterReusesBySum(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	v1 := []output.File{
		{Path: "index.html", Data: []byte("start"), Sum: 1},
		{Path: "a/index.html", Data: []byte("a"), Sum: 2},
		{Path: "b/index.html", Data: []byte("b"), Sum: 3},
		{Path: "gone/deep/index.html", Data: []byte("gone later"), Sum: 4},
		{Path: "style.css", Data: []byte("css")}, // no sum: never reused
	}
	// changedA is v1 with a/index.html changed and gone/deep/index.html gone.
	changedA := func(data string, sum uint64) []output.File {
		return []output.File{v1[0], {Path: "a/index.html", Data: []byte(data), Sum: sum}, v1[2], v1[4]}
	}
	changedB := slices.Clone(v1)
	changedB[2] = output.File{Path: "b/index.html", Data: []byte("b, changed"), Sum: 33}
	sameBytes := slices.Clone(v1)
	sameBytes[1].Sum = 222
	steps := []struct {
		name   string
		stamp  string
		files  []output.File
		before func()
		reused []string
		linked int
	}{
		{name: "first build", stamp: "s1", files: v1},
		{name: "the same again: the output folder stays (the file without a sum has the same bytes)", stamp: "s1", files: v1,
			reused: []string{"a/index.html", "b/index.html", "gone/deep/index.html", "index.html"}, linked: 5},
		{name: "one page changed, one gone: the rest linked from the output folder", stamp: "s1",
			files:  changedA("a, changed", 22),
			reused: []string{"b/index.html", "index.html"}, linked: 3},
		{name: "the same once more: the spare holds the rest already", stamp: "s1",
			files:  changedA("a, changed again", 23),
			reused: []string{"b/index.html", "index.html"}},
		{name: "another program: nothing reused", stamp: "s2", files: v1},
		{name: "a third program, a page gone: the spare's list of files still tells what to remove", stamp: "s3", files: v1[:3]},
		{name: "and back", stamp: "s3", files: v1, reused: []string{"a/index.html", "b/index.html", "index.html"}, linked: 3},
		{name: "the output folder replaced by hand: nothing taken from it", stamp: "s2", files: v1,
			before: func() {
				os.RemoveAll(out)
				if err := output.Write(out, []output.File{{Path: "index.html", Data: []byte("by hand")}}); err != nil {
					t.Fatal(err)
				}
			}},
		{name: "no stamp: nothing reused", stamp: "", files: v1},
		{name: "again with a stamp", stamp: "s4", files: v1},
		{name: "the same: what the spare holds is not known, and it is left as it is", stamp: "s4", files: v1,
			reused: []string{"a/index.html", "b/index.html", "gone/deep/index.html", "index.html"}, linked: 5},
		{name: "one page changed: the rest linked into the spare at Commit, which then shares them with the output folder", stamp: "s4", files: changedB,
			reused: []string{"a/index.html", "gone/deep/index.html", "index.html"}, linked: 4},
		{name: "a page of a new sum and the same bytes: the shared file is kept", stamp: "s4", files: sameBytes,
			reused: []string{"b/index.html", "gone/deep/index.html", "index.html"}},
		{name: "that sum again: linked to the file the spare holds already (a), nothing left behind; b linked anew", stamp: "s4", files: sameBytes,
			reused: []string{"a/index.html", "b/index.html", "gone/deep/index.html", "index.html"}, linked: 2},
	}
	for _, st := range steps {
		if st.before != nil {
			st.before()
		}
		reused, w := build(t, out, st.stamp, st.files)
		slices.Sort(reused)
		if !slices.Equal(reused, st.reused) {
			t.Errorf("%s: reused %q, want %q", st.name, reused, st.reused)
		}
		if w.Linked() != st.linked {
			t.Errorf("%s: linked %d, want %d", st.name, w.Linked(), st.linked)
		}
		holds(t, out, st.files)
	}
}

// TestWriterSumsVoidAfterAbort: a build that stops half way changed the
// spare; its sums are gone, so the next build takes nothing from the
// spare that it does not hold.
func TestWriterSumsVoidAfterAbort(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	v1 := []output.File{{Path: "index.html", Data: []byte("one"), Sum: 1}, {Path: "x.html", Data: []byte("x"), Sum: 5}}
	v2 := []output.File{{Path: "index.html", Data: []byte("two"), Sum: 2}, {Path: "x.html", Data: []byte("x"), Sum: 5}}
	build(t, out, "s", v1)
	build(t, out, "s", v2) // the spare holds v1, the output v2
	w, err := output.NewWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	w.SetStamp("s")
	w.Put(output.File{Path: "index.html", Data: []byte("three"), Sum: 3}) // into the spare
	w.Abort()
	reused, _ := build(t, out, "s", v1)
	if slices.Contains(reused, "index.html") {
		t.Errorf("index.html of sum 1 was reused from a spare that a stopped build changed")
	}
	holds(t, out, v1)
}

// TestWriterRefusesAReplacedOutput: a build that linked pages from the
// output folder does not commit when another build replaced that folder
// meanwhile (its pages may not be what the sums said).
func TestWriterRefusesAReplacedOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	v1 := []output.File{{Path: "index.html", Data: []byte("one"), Sum: 1}}
	build(t, out, "s", v1)
	w, err := output.NewWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	w.SetStamp("s")
	if !w.Reuse("index.html", 1) {
		t.Fatal("index.html was not reused")
	}
	// Another build's output takes the folder's place.
	other := filepath.Join(filepath.Dir(out), "other")
	if err := output.Write(other, []output.File{{Path: "index.html", Data: []byte("other")}}); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(out)
	if err := os.Rename(other, out); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err == nil || !strings.Contains(err.Error(), "another build replaced") {
		t.Errorf("Commit: %v, want a refusal", err)
	}
	holds(t, out, []output.File{{Path: "index.html", Data: []byte("other")}})
}

// TestWriterSize: the Writer knows the size of every file of this build,
// put or reused (the open-data page lists the sizes of files that a
// build may take from the last).
func TestWriterSize(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	files := []output.File{
		{Path: "data/platser.geojson", Data: []byte(`{"type":"FeatureCollection","features":[]}`), Sum: 7},
		{Path: "index.html", Data: []byte("<p>hej</p>"), Sum: 8},
	}
	build(t, out, "stamp", files)
	w, err := output.NewWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	w.SetStamp("stamp")
	if !w.Reuse("data/platser.geojson", 7) {
		t.Fatal("the file of the same sum is not reused")
	}
	if err := w.Put(output.File{Path: "index.html", Data: []byte("<p>hej då</p>")}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path string
		size int64
		ok   bool
	}{{"data/platser.geojson", int64(len(files[0].Data)), true}, {"index.html", int64(len("<p>hej då</p>")), true}, {"data/other.csv", 0, false}} {
		if n, ok := w.Size(tt.path); n != tt.size || ok != tt.ok {
			t.Errorf("Size(%s) = %d, %v; want %d, %v", tt.path, n, ok, tt.size, tt.ok)
		}
	}
}

// TestWriterLeavesAnUnchangedOutput: a build that makes the very files
// the output folder holds (after a clean build: the spare is empty)
// neither links nor swaps anything, and the output folder stays the same
// folder; the next build that changes a page takes the other files from
// it (linked, or copied where links are refused), and the output is
// always exactly what was put.
func TestWriterLeavesAnUnchangedOutput(t *testing.T) {
	for _, links := range []bool{true, false} {
		t.Run(map[bool]string{true: "links", false: "no links"}[links], func(t *testing.T) {
			if !links {
				output.RefuseLinks(t)
			}
			out := filepath.Join(t.TempDir(), "public")
			spare := filepath.Join(filepath.Dir(out), ".guidemap-spare-public")
			v1 := []output.File{
				{Path: "index.html", Data: []byte("start"), Sum: 1},
				{Path: "a/index.html", Data: []byte("a"), Sum: 2},
				{Path: "b/deep/index.html", Data: []byte("b"), Sum: 3},
				{Path: "style.css", Data: []byte("css")},
			}
			v2 := slices.Clone(v1)
			v2[1] = output.File{Path: "a/index.html", Data: []byte("a, changed"), Sum: 22}
			build(t, out, "s", v1)
			before, err := os.Stat(out)
			if err != nil {
				t.Fatal(err)
			}
			for range 2 {
				reused, w := build(t, out, "s", v1)
				if len(reused) != 3 || w.Linked() != 4 {
					t.Errorf("unchanged: reused %q, linked %d; want 3 and 4", reused, w.Linked())
				}
				after, err := os.Stat(out)
				if err != nil || !os.SameFile(before, after) {
					t.Errorf("an unchanged build replaced the output folder")
				}
				holds(t, out, v1)
				holds(t, spare, nil)
			}
			reused, _ := build(t, out, "s", v2)
			slices.Sort(reused)
			if want := []string{"b/deep/index.html", "index.html"}; !slices.Equal(reused, want) {
				t.Errorf("one page changed: reused %q, want %q", reused, want)
			}
			holds(t, out, v2)
			holds(t, spare, v1)
			if after, err := os.Stat(out); err != nil || os.SameFile(before, after) {
				t.Errorf("a changed build did not put a new folder in the output folder's place")
			}
			build(t, out, "s", v1)
			holds(t, out, v1)
			// Another program renders every page; what the spare then
			// holds (the output of before) is not known to the next
			// build, which makes the same files: it leaves both folders
			// as they are.
			build(t, out, "t", v2)
			upgraded, err := os.Stat(out)
			if err != nil {
				t.Fatal(err)
			}
			for range 2 {
				build(t, out, "t", v2)
				if after, err := os.Stat(out); err != nil || !os.SameFile(upgraded, after) {
					t.Errorf("an unchanged build after another program's replaced the output folder")
				}
				holds(t, out, v2)
				holds(t, spare, v1)
			}
			build(t, out, "t", v1)
			holds(t, out, v1)
		})
	}
}

// TestWriterRendersWhatWasRemovedByHand: a page removed from the output
// folder by hand after a clean build is not taken from it (it is put
// again), and the build that changes another page still commits. (A
// change by hand is noticed no further: the output folder is guidemap's.)
func TestWriterRendersWhatWasRemovedByHand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	v1 := []output.File{
		{Path: "index.html", Data: []byte("start"), Sum: 1},
		{Path: "a/index.html", Data: []byte("a"), Sum: 2},
		{Path: "b/index.html", Data: []byte("b"), Sum: 3},
	}
	build(t, out, "s", v1)
	if err := os.Remove(filepath.Join(out, "a", "index.html")); err != nil {
		t.Fatal(err)
	}
	v2 := slices.Clone(v1)
	v2[2] = output.File{Path: "b/index.html", Data: []byte("b, changed"), Sum: 33}
	reused, _ := build(t, out, "s", v2)
	if want := []string{"index.html"}; !slices.Equal(reused, want) {
		t.Errorf("reused %q, want %q", reused, want)
	}
	holds(t, out, v2)
}
