package browsertest

import (
	"os"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// darkSample picks the pages whose dark-scheme colour run covers all the
// others: the first page (in path order) of each element structure. A
// page's structure is the set of its elements, each written as its parent
// and itself (tag, classes and the attributes style sheets select on), so
// two pages with the same structure get the same colours from the same
// rules; only their words differ. On the example site this is about one
// page in twelve, which saves a fifth of the suite's time, and the choice
// is the same on every run.
//
// Every page still gets the full WCAG run in the light scheme.
func darkSample(pages []Page) (map[string]bool, error) {
	seen := map[string]bool{}
	sample := map[string]bool{}
	for _, p := range pages { // sorted by path
		b, err := os.ReadFile(p.File)
		if err != nil {
			return nil, err
		}
		doc, err := html.Parse(strings.NewReader(string(b)))
		if err != nil {
			return nil, err
		}
		set := map[string]bool{}
		var walk func(n *html.Node, parent string)
		walk = func(n *html.Node, parent string) {
			key := parent
			if n.Type == html.ElementNode {
				key = elementKey(n)
				set[parent+">"+key] = true
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, key)
			}
		}
		walk(doc, "")
		keys := make([]string, 0, len(set))
		for k := range set {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		sig := strings.Join(keys, "\n")
		if !seen[sig] {
			seen[sig] = true
			sample[p.Path] = true
		}
	}
	return sample, nil
}

// elementKey writes an element as a style sheet sees it: tag, sorted
// classes, and the attributes (with their values where rules select on
// them) that can change its colours.
func elementKey(n *html.Node) string {
	var b strings.Builder
	b.WriteString(n.Data)
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			cls := strings.Fields(a.Val)
			slices.Sort(cls)
			for _, c := range cls {
				b.WriteString("." + c)
			}
		}
	}
	var attrs []string
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id", "href", "src", "alt", "title", "datetime", "content", "aria-labelledby", "aria-describedby":
			// Values that differ page by page but do not pick styles
			// (an external href is marked below).
			if a.Key == "href" && (strings.HasPrefix(a.Val, "http:") || strings.HasPrefix(a.Val, "https:")) {
				attrs = append(attrs, "[href^=http]")
			}
		default:
			attrs = append(attrs, "["+a.Key+"="+a.Val+"]")
		}
	}
	slices.Sort(attrs)
	b.WriteString(strings.Join(attrs, ""))
	return b.String()
}
