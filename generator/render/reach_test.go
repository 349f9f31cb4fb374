package render

import (
	"io/fs"
	"slices"
	"testing"
	"text/template/parse"

	"github.com/esamverkan/guidemap/generator/model"
	"github.com/esamverkan/guidemap/themes"
)

// TestReadBodies pins which bodies a View reads: its own, and the offers'
// and e-services' of its start items; not those of the entities it lists.
func TestReadBodies(t *testing.T) {
	e := &model.EService{Slug: "e"}
	o := &model.Offer{EService: e, Kind: model.Adapts}
	g := &model.Guide{Slug: "g"}
	v := &model.Version{Guide: g}
	m := &model.Municipality{Slug: "m"}
	tests := []struct {
		name string
		view *View
		want []*model.Body
	}{
		{"a guide", &View{Guide: g, body: &g.Body, Versions: []*model.Version{v}}, []*model.Body{&g.Body}},
		{"a municipality's list", &View{Municipality: m, body: &m.Intro, Groups: []Group{{Versions: []*model.Version{v}, Guides: []*model.Guide{g}}}}, []*model.Body{&m.Intro}},
		{"an e-service's start items", &View{EService: e, body: &e.Body, Offers: []*model.Offer{o}, Start: []StartItem{{Offer: o}}},
			[]*model.Body{&e.Body, &o.Body, &e.Body}},
		{"no body", &View{ld: []any{map[string]any{"name": "x"}}, Related: []*model.Offer{o}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readBodies(tt.view); !slices.Equal(got, tt.want) {
				t.Errorf("readBodies = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestLayoutsReadBodiesThroughTheView keeps the rule the Builder's fast
// path stands on (reach.go): the default theme reads a Markdown body only
// as the page's own .Body and .TOC, never as a field of an entity
// (.Version.Body, .Intro.HTML, a .Body inside range or with).
func TestLayoutsReadBodiesThroughTheView(t *testing.T) {
	bodyFields := map[string]bool{"Body": true, "TOC": true, "Intro": true, "Sections": true, "Headings": true, "HTML": true}
	walkLayouts(t, func(file, tree string, r read) {
		for i, id := range r.idents {
			if !bodyFields[id] {
				continue
			}
			if i == 0 && r.fromTop && (id == "Body" || id == "TOC") && !r.inner {
				continue
			}
			t.Errorf("%s: template %q reads %v: read bodies only as the page's .Body and .TOC", file, tree, r.idents)
		}
	})
}

// TestLayoutsReadOnlyWhatFingerprintsHash keeps the rule page fingerprints
// stand on (fingerprint.go): of .Site the default theme reads only what
// the global fingerprint hashes, and no template function hands it a
// model entity that its View does not hold.
func TestLayoutsReadOnlyWhatFingerprintsHash(t *testing.T) {
	hashed := map[string]bool{"Config": true, "Municipalities": true, "Pages": true, "Boundaries": true}
	walkLayouts(t, func(file, tree string, r read) {
		if r.fn == "muni" || r.fn == "offerOf" {
			t.Errorf("%s: template %q calls %s: give the page what it needs in its View", file, tree, r.fn)
		}
		for i, id := range r.idents {
			if id == "Site" && i+1 < len(r.idents) && !hashed[r.idents[i+1]] {
				t.Errorf("%s: template %q reads .Site.%s, which page fingerprints do not hash: put it in the View", file, tree, r.idents[i+1])
			}
		}
	})
}

// read is a field chain or function a template reads.
type read struct {
	idents  []string // .A.B.C, or $.A.B
	fn      string   // a function called
	fromTop bool     // the chain starts at dot or $
	inner   bool     // inside range or with, where dot is something else
}

// walkLayouts calls f for every read in the default theme's layouts and
// partials.
func walkLayouts(t *testing.T, f func(file, tree string, r read)) {
	t.Helper()
	funcs := (&renderer{}).funcs("sv")
	files, _ := fs.Glob(themes.Default, "layouts/*.html")
	partials, _ := fs.Glob(themes.Default, "partials/*.html")
	files = append(files, partials...)
	if len(files) < 10 {
		t.Fatalf("found only %d layouts and partials", len(files))
	}
	for _, file := range files {
		src, err := fs.ReadFile(themes.Default, file)
		if err != nil {
			t.Fatal(err)
		}
		trees, err := parse.Parse(file, string(src), "{{", "}}", funcs, builtins)
		if err != nil {
			t.Fatal(err)
		}
		for name, tree := range trees {
			var visit func(n parse.Node, inner bool)
			visit = func(n parse.Node, inner bool) {
				switch n := n.(type) {
				case *parse.ListNode:
					if n != nil {
						for _, c := range n.Nodes {
							visit(c, inner)
						}
					}
				case *parse.ActionNode:
					visit(n.Pipe, inner)
				case *parse.PipeNode:
					if n != nil {
						for _, c := range n.Cmds {
							visit(c, inner)
						}
					}
				case *parse.CommandNode:
					for _, a := range n.Args {
						visit(a, inner)
					}
				case *parse.IdentifierNode:
					f(file, name, read{fn: n.Ident})
				case *parse.FieldNode:
					f(file, name, read{idents: n.Ident, fromTop: true, inner: inner})
				case *parse.VariableNode:
					f(file, name, read{idents: n.Ident[1:], fromTop: n.Ident[0] == "$"})
				case *parse.ChainNode:
					f(file, name, read{idents: n.Field, inner: inner})
					visit(n.Node, inner)
				case *parse.IfNode:
					visit(n.Pipe, inner)
					visit(n.List, inner)
					visit(n.ElseList, inner)
				case *parse.RangeNode:
					visit(n.Pipe, inner)
					visit(n.List, true)
					visit(n.ElseList, inner)
				case *parse.WithNode:
					visit(n.Pipe, inner)
					visit(n.List, true)
					visit(n.ElseList, inner)
				case *parse.TemplateNode:
					visit(n.Pipe, inner)
				}
			}
			visit(tree.Root, false)
		}
	}
}

// builtins are text/template's own functions, for parse.Parse.
var builtins = map[string]any{
	"and": true, "call": true, "html": true, "index": true, "slice": true, "js": true, "len": true, "not": true,
	"or": true, "print": true, "printf": true, "println": true, "urlquery": true,
	"eq": true, "ge": true, "gt": true, "le": true, "lt": true, "ne": true, "break": true, "continue": true,
}
