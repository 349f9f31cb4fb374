package markdown

import (
	"bytes"

	"github.com/esamverkan/guidemap/generator/diag"
)

// The limits of a Markdown body, checked before goldmark parses it.
// goldmark's block parser takes time that grows with the square of the
// nesting (a list nested 1,000 deep in a 1 MB file takes 18 s to parse,
// block quotes 50,000 deep in 100 kB 16 s), and a table's rows are padded
// to the columns of its header, so that a 28 kB table of 4,096 columns
// renders 167 MB of HTML. Its inline parser takes time that grows with
// the square of the link, image and emphasis marks in a paragraph (64 kB
// of "*a_" in one paragraph takes 4.5 s, a 4 MB paragraph hours), so a
// paragraph may hold MaxInlineMarks of them (4 MB of such paragraphs
// then parse in about 5 s). Real guides nest lists three or four deep,
// have tables of a few hundred cells and paragraphs of a few dozen marks.
const (
	// MaxNesting is how deep block quotes and lists may nest.
	MaxNesting = 32
	// MaxTableCells is how many cells the tables of one file may have
	// in all, counting the cells that goldmark adds to short rows.
	MaxTableCells = 100_000
	// MaxInlineMarks is how many of the characters [ ] * _ < ! ~ one
	// paragraph (lines without a blank one between them, outside fenced
	// code and tables) may hold.
	MaxInlineMarks = 2000
)

// CheckLimits reports in l where body (which starts on line bodyLine of
// file) passes MaxNesting or MaxTableCells, and tells whether it does
// not. A body past a limit is not parsed at all (Sections gives none).
func CheckLimits(file string, body []byte, bodyLine int, l *diag.List) bool {
	p := scanLimits(body)
	switch p.what {
	case tooDeep:
		l.Errorf(diag.At(file, bodyLine+p.line-1, p.col), "write the text with fewer levels of lists and block quotes (\">\")",
			"block quotes and lists are nested more than %d levels deep", MaxNesting)
		return false
	case tooManyCells:
		l.Errorf(diag.At(file, bodyLine+p.line-1, p.col), "split the tables, or publish the data as a file (CSV) and link it",
			"the tables of the file have more than %d cells", MaxTableCells)
		return false
	case tooManyMarks:
		l.Errorf(diag.At(file, bodyLine+p.line-1, p.col), "split the paragraph with blank lines, or put code in a fenced block (```)",
			"the paragraph has more than %d of the characters [ ] * _ < ! ~, which mark links, images and emphasis", MaxInlineMarks)
		return false
	}
	return true
}

type limitProblem struct {
	what      int // 0, tooDeep, tooManyCells or tooManyMarks
	line, col int // 1-based, in body
}

const (
	tooDeep = iota + 1
	tooManyCells
	tooManyMarks
)

