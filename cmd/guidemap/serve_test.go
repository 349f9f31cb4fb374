package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestServeFlags(t *testing.T) {
	for _, args := range [][]string{{"serve", "--port", "-1"}, {"serve", "extra"}, {"serve", "--nope"}} {
		var out, errw bytes.Buffer
		if code := run(args, &out, &errw); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errw.String())
		}
	}
	var out bytes.Buffer
	run([]string{"help"}, &out, &out)
	if !strings.Contains(out.String(), "guidemap serve [--src DIR] [--port N]") {
		t.Error("usage does not name serve")
	}
}
