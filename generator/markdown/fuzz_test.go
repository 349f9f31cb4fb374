package markdown

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/media"
)

// checkPositions fails unless every diagnostic names file and a line and
// column that exist in src (or just past its end).
func checkPositions(t *testing.T, file string, src []byte, l *diag.List) {
	t.Helper()
	lines := bytes.Split(src, []byte("\n"))
	for _, d := range l.Items() {
		p := d.Pos
		if p.File != file {
			t.Errorf("%s: file is %q, want %q", d, p.File, file)
		}
		if p.Line < 1 || p.Col < 1 {
			t.Errorf("%s: line and column must be 1 or more", d)
			continue
		}
		if p.Line > len(lines) {
			t.Errorf("%s: the input has %d lines", d, len(lines))
			continue
		}
		if n := utf8.RuneCount(lines[p.Line-1]); p.Col > n+1 {
			t.Errorf("%s: line %d has %d characters", d, p.Line, n)
		}
	}
}

func FuzzFrontMatter(f *testing.F) {
	for _, c := range frontMatterCases {
		f.Add([]byte(c.in))
	}
	for _, pattern := range []string{"testdata/merge/*/*.md", "testdata/render/*.md"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if src, err := os.ReadFile(name); err == nil {
				f.Add(src)
			}
		}
	}
	for _, s := range []string{
		"---\n---\n",
		"---",
		"---\n",
		"\ufeff---\r\n---\r\n",
		"---\ntitle: &a x\ntags: [*a, *a]\ncontact: &c {email: e}\n---\n",
		"---\ncontact: *c\n---\n",
		"---\n? [complex, key]\n: value\n---\n",
		"---\n<<: {title: x}\n---\n",
		"---\ntitle: !!binary aGVsbG8=\nweight: !!str 3\n---\n",
		"---\ntags:\n  - [a]\n  - {b: c}\n  -\n---\n",
		"---\ntitle: x\n---\n---\nsummary: y\n---\n",
		"---\n%YAML 1.2\n---\n",
		"---\ntitle: |\n  ---\n  x\n---\n",
		"---\ncontact:\n  email:\n    - a\n  phone: {a: b}\n  fax: 1\n---\n",
		"---\nweight: 99999999999999999999\ndraft: Ja\n---\n",
		"---\n\x00\n---\n",
		"---\ntitle: \"\\u00e5\"\n---\n",
		"---\nsummary: &a0 lol\ntagsx: &a1 [*a0, *a0]\ntags: [*a1, *a1]\n---\n",
		"---\ntags: [[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]\n---\n",
		"---\ntitle: x\n---\n> > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > x\n",
		"---\ntitle: x\n---\n| a | b |\n|---|---|\n| x\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var l diag.List
		file := Split(fmFile, src, &l)
		split := l.Len()
		var m testMeta
		set := Decode(file, &m, &l)
		checkPositions(t, fmFile, src, &l)
		for k, p := range set {
			if p.File != fmFile || p.Line < 1 || p.Col < 1 {
				t.Errorf("Set[%q] = %s is not a position in the file", k, p)
			}
		}
		if file.BodyLine < 1 {
			t.Errorf("BodyLine = %d", file.BodyLine)
		}
		// The body is the end of the file.
		if !bytes.HasSuffix(src, file.Body) {
			t.Errorf("the body %q is not the end of the file", file.Body)
		}
		// Decoding is a function of the file: the same keys and problems
		// again.
		var l2 diag.List
		var m2 testMeta
		if set2 := Decode(file, &m2, &l2); len(set2) != len(set) || l2.Len() != l.Len()-split {
			t.Errorf("a second decode gives %d keys and %d problems, the first %d and %d", len(set2), l2.Len(), len(set), l.Len()-split)
		}
		// The whole parse, with the body's limits: positions in the file,
		// and sections only for a body within them.
		var lp diag.List
		d := Parse[testMeta](fmFile, src, &lp)
		checkPositions(t, fmFile, src, &lp)
		if len(d.Sections) > 0 && scanLimits(d.File.Body).what != 0 {
			t.Errorf("a body past a limit has %d sections", len(d.Sections))
		}
	})
}

// fuzzEnv resolves one file, content/guides/a.md.
var fuzzEnv = Env{
	Resolve: func(file string) (string, bool) {
		if file == "content/guides/a.md" {
			return "/guider/a/", true
		}
		return "", false
	},
	Files:    []string{"content/guides/a.md"},
	BasePath: "/org/site/",
	// An image beside the fuzzed file and a PDF in the shared folder.
	Media: func(p string) (*media.File, bool) {
		f, ok := fuzzMedia[p]
		return f, ok
	},
	MediaFiles: []string{"content/guides/fuzz/a.png", "content/media/b.pdf"},
}

