package load

import (
	"strings"
	"testing"
)

// containsLower agrees with strings.ToLower and strings.Contains, on a
// string and on bytes.
func FuzzContainsLower(f *testing.F) {
	for _, c := range [][2]string{
		{"Ett ZQXJV-märke", "zqxjv"},
		{"zqxj v", "zqxjv"},
		{"ÅÄÖ zQxJv", "zqxjv"},
		{"\u212A", "k"},
		{"\u0130", "i"},
		{"", ""},
		{"abc", ""},
		{"z\xffq", "zq"},
		{"ÉCOLE", "école"},
	} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, src, s string) {
		s = strings.ToLower(s)
		want := strings.Contains(strings.ToLower(src), s)
		if got := containsLower(src, s); got != want {
			t.Errorf("containsLower(%q, %q) = %v, want %v", src, s, got, want)
		}
		if got := containsLower([]byte(src), s); got != want {
			t.Errorf("containsLower([]byte(%q), %q) = %v, want %v", src, s, got, want)
		}
	})
}
