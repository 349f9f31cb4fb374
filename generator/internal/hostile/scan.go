package hostile

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
)

// What counts as markup from the input, in the output's bytes (Scan) and in
// the browser's DOM (FindingsJS), the same rules in both:
//
//   - an attribute whose name starts with "on" (an event handler: the
//     theme has none, its CSP forbids them);
//   - an attribute the payloads set: style, data-x, hidden on a heading;
//   - a script that is neither the theme's (src) nor data
//     (type="application/ld+json");
//   - an iframe, object, embed, base, frame or applet; a form without a
//     class (the theme's forms, in its layouts and those its scripts
//     make, all have one); an input named "pwn"; an img whose src is "x";
//   - a URL attribute (href, src, action, formaction, xlink:href, poster,
//     srcdoc) with a javascript:, vbscript: or data: scheme, however
//     written (control characters and spaces, any case).

// urlAttrs are the attributes whose value is a URL a browser follows.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true, "poster": true, "srcdoc": true}

// dangerousURL tells whether v is a javascript:, vbscript: or data: URL
// as a browser reads it.
func dangerousURL(v string) bool {
	var b strings.Builder
	for _, r := range v {
		if r > ' ' {
			b.WriteRune(r)
		}
	}
	s := strings.ToLower(b.String())
	for _, scheme := range []string{"javascript:", "vbscript:", "data:"} {
		if strings.HasPrefix(s, scheme) {
			return true
		}
	}
	return false
}

// Finding is markup from the input found in a page.
type Finding struct {
	Page, What string
}

// Scan parses an HTML page (or an SVG file) and returns the markup from
// the input in it, the text of the page (text nodes and the values of
// attributes that are text: alt, title, aria-label, content, value,
// placeholder), and the JSON-LD blocks.
func Scan(page string, src []byte) (findings []Finding, text string, ld []string) {
	doc, err := html.Parse(strings.NewReader(string(src)))
	if err != nil {
		return []Finding{{page, "does not parse: " + err.Error()}}, "", nil
	}
	var tb strings.Builder
	add := func(what string) { findings = append(findings, Finding{page, what}) }
	for n := range doc.Descendants() {
		switch n.Type {
		case html.TextNode:
			if p := n.Parent; p != nil && p.Type == html.ElementNode && p.Data == "script" {
				if attr(p, "type") == "application/ld+json" {
					ld = append(ld, n.Data)
				}
				continue
			}
			tb.WriteString(n.Data)
			tb.WriteByte('\n')
			continue
		case html.ElementNode:
		default:
			continue
		}
		for _, a := range n.Attr {
			k := a.Key
			if a.Namespace != "" {
				k = a.Namespace + ":" + a.Key
			}
			switch {
			case strings.HasPrefix(strings.ToLower(a.Key), "on"):
				add("event handler <" + n.Data + " " + k + "=" + a.Val + ">")
			case a.Key == "style" || a.Key == "data-x" || a.Key == "data-pwn" || a.Key == "hidden" && len(n.Data) == 2 && n.Data[0] == 'h':
				add("attribute <" + n.Data + " " + k + ">")
			case urlAttrs[a.Key] && dangerousURL(a.Val):
				add("URL <" + n.Data + " " + k + "=" + a.Val + ">")
			}
			switch a.Key {
			case "alt", "title", "aria-label", "content", "value", "placeholder":
				tb.WriteString(a.Val)
				tb.WriteByte('\n')
			}
		}
		switch n.Data {
		case "script":
			if attr(n, "src") == "" && attr(n, "type") != "application/ld+json" {
				add("inline <script>")
			}
		case "iframe", "object", "embed", "base", "frame", "applet":
			add("<" + n.Data + ">")
		case "form":
			if _, ok := attrOK(n, "class"); !ok {
				add("<form> without class")
			}
		case "input":
			if attr(n, "name") == "pwn" {
				add(`<input name="pwn">`)
			}
		case "img":
			if attr(n, "src") == "x" {
				add(`<img src="x">`)
			}
		}
	}
	for _, s := range ld {
		l := strings.ToLower(s)
		if strings.Contains(l, "</script") || strings.Contains(l, "<!--") {
			add("JSON-LD holds </script or <!--")
		}
		if !json.Valid([]byte(s)) {
			add("JSON-LD is not JSON: " + s)
		}
	}
	return findings, tb.String(), ld
}

func attr(n *html.Node, k string) string {
	v, _ := attrOK(n, k)
	return v
}

func attrOK(n *html.Node, k string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == k && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

// FindingsJS is a JavaScript expression that returns, as an array of
// strings, the markup from the input in the document as it is now (after
// its scripts ran): Scan's rules, on the DOM.
const FindingsJS = `(() => {
  const out = [];
  const bad = s => { const t = String(s).replace(/[\x00-\x20]/g, "").toLowerCase();
    return t.startsWith("javascript:") || t.startsWith("vbscript:") || t.startsWith("data:"); };
  const urlAttrs = ["href", "src", "action", "formaction", "xlink:href", "poster", "srcdoc"];
  for (const e of document.querySelectorAll("*")) {
    const tag = e.localName;
    for (const a of Array.from(e.attributes)) {
      const k = a.name.toLowerCase();
      if (k.startsWith("on")) out.push("event handler <" + tag + " " + k + ">");
      else if (k === "style" || k === "data-x" || k === "data-pwn" || (k === "hidden" && /^h[1-6]$/.test(tag))) out.push("attribute <" + tag + " " + k + ">");
      else if (urlAttrs.includes(k) && bad(a.value)) out.push("URL <" + tag + " " + k + "=" + a.value + ">");
    }
    if (tag === "script" && !e.hasAttribute("src") && e.getAttribute("type") !== "application/ld+json") out.push("inline <script>");
    if (["iframe", "object", "embed", "base", "frame", "applet"].includes(tag)) out.push("<" + tag + ">");
    if (tag === "form" && !e.hasAttribute("class")) out.push("<form> without class");
    if (tag === "input" && e.getAttribute("name") === "pwn") out.push("<input name=pwn>");
    if (tag === "img" && e.getAttribute("src") === "x") out.push("<img src=x>");
  }
  return out;
})()`

// HookJS, evaluated in every document before its scripts, counts the
// dialogs a payload would open (window.__alerts); a payload that runs
// sets window.__pwned.
const HookJS = `window.__alerts = 0;
for (const f of ["alert", "confirm", "prompt", "print"]) { window[f] = function () { window.__alerts++; }; }`
