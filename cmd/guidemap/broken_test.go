package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildBrokenSiteExitsOne runs `guidemap build` on the broken fixture
// site: exit status 1, every problem on stderr as file:line:col: message —
// the lines of the generator's golden file, with the paths as given by
// --src — then the count, and nothing written.
func TestBuildBrokenSiteExitsOne(t *testing.T) {
	src := filepath.Join("..", "..", "generator", "testdata", "broken")
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "--src", src, "--out", out}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout: %s", stdout.String())
	}
	diags, err := os.ReadFile(filepath.Join("..", "..", "generator", "testdata", "broken.golden"))
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	errs, warns := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(string(diags)), "\n") {
		want.WriteString(filepath.ToSlash(src) + "/" + line + "\n")
		if strings.Contains(line, ": warning: ") {
			warns++
		} else {
			errs++
		}
	}
	want.WriteString("guidemap: " + plural(errs, "error") + ", " + plural(warns, "warning") + "\n")
	want.WriteString("guidemap: nothing was written; the previous output is unchanged\n")
	if got := stderr.String(); got != want.String() {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, want.String())
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the failed build created %s", out)
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
