package generator

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/esamverkan/guidemap/generator/assemble"
	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/load"
)

// TestModelIsReadOnlyAfterAssembly: the stages after assemble — bodies,
// render, the link check, and a Builder's fast way after an edit of text —
// read the model and never change it. The site is encoded whole after
// assembly and again at the end, and the two must be equal.
func TestModelIsReadOnlyAfterAssembly(t *testing.T) {
	dir := smallSite(t)
	b := NewBuilder(Config{Src: dir})
	ctx := context.Background()
	if _, err := b.Rebuild(ctx, nil); err != nil && err != ErrInput {
		t.Fatal(err)
	}
	st := b.st
	if st == nil {
		t.Fatal("no state after the first build")
	}
	enc := func() []byte {
		t.Helper()
		data, err := json.Marshal(st.site)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	// A fresh assembly of the same input is what the model was before the
	// later stages ran.
	before, err := json.Marshal(assembleAgain(t, st))
	if err != nil {
		t.Fatal(err)
	}
	if after := enc(); !bytes.Equal(before, after) {
		t.Fatal("the model after bodies and render differs from the model as assembled")
	}
	guide := "content/guides/bygglov.md"
	appendFile(t, dir+"/"+guide, "\nEn ny mening.\n")
	if _, err := b.Rebuild(ctx, []string{guide}); err != nil && err != ErrInput {
		t.Fatal(err)
	}
	if !b.Fast() || b.st != st {
		t.Fatal("the text edit did not take the fast way on the same build")
	}
	if after := enc(); !bytes.Equal(before, after) {
		t.Error("the fast way changed the model")
	}
}

// assembleAgain loads and assembles the site folder of st anew.
func assembleAgain(t *testing.T, st *state) any {
	t.Helper()
	l := &diag.List{}
	in := load.Site(context.Background(), st.fsys, st.cfg.BaseURL, 1, nil, l)
	return assemble.Site(in, l)
}
