package browsertest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var screenshots = flag.String("screenshots", "",
	"write full-page PNGs of the example site's home page, a guide and a municipality page at 390 and 1280 px, light and dark, into this folder")

// screenshotPages are the pages TestScreenshots takes, by file name.
var screenshotPages = []struct{ name, path string }{
	{"home", "/"},
	{"guide", "/sundsvall/guider/bygglov/"},
	{"municipality", "/sundsvall/"},
}

// TestScreenshots writes PNGs of what the default theme makes, for people
// to look at:
//
//	go test ./generator/internal/browsertest -run Screenshots -screenshots=/tmp/shots
//
// (or GUIDEMAP_SCREENSHOTS=/tmp/shots go test ./...). A relative folder is
// taken from the package's folder. Without either, the test skips.
func TestScreenshots(t *testing.T) {
	dir := *screenshots
	if dir == "" {
		dir = os.Getenv("GUIDEMAP_SCREENSHOTS")
	}
	if dir == "" {
		t.Skip("give -screenshots=DIR or GUIDEMAP_SCREENSHOTS=DIR to write screenshots")
	}
	Require(t)
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	base := Serve(t, buildExample(t))
	b := NewBrowser(t)
	ctx := b.Tab(t)
	var written []string
	for _, s := range []Scheme{Light, Dark} {
		if err := SetScheme(ctx, s); err != nil {
			t.Fatal(err)
		}
		for _, p := range screenshotPages {
			for _, w := range []int{PhoneWidth, DesktopWidth} {
				name := fmt.Sprintf("%s-%d.png", p.name, w)
				if s != Light {
					name = strings.TrimSuffix(name, ".png") + "-" + string(s) + ".png"
				}
				file := filepath.Join(dir, name)
				if err := Screenshot(ctx, base+p.path, w, file); err != nil {
					t.Fatalf("%s at %d px: %v", p.path, w, err)
				}
				written = append(written, file)
			}
		}
	}
	t.Logf("wrote %d screenshots:\n%s", len(written), strings.Join(written, "\n"))
}
