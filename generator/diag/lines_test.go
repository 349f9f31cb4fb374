package diag_test

import (
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
)

func TestLineCol(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		off       int
		line, col int
	}{
		{"start", "abc", 0, 1, 1},
		{"first line", "abc\ndef", 2, 1, 3},
		{"the newline itself", "abc\ndef", 3, 1, 4},
		{"second line", "abc\ndef", 4, 2, 1},
		{"end of text", "abc\ndef", 7, 2, 4},
		{"after a final newline", "abc\n", 4, 2, 1},
		{"columns count characters", "åäö x", 7, 1, 5},
		{"carriage return is a column", "a\r\nb", 1, 1, 2},
		{"empty lines", "\n\n\nx", 3, 4, 1},
		{"byte-order mark is no column", "\xef\xbb\xbfab", 4, 1, 2},
		{"offset inside the mark", "\xef\xbb\xbfab", 1, 1, 1},
		{"negative offset", "abc", -5, 1, 1},
		{"offset past the end", "ab\nc", 99, 2, 2},
		{"empty source", "", 0, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col := diag.LineCol([]byte(tt.src), tt.off)
			if line != tt.line || col != tt.col {
				t.Errorf("LineCol(%q, %d) = %d:%d, want %d:%d", tt.src, tt.off, line, col, tt.line, tt.col)
			}
			line, col = diag.NewLines([]byte(tt.src)).LineCol(tt.off)
			if line != tt.line || col != tt.col {
				t.Errorf("NewLines(%q).LineCol(%d) = %d:%d, want %d:%d", tt.src, tt.off, line, col, tt.line, tt.col)
			}
		})
	}
}

// FuzzLineCol checks that the index and the scan agree on every offset.
func FuzzLineCol(f *testing.F) {
	for _, s := range []string{"", "a\nb", "\xef\xbb\xbf{\n  \"å\": 1\n}\n", "\r\n\r\n", "x\n\n\xffy"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		ls := diag.NewLines([]byte(src))
		for off := -1; off <= len(src)+1; off++ {
			l1, c1 := diag.LineCol([]byte(src), off)
			l2, c2 := ls.LineCol(off)
			if l1 != l2 || c1 != c2 || l1 < 1 || c1 < 1 {
				t.Fatalf("offset %d of %q: LineCol %d:%d, Lines %d:%d", off, src, l1, c1, l2, c2)
			}
		}
	})
}
