package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
)

// testMeta has one field of every kind the strict decoder supports.
type testMeta struct {
	Title    string      `yaml:"title"`
	Summary  string      `yaml:"summary"`
	Category string      `yaml:"category"`
	Tags     []string    `yaml:"tags"`
	Draft    bool        `yaml:"draft"`
	Weight   int         `yaml:"weight"`
	Code     string      `yaml:"code"`
	Updated  string      `yaml:"updated"`
	Contact  testContact `yaml:"contact"`
	Ignored  string      `yaml:"-"`
}

type testContact struct {
	Email string `yaml:"email"`
	Phone string `yaml:"phone"`
}

// dumpMeta writes the fields that are set, then where the body starts and
// what it is, one per line.
func dumpMeta(f File, m testMeta) string {
	var b strings.Builder
	str := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s: %q\n", k, v)
		}
	}
	str("title", m.Title)
	str("summary", m.Summary)
	str("category", m.Category)
	if m.Tags != nil {
		fmt.Fprintf(&b, "tags: %q\n", m.Tags)
	}
	if m.Draft {
		b.WriteString("draft: true\n")
	}
	if m.Weight != 0 {
		fmt.Fprintf(&b, "weight: %d\n", m.Weight)
	}
	str("code", m.Code)
	str("updated", m.Updated)
	str("contact.email", m.Contact.Email)
	str("contact.phone", m.Contact.Phone)
	str("ignored", m.Ignored)
	fmt.Fprintf(&b, "body@%d: %q", f.BodyLine, f.Body)
	return b.String()
}

// diagText is every diagnostic as the user reads it, one per line.
func diagText(l *diag.List) string {
	var s []string
	for _, d := range l.Items() {
		s = append(s, d.String())
	}
	return strings.Join(s, "\n")
}

const fmFile = "content/guides/bygglov.md"

