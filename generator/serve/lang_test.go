package serve

import (
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
)

// TestOverlayLanguage checks what the error overlay shows, in each
// language: the messages and hints, the heading with the count, the
// button, and the language the overlay is marked with; and the pages
// served before there is a site.
func TestOverlayLanguage(t *testing.T) {
	var l diag.List
	l.Errorf(diag.At("content/guides/bygglov.md", 3, 1), diag.DidYouMean("sumary", []string{"summary"}), "unknown key %q in site.toml", "sumary")
	l.Errorf(diag.At("content/guides/bygglov.md", 5, 8), "write true or false", "%q must be true or false, not %s", "draft", `"maybe"`)
	l.Warnf(diag.At("content/guides/bygglov.md", 9, 1), "", "link without text") // warnings are not shown
	tests := []struct {
		lang, title, hide, msg, hint, text, building, none string
	}{
		{"", "The site has 2 errors; the last good version is shown", "Hide",
			`unknown key "sumary" in site.toml`, `did you mean "summary"?`,
			`content/guides/bygglov.md:5:8: "draft" must be true or false, not "maybe"; write true or false`,
			`<html lang="en">`, "<h1>No site yet</h1>"},
		{"sv", "Webbplatsen har 2 fel; den senaste fungerande versionen visas", "Dölj",
			`okänd nyckel "sumary" i site.toml`, `menade du "summary"?`,
			`content/guides/bygglov.md:5:8: "draft" måste vara true eller false, inte "maybe"; skriv true eller false`,
			`<html lang="sv">`, "<h1>Ingen webbplats ännu</h1>"},
	}
	for _, tt := range tests {
		t.Run("lang="+tt.lang, func(t *testing.T) {
			s := &Server{opts: Options{Lang: tt.lang}}
			f := s.problems(&l, nil)
			want := tt.lang
			if want == "" {
				want = "en"
			}
			if f.Lang != want || f.Title != tt.title || f.Hide != tt.hide {
				t.Errorf("lang %q, title %q, hide %q; want %q, %q, %q", f.Lang, f.Title, f.Hide, want, tt.title, tt.hide)
			}
			if len(f.Errors) != 2 {
				t.Fatalf("%d errors, want 2: %+v", len(f.Errors), f.Errors)
			}
			if p := f.Errors[0]; p.Message != tt.msg || p.Hint != tt.hint || p.Line != 3 {
				t.Errorf("first error %q; %q at line %d, want %q; %q at line 3", p.Message, p.Hint, p.Line, tt.msg, tt.hint)
			}
			if got := f.Errors[1].Text; got != tt.text {
				t.Errorf("text %q, want %q", got, tt.text)
			}
			lang := s.lang()
			if b := buildingPage(lang); !strings.Contains(b, tt.building) {
				t.Errorf("the page while building is not in %s: %s", tt.building, b)
			}
			if b := fallbackPage(lang); !strings.Contains(b, tt.none) {
				t.Errorf("the page without a site lacks %s: %s", tt.none, b)
			}
		})
	}
	// One error: the heading says so in the singular.
	var one diag.List
	one.Errorf(diag.At("content/site.toml", 1, 1), "", "site.toml has no title")
	s := &Server{opts: Options{Lang: "sv"}}
	if f := s.problems(&one, nil); f.Title != "Webbplatsen har 1 fel; den senaste fungerande versionen visas" || f.Errors[0].Message != "site.toml saknar title" {
		t.Errorf("one error: %q, %q", f.Title, f.Errors[0].Message)
	}
}
