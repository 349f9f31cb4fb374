package generator

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/generator/output"
)

// TestBuildDateRendersOnlyTheHours: the build's date reaches the point
// pages, and only them. A Builder that rebuilds on the next day (its date
// taken from SOURCE_DATE_EPOCH at each rebuild, as serve takes the date
// of each) renders again the point pages whose hours say something else,
// every one of them, and no other page (page fingerprints hash what the
// page says, not the date); the result is a clean build's of that day.
func TestBuildDateRendersOnlyTheHours(t *testing.T) {
	fsys := golden.Txtar(t, filepath.Join("render", "testdata", "fixture-site.txtar"))
	day1 := time.Date(2026, 6, 18, 10, 0, 0, 0, time.UTC)
	day2 := day1.AddDate(0, 0, 1)
	t.Setenv("SOURCE_DATE_EPOCH", strconv.FormatInt(day1.Unix(), 10))
	b := NewBuilder(Config{FS: fsys})
	first, err := b.Rebuild(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	before := map[string][]byte{}
	for _, f := range first.Output {
		before[f.Path] = bytes.Clone(f.Data)
	}

	// The same day again: nothing is rendered.
	again, err := b.Rebuild(context.Background(), []string{"content/site.toml"})
	if err != nil {
		t.Fatal(err)
	}
	if again.Rendered != 0 {
		t.Errorf("the same day rendered %d pages again", again.Rendered)
	}

	t.Setenv("SOURCE_DATE_EPOCH", strconv.FormatInt(day2.Unix(), 10))
	next, err := b.Rebuild(context.Background(), []string{"content/site.toml"})
	if err != nil {
		t.Fatal(err)
	}
	clean, err := Collect(context.Background(), Config{FS: fsys, Today: day2})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(next.Output, clean.Output, func(a, b output.File) bool { return a.Path == b.Path && bytes.Equal(a.Data, b.Data) }) {
		t.Error("the rebuild on the next day is not a clean build of that day")
	}
	var changed, hours []string
	for _, f := range next.Output {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		if !bytes.Equal(before[f.Path], f.Data) {
			changed = append(changed, f.Path)
		}
		if bytes.Contains(f.Data, []byte("data-hours-now")) {
			hours = append(hours, f.Path)
		}
	}
	if len(hours) == 0 {
		t.Fatal("no page of the fixture describes opening hours")
	}
	if !slices.Equal(changed, hours) {
		t.Errorf("pages changed on the next day:\n%q\nwant the pages with hours:\n%q", changed, hours)
	}
	if next.Rendered != len(hours) {
		t.Errorf("the next day rendered %d pages, want the %d with hours", next.Rendered, len(hours))
	}
}
