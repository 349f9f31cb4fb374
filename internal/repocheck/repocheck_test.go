package repocheck

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// moduleRoot asks the go command for the module's go.mod and returns its
// folder.
func moduleRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		t.Fatal("the test does not run inside the guidemap module")
	}
	return filepath.Dir(gomod)
}

// goList runs go list in the module root and returns its output lines.
func goList(t *testing.T, root string, args ...string) []string {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.Fields(string(out))
}

// banned are imports that must not come back: orb's GeoJSON package links
// five packages of the MongoDB driver (its BSON codec) into the binary,
// and the geodata package decodes GeoJSON itself, with positions.
var banned = []string{"github.com/paulmach/orb/geojson", "go.mongodb.org/"}

// TestNoGeoJSONPackageNorMongo fails if a package of the module, or one
// its commands link, imports orb/geojson or the MongoDB driver: the
// production packages (what the binaries link) and, with their tests,
// every package (a test import would bring the driver back into go.mod).
func TestNoGeoJSONPackageNorMongo(t *testing.T) {
	root := moduleRoot(t)
	for _, c := range []struct{ what, flags string }{
		{"the commands and packages link", "-deps"},
		{"the packages and their tests import", "-deps -test"},
	} {
		// -e: a banned import that go.sum no longer covers is still listed.
		args := append(strings.Fields(c.flags), "-e", "-f", "{{.ImportPath}}", "./...")
		for _, p := range goList(t, root, args...) {
			for _, b := range banned {
				if strings.HasPrefix(p, b) {
					t.Errorf("%s %s: decode GeoJSON with generator/geodata (or encoding/json in tests) instead", c.what, p)
				}
			}
		}
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(gomod, []byte("go.mongodb.org/")) {
		t.Error("go.mod lists the MongoDB driver: run go mod tidy")
	}
}

// machinePath matches a string that is, or holds after a space, "=" or
// ":", an absolute path into one of the usual top-level folders of a Unix
// machine (/work/…, /home/…, /tmp/…, /root/…, /usr/…, /var/…, /opt/…,
// /mnt/…, /srv/…) with at least one more segment: "/tmp/x", "--out
// /home/me/site", "DIR=/work/site/a". Such a path works on one machine
// only. A site's URL paths ("/guider/bygglov/", "/sundsvall/karta/")
// start with other names and do not match, nor do bare folder names such
// as "/tmp" or "/usr/" (no segment after them), which tests of path
// checks use as examples.
var machinePath = regexp.MustCompile(`(?:^|[\s=:])/(?:work|home|tmp|root|usr|var|opt|mnt|srv)/[^/\s"'` + "`" + `][^\s"'` + "`" + `]*`)

// TestNoAbsolutePaths fails if a test file anywhere in the repository, or
// a Go file under cmd/, names an absolute path of one machine in a string
// literal: tests must run in any checkout (take test data from the
// repository, found from the module root, or from t.TempDir), and the
// commands must take paths from their flags or the current folder.
func TestNoAbsolutePaths(t *testing.T) {
	root := moduleRoot(t)
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		// This file is left out: TestMachinePath spells out the paths the
		// rule catches.
		if rel == "internal/repocheck/repocheck_test.go" {
			return nil
		}
		if strings.HasSuffix(rel, "_test.go") || strings.HasPrefix(rel, "cmd/") && strings.HasSuffix(rel, ".go") {
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("found only %d files to check in %s", len(files), root)
	}
	fset := token.NewFileSet()
	for _, rel := range files {
		f, err := parser.ParseFile(fset, filepath.Join(root, filepath.FromSlash(rel)), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			if m := machinePath.FindString(s); m != "" {
				pos := fset.Position(lit.Pos())
				t.Errorf("%s:%d:%d: %q names the absolute path %s, which exists on one machine only; find test data from the module root (golden.RepoFile) or use t.TempDir()",
					rel, pos.Line, pos.Column, s, strings.TrimLeft(m, " \t\r\n=:"))
			}
			return true
		})
	}
}

// TestMachinePath pins the rule of TestNoAbsolutePaths.
func TestMachinePath(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"/opt/geodata/sweden.geojson", true},
		{"/tmp/x", true},
		{"/home/me", true},
		{"--out /root/site", true},
		{"GUIDEMAP_DIR=/var/lib/x", true},
		{"file:/srv/www", true},
		{"/guider/bygglov/", false},
		{"/sundsvall/karta/", false},
		{"/tmp", false},
		{"/usr/", false},
		{"../../geodata/municipalities.geojson", false},
		{"testdata/geodata/sweden-municipalities.geojson", false},
		{"https://example.se/home/x", false},
		{"a/tmp/b", false},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			if got := machinePath.MatchString(tt.s); got != tt.want {
				t.Errorf("machinePath.MatchString(%q) = %v, want %v", tt.s, got, tt.want)
			}
		})
	}
}
