package main

import (
	"bytes"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestShowProgress: the progress line is written only on a terminal and
// only once the build has run long enough; it is cleared at the end.
func TestShowProgress(t *testing.T) {
	tests := []struct {
		name  string
		tty   bool
		after time.Duration
		want  string // the output starts with this ("" : nothing at all)
	}{
		{"not a terminal", false, 0, ""},
		{"a short build", true, time.Hour, ""},
		{"a long build on a terminal", true, 0, "\r\033[K42 pages, "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			pages := &atomic.Int64{}
			pages.Store(42)
			stop := showProgress(&b, tt.tty, pages, tt.after, time.Millisecond)
			time.Sleep(30 * time.Millisecond)
			stop()
			got := b.String()
			if tt.want == "" {
				if got != "" {
					t.Errorf("wrote %q, want nothing", got)
				}
				return
			}
			if !strings.HasPrefix(got, tt.want) || !strings.HasSuffix(got, "pages/s\r\033[K") {
				t.Errorf("wrote %q, want %q… ending with the line cleared", got, tt.want)
			}
		})
	}
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is a terminal")
	}
}
