package generator

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
)

// TestPagesShowOnlyBodiesTheyRead checks, on every page of the example
// site, the rule the fast way stands on: a page shows a Markdown body only
// if the Renderer knows it does (render/reach.go). Every body gets a marker
// as its HTML and headings, every page is rendered again, and every marker
// found on a page must belong to a body that Rerender would render that
// page for.
func TestPagesShowOnlyBodiesTheyRead(t *testing.T) {
	_, st, err := build(Config{Src: exampleSite}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	jobs := st.bodies.jobs
	for i, j := range jobs {
		j.body.HTML = fmt.Sprintf("<p>bodymark%dx</p>", i)
		for k := range 3 {
			j.body.Headings = append(j.body.Headings, model.Heading{Level: 2, Text: fmt.Sprintf("bodymark%dx", i), ID: fmt.Sprintf("bodymark%dx-%d", i, k)})
		}
	}
	files, err := st.rd.Render(&diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	mark := regexp.MustCompile(`bodymark(\d+)x`)
	shown, pages := 0, 0
	for _, f := range files {
		ms := mark.FindAllSubmatch(f.Data, -1)
		if len(ms) > 0 {
			pages++
		}
		for _, m := range ms {
			i, _ := strconv.Atoi(string(m[1]))
			if !slices.Contains(st.rd.Showing(jobs[i].body), f.Path) {
				t.Errorf("%s shows the body of %s, but is not rendered again when it changes", f.Path, jobs[i].url)
			}
			shown++
		}
	}
	if pages < len(jobs) {
		t.Errorf("markers found on only %d pages for %d bodies", pages, len(jobs))
	}
	t.Logf("%d pages show %d markers of %d bodies", pages, shown, len(jobs))
}