var fuzzMedia = map[string]*media.File{
	"content/guides/fuzz/a.png": {Path: "content/guides/fuzz/a.png", Kind: media.PNG, Size: 2000, Width: 30, Height: 20},
	"content/media/b.pdf":       {Path: "content/media/b.pdf", Kind: media.PDF, Size: 6 << 20},
}

// goldmarkTags are the elements the renderer writes for Markdown; with raw
// HTML off nothing else may start with "<".
var goldmarkTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"a": true, "img": true, "em": true, "strong": true, "code": true, "pre": true,
	"ul": true, "ol": true, "li": true, "blockquote": true, "hr": true, "br": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"del": true, "input": true, "caption": true,
}

type attr struct{ tag, name, value string }

// scanTags returns the tag names and attributes of out, which is HTML as
// goldmark writes it: attribute values in double quotes, text escaped.
func scanTags(out string) (tags []string, attrs []attr, bad string) {
	for i := 0; i < len(out); i++ {
		if out[i] != '<' {
			continue
		}
		rest := out[i+1:]
		if strings.HasPrefix(rest, "!--") {
			end := strings.Index(rest, "-->")
			if end < 0 {
				return tags, attrs, "unclosed comment"
			}
			i += end + 3
			continue
		}
		rest = strings.TrimPrefix(rest, "/")
		n := 0
		for n < len(rest) && (rest[n] >= 'a' && rest[n] <= 'z' || rest[n] >= '0' && rest[n] <= '9') {
			n++
		}
		tag := rest[:n]
		tags = append(tags, tag)
		j := i + 1 + (len(out[i+1:]) - len(rest)) + n
		for j < len(out) && out[j] != '>' {
			if out[j] == ' ' {
				j++
				k := j
				for k < len(out) && out[k] != '=' && out[k] != ' ' && out[k] != '>' {
					k++
				}
				name := out[j:k]
				if k < len(out) && out[k] == '=' {
					if k+1 >= len(out) || out[k+1] != '"' {
						return tags, attrs, "unquoted attribute " + name
					}
					end := strings.IndexByte(out[k+2:], '"')
					if end < 0 {
						return tags, attrs, "unclosed attribute " + name
					}
					attrs = append(attrs, attr{tag, name, out[k+2 : k+2+end]})
					k = k + 2 + end + 1
				}
				j = k
				continue
			}
			if out[j] == '/' {
				j++
				continue
			}
			return tags, attrs, "unexpected " + string(out[j]) + " in <" + tag
		}
		i = j
	}
	return tags, attrs, ""
}

// browserScheme is the scheme of a URL attribute as a browser reads it:
// entities decoded, leading spaces and control characters dropped, tabs
// and newlines inside ignored, lower case. It is "" for a relative URL.
func browserScheme(v string) string {
	v = html.UnescapeString(v)
	v = strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	v = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v)
	i := strings.IndexByte(v, ':')
	if i <= 0 {
		return ""
	}
	s := strings.ToLower(v[:i])
	for k, c := range s {
		if !(c >= 'a' && c <= 'z' || k > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return ""
		}
	}
	return s
}

// dangerous says whether the HTML has a URL attribute that runs script or
// loads a document from the link itself.
func dangerous(attrs []attr) string {
	for _, a := range attrs {
		if a.name != "href" && a.name != "src" {
			continue
		}
		switch browserScheme(a.value) {
		case "javascript", "vbscript", "data":
			return "<" + a.tag + " " + a.name + "=\"" + a.value + "\">"
		}
	}
	return ""
}

