package browsertest

import (
	"fmt"
	"testing"
)

// TestDirectoryScript checks js/directory.js in Chromium: on /e-tjanster/
// it makes a select per filter, and choosing a value shows exactly the
// e-services that the value's filter page lists without JavaScript.
func TestDirectoryScript(t *testing.T) {
	Require(t)
	out := buildExample(t)
	srv := NewServer(t, out)
	b := NewBrowser(t)
	ctx := b.Tab(t)
	if _, err := Load(ctx, srv.URL+"/e-tjanster/"); err != nil {
		t.Fatal(err)
	}
	selects, err := Eval[[]string](ctx, `Array.from(document.querySelectorAll(".dir-form select")).map(s => s.id)`)
	if err != nil {
		t.Fatal(err)
	}
	if len(selects) != 4 {
		t.Fatalf("the script made selects %v, want 4", selects)
	}
	type filter struct{ attr, value, page string }
	for _, f := range []filter{
		{"municipalities", "sundsvall", "/e-tjanster/kommun/sundsvall/"},
		{"category", "bygga-bo", "/e-tjanster/kategori/bygga-bo/"},
		{"audience", "business", "/e-tjanster/malgrupp/business/"},
		{"login", "freja", "/e-tjanster/inloggning/freja/"},
	} {
		if _, err := Load(ctx, srv.URL+"/e-tjanster/"); err != nil {
			t.Fatal(err)
		}
		shown, err := Eval[[]string](ctx, fmt.Sprintf(`(() => {
			const s = document.getElementById("gm-dir-%s");
			s.value = %q;
			s.dispatchEvent(new Event("change"));
			return Array.from(document.querySelectorAll(".dir-list li:not([hidden]) > a")).map(a => a.getAttribute("href"));
		})()`, f.attr, f.value))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Load(ctx, srv.URL+f.page); err != nil {
			t.Fatal(err)
		}
		listed, err := Eval[[]string](ctx, `Array.from(document.querySelectorAll(".dir-list li > a")).map(a => a.getAttribute("href"))`)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(shown) != fmt.Sprint(listed) || len(listed) == 0 {
			t.Errorf("%s=%s: the script shows %v, %s lists %v", f.attr, f.value, shown, f.page, listed)
		}
	}
}
