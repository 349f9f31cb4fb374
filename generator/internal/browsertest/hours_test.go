package browsertest

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/esamverkan/guidemap/generator"
	"github.com/esamverkan/guidemap/generator/internal/golden"
)

// fakeClockJS makes the page's clock read the time in its address's query
// (?now=milliseconds since 1970), so that the script of a page built on a
// pinned date can be tried at any moment. It runs before the page's own
// scripts, through the DevTools protocol (the CSP does not apply to it).
const fakeClockJS = `(() => {
  const m = /[?&]now=(\d+)/.exec(location.search);
  if (!m) { return; }
  const fixed = +m[1], Real = Date;
  class Fake extends Real {
    constructor(...a) { if (a.length) { super(...a); } else { super(fixed); } }
    static now() { return fixed; }
  }
  window.Date = Fake;
})();`

// TestHoursScript tries hours.js on the fixture's library, built on
// Thursday 18 June 2026 (Mo-Th 10-19, Fr 10-16, Sa 11-14, weeks 27–32
// 12-16 on weekdays, closed on Sundays and public holidays), at moments
// when it is open, closed, and outside the eight weeks the page
// describes, in Swedish and English, at 1280 and 390 px; and checks the
// page with axe-core, for overflow, CSP violations and script errors.
func TestHoursScript(t *testing.T) {
	Require(t)
	out := filepath.Join(t.TempDir(), "public")
	fsys := golden.Txtar(t, golden.RepoFile(t, "generator/render/testdata/fixture-site.txtar"))
	built := time.Date(2026, 6, 18, 6, 0, 0, 0, time.UTC)
	if res, err := generator.Build(context.Background(), generator.Config{FS: fsys, Out: out, Today: built}); err != nil {
		t.Fatalf("%v: %v", err, res.Diags.Items())
	}
	srv := NewServer(t, out)
	b := NewBrowser(t)
	ctx := b.Tab(t)
	err := withTimeout(ctx, "install the fake clock", func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: fakeClockJS})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	stockholm, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	const sv, en = "/timra/platser/timra-bibliotek/", "/en/timra/platser/timra-bibliotek/"
	tests := []struct {
		name, path string
		now        time.Time // in Stockholm
		want       string    // "" is no status (the element is not shown)
	}{
		{"open", sv, time.Date(2026, 6, 18, 12, 0, 0, 0, stockholm), "Öppet nu – stänger 19.00"},
		{"open, English", en, time.Date(2026, 6, 18, 12, 0, 0, 0, stockholm), "Open now – closes 19:00"},
		{"closed until tomorrow", sv, time.Date(2026, 6, 22, 20, 30, 0, 0, stockholm), "Stängt nu – öppnar i morgon 10.00"},
		{"closed until tomorrow, English", en, time.Date(2026, 6, 22, 20, 30, 0, 0, stockholm), "Closed now – opens tomorrow 10:00"},
		{"closed before opening", sv, time.Date(2026, 6, 23, 7, 15, 0, 0, stockholm), "Stängt nu – öppnar 10.00"},
		{"closed over the weekend into summer hours", sv, time.Date(2026, 6, 27, 15, 0, 0, 0, stockholm), "Stängt nu – öppnar måndag 12.00"},
		{"in summer hours", sv, time.Date(2026, 7, 7, 15, 59, 0, 0, stockholm), "Öppet nu – stänger 16.00"},
		{"a stale page", sv, time.Date(2026, 9, 1, 12, 0, 0, 0, stockholm), ""},
		{"before the build", sv, time.Date(2026, 6, 17, 12, 0, 0, 0, stockholm), ""},
	}
	type status struct {
		Text     string
		Shown    bool
		Children int
		Role     string
	}
	for _, width := range []int{DesktopWidth, 390} {
		if err := SetViewport(ctx, width, DesktopHeight); err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			url := srv.URL + tt.path + "?now=" + strconv.FormatInt(tt.now.UnixMilli(), 10)
			if _, err := Load(ctx, url); err != nil {
				t.Fatal(err)
			}
			got, err := Eval[status](ctx, `(() => {
				const el = document.querySelector("[data-hours-now]");
				return {Text: el.textContent, Shown: el.getBoundingClientRect().height > 0, Children: el.children.length, Role: el.getAttribute("role")};
			})()`)
			if err != nil {
				t.Fatal(err)
			}
			if got.Text != tt.want || got.Shown != (tt.want != "") || got.Children != 0 || got.Role != "status" {
				t.Errorf("%d px, %s at %s: status %+v, want %q", width, tt.name, tt.now.Format(time.DateTime), got, tt.want)
			}
		}
	}
	// Without the script the table stands alone, and the page passes the
	// checks at both widths, in both languages, open and closed.
	for _, p := range []string{sv, en} {
		rep, err := CheckPage(ctx, srv.URL, p+"?now="+strconv.FormatInt(time.Date(2026, 6, 18, 12, 0, 0, 0, stockholm).UnixMilli(), 10),
			CheckOptions{Widths: []int{390, DesktopWidth}})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Failed() {
			t.Errorf("%s: %+v", p, rep)
		}
	}
}
