package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/esamverkan/guidemap/generator/diag"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/unicode/norm"
)

// sectionParser parses Markdown as the renderer does, for the text of
// headings; blockParser knows only block structure, which is enough to
// find the "##" headings (and not a "## " inside a code block) and much
// quicker, since the inline text of the whole body is not parsed.
var (
	sectionParser = parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		parser.WithAttribute(),
	)
	blockParser = parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		parser.WithAttribute(),
	)
)

// Sections cuts body, which starts at line bodyLine of file, into the text
// before the first level-2 heading and one section per level-2 heading.
// Adaptations replace sections by the heading's text.
//
// A body past a limit (CheckLimits, which Parse calls) has no sections:
// it is never given to goldmark.
func Sections(file string, body []byte, bodyLine int) []model.Section {
	if scanLimits(body).what != 0 {
		return nil
	}
	var starts []int
	var heads []string
	if c := headingCache.Load(); c != nil {
		starts, heads = c.headings(body)
	} else {
		starts, heads = findHeadings(body)
	}
	return cut(file, body, bodyLine, starts, heads)
}

// findHeadings finds where the level-2 headings of body start, and their
// text.
func findHeadings(body []byte) (starts []int, heads []string) {
	starts, heads, ok := headings(blockParser, body)
	if !ok {
		starts, heads, _ = headings(sectionParser, body)
	}
	return starts, heads
}

// headings finds the level-2 headings of body as p parses it: where each
// one's first line starts, and its text. The block parser (p is
// blockParser) finds where they are, and the text of each is found by
// parsing the heading alone with inlines; ok is false when that cannot be
// relied on (a heading with a "[", which a link reference defined
// elsewhere in the body may make a link): parse the whole body then.
func headings(p parser.Parser, body []byte) (starts []int, heads []string, ok bool) {
	doc := p.Parse(text.NewReader(body))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, isHeading := n.(*ast.Heading)
		if !isHeading || h.Level != 2 || h.Lines().Len() == 0 {
			continue
		}
		start := h.Lines().At(0).Start
		for start > 0 && body[start-1] != '\n' {
			start--
		}
		starts = append(starts, start)
		if p == sectionParser {
			heads = append(heads, normalizeSpace(plainText(h, body)))
			continue
		}
		// The heading's lines and the line after them (a setext
		// heading's underline), parsed alone.
		// (A heading of attributes only, "{}", has lines that end where
		// they start, at 0 when it is the body's first line.)
		end := h.Lines().At(h.Lines().Len() - 1).Stop
		for end > 0 && end < len(body) && body[end-1] != '\n' {
			end++
		}
		if e := bytes.IndexByte(body[end:], '\n'); e >= 0 {
			end += e + 1
		} else {
			end = len(body)
		}
		src := body[start:end]
		if bytes.IndexByte(src, '[') >= 0 {
			return nil, nil, false
		}
		alone := sectionParser.Parse(text.NewReader(src))
		first, _ := alone.FirstChild().(*ast.Heading)
		if first == nil || first.Level != 2 {
			return nil, nil, false
		}
		heads = append(heads, normalizeSpace(plainText(first, src)))
	}
	return starts, heads, true
}

// cut makes the sections of body that start at starts, with the headings
// heads.
func cut(file string, body []byte, bodyLine int, starts []int, heads []string) []model.Section {
	var out []model.Section
	add := func(heading string, from, to int) {
		out = append(out, model.Section{
			Heading: heading,
			Source:  body[from:to],
			File:    file,
			Line:    bodyLine + bytes.Count(body[:from], []byte("\n")),
		})
	}
	first := len(body)
	if len(starts) > 0 {
		first = starts[0]
	}
	add("", 0, first)
	for i, s := range starts {
		end := len(body)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		add(heads[i], s, end)
	}
	return out
}

// Merge applies an adaptation's sections to the shared ones: a section
// whose heading matches a shared heading (ignoring case and spacing)
// replaces it in place, the others are added at the end, and a non-empty
// preamble replaces the shared preamble. An adaptation without text keeps
// the shared body as it is.
func Merge(shared, adapted []model.Section) []model.Section {
	out := append([]model.Section(nil), shared...)
	index := map[string]int{}
	for i, s := range out {
		if s.Heading != "" {
			index[headingKey(s.Heading)] = i
		}
	}
	for _, s := range adapted {
		if s.Heading == "" {
			if !blank(s.Source) {
				if len(out) > 0 && out[0].Heading == "" {
					out[0] = s
				} else {
					out = append([]model.Section{s}, out...)
				}
			}
			continue
		}
		if i, ok := index[headingKey(s.Heading)]; ok {
			out[i] = s
			continue
		}
		out = append(out, s)
	}
	return out
}

