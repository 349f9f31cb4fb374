package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExamplePointsOnLand: no service point of the example lies in water
// by its base layers (the land, the lakes); moved into the sea east of
// Alnön, Alnö bibliotek gets a warning that names its file, feature and
// name and how far the shore is, and the site is still built.
func TestExamplePointsOnLand(t *testing.T) {
	_, res := buildExample(t, "")
	for _, d := range res.Diags.Items() {
		if strings.Contains(d.Msg, " lies in ") {
			t.Errorf("the example has a point in water: %s", d)
		}
	}
	if res.Points < 150 {
		t.Fatalf("the example has %d points, want its 187", res.Points)
	}

	dir := copyExample(t)
	file := filepath.Join(dir, "geodata", "platser", "bibliotek.geojson")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	moved := strings.Replace(string(src), "[17.42600, 62.43150]", "[17.60000, 62.40000]", 1)
	if moved == string(src) {
		t.Fatal("Alnö bibliotek is no longer at [17.42600, 62.43150] in geodata/platser/bibliotek.geojson")
	}
	if err := os.WriteFile(file, []byte(moved), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = Build(context.Background(), Config{Src: dir, Out: filepath.Join(t.TempDir(), "public")})
	if err != nil {
		t.Fatalf("a point in the sea is a warning, yet the build failed: %v", err)
	}
	var found []string
	for _, d := range res.Diags.Items() {
		if strings.Contains(d.Msg, " lies in ") {
			found = append(found, d.String())
		}
	}
	want := `geodata/platser/bibliotek.geojson:6:`
	if len(found) != 1 || !strings.HasPrefix(found[0], want) || !strings.Contains(found[0], `warning: "Alnö bibliotek" at 17.60000, 62.40000 lies in the sea `) ||
		!strings.Contains(found[0], " m from the shore") {
		t.Errorf("want one warning %s… \"Alnö bibliotek\" … lies in the sea … m from the shore, got %q", want, found)
	}
}