// frontMatterCases are the table of TestFrontMatter; they also seed
// FuzzFrontMatter.
var frontMatterCases = []struct {
	name, in, want, wantDiag string
	bug                      string // a known bug: the case is skipped
}{
	{
		name: "valid",
		in: `---
title: Bygglov
summary: "Så söker du bygglov: steg för steg"
category: bygga-bo
tags: [bygglov, "rivningslov"]
draft: false
weight: 10
contact:
  email: bygg@example.se
  phone: "060-19 10 00"
---
# Bygglov
`,
		want: `title: "Bygglov"
summary: "Så söker du bygglov: steg för steg"
category: "bygga-bo"
tags: ["bygglov" "rivningslov"]
weight: 10
contact.email: "bygg@example.se"
contact.phone: "060-19 10 00"
body@12: "# Bygglov\n"`,
	},
	{
		name: "list with one item per line and Swedish booleans",
		in: `---
tags:
  - bygglov
  - "  marklov  "
draft: ja
---
`,
		want: `tags: ["bygglov" "marklov"]
draft: true
body@7: ""`,
	},
	{
		name: "unknown key with suggestion",
		in: `---
title: Bygglov
sumary: Om bygglov
---
`,
		want: `title: "Bygglov"
body@5: ""`,
		wantDiag: `content/guides/bygglov.md:3:1: unknown key "sumary"; did you mean "summary"?`,
	},
	{
		name: "unknown key with transposed letters",
		in: `---
titel: Bygglov
catgory: bygga-bo
---
`,
		want: `body@5: ""`,
		wantDiag: `content/guides/bygglov.md:2:1: unknown key "titel"; did you mean "title"?
content/guides/bygglov.md:3:1: unknown key "catgory"; did you mean "category"?`,
	},
	{
		name: "unknown key without close match lists the keys",
		in: `---
title: Bygglov
colour: red
---
`,
		want: `title: "Bygglov"
body@5: ""`,
		wantDiag: `content/guides/bygglov.md:3:1: unknown key "colour"; the keys are "title", "summary", "category", "tags", "draft", "weight", "code", "updated", "contact"`,
	},
	{
		name: "a key left out with yaml:\"-\" is unknown",
		in: `---
ignored: x
---
`,
		want:     `body@4: ""`,
		wantDiag: `content/guides/bygglov.md:2:1: unknown key "ignored"; the keys are "title", "summary", "category", "tags", "draft", "weight", "code", "updated", "contact"`,
	},
	{
		name: "duplicate key keeps the first",
		in: `---
title: Bygglov
summary: Om bygglov
title: Marklov
---
`,
		want: `title: "Bygglov"
summary: "Om bygglov"
body@6: ""`,
		wantDiag: `content/guides/bygglov.md:4:1: key "title" is given twice; remove one of them (the first is on line 2)`,
	},
	{
		name: "duplicate nested key",
		in: `---
contact:
  email: a@example.se
  email: b@example.se
---
`,
		want: `contact.email: "a@example.se"
body@6: ""`,
		wantDiag: `content/guides/bygglov.md:4:3: key "contact.email" is given twice; remove one of them (the first is on line 3)`,
	},
	{
		name: "list given a map",
		in: `---
tags:
  bygglov: ja
---
`,
		want:     `body@5: ""`,
		wantDiag: `content/guides/bygglov.md:3:3: "tags" must be a list, not keys and values; write a list such as [a, b] or one "- item" per line`,
	},
	{
		name: "list item that is a list",
		in: `---
tags: [a, [b], c]
---
`,
		want: `tags: ["a" "c"]
body@4: ""`,
		wantDiag: `content/guides/bygglov.md:2:11: each item of "tags" must be text, not a list; write each item as plain text`,
	},
	{
		name: "list item that is an alias",
		in: `---
title: &t Bygglov
tags: [*t, marklov]
---
`,
		want: `title: "Bygglov"
tags: ["Bygglov" "marklov"]
body@5: ""`,
	},
	{
		name: "string given a list",
		in: `---
title: [Bygglov, Marklov]
---
`,
		want:     `body@4: ""`,
		wantDiag: `content/guides/bygglov.md:2:8: "title" must be text, not a list; write the value on the same line, e.g. title: "…"`,
	},
	{
		name: "string given keys and values",
		in: `---
summary:
  text: x
---
`,
		want:     `body@5: ""`,
		wantDiag: `content/guides/bygglov.md:3:3: "summary" must be text, not keys and values; write the value on the same line, e.g. summary: "…"`,
	},
	{
		name: "bool maybe",
		in: `---
draft: maybe
---
`,
		want:     `body@4: ""`,
		wantDiag: `content/guides/bygglov.md:2:8: "draft" must be true or false, not "maybe"; write true or false`,
	},
	{
		name: "bool given a list",
		in: `---
draft: [true]
---
`,
		want:     `body@4: ""`,
		wantDiag: `content/guides/bygglov.md:2:8: "draft" must be true or false, not a list; write true or false`,
	},
	{
		name: "int ten",
		in: `---
weight: ten
---
`,
		want:     `body@4: ""`,
		wantDiag: `content/guides/bygglov.md:2:9: "weight" must be a whole number, not "ten"; write a whole number such as 10`,
	},
	{
		name: "int with decimals",
		in: `---
weight: 1.5
---
`,
		want:     `body@4: ""`,
		wantDiag: `content/guides/bygglov.md:2:9: "weight" must be a whole number, not "1.5"; write a whole number such as 10`,
	},
	{
		name: "nested unknown key",
		in: `---
title: Bygglov
contact:
  emial: bygg@example.se
---
`,
		want: `title: "Bygglov"
body@6: ""`,
		wantDiag: `content/guides/bygglov.md:4:3: unknown key "emial" in contact; did you mean "email"?`,
	},
	{
		name: "nested struct given text",
		in: `---
contact: bygg@example.se
---
`,
		want:     `body@4: ""`,
		wantDiag: `content/guides/bygglov.md:2:10: "contact" must be a list of keys and values, not "bygg@example.se"; write the keys of "contact" indented on the lines below it`,
	},
	{
		name: "every problem is reported, the rest decoded",
		in: `---
titel: Bygglov
summary: Om bygglov
draft: kanske
weight: tio
tags: [a, b]
---
`,
		want: `summary: "Om bygglov"
tags: ["a" "b"]
body@8: ""`,
		wantDiag: `content/guides/bygglov.md:2:1: unknown key "titel"; did you mean "title"?
content/guides/bygglov.md:4:8: "draft" must be true or false, not "kanske"; write true or false
content/guides/bygglov.md:5:9: "weight" must be a whole number, not "tio"; write a whole number such as 10`,
	},
	{
		name: "invalid YAML: bad indentation",
		in: `---
title: Bygglov
  summary: Om bygglov
---
Text
`,
		want:     `body@5: "Text\n"`,
		wantDiag: `content/guides/bygglov.md:3:1: front matter is not valid YAML: mapping values are not allowed in this context; check the indentation, quotes that are not closed, and quote values that contain ": " or start with a special character`,
	},
	{
		name: "invalid YAML: list item out of line",
		in: `---
title: Bygglov
tags:
  - a
 - b
---
`,
		want: `body@7: ""`,
		// yaml.v3 reports parser errors with the 0-based line of the
		// problem (decode.go, parser.fail), so Decode says line 4.
		wantDiag: `content/guides/bygglov.md:5:1: front matter is not valid YAML: did not find expected key; check the indentation, quotes that are not closed, and quote values that contain ": " or start with a special character`,
	},
	{
		name:     "invalid YAML: tab",
		in:       "---\ntitle: Bygglov\n\tsummary: x\n---\n",
		want:     `body@5: ""`,
		wantDiag: `content/guides/bygglov.md:3:1: front matter is not valid YAML: found a tab character that violates indentation; check the indentation, quotes that are not closed, and quote values that contain ": " or start with a special character`,
	},
	{
		// A scanner problem that starts like a parser problem was put a
		// line too low, on the "---" below.
		name:     "invalid YAML: bad escape",
		in:       "---\ntitle: Bygglov\nsummary: \"\\xZZ\"\n---\n",
		want:     `body@5: ""`,
		wantDiag: `content/guides/bygglov.md:3:1: front matter is not valid YAML: did not find expected hexdecimal number; check the indentation, quotes that are not closed, and quote values that contain ": " or start with a special character`,
	},
	{
		name:     "invalid YAML: undefined tag handle",
		in:       "---\ntitle: Bygglov\nsummary: !x!y z\n---\n",
		want:     `body@5: ""`,
		wantDiag: `content/guides/bygglov.md:3:1: front matter is not valid YAML: found undefined tag handle; check the indentation, quotes that are not closed, and quote values that contain ": " or start with a special character`,
	},
	{
		// yaml.v3 gives this error no line: it is put at the start.
		name:     "invalid YAML: unknown anchor",
		in:       "---\ntitle: Bygglov\nsummary: *saknas\n---\n",
		want:     `body@5: ""`,
		wantDiag: `content/guides/bygglov.md:2:1: front matter is not valid YAML: unknown anchor 'saknas' referenced; check the indentation, quotes that are not closed, and quote values that contain ": " or start with a special character`,
	},
	{
		name: "invalid YAML: value with colon and space",
		in: `---
title: Bygglov: steg för steg
---
`,
		want:     `body@4: ""`,
		wantDiag: `content/guides/bygglov.md:2:1: front matter is not valid YAML: mapping values are not allowed in this context; check the indentation, quotes that are not closed, and quote values that contain ": " or start with a special character`,
	},
	{
		name: "front matter that is not keys and values",
		in: `---
bara text
---
`,
		want:     `body@4: ""`,
		wantDiag: `content/guides/bygglov.md:2:1: front matter must be a list of keys and values; write one "key: value" per line`,
	},
	{
		name: "line separator in a quoted value",
		in:   "---\ntitle: \"Bygglov\u2028och marklov\"\nsumary: x\n---\n",
		// Decode reads the separator as a space: it is invisible in an
		// editor, and YAML would count it as a line break.
		want:     "title: \"Bygglov och marklov\"\nbody@5: \"\"",
		wantDiag: `content/guides/bygglov.md:3:1: unknown key "sumary"; did you mean "summary"?`,
	},
	{
		name: "missing front matter",
		in: `# Bygglov

Text.
`,
		want:     `body@1: "# Bygglov\n\nText.\n"`,
		wantDiag: `content/guides/bygglov.md:1:1: missing front matter; start the file with a line "---", then the front matter (title: …), then another "---"`,
	},
	{
		name:     "empty file",
		in:       ``,
		want:     `body@1: ""`,
		wantDiag: `content/guides/bygglov.md:1:1: missing front matter; start the file with a line "---", then the front matter (title: …), then another "---"`,
	},
	{
		name: "unclosed front matter",
		in: `---
title: Bygglov

# Bygglov
`,
		want:     `body@1: ""`,
		wantDiag: `content/guides/bygglov.md:1:1: front matter is not closed; end the front matter with a line "---"`,
	},
	{
		name: "BOM",
		in:   "\ufeff---\ntitle: Bygglov\n---\nText\n",
		want: `title: "Bygglov"
body@4: "Text\n"`,
	},
	{
		name: "CRLF line endings",
		in:   "---\r\ntitle: Bygglov\r\ntags:\r\n  - a\r\n  - b\r\n---\r\n# Bygglov\r\n",
		want: `title: "Bygglov"
tags: ["a" "b"]
body@7: "# Bygglov\r\n"`,
	},
	{
		name: "CRLF with an error points at the right line",
		in:   "---\r\ntitle: Bygglov\r\n\r\ndraft: nja\r\n---\r\n",
		want: `title: "Bygglov"
body@6: ""`,
		wantDiag: `content/guides/bygglov.md:4:8: "draft" must be true or false, not "nja"; write true or false`,
	},
	{
		name: "delimiters with trailing spaces",
		in:   "---  \ntitle: Bygglov\n--- \t\nText",
		want: `title: "Bygglov"
body@4: "Text"`,
	},
	{
		name: "closing delimiter at the end of the file",
		in:   "---\ntitle: Bygglov\n---",
		want: `title: "Bygglov"
body@4: ""`,
	},
	{
		name: "empty front matter",
		in: `---
---
Text
`,
		want: `body@3: "Text\n"`,
	},
	{
		name: "front matter with only a comment",
		in: `---
# inget än
---
`,
		want: `body@4: ""`,
	},
	{
		name: "null values are left empty",
		in: `---
title: Bygglov
summary:
tags: ~
draft: null
contact:
---
`,
		want: `title: "Bygglov"
body@8: ""`,
	},
	{
		name: "a scalar for a list is one item",
		in: `---
tags: bygglov
---
`,
		want: `tags: ["bygglov"]
body@4: ""`,
	},
	{
		name: "unquoted date into string stays as written",
		in: `---
updated: 2026-03-01
---
`,
		want: `updated: "2026-03-01"
body@4: ""`,
	},
	{
		name: "number into string stays as written",
		in: `---
code: 2281
---
`,
		want: `code: "2281"
body@4: ""`,
	},
	{
		name: "other scalars into string stay as written",
		in: `---
title: yes
summary: 0x1F
category: 1.50
code: "0042"
---
`,
		want: `title: "yes"
summary: "0x1F"
category: "1.50"
code: "0042"
body@7: ""`,
	},
	{
		name: "a block scalar is trimmed",
		in: `---
summary: |
  Rad ett
  rad två
---
`,
		want: `summary: "Rad ett\nrad två"
body@6: ""`,
	},
	{
		name: "an alias takes the anchored value",
		in: `---
title: &t Bygglov
summary: *t
---
`,
		want: `title: "Bygglov"
summary: "Bygglov"
body@5: ""`,
	},
}

