package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// ModuleRoot returns the folder of the module's go.mod, found by walking
// up from the test's working directory (its package folder). It fails
// the test if there is none.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := findModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// RepoFile returns the path of rel, a slash path from the module root
// ("testdata/geodata/sweden-municipalities.geojson"), and fails the test
// if the file is missing: a test must not skip because its data is not
// there.
func RepoFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(ModuleRoot(t), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("test data %s is missing (it is part of the repository: restore it with git checkout -- %s): %v", rel, rel, err)
	}
	return p
}

// findModuleRoot returns the nearest folder at or above dir that holds a
// go.mod file.
func findModuleRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		up := filepath.Dir(d)
		if up == d {
			return "", &os.PathError{Op: "find go.mod", Path: abs, Err: os.ErrNotExist}
		}
		d = up
	}
}