// scanLimits finds the first place where body passes a limit, line by
// line, in time linear in its length. The nesting of a line is estimated
// from its start: every ">" and list marker, and every two columns of
// white space among them (a nested list item is indented at least two
// columns more than its parent), which is never less than the nesting
// goldmark finds (an ordered list, indented three columns a level, is
// counted one and a half levels a level). Lines in fenced code are not
// counted.
func scanLimits(body []byte) limitProblem {
	var fence byte // '`' or '~' while in fenced code
	var fenceN int // the length of the open fence
	cells := 0     // the tables' cells so far
	tableCols := 0 // the columns of the table being read, 0 when none
	prevBlank := true
	marks := 0 // the inline marks of the paragraph so far
	lineNo := 0
	for off := 0; off < len(body); {
		lineNo++
		end := bytes.IndexByte(body[off:], '\n')
		if end < 0 {
			end = len(body) - off
		}
		line := body[off : off+end]
		off += end + 1

		// The container markers at the start of the line.
		i, ws, markers, col := 0, 0, 0, 0
		for i < len(line) {
			if markers+ws/2 <= MaxNesting {
				col = i + 1 // where the marker that passes the limit starts
			}
			switch c := line[i]; {
			case c == ' ':
				ws++
				i++
				continue
			case c == '\t':
				ws += 4
				i++
				continue
			case c == '>':
				markers++
				i++
				if i < len(line) && line[i] == ' ' {
					i++ // the space of the marker
				}
				continue
			}
			if n := listMarker(line[i:]); n > 0 {
				markers++
				i += n
				continue
			}
			break
		}
		if markers+ws/2 <= MaxNesting {
			col = i + 1
		}
		rest := line[i:]
		blank := len(bytes.TrimSpace(rest)) == 0

		if fence != 0 {
			if n := fenceLen(rest, fence); n >= fenceN && len(bytes.TrimSpace(rest[n:])) == 0 {
				fence = 0
			}
			prevBlank = blank
			continue
		}
		if markers > 0 && markers+ws/2 > MaxNesting {
			return limitProblem{tooDeep, lineNo, col}
		}
		if c := byte('`'); fenceLen(rest, c) >= 3 {
			fence, fenceN = c, fenceLen(rest, c)
		} else if c := byte('~'); fenceLen(rest, c) >= 3 {
			fence, fenceN = c, fenceLen(rest, c)
		}

		// Tables: a delimiter row ("|---|:-:|") gives the columns; every
		// line until a blank one is a row of as many cells.
		switch {
		case blank:
			tableCols = 0
		case tableCols > 0:
			cells += tableCols
		default:
			if n := delimiterRow(rest); n > 0 && !prevBlank {
				tableCols = n
				cells += 2 * n // the header and the delimiter row
			}
		}
		if cells > MaxTableCells {
			return limitProblem{tooManyCells, lineNo, 1}
		}
		// Inline marks: goldmark parses a table's cells one by one.
		switch {
		case blank:
			marks = 0
		case tableCols > 0:
			marks = inlineMarks(rest)
		default:
			marks += inlineMarks(rest)
		}
		if marks > MaxInlineMarks {
			return limitProblem{tooManyMarks, lineNo, 1}
		}
		prevBlank = blank
	}
	return limitProblem{}
}

// listMarker is the length of the list marker ("- ", "* ", "+ ", "1. ",
// "12) ") at the start of s, with the space after it, or 0.
func listMarker(s []byte) int {
	if len(s) == 0 {
		return 0
	}
	n := 0
	switch c := s[0]; {
	case c == '-' || c == '*' || c == '+':
		n = 1
	case c >= '0' && c <= '9':
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n >= len(s) || s[n] != '.' && s[n] != ')' {
			return 0
		}
		n++
	default:
		return 0
	}
	if n == len(s) {
		return n
	}
	if s[n] == ' ' || s[n] == '\t' {
		return n + 1
	}
	return 0
}

// fenceLen is how many c the line s starts with.
func fenceLen(s []byte, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

// delimiterRow is the number of columns of s when it is a table's
// delimiter row (cells of "-" with optional ":" at either end, between
// "|"), or 0.
func delimiterRow(s []byte) int {
	s = bytes.TrimSpace(s)
	if bytes.IndexByte(s, '|') < 0 || bytes.IndexByte(s, '-') < 0 {
		return 0
	}
	s = bytes.TrimPrefix(s, []byte("|"))
	s = bytes.TrimSuffix(s, []byte("|"))
	cols := 0
	for _, cell := range bytes.Split(s, []byte("|")) {
		cell = bytes.TrimSpace(cell)
		cell = bytes.TrimPrefix(cell, []byte(":"))
		cell = bytes.TrimSuffix(cell, []byte(":"))
		if len(cell) == 0 || len(bytes.Trim(cell, "-")) != 0 {
			return 0
		}
		cols++
	}
	return cols
}

// inlineMarks counts the characters of s that open or close links,
// images and emphasis.
func inlineMarks(s []byte) int {
	n := 0
	for _, c := range s {
		switch c {
		case '[', ']', '*', '_', '<', '!', '~':
			n++
		}
	}
	return n
}
