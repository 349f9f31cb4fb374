package markdown

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// sectionsRef is Sections as it was before the block parser: the whole
// body parsed with inlines.
func sectionsRef(file string, body []byte, bodyLine int) any {
	starts, heads, _ := headings(sectionParser, body)
	return cut(file, body, bodyLine, starts, heads)
}

var sectionSeeds = []string{
	"Intro.\n\n## Avgifter\n\nText.\n\n## Så söker du\n\nMer.\n",
	"## A *b* `c` &amp; d\n\ntext\n",
	"Rubrik\n---\n\ntext\n\nEn annan\nrubrik\n---\n",
	"## [Länk][ref]\n\n[ref]: https://example.org\n",
	"```\n## inte en rubrik\n```\n\n## Rubrik {#egen}\n",
	"> ## i ett citat\n\n- ## i en lista\n\n    ## indragen kod\n\n## Sist",
	"##   Mellanslag   ##  \n##\n## \\## escaped\n",
	"Text\n## Direkt efter stycke\nText\n===\n",
	"<div>\n## i html\n</div>\n\n## <em>html</em> och <http://a.b>\n",
	"## A\r\n\r\nB\r\n## C\r\n",
	"Para\n    ## lazy?\n## B ![bild](x.png) och ![bild][r]\n\n[r]: y.png\n",
}

// FuzzSections: Sections finds the same sections with the same headings
// as a parse of the whole body with inlines.
func FuzzSections(f *testing.F) {
	for _, s := range sectionSeeds {
		f.Add(s)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "content", "guides", "*.md"))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Fuzz(func(t *testing.T, body string) {
		got := Sections("f.md", []byte(body), 3)
		want := sectionsRef("f.md", []byte(body), 3)
		if !reflect.DeepEqual(any(got), want) {
			t.Errorf("Sections(%q):\n%+v\nwant\n%+v", body, got, want)
		}
	})
}
