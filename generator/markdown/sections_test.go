package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/generator/model"
)

// dumpSections writes one block per section: its heading, where it starts
// and its source, each line behind "| ".
func dumpSections(b *strings.Builder, secs []model.Section) {
	for i, s := range secs {
		fmt.Fprintf(b, "[%d] %q %s:%d\n", i, s.Heading, s.File, s.Line)
		src := string(s.Source)
		if src == "" {
			b.WriteString("  (empty)\n")
			continue
		}
		for _, ln := range strings.SplitAfter(src, "\n") {
			if ln == "" {
				continue
			}
			b.WriteString("  | " + strings.TrimSuffix(ln, "\n"))
			if !strings.HasSuffix(ln, "\n") {
				b.WriteString("⏎ (no newline at the end)")
			}
			b.WriteString("\n")
		}
	}
}

// loadSections splits a file of testdata and cuts its body into sections.
func loadSections(t *testing.T, path string) []model.Section {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var l diag.List
	f := Split(path, src, &l)
	if l.Len() > 0 {
		t.Fatalf("%s: %s", path, diagText(&l))
	}
	secs := Sections(path, f.Body, f.BodyLine)
	checkSections(t, f, secs)
	return secs
}

// checkSections checks what holds for every cut: the sections put together
// are the body, the first is the preamble, and each Line is where its
// Source starts in the file.
func checkSections(t *testing.T, f File, secs []model.Section) {
	t.Helper()
	if len(secs) == 0 || secs[0].Heading != "" {
		t.Fatalf("%s: the first section is not the preamble", f.Path)
	}
	var all []byte
	for _, s := range secs {
		all = append(all, s.Source...)
	}
	if string(all) != string(f.Body) {
		t.Errorf("%s: the sections put together are not the body", f.Path)
	}
	line := f.BodyLine
	for i, s := range secs {
		if s.Line != line {
			t.Errorf("%s: section %d starts on line %d, not %d", f.Path, i, s.Line, line)
		}
		if i > 0 && s.Heading == "" {
			t.Errorf("%s: section %d has no heading", f.Path, i)
		}
		line += strings.Count(string(s.Source), "\n")
	}
}

func TestMergeGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/merge/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases in testdata/merge: %v", err)
	}
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			shared := loadSections(t, filepath.ToSlash(filepath.Join(dir, "shared.md")))
			adapted := loadSections(t, filepath.ToSlash(filepath.Join(dir, "adapted.md")))
			var b strings.Builder
			b.WriteString("== shared\n")
			dumpSections(&b, shared)
			b.WriteString("== adapted\n")
			dumpSections(&b, adapted)
			b.WriteString("== merged\n")
			dumpSections(&b, Merge(shared, adapted))
			golden.Compare(t, "testdata/merge/"+name+".golden", []byte(b.String()))
		})
	}
}

func TestMergeDoesNotChangeShared(t *testing.T) {
	shared := Sections("s.md", []byte("Intro\n\n## A\n\nText\n"), 1)
	before := fmt.Sprint(shared)
	Merge(shared, Sections("a.md", []byte("Egen\n\n## A\n\nEgen text\n\n## B\n"), 1))
	if after := fmt.Sprint(shared); after != before {
		t.Errorf("Merge changed the shared sections:\n%s\nwas:\n%s", after, before)
	}
}

func TestSections(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // heading@line per section
		bug      string
	}{
		{"empty body", "", `""@1`, ""},
		{"only a preamble", "Text\n", `""@1`, ""},
		{"starts with a heading", "## A\nText\n", `""@1 "A"@1`, ""},
		{"level 1 and 3 do not cut", "# T\n\n### C\n\n## A\n\n### D\n", `""@1 "A"@5`, ""},
		{"heading text without markup", "## Läs [mer](a.md) om *bygglov* och `kod`\n", `""@1 "Läs mer om bygglov och kod"@1`, ""},
		{"closing hashes", "## Avgifter ##\n", `""@1 "Avgifter"@1`, ""},
		{"empty heading is not a section", "## \n\n##\n", `""@1`, ""},
		{"indented heading", "   ## Tre mellanslag\n", `""@1 "Tre mellanslag"@1`, ""},
		{"four spaces is code", "    ## Kod\n", `""@1`, ""},
		{"in a list or quote", "- ## I en lista\n\n> ## I ett citat\n", `""@1`, ""},
		{"unclosed fence runs to the end", "```\n## A\n\n## B\n", `""@1`, ""},
		{"CRLF", "Intro\r\n\r\n## A\r\nText\r\n## B\r\n", `""@1 "A"@3 "B"@5`, ""},
		{"setext level 2", "Intro\n\nAvgifter\n---\n", `""@1 "Avgifter"@3`, ""},
		{"thematic break is not a heading", "Intro\n\n---\n\nText\n", `""@1`, ""},
		{
			"heading with an attribute is matched by its text",
			"## Avgifter {#fees}\n", `""@1 "Avgifter"@1`, "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			skipBug(t, tt.bug)
			f := File{Path: "x.md", Body: []byte(tt.in), BodyLine: 1}
			secs := Sections(f.Path, f.Body, f.BodyLine)
			checkSections(t, f, secs)
			var got []string
			for _, s := range secs {
				got = append(got, fmt.Sprintf("%q@%d", s.Heading, s.Line))
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}

func TestMergeHeadings(t *testing.T) {
	tests := []struct {
		name, shared, adapted string
		want                  string // the file each merged section comes from
		bug                   string
	}{
		{"same heading", "## Avgifter\n", "## Avgifter\n", `"" s.md, "Avgifter" a.md`, ""},
		{"case and spaces", "## Så ansöker du\n", "##  SÅ ANSÖKER  DU\n", `"" s.md, "SÅ ANSÖKER DU" a.md`, ""},
		{"markup is ignored", "## Läs *mer*\n", "## Läs mer\n", `"" s.md, "Läs mer" a.md`, ""},
		{"other heading is appended", "## A\n", "## B\n", `"" s.md, "A" s.md, "B" a.md`, ""},
		{"level 3 is not matched", "## A\n\n### B\n", "## B\n", `"" s.md, "A" s.md, "B" a.md`, ""},
		{
			"Swedish letters written decomposed (NFD)",
			"## Så ansöker du\n", "## Sa\u030a anso\u0308ker du\n", `"" s.md, "Så ansöker du" a.md`, "",
		},
		{
			"heading with an ID attribute",
			"## Avgifter {#fees}\n", "## Avgifter\n", `"" s.md, "Avgifter" a.md`, "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			skipBug(t, tt.bug)
			m := Merge(Sections("s.md", []byte(tt.shared), 1), Sections("a.md", []byte(tt.adapted), 1))
			var got []string
			for _, s := range m {
				got = append(got, fmt.Sprintf("%q %s", s.Heading, s.File))
			}
			if g := strings.Join(got, ", "); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}
