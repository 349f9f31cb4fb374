package safety

import (
	"slices"
	"strings"
	"testing"
)

// browserScheme is the scheme a browser reads from u, as the WHATWG URL
// standard parses it, or "" for a relative URL. It is written apart from
// scheme, the rule under test, so that the fuzz tests check one against
// the other: leading and trailing C0 controls and spaces are stripped,
// tabs and newlines removed anywhere, and a scheme is an ASCII letter
// followed by letters, digits, "+", "-" and ".", ended by ":".
func browserScheme(u string) string {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	isAlpha := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	if u == "" || !isAlpha(u[0]) {
		return ""
	}
	for i := 1; i < len(u); i++ {
		c := u[i]
		switch {
		case c == ':':
			return strings.ToLower(u[:i])
		case isAlpha(c), c >= '0' && c <= '9', c == '+', c == '-', c == '.':
		default:
			return ""
		}
	}
	return ""
}

// dangerousSeeds are ways to write a scheme that runs script or loads
// content, as seen in the wild.
var dangerousSeeds = []string{
	"javascript:alert(1)", "JAVASCRIPT:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)",
	"java\nscript:alert(1)", "java\rscript:x", " \x01javascript:x", "\x00javascript:x", "javascript\x7f:x",
	"data:text/html,<script>", "DATA:image/png;base64,AA", "vbscript:msgbox", "file:///etc/passwd",
	"  https://a.se", "//evil.example/x", "/relativ/", "#x", "?a=b:c", "mailto:a@b.se", "tel:+4660191000",
	"http:x", "https:", ":x", "ja va:x", "%09javascript:x",
}

func TestWebURL(t *testing.T) {
	tests := []struct {
		in    string
		clean string
		p     URLProblem
		msg   string
	}{
		{"https://sundsvall.se/", "https://sundsvall.se/", URLOK, ""},
		{"HTTPS://SUNDSVALL.SE/", "HTTPS://SUNDSVALL.SE/", URLOK, ""},
		{"http://sundsvall.se", "http://sundsvall.se", URLInsecure, `"http://sundsvall.se" is not encrypted (http)`},
		{"www.sundsvall.se", "", URLRelative, `"www.sundsvall.se" is not a full web address`},
		{"/bibliotek/", "", URLRelative, `"/bibliotek/" is not a full web address`},
		{"//sundsvall.se/x", "", URLRelative, `"//sundsvall.se/x" is not a full web address`},
		{"javascript:alert(1)", "", URLScheme, `"javascript:alert(1)": only https and http addresses are allowed`},
		{"JAVASCRIPT:alert(1)", "", URLScheme, `"JAVASCRIPT:alert(1)": only https and http addresses are allowed`},
		{"java\tscript:alert(1)", "", URLInvalid, `"java\tscript:alert(1)" is not a web address`},
		{"data:text/html,x", "", URLScheme, `"data:text/html,x": only https and http addresses are allowed`},
		{"vbscript:x", "", URLScheme, `"vbscript:x": only https and http addresses are allowed`},
		{"mailto:a@b.se", "", URLScheme, `"mailto:a@b.se": only https and http addresses are allowed`},
		{"tel:+4660191000", "", URLScheme, `"tel:+4660191000": only https and http addresses are allowed`},
		{"https:///x", "", URLInvalid, `"https:///x" is not a web address`},
		{"https://exempel se/", "", URLInvalid, `"https://exempel se/" is not a web address`},
		{"https://a.se/b c", "", URLInvalid, `"https://a.se/b c" is not a web address`},
		{"https://a\nb.se/", "", URLInvalid, `"https://a\nb.se/" is not a web address`},
		{"https://a.se/\x01", "", URLInvalid, `"https://a.se/\x01" is not a web address`},
		{"http://[::1", "", URLInvalid, `"http://[::1" is not a web address`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			clean, p := WebURL(tt.in)
			if clean != tt.clean || p != tt.p || p.Message(tt.in) != tt.msg {
				t.Errorf("WebURL(%q) = %q, %d (%q); want %q, %d (%q)", tt.in, clean, p, p.Message(tt.in), tt.clean, tt.p, tt.msg)
			}
		})
	}
}

func TestEmail(t *testing.T) {
	tests := []struct {
		in string
		p  EmailProblem
	}{
		{"info@sundsvall.se", EmailOK},
		{"fornamn.efternamn@kommun.example.se", EmailOK},
		{"mailto:info@sundsvall.se", EmailMailto},
		{"MAILTO:info@sundsvall.se", EmailMailto},
		{"info@sundsvall", EmailInvalid},
		{"info@", EmailInvalid},
		{"@sundsvall.se", EmailInvalid},
		{"info sundsvall.se", EmailInvalid},
		{"Info <info@sundsvall.se>", EmailInvalid},
		{"info@.se", EmailInvalid},
		{"info@sundsvall.se.", EmailInvalid},
		{"info@[127.0.0.1]", EmailInvalid},
		{"javascript:alert(1)", EmailInvalid},
		{"info@sundsvall.se\n", EmailInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if p := Email(tt.in); p != tt.p {
				t.Errorf("Email(%q) = %d, want %d", tt.in, p, tt.p)
			}
		})
	}
	if got, want := EmailInvalid.Message("info@"), `"info@" is not an e-mail address`; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
	if got := EmailOK.Message("a@b.se"); got != "" {
		t.Errorf("EmailOK.Message = %q", got)
	}
}