func FuzzRender(f *testing.F) {
	files, _ := filepath.Glob("testdata/render/*.md")
	for _, name := range files {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src)
		}
	}
	for _, s := range []string{
		"[a](a.md#x) [b](../guides/a.md) [c](/content/guides/a.md) [d](b.md) [e](/om/)\n",
		"[a](javascript:alert(1))\n\n[b]: vbscript:x\n[b][]\n",
		"[a](javascript&#58;alert(1))\n",
		"<java\tscript:x> <JAVASCRIPT:x> <mailto:a@b.se> a@b.se www.example.se\n",
		"![x](data:image/png;base64,AA) ![y](data:text/html,<script>)\n",
		"<script>alert(1)</script>\n\n<a href=\"javascript:x\">a</a>\n",
		"## A {#a}\n## A\n## A {#a-1}\n",
		"Rubrik\n---\n\n    ## kod\n\n```\n## kod\n",
		"| a | b |\n|---|---|\n| [x](a.md) | <b>y</b> |\n",
		"- [ ] [a](a.md)\n- [x] ~~b~~\n",
		"> ## citat\n> [a](saknas.md)\n",
		"[\n](a.md)\n[*](b.md)\n[`x`](c.md)\n",
		"Åäö\r\n[a](b.md)\r\n",
		"![a](a.png) [b](b.pdf) ![c](/media/b.pdf) [d](x.docx) ![e](../media/b.pdf#p) [f](a.png \"t\") ![g](saknas.svg)\n",
		"[![a](a.png)](/media/b.pdf) ![](%2e%2e/%2e%2e/x.png) ![h](/media/../../a.png)\n",
		"## A {#gm-x .no-print .x data-x=1 style=\"a\" onclick=\"b\" hidden=true id=\"q\\\"r\"}\nB {#Å .no-print}\n-\n",
	} {
		f.Add([]byte(s))
	}
	const file = "content/guides/fuzz.md"
	safe := New(Options{HeadingClasses: []string{"no-print"}})
	unsafe := New(Options{RawHTML: true})
	f.Fuzz(func(t *testing.T, src []byte) {
		secs := Sections(file, src, 1)

		var l diag.List
		res := safe.Render(secs, fuzzEnv, &l)
		checkPositions(t, file, src, &l)
		for _, k := range res.Links {
			if k.Pos.File != file || k.Pos.Line < 1 || k.Pos.Col < 1 {
				t.Errorf("link %q at %s", k.Written, k.Pos)
			}
		}
		if strings.Contains(strings.ToLower(res.HTML), "<script") {
			t.Errorf("<script in the output with raw HTML off:\n%s", res.HTML)
		}
		tags, attrs, bad := scanTags(res.HTML)
		if bad != "" {
			t.Errorf("the output is not goldmark's HTML (%s):\n%s", bad, res.HTML)
		}
		for _, tag := range tags {
			if !goldmarkTags[tag] {
				t.Errorf("<%s> in the output with raw HTML off:\n%s", tag, res.HTML)
			}
		}
		if d := dangerous(attrs); d != "" {
			t.Errorf("dangerous link %s in the output:\n%s", d, res.HTML)
		}
		// A heading has an ID that is a slug and not the theme's, and
		// no attribute but class, with the theme's classes only.
		for _, m := range headingTag.FindAllStringSubmatch(res.HTML, -1) {
			for _, a := range headingAttr.FindAllStringSubmatch(m[1], -1) {
				switch {
				case a[1] == "id" && Slug(a[2]) == a[2] && !strings.HasPrefix(a[2], ThemeIDPrefix):
				case a[1] == "class" && a[2] == "no-print":
				default:
					t.Errorf("heading attribute %s=%q in the output:\n%s", a[1], a[2], res.HTML)
				}
			}
		}

		// With raw HTML on, the author may write any HTML; a Markdown
		// link must still not run script. Without a "<" in the input
		// every tag comes from Markdown.
		var l2 diag.List
		res2 := unsafe.Render(secs, fuzzEnv, &l2)
		checkPositions(t, file, src, &l2)
		if !bytes.Contains(src, []byte("<")) {
			_, attrs, bad := scanTags(res2.HTML)
			if bad != "" {
				t.Errorf("the output is not goldmark's HTML (%s):\n%s", bad, res2.HTML)
			}
			if d := dangerous(attrs); d != "" {
				t.Errorf("dangerous link %s in the output with raw HTML on:\n%s", d, res2.HTML)
			}
		}
	})
}

var (
	headingTag  = regexp.MustCompile(`<h[1-6]([^>]*)>`)
	headingAttr = regexp.MustCompile(`([^\s=]+)="([^"]*)"`)
)

func TestBrowserScheme(t *testing.T) {
	tests := []struct{ in, want string }{
		{"javascript:x", "javascript"},
		{"JavaScript:x", "javascript"},
		{" \x01java\tscript:x", "javascript"},
		{"java&#x09;script&#58;x", "javascript"},
		{"%09javascript:x", ""},
		{"/guider/a/", ""},
		{"sida/a:b", ""},
		{"#x", ""},
		{"https://example.se", "https"},
		{"data:text/html,x", "data"},
	}
	for _, tt := range tests {
		if got := browserScheme(tt.in); got != tt.want {
			t.Errorf("browserScheme(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestScanTags(t *testing.T) {
	tags, attrs, bad := scanTags(`<p><a href="x" title="t">a</a> <img src="y" alt="z"><input checked="" disabled="" type="checkbox"><!-- raw HTML omitted --></p>` + "\n")
	if bad != "" {
		t.Fatal(bad)
	}
	if got := strings.Join(tags, ","); got != "p,a,a,img,input,p" {
		t.Errorf("tags = %s", got)
	}
	if len(attrs) != 7 || attrs[0] != (attr{"a", "href", "x"}) || attrs[2] != (attr{"img", "src", "y"}) {
		t.Errorf("attrs = %v", attrs)
	}
	if _, _, bad := scanTags(`<a href=x>`); bad == "" {
		t.Error("an unquoted attribute is not reported")
	}
}