func TestFrontMatter(t *testing.T) {
	for _, tt := range frontMatterCases {
		t.Run(tt.name, func(t *testing.T) {
			skipBug(t, tt.bug)
			var l diag.List
			f := Split(fmFile, []byte(tt.in), &l)
			var m testMeta
			Decode(f, &m, &l)
			if got := dumpMeta(f, m); got != tt.want {
				t.Errorf("decoded:\n%s\nwant:\n%s", got, tt.want)
			}
			if got := diagText(&l); got != tt.wantDiag {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tt.wantDiag)
			}
		})
	}
}

func TestDecodeSetPositions(t *testing.T) {
	src := `---
title: Bygglov
tags:
  - bygglov
  - marklov
summary:
draft: nej
weight: oops
contact:
  email: bygg@example.se
---
Text
`
	var l diag.List
	f := Split(fmFile, []byte(src), &l)
	var m testMeta
	set := Decode(f, &m, &l)
	want := map[string]string{
		"title":         fmFile + ":2:8",
		"tags":          fmFile + ":4:3",
		"tags[0]":       fmFile + ":4:5",
		"tags[1]":       fmFile + ":5:5",
		"summary":       fmFile + ":6:9", // set to empty: not the same as left out
		"draft":         fmFile + ":7:8",
		"contact":       fmFile + ":10:3",
		"contact.email": fmFile + ":10:10",
	}
	for k, w := range want {
		p, ok := set[k]
		if !ok {
			t.Errorf("Set has no %q", k)
			continue
		}
		if p.String() != w {
			t.Errorf("Set[%q] = %s, want %s", k, p, w)
		}
	}
	for k := range set {
		if _, ok := want[k]; !ok {
			t.Errorf("Set has %q = %s, which the front matter does not set", k, set[k])
		}
	}
	// A key that failed to decode is not set; Pos falls back to the file.
	if got := set.Pos(f, "weight").String(); got != fmFile+":1:1" {
		t.Errorf(`Pos("weight") = %s, want the start of the file`, got)
	}
	if got := set.Pos(f, "tags[1]").String(); got != fmFile+":5:5" {
		t.Errorf(`Pos("tags[1]") = %s`, got)
	}
	if got := Item("tags", 1); got != "tags[1]" {
		t.Errorf("Item = %q", got)
	}
}

