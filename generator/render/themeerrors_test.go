package render_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/esamverkan/guidemap/generator"
	"github.com/esamverkan/guidemap/generator/internal/golden"
)

// TestThemeErrors builds the fixture site with one file of its theme
// broken and checks the exact diagnostics: the theme's problems are
// reported like the site's others, at the file the site's author sees
// (file:line:col where the libraries tell), once however many pages they
// break, and the build fails without output.
func TestThemeErrors(t *testing.T) {
	const page = "themes/default/layouts/page.html"
	tests := []struct {
		name  string
		theme string // site.toml's theme; "" leaves it out
		file  string // in the site folder
		text  string
		want  []string // the diagnostics
	}{
		{
			"parse error", "", page,
			"{{define \"main\"}}<article>\n<h1>{{.Title}}</h1>\n{{if .Description}}<p>{{.Description}}</p>\n</article>\n{{end}}\n",
			[]string{page + ":6: the template does not parse: unexpected EOF; " +
				"fix the {{ }} actions there: every {{if}}, {{range}}, {{with}}, {{define}} and {{block}} ends with {{end}} (the syntax is Go's text/template)"},
		},
		{
			"parse error in a partial", "", "themes/default/partials/lists.html",
			"{{define \"x\"}}{{.Title}\n{{end}}\n",
			[]string{"themes/default/partials/lists.html:1: the template does not parse: bad character U+007D '}'; " +
				"fix the {{ }} actions there: every {{if}}, {{range}}, {{with}}, {{define}} and {{block}} ends with {{end}} (the syntax is Go's text/template)"},
		},
		{
			"missing field", "", page,
			"{{define \"main\"}}<article>\n<h1>{{.Title}}</h1>\n<p>{{.Subtitle}}</p>\n</article>\n{{end}}\n",
			[]string{page + ":3:6: the template fails: executing \"main\" at <.Subtitle>: can't evaluate field Subtitle in type *render.View (on the page /om-webbplatsen/); " +
				"check what the template reads there: a layout reads the page's View (generator/render/view.go) and what its fields hold, and a value may be missing on some pages"},
		},
		{
			"missing field on many pages", "", "themes/default/layouts/version.html",
			"{{define \"main\"}}<article>\n<h1>{{.Title}}</h1>\n{{.Version.Nickname}}\n</article>\n{{end}}\n",
			[]string{"themes/default/layouts/version.html:3:11: the template fails: executing \"main\" at <.Version.Nickname>: can't evaluate field Nickname in type *model.Version (on the page /en/harnosand/guider/sophamtning/ and 4 more); " +
				"check what the template reads there: a layout reads the page's View (generator/render/view.go) and what its fields hold, and a value may be missing on some pages"},
		},
		{
			"branches that end apart", "", page,
			"{{define \"main\"}}<article>\n<h1 {{if .Title}}class=\"x{{end}}\">Å</h1>\n</article>\n{{end}}\n",
			[]string{page + ":2:10: the template cannot be escaped safely: {{if}} branches end in different contexts (on the page /om-webbplatsen/); " +
				"make every branch of the {{if}}, {{range}} or {{with}} end in the same place of the HTML"},
		},
		{
			"unclosed attribute", "", page,
			"{{define \"main\"}}<article>\n<h1 title=\"{{.Title}}>{{.Title}}</h1>\n</article>\n{{end}}\n",
			[]string{page + ": the template cannot be escaped safely: ends in a non-text context (on the page /om-webbplatsen/); " +
				"close the tag, attribute or quote that is still open where the template ends"},
		},
		{
			"JSON-LD that does not minify", "", page,
			"{{define \"main\"}}<article>\n<script type=\"application/ld+json\">{\"name\": }</script>\n</article>\n{{end}}\n",
			[]string{page + ": the page's HTML cannot be minified: unexpected right brace character in {\"name\": } (on the page /om-webbplatsen/); " +
				"check the HTML, the JSON-LD and the inline SVG that the layout and its partials write there"},
		},
		{
			"script that does not minify", "", "themes/default/js/site.js",
			"// The site's script.\nconst n = 1;\nconst m = n +* 2;\n",
			[]string{"themes/default/js/site.js:3:14: the file cannot be minified: unexpected * in expression; fix the syntax there; the file is minified as it is copied to the site"},
		},
		{
			"a theme of the site's own", "kust", "themes/kust/layouts/page.html",
			"{{define \"main\"}}<article>\n<h1>{{.Title}</h1>\n</article>\n{{end}}\n",
			[]string{"themes/kust/layouts/page.html:2: the template does not parse: bad character U+007D '}'; " +
				"fix the {{ }} actions there: every {{if}}, {{range}}, {{with}}, {{define}} and {{block}} ends with {{end}} (the syntax is Go's text/template)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := golden.Txtar(t, "testdata/fixture-site.txtar")
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.text)}
			if tt.theme != "" {
				conf := fsys["content/site.toml"]
				conf.Data = append([]byte("theme = \""+tt.theme+"\"\n"), conf.Data...)
			}
			res, err := generator.Check(context.Background(), generator.Config{FS: fsys})
			if !errors.Is(err, generator.ErrInput) {
				t.Fatalf("err = %v, want ErrInput", err)
			}
			if len(res.Output) != 0 {
				t.Errorf("%d output files, want none", len(res.Output))
			}
			var got []string
			for _, d := range res.Diags.Items() {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
