package markdown

// Figures in a page's text: {{< count NAME >}} stands for one of the
// site's figures (Counts), which the render stage writes in when it
// renders a free page (content/pages), so that a page never says "about a
// hundred" beside a list of 27. The markdown stage leaves the text as it
// is (goldmark escapes its "<" and ">") and reports a name it does not
// know, at its line and column.

import (
	"regexp"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/yuin/goldmark/ast"
)

// Counts are the figures a page may name: the municipalities, the shared
// guides, the e-services of the library, those built together and those
// built by one municipality, and the service points on the maps.
var Counts = []string{"municipalities", "guides", "eservices", "eservices.common", "eservices.municipal", "places"}

// CountRE matches a figure in Markdown source, its name the first group.
var CountRE = regexp.MustCompile(`\{\{<\s*count\s+([^\s>]*)\s*>\}\}`)

// lintCounts reports a figure whose name is not one of Counts.
func (st *state) lintCounts(block ast.Node, src []byte) {
	lines := block.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		text := seg.Value(src)
		for _, m := range CountRE.FindAllSubmatchIndex(text, -1) {
			name := string(text[m[2]:m[3]])
			if known(name) {
				continue
			}
			line, col := diag.LineCol(src, seg.Start+m[2])
			st.l.Errorf(diag.At(st.sec.File, st.sec.Line+line-1, col),
				diag.DidYouMeanOr(name, Counts, "name one of municipalities, guides, eservices, eservices.common, eservices.municipal or places"),
				"{{< count %s >}}: the site has no figure %q", name, name)
		}
	}
}

func known(name string) bool {
	for _, c := range Counts {
		if c == name {
			return true
		}
	}
	return false
}
