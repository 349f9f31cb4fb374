// Package maps checks the example site's maps and their script in
// Chromium: legible at any width, clusters that open, filters that
// regroup.
package maps

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/esamverkan/guidemap/generator/internal/browsertest"
	"github.com/esamverkan/guidemap/generator/internal/browsertest/example"
)

// TestMapsLegible checks the first third of the example's map pages (see
// example.CheckMapsLegible); packages maps2 and maps3 check the others.
func TestMapsLegible(t *testing.T) { example.CheckMapsLegible(t, "../../../../..", 1, 3) }

// mapState is what the test reads of a municipality's map after the
// script has drawn it.
const mapState = `(() => {
	const svg = document.querySelector(".map-canvas > svg");
	const base = svg.querySelector("svg.m-base");
	const js = svg.querySelector("g.m-js");
	const a = document.activeElement;
	return {
		viewBox: base.getAttribute("viewBox"),
		singles: js ? js.querySelectorAll("a").length : -1,
		clusters: js ? Array.from(js.querySelectorAll(".m-cluster")).map(g => +g.querySelector("text").textContent) : [],
		focus: a ? (a.closest(".m-js") ? (a.tagName.toLowerCase() === "a" ? "place" : "cluster") : a.tagName.toLowerCase()) : "",
		focusLabel: a ? (a.getAttribute("aria-label") || a.textContent) : "",
		list: Array.from(document.querySelectorAll(".map-list a")).map(a => a.getAttribute("href")),
	};
})()`

type mapStateT struct {
	ViewBox    string
	Singles    int
	Clusters   []int
	Focus      string
	FocusLabel string
	List       []string
}

func (s mapStateT) total() int {
	n := s.Singles
	for _, c := range s.Clusters {
		n += c
	}
	return n
}

// TestMapClustersZoom checks the map script on Sundsvall's map (53
// places, most of them in clusters at first): a cluster activated with
// the keyboard (Enter) zooms in and moves the focus to what it splits
// into, and repeating it reaches a single place (or the list of places
// that share a spot); unticking a category regroups the points and
// changes the counts; + and − zoom.
func TestMapClustersZoom(t *testing.T) {
	browsertest.Require(t)
	out := example.Build(t, "../../../../..")
	srv := browsertest.NewServer(t, out)
	b := browsertest.NewBrowser(t)
	ctx := b.Tab(t)
	for _, width := range []int{390, 1280} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			if err := browsertest.SetViewport(ctx, width, browsertest.DesktopHeight); err != nil {
				t.Fatal(err)
			}
			load := func() mapStateT {
				t.Helper()
				if _, err := browsertest.Load(ctx, srv.URL+"/sundsvall/karta/"); err != nil {
					t.Fatal(err)
				}
				return state(t, ctx)
			}
			s := load()
			if s.total() != 53 || len(s.Clusters) == 0 {
				t.Fatalf("the script drew %d places (%d alone, clusters %v), want 53 with clusters", s.total(), s.Singles, s.Clusters)
			}
			// The largest cluster, by keyboard, until a place.
			if _, err := browsertest.Eval[bool](ctx, `(() => { const gs = Array.from(document.querySelectorAll(".m-js .m-cluster")); gs.sort((a, b) => +b.querySelector("text").textContent - +a.querySelector("text").textContent); gs[0].focus(); return true; })()`); err != nil {
				t.Fatal(err)
			}
			steps := []string{}
			for i := 0; ; i++ {
				if i == 15 {
					t.Fatalf("15 Enters did not reach a single place: %v", steps)
				}
				before := state(t, ctx)
				if before.Focus != "cluster" {
					t.Fatalf("the focus is on %s %q, not a cluster; steps %v", before.Focus, before.FocusLabel, steps)
				}
				if err := browsertest.PressKey(ctx, "\r"); err != nil {
					t.Fatal(err)
				}
				after := state(t, ctx)
				steps = append(steps, fmt.Sprintf("%s → %s %q", before.FocusLabel[:min(len(before.FocusLabel), 20)], after.Focus, after.FocusLabel[:min(len(after.FocusLabel), 30)]))
				if len(after.List) > 0 {
					t.Logf("%d px: a spot shared by %d places opened as a list after %d steps: %v", width, len(after.List), i+1, steps)
					break
				}
				if after.ViewBox == before.ViewBox {
					t.Fatalf("Enter on a cluster did not zoom: %v", steps)
				}
				if after.Focus == "place" {
					t.Logf("%d px: a single place reached after %d Enters: %v", width, i+1, steps)
					break
				}
			}
			// Unticking a category regroups and recounts.
			s = load()
			n, err := browsertest.Eval[int](ctx, `document.querySelectorAll('[data-group="forskola"] li').length`)
			if err != nil || n == 0 {
				t.Fatalf("no preschools listed (%d, %v)", n, err)
			}
			if _, err := browsertest.Eval[bool](ctx, `(() => { const l = Array.from(document.querySelectorAll(".map-filter label")).find(l => /Förskolor/.test(l.textContent)); l.querySelector("input").click(); return true; })()`); err != nil {
				t.Fatal(err)
			}
			u := state(t, ctx)
			if u.total() != 53-n {
				t.Errorf("without the %d preschools the map counts %d places (alone %d, clusters %v), want %d", n, u.total(), u.Singles, u.Clusters, 53-n)
			}
			if fmt.Sprint(u.Clusters) == fmt.Sprint(s.Clusters) {
				t.Errorf("unticking the preschools left the clusters' counts as they were: %v", u.Clusters)
			}
			t.Logf("%d px: clusters %v; without the %d preschools %v", width, s.Clusters, n, u.Clusters)
			// + and − on the focused map zoom in and out.
			if _, err := browsertest.Eval[bool](ctx, `(document.querySelector(".map-canvas").focus(), true)`); err != nil {
				t.Fatal(err)
			}
			if err := browsertest.PressKey(ctx, "+"); err != nil {
				t.Fatal(err)
			}
			z := state(t, ctx)
			if z.ViewBox == u.ViewBox {
				t.Errorf("+ did not zoom in: %s", z.ViewBox)
			}
			if err := browsertest.PressKey(ctx, "-"); err != nil {
				t.Fatal(err)
			}
			if o := state(t, ctx); o.ViewBox == z.ViewBox {
				t.Errorf("− did not zoom out: %s", o.ViewBox)
			}
		})
	}
}