// blank reports whether src holds nothing that is published: white space
// and HTML comments (the guidance a new adaptation holds) only.
func blank(src []byte) bool {
	for {
		src = bytes.TrimSpace(src)
		if !bytes.HasPrefix(src, []byte("<!--")) {
			return len(src) == 0
		}
		end := bytes.Index(src[4:], []byte("-->"))
		if end < 0 {
			return false
		}
		src = src[4+end+3:]
	}
}

// headingKey is what two headings must share to be the same section: the
// text in lower case, white space folded, letters composed.
func headingKey(h string) string { return strings.ToLower(normalizeSpace(h)) }

// normalizeSpace folds white space and composes letters (NFC), so that a
// heading typed with a decomposed "å" matches one typed with a composed one.
func normalizeSpace(s string) string { return norm.NFC.String(strings.Join(strings.Fields(s), " ")) }

// plainText is the text of n and its descendants without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(t.Segment.Value(src)))))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for cc := t.FirstChild(); cc != nil; cc = cc.NextSibling() {
				if tt, ok := cc.(*ast.Text); ok {
					b.Write(tt.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(t.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// MergePlan is what an adaptation's sections do to the shared ones, as
// Merge applies them: `guidemap check --adaptations` lists it, and
// CheckAdaptation warns of a section that nearly matches.
type MergePlan struct {
	Intro    bool            // a non-empty preamble replaces the shared one
	Replaces []model.Section // sections that replace a shared section of the same heading
	Adds     []model.Section // sections added at the end
	Near     []string        // for each of Adds, the shared heading it nearly matches, or ""
}

// Plan says what Merge(shared, adapted) does with each adapted section.
func Plan(shared, adapted []model.Section) MergePlan {
	var p MergePlan
	index := map[string]bool{}
	var heads []string
	for _, s := range shared {
		if s.Heading != "" {
			index[headingKey(s.Heading)] = true
			heads = append(heads, normalizeSpace(s.Heading))
		}
	}
	for _, s := range adapted {
		switch {
		case s.Heading == "":
			p.Intro = !blank(s.Source)
		case index[headingKey(s.Heading)]:
			p.Replaces = append(p.Replaces, s)
		default:
			p.Adds = append(p.Adds, s)
			p.Near = append(p.Near, nearHeading(s.Heading, heads))
		}
	}
	return p
}

// nearHeading is the shared heading h was probably meant to be: one a few
// letters away ("Avgift" for "Avgifter"), or the same words but for
// punctuation ("Så ansöker du?"); "" when none is.
func nearHeading(h string, heads []string) string {
	fold := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ")
	}
	for _, s := range heads {
		if fold(s) == fold(h) {
			return s
		}
	}
	return diag.Suggest(normalizeSpace(h), heads)
}

// CheckAdaptation warns of each section of adapted (a municipality's
// file) that matches no heading of the shared sections (from the file
// sharedFile) but nearly matches one: it would be added as a second
// section beside the one it was meant to replace.
func CheckAdaptation(shared, adapted []model.Section, sharedFile string, l *diag.List) {
	p := Plan(shared, adapted)
	for i, s := range p.Adds {
		if p.Near[i] == "" {
			continue
		}
		l.Warnf(diag.At(s.File, s.Line, headingCol(s.Source)),
			diag.Textf("did you mean %q? Write the heading as in the shared guide to replace its section, or choose a heading of its own to add one", "## "+p.Near[i]),
			"section %q matches no heading of %s and is added after its sections", normalizeSpace(s.Heading), sharedFile)
	}
}

// headingCol is the 1-based column where the text of the heading that
// starts src begins: after the "#" marks and the space of an ATX heading.
func headingCol(src []byte) int {
	line, _, _ := bytes.Cut(src, []byte("\n"))
	i := 0
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if i < len(line) && line[i] == '#' {
		for i < len(line) && line[i] == '#' {
			i++
		}
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		return utf8.RuneCount(line[:i]) + 1
	}
	return 1
}
