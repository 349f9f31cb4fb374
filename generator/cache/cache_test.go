package cache

import "testing"

// TestTableKeepsWhatTheLastBuildUsed pins the one rule every table
// shares: an entry lives while builds use it, and the first build that
// does not use it drops it at its Sweep.
func TestTableKeepsWhatTheLastBuildUsed(t *testing.T) {
	c := &Cache{}
	tab := Register(c, &Table[string, int]{})

	c.Begin()
	tab.Put("a", 1)
	tab.Put("b", 2)
	c.Sweep()

	c.Begin() // the second build uses a only
	if v, ok := tab.Get("a"); !ok || v != 1 {
		t.Fatalf("Get(a) = %d, %v; want 1, true", v, ok)
	}
	c.Sweep()
	if _, ok := tab.Get("b"); ok {
		t.Error("b was kept, though the last build did not use it")
	}
	if n := tab.Len(); n != 1 {
		t.Errorf("%d entries, want 1", n)
	}

	c.Begin() // a build that is cancelled: no Sweep
	tab.Put("c", 3)
	c.Begin()
	tab.Get("c")
	c.Sweep()
	if _, ok := tab.Get("c"); !ok {
		t.Error("c was dropped, though the last build used it")
	}
	if _, ok := tab.Get("a"); ok {
		t.Error("a was kept, though the last finished build did not use it")
	}
}

// TestNilTable: a stage without a Builder gets nil tables, which hold
// nothing and count nothing.
func TestNilTable(t *testing.T) {
	var tab *Table[string, int]
	tab.Put("a", 1)
	tab.Hit()
	tab.Miss()
	if _, ok := tab.Get("a"); ok {
		t.Error("a nil table returned a value")
	}
}

// TestStats counts hits and misses per build.
func TestStats(t *testing.T) {
	c := &Cache{}
	tab := Register(c, &Table[int, int]{})
	c.Begin()
	tab.Hit()
	tab.Miss()
	tab.Miss()
	if h, m := tab.Stats(); h != 1 || m != 2 {
		t.Errorf("Stats = %d, %d; want 1, 2", h, m)
	}
	c.Begin()
	if h, m := tab.Stats(); h != 0 || m != 0 {
		t.Errorf("after Begin: Stats = %d, %d; want 0, 0", h, m)
	}
}
