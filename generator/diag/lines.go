package diag

// Turning byte offsets into lines and columns lives here, once: JSON
// decoders and goldmark give offsets, diagnostics name lines and columns.

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// bom is the UTF-8 byte-order mark, which some editors write at the start
// of a file. It is not a column.
const bom = "\xef\xbb\xbf"

// LineCol returns the 1-based line and column of byte offset off in src.
// Columns count characters (runes), not bytes, and a byte-order mark at
// the start of src is not one; off is clamped to src. It scans src up to
// off: for many lookups in one source, use NewLines.
func LineCol(src []byte, off int) (line, col int) {
	first := 0
	if bytes.HasPrefix(src, []byte(bom)) {
		first = len(bom)
	}
	off = min(max(off, first), len(src))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	start = max(start, first)
	return bytes.Count(src[:off], []byte{'\n'}) + 1, utf8.RuneCount(src[start:off]) + 1
}

// Lines finds the lines and columns of many offsets in one source: it
// indexes where the lines start once, and each lookup is then a binary
// search. Its answers are those of LineCol. A Lines is not changed by
// lookups, so it is safe for concurrent use; src must not change.
type Lines struct {
	src    []byte
	starts []int // the offsets where lines start; starts[0] is after a byte-order mark
}

// NewLines indexes the lines of src.
func NewLines(src []byte) *Lines {
	first := 0
	if bytes.HasPrefix(src, []byte(bom)) {
		first = len(bom)
	}
	ls := &Lines{src: src, starts: make([]int, 1, bytes.Count(src, []byte{'\n'})+1)}
	ls.starts[0] = first
	for i, c := range src {
		if c == '\n' {
			ls.starts = append(ls.starts, i+1)
		}
	}
	return ls
}

// LineCol returns the 1-based line and column of byte offset off, as the
// function LineCol does.
func (ls *Lines) LineCol(off int) (line, col int) {
	off = min(max(off, ls.starts[0]), len(ls.src))
	i := sort.Search(len(ls.starts), func(i int) bool { return ls.starts[i] > off }) - 1
	return i + 1, utf8.RuneCount(ls.src[ls.starts[i]:off]) + 1
}
