package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Tables get what assistive technology needs and Markdown cannot say:
// header cells with scope="col", alignment as a class (align-left,
// align-center, align-right; the theme styles them, since the CSP forbids
// style attributes), and a caption. The caption is the paragraph just above
// the table when it starts with "Tabell:" or "Table:" (it is then shown and
// not repeated), or else the heading of the section, for screen readers
// only (class visually-hidden).

// captionPrefixes start a paragraph that captions the table below it.
var captionPrefixes = []string{"Tabell:", "Table:"}

var (
	captionKey = []byte("data-gm-caption")
	hiddenKey  = []byte("data-gm-caption-hidden")
)

// table prepares a table for tableRenderer and lints it.
func (st *state) table(t *east.Table, src []byte) {
	for c := t.FirstChild(); c != nil; c = c.NextSibling() {
		header, isHeader := c.(*east.TableHeader)
		if isHeader {
			st.lintTable(header, src)
		}
		for cell := c.FirstChild(); cell != nil; cell = cell.NextSibling() {
			tc, ok := cell.(*east.TableCell)
			if !ok {
				continue
			}
			if isHeader {
				tc.SetAttributeString("scope", []byte("col"))
			}
			if tc.Alignment != east.AlignNone {
				tc.SetAttributeString("class", []byte("align-"+tc.Alignment.String()))
			}
		}
		if row, ok := c.(*east.TableRow); ok {
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				if tc, ok := cell.(*east.TableCell); ok && tc.Alignment != east.AlignNone {
					tc.SetAttributeString("class", []byte("align-"+tc.Alignment.String()))
				}
			}
		}
	}
	if p, ok := t.PreviousSibling().(*ast.Paragraph); ok {
		text := normalizeSpace(plainText(p, src))
		for _, prefix := range captionPrefixes {
			if rest, ok := strings.CutPrefix(text, prefix); ok && strings.TrimSpace(rest) != "" {
				t.SetAttribute(captionKey, []byte(strings.TrimSpace(rest)))
				p.Parent().RemoveChild(p.Parent(), p)
				return
			}
		}
	}
	if h := st.lastHeading; h != "" {
		t.SetAttribute(captionKey, []byte(h))
		t.SetAttribute(hiddenKey, []byte("1"))
	}
}

// tableRenderer writes <table> with its caption; goldmark's table
// extension renders the rest.
type tableRenderer struct{}

func (tableRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTable, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			_, _ = w.WriteString("</table>\n")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString("<table>\n")
		if v, ok := n.Attribute(captionKey); ok {
			if _, hidden := n.Attribute(hiddenKey); hidden {
				_, _ = w.WriteString(`<caption class="visually-hidden">`)
			} else {
				_, _ = w.WriteString("<caption>")
			}
			_, _ = w.Write(util.EscapeHTML(v.([]byte)))
			_, _ = w.WriteString("</caption>\n")
		}
		return ast.WalkContinue, nil
	})
}
