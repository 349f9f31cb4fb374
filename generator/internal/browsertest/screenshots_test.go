package browsertest

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

var screenshots = flag.String("screenshots", "",
	"write PNGs of the example site's home page, a guide, a municipality page and its maps, the e-service directory at 390 and 1280 px, light and dark, into this folder")

// screenshotPages are the pages TestScreenshots takes, by file name: the
// whole page, or with clip the first element it selects (a map), after
// the script then has run.
var screenshotPages = []struct{ name, path, clip, then string }{
	{"home", "/", "", ""},
	{"guide", "/sundsvall/guider/bygglov/", "", ""},
	{"municipality", "/sundsvall/", "", ""},
	{"map-region", "/karta/", "figure.map", ""},
	{"map-sundsvall", "/sundsvall/karta/", "figure.map", ""},
	// The largest cluster, activated twice.
	{"map-sundsvall-zoomed", "/sundsvall/karta/", "figure.map", `(() => {
		for (let i = 0; i < 2; i++) {
			const gs = Array.from(document.querySelectorAll(".m-js .m-cluster"));
			gs.sort((a, b) => +b.querySelector("text").textContent - +a.querySelector("text").textContent);
			if (gs.length) gs[0].dispatchEvent(new MouseEvent("click", {bubbles: true}));
		}
		return true;
	})()`},
	{"point", "/sundsvall/platser/alno-bibliotek/", "", ""},
	// The directory, filtered by its script, and a combination's own page.
	{"directory", "/e-tjanster/", "", ""},
	{"directory-filtered", "/e-tjanster/", "", `(() => {
		for (const [id, v] of [["gm-dir-municipalities", "sundsvall"], ["gm-dir-category", "bygga-bo"]]) {
			const s = document.getElementById(id);
			s.value = v;
			s.dispatchEvent(new Event("change"));
		}
		return true;
	})()`},
	{"directory-combined", "/e-tjanster/kommun/sundsvall/kategori/bygga-bo/", "", ""},
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
				if err := shoot(ctx, base+p.path, w, p.clip, p.then, file); err != nil {
					t.Fatalf("%s at %d px: %v", p.path, w, err)
				}
				written = append(written, file)
			}
		}
	}
	t.Logf("wrote %d screenshots:\n%s", len(written), strings.Join(written, "\n"))
}

// shoot writes a PNG of the page at url, width pixels wide, to file: the
// whole page, or the first element clip selects, after the script then
// has run.
func shoot(ctx context.Context, url string, width int, clip, then, file string) error {
	if clip == "" && then == "" {
		return Screenshot(ctx, url, width, file)
	}
	if err := SetViewport(ctx, width, DesktopHeight); err != nil {
		return err
	}
	if _, err := Load(ctx, url); err != nil {
		return err
	}
	if then != "" {
		if _, err := Eval[bool](ctx, then); err != nil {
			return err
		}
	}
	if clip == "" {
		png, err := FullPagePNG(ctx, width)
		if err != nil {
			return err
		}
		return os.WriteFile(file, png, 0o644)
	}
	var png []byte
	if err := withTimeout(ctx, "screenshot "+clip, func(ctx context.Context) error {
		var err error
		png, err = chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(clip)))
		return err
	}); err != nil {
		return err
	}
	return os.WriteFile(file, png, 0o644)
}
