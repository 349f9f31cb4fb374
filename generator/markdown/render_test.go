package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/golden"
)

// skipBug skips a case that records the behaviour we want but do not have
// yet (bug says what is wrong), unless the tests run with
// GUIDEMAP_KNOWN_BUGS=1, which is how to check a fix.
func skipBug(t *testing.T, bug string) {
	t.Helper()
	if bug != "" && os.Getenv("GUIDEMAP_KNOWN_BUGS") == "" {
		t.Skip("bug: " + bug)
	}
}

// testPages are the content files the fake site has, and their pages.
var testPages = map[string]string{
	"content/guides/bygglov.md":              "/guider/bygglov/",
	"content/guides/forskola.md":             "/guider/forskola/",
	"content/e-tjanster/ansok-om-bygglov.md": "/e-tjanster/ansok-om-bygglov/",
	"content/kommuner/sundsvall.md":          "/sundsvall/",
}

func testEnv(basePath string) Env {
	var files []string
	for f := range testPages {
		files = append(files, f)
	}
	// Sorted so that suggestions do not depend on map order.
	slices.Sort(files)
	return Env{
		Resolve: func(file string) (string, bool) {
			u, ok := testPages[file]
			return u, ok
		},
		Files:    files,
		BasePath: basePath,
	}
}

// renderCase renders a body that stands at line 5 of
// content/guides/<name>.md (after four lines of front matter) and writes
// everything the renderer returns as one text.
func renderCase(t *testing.T, name string, src []byte, opt Options, basePath string) string {
	t.Helper()
	file := "content/guides/" + name + ".md"
	var l diag.List
	res := New(opt).Render(Sections(file, src, 5), testEnv(basePath), &l)
	var b strings.Builder
	b.WriteString("== html\n")
	b.WriteString(res.HTML)
	b.WriteString("== diagnostics\n")
	for _, d := range l.Items() {
		b.WriteString(d.String() + "\n")
	}
	b.WriteString("== headings\n")
	for _, h := range res.Headings {
		fmt.Fprintf(&b, "h%d #%s %q\n", h.Level, h.ID, h.Text)
	}
	b.WriteString("== links\n")
	for _, k := range res.Links {
		fmt.Fprintf(&b, "%s %q -> url %q anchor %q\n", k.Pos, k.Written, k.URL, k.Anchor)
	}
	return b.String()
}

// renderVariants are the cases rendered with other options than the
// default (RawHTML off, BasePath "/"), each with its own golden file.
var renderVariants = []struct {
	name, suffix string
	opt          Options
	basePath     string
}{
	{"links", "", Options{}, "/org/site/"},
	{"attributes", "", Options{HeadingClasses: []string{"visually-hidden", "no-print"}}, ""},
	{"attributes", ".noclasses", Options{}, ""},
	{"links", ".root", Options{}, ""},
	{"missing-links", "", Options{}, "/org/site/"},
	{"dangerous-links", ".rawhtml", Options{RawHTML: true}, ""},
	{"raw-html", ".rawhtml", Options{RawHTML: true}, ""},
	{"positions", ".rawhtml", Options{RawHTML: true}, ""},
}

func TestRenderGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/render/*.md")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs in testdata/render: %v", err)
	}
	type run struct {
		name, golden string
		opt          Options
		basePath     string
	}
	var runs []run
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".md")
		r := run{name: name, golden: name}
		for _, v := range renderVariants {
			if v.name == name && v.suffix == "" {
				r.opt, r.basePath = v.opt, v.basePath
			}
		}
		runs = append(runs, r)
	}
	for _, v := range renderVariants {
		if v.suffix != "" {
			runs = append(runs, run{v.name, v.name + v.suffix, v.opt, v.basePath})
		}
	}
	for _, r := range runs {
		t.Run(r.golden, func(t *testing.T) {
			src, err := os.ReadFile("testdata/render/" + r.name + ".md")
			if err != nil {
				t.Fatal(err)
			}
			got := renderCase(t, r.name, src, r.opt, r.basePath)
			golden.Compare(t, "testdata/render/"+r.golden+".golden", []byte(got))
		})
	}
}

func TestSlug(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Så ansöker du", "sa-ansoker-du"},
		{"Avgifter 2026", "avgifter-2026"},
		{"Vad kostar det?", "vad-kostar-det"},
		{"Ö-vik & Umeå", "o-vik-umea"},
		{"  ", ""},
		{"", ""},
		{"???", ""},
		{"Ærø", "aero"},
		{"ÅÄÖ åäö", "aao-aao"},
		{"Straße", "strasse"},
		{"Café", "cafe"},
		{"Noël", "noël"}, // ë is not in the table: kept as a letter
		{"  Mellanslag  runt  ", "mellanslag-runt"},
		{"--Bindestreck--", "bindestreck"},
		{"a_b.c/d", "a-b-c-d"},
		{"Tid: 08.00–16.30", "tid-08-00-16-30"},
		{"Привет мир", "привет-мир"},
		{"مرحبا بالعالم", "مرحبا-بالعالم"},
		{"Σάμη", "σάμη"},
		{"Sámi giella", "sami-giella"},
		{"1 2 3", "1-2-3"},
		{"😀 Glad", "glad"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Slug(tt.in); got != tt.want {
				t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestRenderCases are small cases, mostly regressions, checked against the
// whole output (HTML, diagnostics, headings, links) as renderCase writes it.
// A case with bug set records the behaviour we want and is skipped until
// the bug is fixed.
func TestRenderCases(t *testing.T) {
	tests := []struct {
		name, in string
		raw      bool
		want     string
		bug      string
	}{
		{
			name: "encoded colon in javascript scheme",
			in:   "[a](javascript&#58;alert(1)) [b](javascript&colon;alert(2)) [c](JavaScript&#x3A;alert(3))\n",
			want: `== html
<p>a b c</p>
== diagnostics
content/guides/case.md:5:1: warning: link to "javascript&#58;alert(1)" removed: only http, https, mailto and tel links are allowed; write a link to an http, https, mailto or tel address
content/guides/case.md:5:30: warning: link to "javascript&colon;alert(2)" removed: only http, https, mailto and tel links are allowed; write a link to an http, https, mailto or tel address
content/guides/case.md:5:61: warning: link to "JavaScript&#x3A;alert(3)" removed: only http, https, mailto and tel links are allowed; write a link to an http, https, mailto or tel address
== headings
== links
`,
		},
		{
			name: "encoded colon in javascript scheme, raw HTML on",
			in:   "[a](javascript&#58;alert(1))\n",
			raw:  true,
			want: `== html
<p>a</p>
== diagnostics
content/guides/case.md:5:1: warning: link to "javascript&#58;alert(1)" removed: only http, https, mailto and tel links are allowed; write a link to an http, https, mailto or tel address
== headings
== links
`,
		},
		{
			name: "scheme hidden after 16 characters of entity",
			in:   "[a](&#x0006A;&#x00061;vascript:alert(1))\n",
			raw:  true,
			want: `== html
<p>a</p>
== diagnostics
content/guides/case.md:5:1: warning: link to "&#x0006A;&#x00061;vascript:alert(1)" removed: only http, https, mailto and tel links are allowed; write a link to an http, https, mailto or tel address
== headings
== links
`,
		},
		{
			name: "reference defined in another section",
			in:   "Se [bygglov][1].\n\n## Avgifter\n\nText.\n\n[1]: https://www.boverket.se/\n",
			want: `== html
<p>Se <a href="https://www.boverket.se/">bygglov</a>.</p>
<h2 id="avgifter">Avgifter</h2>
<p>Text.</p>
== diagnostics
== headings
h2 #avgifter "Avgifter"
== links
`,
		},
		{
			name: "autolink at the start of a paragraph",
			in:   "<javascript:alert(1)>\n",
			want: `== html
<p>javascript:alert(1)</p>
== diagnostics
content/guides/case.md:5:1: warning: link to "javascript:alert(1)" removed: only http, https, mailto and tel links are allowed; write a link to an http, https, mailto or tel address
== headings
== links
`,
		},
		{
			name: "position of an autolink in the middle of a line",
			in:   "Första raden.\nSe <javascript:alert(1)> här.\n",
			want: `== html
<p>Första raden.
Se javascript:alert(1) här.</p>
== diagnostics
content/guides/case.md:6:4: warning: link to "javascript:alert(1)" removed: only http, https, mailto and tel links are allowed; write a link to an http, https, mailto or tel address
== headings
== links
`,
		},
		{
			name: "position of a link whose text starts with emphasis",
			in:   "Se [*fet* text](saknas.md).\n",
			want: `== html
<p>Se <a href="saknas.md"><em>fet</em> text</a>.</p>
== diagnostics
content/guides/case.md:5:4: link to "saknas.md": there is no such content file; link to the .md file of a guide, e-service, page or municipality, relative to this file
== headings
== links
`,
		},
		{
			name: "position of a link without text",
			in:   "Första raden.\nSe [](saknas.md).\n",
			want: `== html
<p>Första raden.
Se <a href="saknas.md"></a>.</p>
== diagnostics
content/guides/case.md:6:4: link to "saknas.md": there is no such content file; link to the .md file of a guide, e-service, page or municipality, relative to this file
content/guides/case.md:6:4: warning: link without text; write what the link leads to between the brackets: [Ansök om bygglov](…)
== headings
== links
`,
		},
		{
			name: "custom IDs are unique too",
			in:   "## Avgifter\n\n## Första {#avgifter}\n\n## Andra {#avgifter}\n",
			want: `== html
<h2 id="avgifter">Avgifter</h2>
<h2 id="avgifter-1">Första</h2>
<h2 id="avgifter-2">Andra</h2>
== diagnostics
content/guides/case.md:7:4: warning: heading ID "avgifter" is already used on this page; this heading gets "avgifter-1"; give each heading its own {#id}
content/guides/case.md:9:4: warning: heading ID "avgifter" is already used on this page; this heading gets "avgifter-2"; give each heading its own {#id}
== headings
h2 #avgifter "Avgifter"
h2 #avgifter-1 "Första"
h2 #avgifter-2 "Andra"
== links
`,
		},
		{
			name: "entity in a heading",
			in:   "## Tom &amp; Jerry\n",
			want: `== html
<h2 id="tom-jerry">Tom &amp; Jerry</h2>
== diagnostics
== headings
h2 #tom-jerry "Tom & Jerry"
== links
`,
		},
		{
			name: "backslash escape in a heading",
			in:   "## 1\\. Ansök\n",
			want: `== html
<h2 id="1-ansok">1. Ansök</h2>
== diagnostics
== headings
h2 #1-ansok "1. Ansök"
== links
`,
		},
		{
			name: "inline HTML in a heading is not part of its ID",
			in:   "## Mer <em>html</em>\n",
			raw:  true,
			want: `== html
<h2 id="mer-html">Mer <em>html</em></h2>
== diagnostics
== headings
h2 #mer-html "Mer html"
== links
`,
		},
		{
			name: "Swedish letters written decomposed (NFD)",
			in:   "## Sa\u030a anso\u0308ker du\n",
			want: "== html\n<h2 id=\"sa-ansoker-du\">Sa\u030a anso\u0308ker du</h2>\n== diagnostics\n== headings\nh2 #sa-ansoker-du \"Så ansöker du\"\n== links\n",
		},
		{
			name: "heading attributes from content",
			in:   "## Rubrik {.viktig onclick=\"alert(1)\" style=\"color:red\"}\n",
			want: `== html
<h2 id="rubrik">Rubrik</h2>
== diagnostics
content/guides/case.md:5:11: warning: heading attributes left out: onclick, style; remove them from the {…} after the heading: a heading may have an {#id}, and a class the theme defines
content/guides/case.md:5:11: warning: heading class "viktig" is left out: the theme does not define it for headings; remove it: this theme defines no classes for headings
== headings
h2 #rubrik "Rubrik"
== links
`,
		},
		{
			name: "heading link is rewritten too",
			in:   "## Se [bygglov](bygglov.md#avgifter)\n",
			want: `== html
<h2 id="se-bygglov">Se <a href="/guider/bygglov/#avgifter">bygglov</a></h2>
== diagnostics
== headings
h2 #se-bygglov "Se bygglov"
== links
content/guides/case.md:5:7 "bygglov.md#avgifter" -> url "/guider/bygglov/" anchor "avgifter"
`,
		},
		{
			// The position was that of the image's "[", found by
			// searching back from the first text in the link.
			name: "a link around an image is found at its own [",
			in:   "Se [![karta](karta.png)](saknas.md).\n",
			want: `== html
<p>Se <a href="saknas.md"><img src="karta.png" alt="karta"></a>.</p>
== diagnostics
content/guides/case.md:5:4: link to "saknas.md": there is no such content file; link to the .md file of a guide, e-service, page or municipality, relative to this file
== headings
== links
`,
		},
		{
			// The position was the end of the text on the line above.
			name: "an empty link at the start of a line",
			in:   "> Text\n>   [](saknas.md)\n",
			want: `== html
<blockquote>
<p>Text
<a href="saknas.md"></a></p>
</blockquote>
== diagnostics
content/guides/case.md:6:5: link to "saknas.md": there is no such content file; link to the .md file of a guide, e-service, page or municipality, relative to this file
content/guides/case.md:6:5: warning: link without text; write what the link leads to between the brackets: [Ansök om bygglov](…)
== headings
== links
`,
		},
		{
			name: "a table without header in a quote is found at its header row",
			in:   "Text\n\n> |  |  |\n> |--|--|\n> | a | b |\n",
			want: `== html
<p>Text</p>
<blockquote>
<table>
<thead>
<tr>
<th scope="col"></th>
<th scope="col"></th>
</tr>
</thead>
<tbody>
<tr>
<td>a</td>
<td>b</td>
</tr>
</tbody>
</table>
</blockquote>
== diagnostics
content/guides/case.md:7:3: warning: table without a header row; write a heading for each column in the first row
== headings
== links
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			skipBug(t, tt.bug)
			got := renderCase(t, "case", []byte(tt.in), Options{RawHTML: tt.raw}, "")
			// Most cases are a heading alone: its "section is empty"
			// warning has its own lint case (testdata/lint/empty-section).
			got = emptySection.ReplaceAllString(got, "")
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

var emptySection = regexp.MustCompile(`(?m)^.*: warning: section ".*" is empty; .*\n`)

// The zero Env (no Resolve) should treat every .md link as missing, not
// panic.
func TestRenderZeroEnv(t *testing.T) {
	var l diag.List
	res := New(Options{}).Render(Sections("content/guides/x.md", []byte("[a](a.md)\n"), 1), Env{}, &l)
	if got, want := res.HTML, "<p><a href=\"a.md\">a</a></p>\n"; got != want {
		t.Errorf("HTML = %q, want %q", got, want)
	}
	if got, want := diagText(&l), `content/guides/x.md:1:1: link to "a.md": there is no such content file; link to the .md file of a guide, e-service, page or municipality, relative to this file`; got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

// Render is called from many goroutines with one Renderer.
func TestRenderConcurrent(t *testing.T) {
	src, err := os.ReadFile("testdata/render/links.md")
	if err != nil {
		t.Fatal(err)
	}
	r := New(Options{})
	want := r.Render(Sections("content/guides/links.md", src, 5), testEnv("/"), &diag.List{}).HTML
	done := make(chan string)
	for range 8 {
		go func() {
			done <- r.Render(Sections("content/guides/links.md", src, 5), testEnv("/"), &diag.List{}).HTML
		}()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Errorf("concurrent Render differs:\n%s\nwant:\n%s", got, want)
		}
	}
}

// TestDeferHref: a rendering with a placeholder for every link to a
// content file, each replaced by what Href makes of the page's URL, is
// byte for byte the rendering without placeholders, for every render
// case and base path, raw HTML on or off.
func TestDeferHref(t *testing.T) {
	inputs, err := filepath.Glob("testdata/render/*.md")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs in testdata/render: %v", err)
	}
	deferred := 0
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		file := "content/guides/" + filepath.Base(in)
		for _, base := range []string{"", "/", "/org/site/"} {
			for _, opt := range []Options{{}, {RawHTML: true}} {
				r := New(opt)
				want := r.Render(Sections(file, src, 5), testEnv(base), &diag.List{}).HTML
				env := testEnv(base)
				var hrefs []string
				env.Defer = func(file, fragment string) string {
					hrefs = append(hrefs, r.Href(base, testPages[file], fragment))
					return fmt.Sprintf("zqxjv%dv", len(hrefs)-1)
				}
				got := r.Render(Sections(file, src, 5), env, &diag.List{}).HTML
				deferred += len(hrefs)
				for i := len(hrefs) - 1; i >= 0; i-- {
					got = strings.ReplaceAll(got, fmt.Sprintf("zqxjv%dv", i), hrefs[i])
				}
				if got != want {
					t.Errorf("%s, base %q, %+v: with placeholders\n%s\nwithout\n%s", in, base, opt, got, want)
				}
			}
		}
	}
	if deferred == 0 {
		t.Error("no link was deferred")
	}
	t.Logf("%d links deferred", deferred)
}
