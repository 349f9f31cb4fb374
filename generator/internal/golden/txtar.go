package golden

import (
	"os"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// Txtar reads the txtar archive at path (relative to the test's package
// folder) as a file system: each "-- name --" line starts a file of that
// slash path, and the lines up to the next such line are its content.
// Text before the first file is a comment and is left out. It fails the
// test if the file cannot be read or names a file twice.
func Txtar(t testing.TB, path string) fstest.MapFS {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("fixture %s: %v", path, err)
	}
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse(data).Files {
		if _, dup := fsys[f.Name]; dup {
			t.Fatalf("fixture %s: file %s is there twice", path, f.Name)
		}
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}
