package hostile

import (
	"strings"
	"testing"
)

// TestScanFinds proves Scan live: each kind of markup from the input is
// found, and the same text escaped is not.
func TestScanFinds(t *testing.T) {
	tests := []struct{ page, want string }{
		{`<p>` + Img + `</p>`, `<img src="x">`},
		{`<p>` + Img + `</p>`, "event handler <img onerror"},
		{`<p>` + Form + `</p>`, "<form> without class"},
		{`<p>` + Script + `</p>`, "inline <script>"},
		{`<p>` + SVG + `</p>`, "event handler <svg onload"},
		{`<a href=" JaVa&#x09;Script:alert(1)">a</a>`, "URL <a href="},
		{`<a href="data:text/html,x">a</a>`, "URL <a href="},
		{`<h2 hidden style="x" data-x=1>a</h2>`, "attribute <h2 style>"},
		{`<iframe src="https://x.example/"></iframe>`, "<iframe>"},
		{`<script type="application/ld+json">{"name":"</script><script>x</script>"}</script>`, "inline <script>"},
		{`<script type="application/ld+json">{"name":"<!--"}</script>`, "JSON-LD holds </script or <!--"},
		{`<script type="application/ld+json">{"name":</script>`, "JSON-LD is not JSON"},
	}
	for _, tt := range tests {
		findings, _, _ := Scan("p", []byte(tt.page))
		var got []string
		for _, f := range findings {
			got = append(got, f.What)
		}
		if !strings.Contains(strings.Join(got, "\n"), tt.want) {
			t.Errorf("Scan(%q) = %q, want %q among them", tt.page, got, tt.want)
		}
	}
	safe := `<html><head><script src="/a.js"></script><script type="application/ld+json">{"name":"\u003c/script\u003e"}</script></head>` +
		`<body><form class="site-search" action="/sok/"><input name="q"></form><p title="` + strings.ReplaceAll(Mixed, `"`, "&#34;") + `">` +
		strings.NewReplacer("<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace(Mixed) + `</p><a href="https://x.example/">x</a></body></html>`
	findings, text, ld := Scan("safe", []byte(safe))
	if len(findings) > 0 {
		t.Errorf("Scan of a safe page: %v", findings)
	}
	if strings.Count(text, Mixed) != 2 {
		t.Errorf("Scan's text of a safe page has the payload %d times, want 2 (text and title)", strings.Count(text, Mixed))
	}
	if len(ld) != 1 {
		t.Errorf("Scan found %d JSON-LD blocks, want 1", len(ld))
	}
}
