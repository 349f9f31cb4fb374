package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
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
