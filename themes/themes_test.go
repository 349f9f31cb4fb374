package themes

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// TestSource checks where a theme file is said to come from: the site's
// theme folder when it holds the file, else the built-in theme.
func TestSource(t *testing.T) {
	site := fstest.MapFS{"themes/kust/layouts/page.html": {Data: []byte(`{{define "main"}}{{end}}`)}}
	kust := Overlay(site, "themes/kust")
	tests := []struct {
		name        string
		theme       fs.FS
		file        string
		want        string
		wantBuiltin bool
	}{
		{"the default theme", Default, "layouts/page.html", "themes/default/layouts/page.html", true},
		{"a file of the site's theme", kust, "layouts/page.html", "themes/kust/layouts/page.html", false},
		{"a file the site's theme leaves to the default", kust, "layouts/guide.html", "themes/default/layouts/guide.html", true},
		{"another file system", site, "themes/kust/layouts/page.html", "themes/kust/layouts/page.html", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, builtin := Source(tt.theme, tt.file)
			if got != tt.want || builtin != tt.wantBuiltin {
				t.Errorf("Source(%s) = %q, %v; want %q, %v", tt.file, got, builtin, tt.want, tt.wantBuiltin)
			}
		})
	}
}
