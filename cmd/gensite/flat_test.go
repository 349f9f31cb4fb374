package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator"
)

// TestCostPerPageFlatInMunicipalities: a page of one municipality (its
// guide versions, e-service offers, places and maps) links to a bounded
// number of other municipalities however many the collaboration has, and
// its size does not grow with them. Only the pages whose job is to list
// every municipality (the home page, /kommuner/, a shared guide's "Välj
// din kommun", the e-service directory and library, the region maps) may.
func TestCostPerPageFlatInMunicipalities(t *testing.T) {
	sizes := map[int]map[string]int{}
	for _, n := range []int{7, 60} {
		dir := filepath.Join(t.TempDir(), "site")
		var out, errw bytes.Buffer
		args := []string{"--out", dir, "--municipalities", fmt.Sprint(n), "--guides", "12", "--eservices", "8", "--points", "0", "--seed", "3"}
		if n > 7 {
			args = append(args, "--boundaries", "../../testdata/geodata/sweden-municipalities.geojson")
		}
		if code := run(args, &out, &errw); code != 0 {
			t.Fatalf("gensite: %d: %s", code, errw.String())
		}
		res, err := generator.Check(context.Background(), generator.Config{Src: dir})
		if err != nil {
			t.Fatalf("check: %v", err)
		}
		sizes[n] = map[string]int{}
		for _, f := range res.Output {
			if filepath.Ext(f.Path) != ".html" {
				continue
			}
			kind, own := pageKind(f.Path)
			if kind == "" {
				continue
			}
			if others := otherMunicipalities(f.Data, own); len(others) > 12 {
				t.Errorf("%d municipalities: %s links to %d other municipalities (%s …)", n, f.Path, len(others), strings.Join(others[:5], ", "))
			}
			sizes[n][kind] = max(sizes[n][kind], len(f.Data))
		}
	}
	for kind, small := range sizes[7] {
		if kind == "karta" {
			continue // its map shows the neighbours in view, which depends on geography, not on the collaboration's size
		}
		// Names are longer or shorter; what is listed must not be more.
		if big := sizes[60][kind]; float64(big) > 1.25*float64(small) {
			t.Errorf("the largest %s page is %d bytes with 7 municipalities, %d with 60", kind, small, big)
		}
	}
}

// pageKind is the kind of a page that belongs to one municipality, with
// that municipality; "" for a page that may list them all.
func pageKind(p string) (kind, municipality string) {
	parts := strings.Split(filepath.ToSlash(p), "/")
	if len(parts) < 3 || slices.Contains([]string{"guider", "e-tjanster", "karta", "kommuner", "data", "assets"}, parts[0]) {
		return "", ""
	}
	switch parts[1] {
	case "guider", "platser", "karta":
		return parts[1], parts[0]
	case "index.html":
		return "", ""
	}
	return "offer", parts[0]
}

var muniLink = regexp.MustCompile(`href="/([a-z0-9-]+)/`)

// otherMunicipalities are the first path segments of the page's links
// other than its own municipality's and the collaboration's sections.
func otherMunicipalities(page []byte, own string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range muniLink.FindAllSubmatch(page, -1) {
		s := string(m[1])
		if s == own || seen[s] || slices.Contains([]string{"guider", "e-tjanster", "karta", "kommuner", "data", "assets", "om"}, s) {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}
