package markdown

import (
	"slices"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
)

// TestHeadingAttributes: of the attribute syntax after a heading, only a
// readable ID that is not the theme's and the theme's classes reach the
// HTML; everything else is left out with a warning at the "{".
func TestHeadingAttributes(t *testing.T) {
	classes := []string{"visually-hidden", "no-print"}
	tests := []struct {
		in      string
		want    string // the heading's start tag
		warning string // the one warning, "" for none
	}{
		{"## A {#a}", `<h2 id="a">`, ""},
		{"## A {#avgifter-2026}", `<h2 id="avgifter-2026">`, ""},
		{"## A {#Avgifter}", `<h2 id="a">`, `5:6: warning: heading ID "Avgifter" is left out`},
		{"## A {#gm-main}", `<h2 id="a">`, `5:6: warning: heading ID "gm-main" is left out: IDs that start with "gm-" belong to the theme`},
		{"## A {#gm-}", `<h2 id="a">`, `heading ID "gm-" is left out`},
		{"## A {#a--b}", `<h2 id="a">`, `write it as {#a-b}`},
		{"## A {#-a}", `<h2 id="a">`, `heading ID "-a" is left out`},
		{"## A {#a:b}", `<h2 id="a">`, `heading ID "a:b" is left out`},
		{`## A {id="x onmouseover=alert(1)"}`, `<h2 id="a">`, `heading ID "x onmouseover=alert(1)" is left out`},
		{`## A {id="&quot;&gt;"}`, `<h2 id="a">`, `is left out`},
		{"## A {id=1.5}", `<h2 id="a">`, `heading ID 1.5 is left out`},
		{"## A {id=[1,2]}", `<h2 id="a">`, `heading ID [1 2] is left out`},
		{"## A {#}", `<h2 id="a">`, `empty heading ID is left out`},
		{"## A {.no-print}", `<h2 class="no-print" id="a">`, ""},
		{"## A {.no-print .visually-hidden}", `<h2 class="no-print visually-hidden" id="a">`, ""},
		{`## A {class="no-print  no-print"}`, `<h2 class="no-print" id="a">`, ""},
		{"## A {.viktig}", `<h2 id="a">`, `heading class "viktig" is left out: the theme does not define it for headings; use one of the theme's heading classes (visually-hidden, no-print), or remove it`},
		{"## A {.no-prints}", `<h2 id="a">`, `did you mean "no-print"?`},
		{`## A {class="no-print x\"onclick=y"}`, `<h2 class="no-print" id="a">`, `heading class "x\"onclick=y" is left out`},
		{"## A {data-x=1}", `<h2 id="a">`, `heading attributes left out: data-x`},
		{"## A {style=\"color:red\"}", `<h2 id="a">`, `heading attributes left out: style`},
		{"## A {onclick=\"alert(1)\"}", `<h2 id="a">`, `heading attributes left out: onclick`},
		{"## A {hidden=true tabindex=0 contenteditable=true}", `<h2 id="a">`, `heading attributes left out: hidden, tabindex, contenteditable; remove them`},
		{"## A {accesskey=s lang=en dir=rtl title=x}", `<h2 id="a">`, `heading attributes left out: accesskey, lang, dir, title`},
		{"## A {itemprop=x role=button autofocus=1}", `<h2 id="a">`, `heading attributes left out: itemprop, role, autofocus`},
		{"## A {#b data-x=1}", `<h2 id="b">`, `5:6: warning: heading attributes left out: data-x`},
		{"## GM-fordon", `<h2 id="rubrik-gm-fordon">`, ""},
		// Not attribute syntax: goldmark keeps the braces as text.
		{"## A {hidden}", `<h2 id="a-hidden">`, ""},
		{"## A {onclick=}", `<h2 id="a-onclick">`, ""},
		// A setext heading takes attributes too.
		{"A {#b style=x}\n---", `<h2 id="b">`, `5:3: warning: heading attributes left out: style`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var l diag.List
			res := New(Options{HeadingClasses: classes}).Render(Sections("content/guides/a.md", []byte(tt.in+"\n\nText.\n"), 5), testEnv(""), &l)
			tag, _, _ := strings.Cut(res.HTML, ">")
			if tag+">" != tt.want {
				t.Errorf("heading %s, want %s (HTML %q)", tag+">", tt.want, res.HTML)
			}
			var warnings []string
			for _, d := range l.Items() {
				warnings = append(warnings, d.String())
			}
			switch {
			case tt.warning == "" && len(warnings) > 0:
				t.Errorf("warnings %q, want none", warnings)
			case tt.warning != "" && (len(warnings) != 1 || !strings.Contains(warnings[0], tt.warning)):
				t.Errorf("warnings %q, want one with %q", warnings, tt.warning)
			}
			for _, w := range warnings {
				if !strings.HasPrefix(w, "content/guides/a.md:5:") {
					t.Errorf("warning %q is not at the heading's line", w)
				}
			}
		})
	}
}

func TestReadHeadingClasses(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		errs []string
	}{
		{"", nil, nil},
		{"# a comment\n\nno-print\nvisually-hidden # screen readers only\nno-print\n", []string{"no-print", "visually-hidden"}, nil},
		{"ok\n  2col\nx y\n\"><b>\nA_b\n", []string{"ok", "A_b"}, []string{
			`theme/heading-classes.txt:2:3: "2col" is not a class name`,
			`theme/heading-classes.txt:3:1: "x y" is not a class name`,
			`theme/heading-classes.txt:4:1: "\"><b>" is not a class name`,
		}},
	}
	for _, tt := range tests {
		var l diag.List
		got := ReadHeadingClasses("theme/heading-classes.txt", []byte(tt.in), &l)
		if !slices.Equal(got, tt.want) {
			t.Errorf("ReadHeadingClasses(%q) = %q, want %q", tt.in, got, tt.want)
		}
		var errs []string
		for _, d := range l.Items() {
			msg, _, _ := strings.Cut(d.String(), ";")
			errs = append(errs, msg)
		}
		if !slices.Equal(errs, tt.errs) {
			t.Errorf("ReadHeadingClasses(%q): errors %q, want %q", tt.in, errs, tt.errs)
		}
	}
}
