package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/esamverkan/guidemap/generator/diag"
)

// nestedList is a list nested n deep, one item a line.
func nestedList(n int, marker string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i*len(marker)) + marker + "x\n")
	}
	return b.String()
}

// table is a table of cols columns and rows rows of one cell each (which
// goldmark pads to cols).
func table(cols, rows int) string {
	return "|" + strings.Repeat(" a |", cols) + "\n|" + strings.Repeat("---|", cols) + "\n" + strings.Repeat("| x\n", rows)
}

// TestMarkdownLimits: a body nested deeper than MaxNesting, or with more
// than MaxTableCells table cells, is an error at the line that passes
// the limit and is not parsed (no sections); one at the limit is parsed.
func TestMarkdownLimits(t *testing.T) {
	const deepMsg = "block quotes and lists are nested more than 32 levels deep; write the text with fewer levels of lists and block quotes (\">\")"
	const cellsMsg = "the tables of the file have more than 100000 cells; split the tables, or publish the data as a file (CSV) and link it"
	const marksMsg = "the paragraph has more than 2000 of the characters [ ] * _ < ! ~, which mark links, images and emphasis; split the paragraph with blank lines, or put code in a fenced block (```)"
	tests := []struct {
		name string
		body string
		want string // the diagnostic after "content/guides/bygglov.md:", or ""
	}{
		{"a list 32 deep", nestedList(32, "- "), ""},
		{"a list 33 deep", nestedList(33, "- "), "36:65: " + deepMsg},
		{"an ordered list 22 deep", nestedList(22, "1. "), ""},
		{"an ordered list 23 deep (three columns a level count as one and a half)", nestedList(23, "1. "), "26:66: " + deepMsg},
		{"block quotes 32 deep", strings.Repeat("> ", 32) + "x\n", ""},
		{"block quotes 33 deep", "Text.\n\n" + strings.Repeat("> ", 33) + "x\n", "6:65: " + deepMsg},
		{"block quotes 33 deep without spaces", strings.Repeat(">", 33) + "x\n", "4:33: " + deepMsg},
		{"lists in block quotes", strings.Repeat("> - ", 17) + "x\n", "4:65: " + deepMsg},
		{"block quotes and lists 10 000 deep", strings.Repeat("> - ", 10000) + "x\n", "4:65: " + deepMsg},
		{"deep lines in fenced code are code", "```yaml\n" + nestedList(100, "- ") + "```\n", ""},
		{"after the code they count again", "~~~~\n~~~\n" + nestedList(10, "- ") + "~~~~\n" + strings.Repeat("> ", 40) + "\n", "17:65: " + deepMsg},
		{"a deep indentation without markers is text", strings.Repeat(" ", 400) + "x\n", ""},
		{"a table at the limit", table(100, 998), ""},
		{"a table past the limit", table(100, 999), "1004:1: " + cellsMsg},
		{"a table of 4,096 columns", table(4096, 100), "28:1: " + cellsMsg},
		{"tables past the limit together", strings.Repeat(table(50, 500)+"\n", 4), "2007:1: " + cellsMsg},
		{"a delimiter row after a blank line is no table", "\n|---|---|\n" + strings.Repeat("| x\n", 200000), ""},
		{"a paragraph of 2,000 marks", strings.Repeat("*a_", 999) + "**\n", ""},
		{"a paragraph of 2,002 marks", strings.Repeat("[a](", 1001) + "\n", "4:1: " + marksMsg},
		{"64 kB of emphasis marks", strings.Repeat("*a_", 64<<10/3) + "\n", "4:1: " + marksMsg},
		{"marks over the lines of one paragraph", strings.Repeat("*a_ ordet\n", 1001), "1004:1: " + marksMsg},
		{"the same marks in paragraphs apart", strings.Repeat(strings.Repeat("[a](", 500)+"\n\n", 20), ""},
		{"marks in fenced code are code", "```\n" + strings.Repeat("*_", 2000) + "\n```\n", ""},
		{"a table's marks count a row at a time", "| a | b |\n|---|---|\n" + strings.Repeat("| [x](/a_b) | *y* |\n", 1000), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\ntitle: x\n---\n" + tt.body
			d := parseWithin(t, src, 5*time.Second, tt.want)
			if (tt.want == "") != (len(d.Sections) > 0) {
				t.Errorf("%d sections", len(d.Sections))
			}
		})
	}
}

