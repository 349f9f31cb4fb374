package load

import (
	"strings"
	"testing"
)

// containsLower agrees with strings.ToLower and strings.Contains.
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
		if got, want := containsLower(src, s), strings.Contains(strings.ToLower(src), s); got != want {
			t.Errorf("containsLower(%q, %q) = %v, want %v", src, s, got, want)
		}
	})
}