// TestMapSharedSpot checks that places a few metres apart, which no zoom
// can split, open as a list: Sundsvall's map page with a second place at
// the spot of Alnö bibliotek (a copy of the page, its list given one more
// place), whose cluster activated by keyboard zooms in until it opens the
// list of the two, with the focus on the list's heading.
func TestMapSharedSpot(t *testing.T) {
	browsertest.Require(t)
	out := example.Build(t, "../../../../..")
	page, err := os.ReadFile(filepath.Join(out, "sundsvall", "karta", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	const li = `<li data-category="bibliotek" data-lat="62.43150" data-lon="17.42600"><a href="/sundsvall/platser/alno-bibliotek/">Alnö bibliotek</a>`
	if !bytes.Contains(page, []byte(li)) {
		t.Fatalf("Sundsvall's map page has no %s", li)
	}
	shared := bytes.Replace(page, []byte(li), []byte(`<li data-category="kontaktcenter" data-lat="62.43151" data-lon="17.42601"><a href="/sundsvall/platser/alno-bibliotek/?kontor">Alnö medborgarkontor</a></li>`+li), 1)
	if err := os.MkdirAll(filepath.Join(out, "sundsvall", "delad"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "sundsvall", "delad", "index.html"), shared, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := browsertest.NewServer(t, out)
	b := browsertest.NewBrowser(t)
	ctx := b.Tab(t)
	if _, err := browsertest.Load(ctx, srv.URL+"/sundsvall/delad/"); err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		if i == 20 {
			t.Fatal("20 Enters did not open the list")
		}
		// The symbol that holds Alnö bibliotek: a cluster, to activate.
		found, err := browsertest.Eval[string](ctx, `(() => {
			const g = Array.from(document.querySelectorAll(".m-js .m-cluster")).find(g => g.getAttribute("aria-label").includes("Alnö bibliotek"));
			if (!g) return Array.from(document.querySelectorAll(".m-js a")).some(a => a.getAttribute("aria-label").startsWith("Alnö bibliotek")) ? "alone" : "none";
			g.focus();
			return "cluster";
		})()`)
		if err != nil {
			t.Fatal(err)
		}
		if found != "cluster" {
			t.Fatalf("after %d Enters Alnö bibliotek is %s on the map, not in a cluster with the place 1 m away", i, found)
		}
		if err := browsertest.PressKey(ctx, "\r"); err != nil {
			t.Fatal(err)
		}
		s := state(t, ctx)
		if len(s.List) > 0 {
			if len(s.List) != 2 || s.Focus != "h2" {
				t.Errorf("the list holds %v, the focus is on %s %q; want the two places and the heading", s.List, s.Focus, s.FocusLabel)
			}
			t.Logf("the spot shared by two places opened as a list after %d Enters: %v (%s)", i+1, s.List, s.FocusLabel)
			return
		}
	}
}

func state(t *testing.T, ctx context.Context) mapStateT {
	t.Helper()
	s, err := browsertest.Eval[mapStateT](ctx, mapState)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