func TestLinkURL(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"https://a.se/b", true},
		{"HTTP://a.se", true},
		{"mailto:a@b.se", true},
		{"tel:+4660191000", true},
		{"/guider/bygglov/", true},
		{"../guides/a.md#x", true},
		{"a.md", true},
		{"#x", true},
		{"?a=b:c", true},
		{"sida/a:b", true},
		{"//evil.example/x", true}, // protocol-relative: https or http, as the page
		{"", true},
		{"javascript:alert(1)", false},
		{"JAVASCRIPT:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"java\nscript:alert(1)", false},
		{" \x01javascript:x", false},
		{"\x00javascript:x", false},
		{"javascript\x7f:x", false},
		{"ja va script:x", false}, // no scheme to a browser; refused all the same
		{"data:text/html,x", false},
		{"vbscript:x", false},
		{"file:///etc/passwd", false},
		{":x", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if ok := LinkURL(tt.in); ok != tt.ok {
				t.Errorf("LinkURL(%q) = %v, want %v", tt.in, ok, tt.ok)
			}
		})
	}
}

func TestHref(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/sundsvall/", "/sundsvall/"},
		{"../karta/", "../karta/"},
		{"karta/", "karta/"},
		{"#x", "#x"},
		{"?a=b:c", "?a=b:c"},
		{"https://a.se/b", "https://a.se/b"},
		{"HTTP://a.se", "HTTP://a.se"},
		{" /x ", "/x"},
		{"/a\tb\n", "/ab"},
		{"//host/x", "//host/x"},
		{"javascript:alert(1)", ""},
		{"JAVASCRIPT:alert(1)", ""},
		{"java\tscript:alert(1)", ""},
		{"java\nscript:alert(1)", ""},
		{"\x00javascript:x", ""},
		{" \x01javascript:x", ""},
		{"data:text/html,x", ""},
		{"vbscript:x", ""},
		{"mailto:a@b.se", ""},
		{"tel:+4660191000", ""},
		{"/a\x01b", ""},
		{"/a\x7fb", ""},
		{"", ""},
		{" \t", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Href(tt.in); got != tt.want {
				t.Errorf("Href(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBaseURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"/", "/", true},
		{"/org/site", "/org/site/", true},
		{"https://www.kommun.se", "https://www.kommun.se/", true},
		{"http://localhost:8000/", "http://localhost:8000/", true},
		{"https://host/org/site", "https://host/org/site/", true},
		{"javascript:alert(1)", "/", false},
		{"ftp://host/", "/", false},
		{"//host/x", "/", false},
		{"https:///x", "/", false},
		{"https://host/?a=b", "/", false},
		{"https://host/#x", "/", false},
		{"https://a b/", "/", false},
		{"https://user:pass@host/", "/", false},
		{`https://host/"><img src=x onerror=alert(1)>/`, "/", false},
		{"https://host/a'b/", "/", false},
		{"https://host/{{.X}}/", "/", false},
		{"https://www.håbo.se/", "https://www.h%C3%A5bo.se/", true},
		{"https://host/org%20x/", "https://host/org%20x/", true},
		{"sajt", "/", false},
		{"sajt/", "/", false},
		{"", "/", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			u, ok := BaseURL(tt.in)
			if u.String() != tt.want || ok != tt.ok {
				t.Errorf("BaseURL(%q) = %q, %v; want %q, %v", tt.in, u, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestCSV(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Sundsvall", "Sundsvall"},
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"+46 60 19 10 00", "'+46 60 19 10 00"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"a=1", "a=1"},
		{" =1", " =1"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := CSVCell(tt.in); got != tt.want {
				t.Errorf("CSVCell(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	row := CSVRow([]string{"=a", "-62.39000", "17.30000", "@b"}, 1, 2)
	if want := []string{"'=a", "-62.39000", "17.30000", "'@b"}; !slices.Equal(row, want) {
		t.Errorf("CSVRow = %q, want %q", row, want)
	}
}

// FuzzWebURL checks that an accepted address is what was written and has
// the scheme https or http to a browser.
func FuzzWebURL(f *testing.F) {
	for _, s := range dangerousSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		clean, p := WebURL(raw)
		if (clean != "") != (p == URLOK || p == URLInsecure) {
			t.Fatalf("WebURL(%q) = %q, %d", raw, clean, p)
		}
		if clean == "" {
			if p.Message(raw) == "" {
				t.Errorf("WebURL(%q): problem %d without a message", raw, p)
			}
			return
		}
		if clean != raw {
			t.Errorf("WebURL(%q) = %q, not what was written", raw, clean)
		}
		if s := browserScheme(clean); s != "https" && s != "http" {
			t.Errorf("WebURL(%q) accepted, but a browser reads the scheme %q", raw, s)
		}
	})
}

// FuzzLinkURL checks that LinkURL and Href let through only addresses a
// browser reads as relative or with an allowed scheme.
func FuzzLinkURL(f *testing.F) {
	for _, s := range dangerousSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		if LinkURL(dest) {
			switch s := browserScheme(dest); s {
			case "", "http", "https", "mailto", "tel":
			default:
				t.Errorf("LinkURL(%q) = true, but a browser reads the scheme %q", dest, s)
			}
		}
		if h := Href(dest); h != "" {
			switch s := browserScheme(h); s {
			case "", "http", "https":
			default:
				t.Errorf("Href(%q) = %q, which a browser reads with the scheme %q", dest, h, s)
			}
			if Href(h) != h {
				t.Errorf("Href(%q) = %q, but Href(%q) = %q", dest, h, h, Href(h))
			}
		}
	})
}
