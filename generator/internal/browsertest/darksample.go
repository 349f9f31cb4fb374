package browsertest

import (
	"os"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// darkSample picks the pages whose dark-scheme colour runs cover all the
// others. An element's colours come from the rules that match it and its
// ancestors: its path, each element on it written as a style sheet sees
// it (tag, classes and the attributes style sheets select on). A page is
// picked when it has a path no page before it (in path order) had, so
// every path is checked in the dark at least once; pages whose paths were
// all seen differ from those only in their words. On the example site this
// is about one page in twelve, and the choice is the same on every run.
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
		var walk func(n *html.Node, path string)
		walk = func(n *html.Node, path string) {
			if n.Type == html.ElementNode {
				path += ">" + elementKey(n)
				if !seen[path] {
					seen[path] = true
					sample[p.Path] = true
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, path)
			}
		}
		walk(doc, "")
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
		case "d", "x", "y", "cx", "cy", "r", "rx", "ry", "x1", "x2", "y1", "y2", "points", "transform", "viewBox",
			"width", "height", "aria-label", "data-lat", "data-lon", "data-value", "for", "name", "value", "hreflang", "data-proj", "stroke-width":
			// Where it is drawn and what it is called, not its colours.
			attrs = append(attrs, "["+a.Key+"]")
		default:
			attrs = append(attrs, "["+a.Key+"="+a.Val+"]")
		}
	}
	slices.Sort(attrs)
	b.WriteString(strings.Join(attrs, ""))
	return b.String()
}
