package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator"
)

// TestRightToLeftLanguage: a language that site.toml declares (Arabic
// here, which guidemap knows is written from right to left) gets its
// pages with dir="rtl", and the layout works mirrored: the heading starts
// at the right, the panel's bar is on its right side, nothing scrolls
// sideways at 390 or 1280 px, and axe finds nothing.
func TestRightToLeftLanguage(t *testing.T) {
	Require(t)
	dir := t.TempDir()
	for _, d := range []string{"content", "geodata"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join("..", "..", "..", d))); err != nil {
			t.Fatal(err)
		}
	}
	toml := filepath.Join(dir, "content", "site.toml")
	src, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), `languages = ["sv", "en"]`, `languages = ["sv", "en", "ar"]`, 1)
	if s == string(src) {
		t.Fatal(`the example's site.toml has no languages = ["sv", "en"]`)
	}
	write := func(p, text string) {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/site.toml", s)
	write("content/guides/bygglov.ar.md", `---
title: رخصة البناء
summary: متى تحتاج إلى رخصة بناء، وكيف تقدم الطلب.
---
## متى تحتاج إلى رخصة بناء؟

تحتاج عادةً إلى رخصة بناء عندما تريد بناء منزل جديد أو توسيع منزلك.

## كيف تقدم الطلب

قدّم طلبك عبر الخدمة الإلكترونية للبلدية، وأرفق الرسومات.
`)
	// The site's own UI strings for the language (the theme has none).
	write("themes/default/i18n/ar.toml", `skip = "انتقل إلى المحتوى"
[nav]
label = "القائمة الرئيسية"
home = "الصفحة الرئيسية"
guides = "الأدلة"
[lang]
self = "العربية"
`)
	out := filepath.Join(t.TempDir(), "public")
	if res, err := generator.Build(context.Background(), generator.Config{Src: dir, Out: out}); err != nil {
		for _, d := range res.Diags.Items() {
			t.Log(d)
		}
		t.Fatalf("build: %v", err)
	}
	srv := NewServer(t, out)
	b := NewBrowser(t)
	ctx := b.Tab(t)
	if err := Watch(ctx); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"/ar/guider/bygglov/", "/ar/sundsvall/guider/bygglov/"} {
		rep, err := CheckPage(ctx, srv.URL, page, CheckOptions{Widths: []int{DesktopWidth, PhoneWidth}})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Failed() {
			t.Errorf("%s: %+v", page, rep)
		}
		got, err := Eval[map[string]any](ctx, `(() => {
			const h = document.querySelector("main h1"), main = document.querySelector("main");
			const hr = h.getBoundingClientRect(), mr = main.getBoundingClientRect();
			const range = document.createRange(); range.selectNodeContents(h);
			const tr = range.getBoundingClientRect();
			const panel = document.querySelector(".panel");
			const ps = panel ? getComputedStyle(panel) : null;
			return {dir: document.documentElement.dir, lang: document.documentElement.lang,
				textRightGap: mr.right - tr.right, textLeftGap: tr.left - mr.left,
				panelRight: ps ? ps.borderRightWidth : "", panelLeft: ps ? ps.borderLeftWidth : ""};
		})()`)
		if err != nil {
			t.Fatal(err)
		}
		if got["dir"] != "rtl" || got["lang"] != "ar" {
			t.Errorf("%s: <html lang=%v dir=%v>, want ar and rtl", page, got["lang"], got["dir"])
		}
		if r, l := got["textRightGap"].(float64), got["textLeftGap"].(float64); r > 40 || l < r {
			t.Errorf("%s: the heading's text is %.0f px from the right of main and %.0f px from its left; want it at the right", page, r, l)
		}
		if got["panelRight"] != "4px" || got["panelLeft"] != "0px" {
			t.Errorf("%s: the panel's bar is right %v, left %v; want it on the right in a right-to-left page", page, got["panelRight"], got["panelLeft"])
		}
	}
}
