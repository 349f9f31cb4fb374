package search

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Sections cuts a rendered body into its sections at every h2 and h3 with
// an id: the text before the first heading, then each heading with the
// text up to the next. Only text is kept; markup and entities are gone.
func Sections(body string) []Section {
	z := html.NewTokenizer(strings.NewReader(body))
	var out []Section
	cur := Section{}
	var text, heading strings.Builder
	inHeading := 0 // the depth of h2/h3 being read
	flush := func() {
		cur.Text = collapse(text.String())
		if cur.Text != "" || cur.Anchor != "" {
			out = append(out, cur)
		}
		text.Reset()
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return out
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			if (string(name) == "h2" || string(name) == "h3") && inHeading == 0 {
				id := ""
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "id" {
						id = string(v)
					}
				}
				if id != "" {
					flush()
					cur = Section{Anchor: id}
					heading.Reset()
					inHeading = 1
				}
				continue
			}
			if isBlock(string(name)) {
				text.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if inHeading > 0 && (string(name) == "h2" || string(name) == "h3") {
				cur.Heading = collapse(heading.String())
				inHeading = 0
				continue
			}
			if isBlock(string(name)) {
				text.WriteByte(' ')
			}
		case html.TextToken:
			if inHeading > 0 {
				heading.Write(z.Text())
			} else {
				text.Write(z.Text())
			}
		}
	}
}

func isBlock(tag string) bool {
	switch tag {
	case "p", "li", "td", "th", "br", "div", "dt", "dd", "h1", "h4", "h5", "h6", "blockquote", "pre", "tr", "figcaption":
		return true
	}
	return false
}

// collapse is s with every run of white space made one space, trimmed.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
