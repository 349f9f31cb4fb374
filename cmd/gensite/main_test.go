package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
	res := checkClean(t, a)
	if res.Guides < 25 || res.EServices != 15 || res.Points != 40 || res.Municipalities != 5 {
		t.Errorf("made %d guides, %d e-services, %d points, %d municipalities", res.Guides, res.EServices, res.Points, res.Municipalities)
	}
	if ha, hb := tree(t, a), tree(t, b); ha != hb {
		t.Error("the same seed wrote different sites")
	}
}

// checkClean checks the site in dir and fails unless it has no errors and
// no warnings.
func checkClean(t *testing.T, dir string) generator.Result {
	t.Helper()
	res, err := generator.Check(context.Background(), generator.Config{Src: dir})
	if err != nil || res.Diags.Len() != 0 {
		for _, d := range res.Diags.Items() {
			t.Log(d)
		}
		t.Fatalf("check: %v, %d diagnostics", err, res.Diags.Len())
	}
	return res
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

// TestGensitePresets: a preset sets its values of the flags, flags given
// beside it win, and an unknown preset says which there are. The national
// preset is goal 4 of issue #12.
func TestGensitePresets(t *testing.T) {
	national := Options{Out: "x", Municipalities: 290, Guides: 300, AdaptPercent: 10, Local: 20,
		EServices: 300, Adoption: "realistic", Points: 100000, Seed: 1}
	smaller := national
	smaller.Municipalities, smaller.Points, smaller.Seed = 12, 500, 4
	tests := []struct {
		name     string
		args     []string
		want     Options
		wantCode int
		wantErr  string
	}{
		{"national", []string{"--preset", "national", "--out", "x"}, national, 0, ""},
		{"flags beside the preset win", []string{"--municipalities", "12", "--preset", "national", "--points", "500", "--seed", "4", "--out", "x"}, smaller, 0, ""},
		{"no preset: the classic site", []string{"--out", "x"}, Options{Out: "x", Municipalities: 7, Guides: 50, EServices: 30, Points: 100, Seed: 1, Adoption: "random"}, 0, ""},
		{"unknown preset", []string{"--preset", "nationell", "--out", "x"}, Options{}, 2, "gensite: unknown preset \"nationell\": give one of national\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			o, code := parse(tt.args, &stderr)
			if code != tt.wantCode || stderr.String() != tt.wantErr {
				t.Fatalf("exit %d, stderr %q; want %d, %q", code, stderr.String(), tt.wantCode, tt.wantErr)
			}
			if code == 0 && o != tt.want {
				t.Errorf("options\n%+v\nwant\n%+v", o, tt.want)
			}
		})
	}
}

// TestGensiteNational: the national preset, scaled down by flags, makes a
// site that checks clean, with each municipality's share of adapted
// guides, its local guides, and the e-services and points asked for.
func TestGensiteNational(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"--preset", "national", "--municipalities", "12", "--guides", "30", "--local", "3",
		"--eservices", "40", "--points", "400", "--out", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("gensite: %d: %s", code, stderr.String())
	}
	res := checkClean(t, dir)
	if res.Guides != 30+12*3 || res.EServices != 40 || res.Points != 400 || res.Municipalities != 12 {
		t.Errorf("made %d guides, %d e-services, %d points, %d municipalities; want 66, 40, 400, 12", res.Guides, res.EServices, res.Points, res.Municipalities)
	}
	munis, err := filepath.Glob(filepath.Join(dir, "content", "municipalities", "*.md"))
	if err != nil || len(munis) != 12 {
		t.Fatalf("%d municipality files, %v", len(munis), err)
	}
	sets := map[string]bool{} // which guides a municipality adapts
	for _, m := range munis {
		files, _ := filepath.Glob(filepath.Join(strings.TrimSuffix(m, ".md"), "guides", "*.md"))
		adapted, set := 0, ""
		for _, f := range files {
			if _, err := os.Stat(filepath.Join(dir, "content", "guides", filepath.Base(f))); err == nil {
				adapted++
				set += filepath.Base(f) + " "
			}
		}
		sets[set] = true
		if adapted != 3 || len(files)-adapted != 3 {
			t.Errorf("%s: %d adapted and %d local guides, want 3 (10 %% of 30) and 3", filepath.Base(m), adapted, len(files)-adapted)
		}
	}
	if len(sets) < 6 {
		t.Errorf("the 12 municipalities adapt only %d different sets of guides", len(sets))
	}
}