func TestDecodeSetScalarList(t *testing.T) {
	var l diag.List
	f := Split(fmFile, []byte("---\ntags: bygglov\n---\n"), &l)
	var m testMeta
	set := Decode(f, &m, &l)
	for _, k := range []string{"tags", "tags[0]"} {
		if got := set.Pos(f, k).String(); got != fmFile+":2:7" {
			t.Errorf("Pos(%q) = %s, want %s:2:7", k, got, fmFile)
		}
	}
}

func TestKeys(t *testing.T) {
	got := strings.Join(Keys(&testMeta{}), ",")
	want := "title,summary,category,tags,draft,weight,code,updated,contact"
	if got != want {
		t.Errorf("Keys = %s, want %s", got, want)
	}
	type untagged struct {
		Title  string
		hidden string //nolint:unused // unexported fields are not keys
	}
	if got := strings.Join(Keys(untagged{}), ","); got != "title" {
		t.Errorf("Keys(untagged) = %s, want title", got)
	}
}

func TestParse(t *testing.T) {
	src := "---\ntitle: Bygglov\nsumary: x\n---\nIntro\n\n## Så ansöker du\n\nText\n"
	var l diag.List
	d := Parse[testMeta](fmFile, []byte(src), &l)
	if d.Meta.Title != "Bygglov" {
		t.Errorf("Title = %q", d.Meta.Title)
	}
	if got := d.Pos("title").String(); got != fmFile+":2:8" {
		t.Errorf(`Pos("title") = %s`, got)
	}
	if got := d.Pos("summary").String(); got != fmFile+":1:1" {
		t.Errorf(`Pos("summary") = %s, want the start of the file`, got)
	}
	if got, want := diagText(&l), fmFile+`:3:1: unknown key "sumary"; did you mean "summary"?`; got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	var secs []string
	for _, s := range d.Sections {
		secs = append(secs, fmt.Sprintf("%q@%s:%d %q", s.Heading, s.File, s.Line, s.Source))
	}
	want := `""@content/guides/bygglov.md:5 "Intro\n\n"
"Så ansöker du"@content/guides/bygglov.md:7 "## Så ansöker du\n\nText\n"`
	if got := strings.Join(secs, "\n"); got != want {
		t.Errorf("sections:\n%s\nwant:\n%s", got, want)
	}
}

func TestSetInvalid(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"valid", "---\ntitle: x\n---\n", false},
		{"wrong type is still readable", "---\ndraft: kanske\n---\n", false},
		{"empty front matter", "---\n---\n", false},
		{"missing front matter", "# x\n", true},
		{"unclosed front matter", "---\ntitle: x\n", true},
		{"not YAML", "---\ntitle: [x\n---\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			f := Split(fmFile, []byte(tt.in), &l)
			var m testMeta
			if got := Decode(f, &m, &l).Invalid(); got != tt.want {
				t.Errorf("Invalid() = %v, want %v", got, tt.want)
			}
		})
	}
}
