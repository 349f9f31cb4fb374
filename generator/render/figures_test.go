package render

import "testing"

// TestFillFigures: a figure's marker, as goldmark escapes it, becomes the
// number; inside <code> and for an unknown name it stays as written.
func TestFillFigures(t *testing.T) {
	figures := map[string]int{"eservices": 110, "eservices.common": 10, "places": 52340}
	tests := []struct{ name, lang, in, want string }{
		{"none", "sv", "<p>Inga siffror.</p>", "<p>Inga siffror.</p>"},
		{"escaped", "sv", "<p><strong>{{&lt; count eservices.common &gt;}} gemensamma</strong></p>", "<p><strong>10 gemensamma</strong></p>"},
		{"as goldmark writes it", "sv", "<p>{{&lt; count eservices >}} e-tjänster</p>", "<p>110 e-tjänster</p>"},
		{"twice", "sv", "<p>{{&lt;count eservices&gt;}} av {{&lt; count eservices &gt;}}</p>", "<p>110 av 110</p>"},
		{"thousands in Swedish", "sv", "<p>{{&lt; count places &gt;}} platser</p>", "<p>52\u00a0340 platser</p>"},
		{"thousands in English", "en", "<p>{{&lt; count places &gt;}} places</p>", "<p>52,340 places</p>"},
		{"in code", "sv", "<p><code>{{&lt; count eservices &gt;}}</code> ger {{&lt; count eservices &gt;}}</p>", "<p><code>{{&lt; count eservices &gt;}}</code> ger 110</p>"},
		{"in a code block", "sv", "<pre><code class=\"language-md\">{{&lt; count eservices &gt;}}\n</code></pre><p>{{&lt; count eservices &gt;}}</p>", "<pre><code class=\"language-md\">{{&lt; count eservices &gt;}}\n</code></pre><p>110</p>"},
		{"unknown", "sv", "<p>{{&lt; count kommuner &gt;}}</p>", "<p>{{&lt; count kommuner &gt;}}</p>"},
		{"unclosed code", "sv", "<p><code>{{&lt; count eservices &gt;}}", "<p><code>{{&lt; count eservices &gt;}}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fillFigures(tt.in, tt.lang, figures); got != tt.want {
				t.Errorf("fillFigures(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestSizeText: sizes for readers, in SI units with a decimal comma in
// Swedish.
func TestSizeText(t *testing.T) {
	tests := []struct {
		lang string
		n    int64
		want string
	}{
		{"sv", 0, "0\u00a0byte"}, {"en", 1, "1\u00a0byte"}, {"en", 999, "999\u00a0bytes"}, {"sv", 999, "999\u00a0byte"},
		{"sv", 1000, "1,0\u00a0kB"}, {"en", 121937, "121.9\u00a0kB"}, {"sv", 999949, "999,9\u00a0kB"},
		{"sv", 12_345_678, "12,3\u00a0MB"}, {"en", 1_000_000, "1.0\u00a0MB"},
	}
	for _, tt := range tests {
		if got := sizeText(tt.lang, tt.n); got != tt.want {
			t.Errorf("sizeText(%s, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}
