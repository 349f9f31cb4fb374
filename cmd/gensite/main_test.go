package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/esamverkan/guidemap/generator"
)

// TestGensiteChecksClean: a small synthetic site has no errors and no
// warnings, and the same seed writes the same files.
func TestGensiteChecksClean(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, dir := range []string{a, b} {
		var out, errw bytes.Buffer
		if code := run([]string{"--out", dir, "--municipalities", "5", "--guides", "25", "--eservices", "15", "--points", "40", "--seed", "9",
			"--boundaries", "../../geodata/municipalities.geojson"}, &out, &errw); code != 0 {
			t.Fatalf("gensite: %d: %s", code, errw.String())
		}
	}
	res, err := generator.Check(context.Background(), generator.Config{Src: a})
	if err != nil || res.Diags.Len() != 0 {
		for _, d := range res.Diags.Items() {
			t.Log(d)
		}
		t.Fatalf("check: %v, %d diagnostics", err, res.Diags.Len())
	}
	if res.Guides < 25 || res.EServices != 15 || res.Points != 40 || res.Municipalities != 5 {
		t.Errorf("made %d guides, %d e-services, %d points, %d municipalities", res.Guides, res.EServices, res.Points, res.Municipalities)
	}
	if ha, hb := tree(t, a), tree(t, b); ha != hb {
		t.Error("the same seed wrote different sites")
	}
}

func tree(t *testing.T, dir string) string {
	var buf bytes.Buffer
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		buf.WriteString(rel + "\n")
		buf.Write(data)
		return nil
	})
	return buf.String()
}

// TestGensiteBoundaries: without --boundaries, gensite takes the
// repository's boundaries from the module root (Sweden's 290 for more
// than seven municipalities), and outside the repository it says how to
// give them.
func TestGensiteBoundaries(t *testing.T) {
	tests := []struct {
		name     string
		dir      string // where gensite runs; "" the package folder
		n        string
		wantCode int
		wantErr  string
	}{
		{"seven from the example site", "", "7", 0, ""},
		{"more than seven from Sweden's", "", "9", 0, ""},
		{"outside the repository", t.TempDir(), "9", 1,
			"gensite: no boundaries file: run gensite inside the guidemap repository (it takes testdata/geodata/sweden-municipalities.geojson from there), or give a GeoJSON file of municipality boundaries with --boundaries\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.dir != "" {
				t.Chdir(tt.dir)
			}
			out := filepath.Join(t.TempDir(), "site")
			var stdout, stderr bytes.Buffer
			code := run([]string{"--out", out, "--municipalities", tt.n, "--guides", "1", "--eservices", "1", "--points", "3"}, &stdout, &stderr)
			if code != tt.wantCode || stderr.String() != tt.wantErr {
				t.Fatalf("exit %d, stderr %q; want %d, %q", code, stderr.String(), tt.wantCode, tt.wantErr)
			}
			if code != 0 {
				return
			}
			data, err := os.ReadFile(filepath.Join(out, "geodata", "municipalities.geojson"))
			if err != nil {
				t.Fatal(err)
			}
			if got := bytes.Count(data, []byte(`"type":"Feature"`)); strconv.Itoa(got) != tt.n {
				t.Errorf("%d boundaries, want %s", got, tt.n)
			}
		})
	}
}