// TestExampleWithinLimits: the example site's Markdown is far within the
// limits (the deepest nesting it has is well under a quarter of
// MaxNesting).
func TestExampleWithinLimits(t *testing.T) {
	files, _ := filepath.Glob("../../content/*/*.md")
	more, _ := filepath.Glob("../../content/municipalities/*/*/*.md")
	files = append(files, more...)
	if len(files) < 50 {
		t.Fatalf("only %d files", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if p := scanLimits(src); p.what != 0 {
			t.Errorf("%s:%d: past a limit (%d)", f, p.line, p.what)
		}
	}
}

// TestFrontMatterLimits: aliases of aliases ("billion laughs"), too many
// aliases and deep nesting are one clear error each, found at once; an
// alias of text or of a list of text still works.
func TestFrontMatterLimits(t *testing.T) {
	var laughs strings.Builder
	laughs.WriteString("---\nsummary: &a0 lol\n")
	for i := 1; i <= 9; i++ {
		laughs.WriteString("tags" + strings.Repeat("x", i) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				laughs.WriteString(", ")
			}
			laughs.WriteString("*a" + string(rune('0'+i-1)))
		}
		laughs.WriteString("]\n")
	}
	laughs.WriteString("tags: *a9\n---\n")
	tests := []struct {
		name, in, want string
	}{
		{"billion laughs", laughs.String(), "4:14: alias *a1 names a value that holds other aliases; write the values themselves: an alias may name text or a list of text, not a value that holds other aliases"},
		{"an alias of a list of text", "---\nsummary: &s x\ncategory: *s\ntags: &t [a, b]\n---\n", ""},
		{"more than 100 aliases", "---\ntitle: &t x\ntags: [" + strings.Repeat("*t, ", 101) + "]\n---\n", "3:408: front matter has more than 100 aliases; write the values themselves instead of *aliases"},
		{"nested 21 deep", "---\ntags: " + strings.Repeat("[", 21) + strings.Repeat("]", 21) + "\n---\n", "2:26: front matter is nested more than 20 levels deep; write each key's value plainly: text, a list of text, or (under contact) keys and values"},
		{"nested 20 deep", "---\ntags: " + strings.Repeat("[", 19) + strings.Repeat("]", 19) + "\n---\n", `2:8: each item of "tags" must be text, not a list; write each item as plain text`},
		{"nested 100,000 deep", "---\ntags: " + strings.Repeat("[", 100000) + "\n---\n", `2:1: front matter is not valid YAML: exceeded max depth of 10000; check the indentation, quotes that are not closed, and quote values that contain ": " or start with a special character`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseWithin(t, tt.in, time.Second, tt.want)
			if tt.want != "" && tt.name != "nested 20 deep" && !d.Set.Invalid() {
				t.Error("the front matter is not marked invalid")
			}
		})
	}
}

// parseWithin parses src as a content file, fails unless it took less
// than most and its diagnostics (after "file:") are want, one a line,
// each at a position in src, and returns the parse.
func parseWithin(t *testing.T, src string, most time.Duration, want string) *Doc[testMeta] {
	t.Helper()
	t0 := time.Now()
	var l diag.List
	d := Parse[testMeta](fmFile, []byte(src), &l)
	if el := time.Since(t0); el > most {
		t.Errorf("took %v", el)
	}
	var got []string
	for _, x := range l.Items() {
		got = append(got, strings.TrimPrefix(x.String(), fmFile+":"))
	}
	if strings.Join(got, "\n") != want {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	checkPositions(t, fmFile, []byte(src), &l)
	return d
}
