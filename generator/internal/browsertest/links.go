package browsertest

import (
	"context"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

// Link is a link, or something that looks like one, on the loaded page.
type Link struct {
	Index   int    // its index among the page's elements matching linkSelector
	Tag     string // a, area, or the element acting as a link
	HTML    string // its start tag
	Text    string // its text, shortened
	Href    string // the href attribute as written ("" when missing)
	URL     string // the href resolved against the page's address
	Role    string
	OnClick bool // has an onclick attribute
	InNav   bool // inside a <nav>
}

// ScriptOnly says why the link needs JavaScript to work, or "" when it is
// a plain link a browser follows by itself.
func (l Link) ScriptOnly() string {
	href := strings.TrimSpace(l.Href)
	switch {
	case l.Tag != "a" && l.Tag != "area":
		return "a " + l.Tag + " acting as a link (role=link or onclick); use <a href>"
	case href == "":
		return "no href"
	case strings.HasPrefix(strings.ToLower(href), "javascript:"):
		return "a javascript: URL"
	case href == "#":
		return `href="#" goes nowhere`
	case l.Role == "button":
		return "role=button: a script-driven control"
	case l.OnClick:
		return "onclick handler"
	}
	return ""
}

// Links lists the page's links (a and area elements), and the elements that
// act as links without being ones (role=link, onclick), in document order.
// It reads the DOM, so it works with the page's JavaScript turned off.
func Links(ctx context.Context) ([]Link, error) {
	return Eval[[]Link](ctx, fmt.Sprintf(`(() => {
  const els = Array.from(document.querySelectorAll(%q));
  return els.map((el, i) => {
    const tag = el.localName;
    const html = el.outerHTML.slice(0, el.outerHTML.indexOf(">") + 1);
    const href = el.getAttribute("href");
    return {
      Index: i, Tag: tag, HTML: html.length > 160 ? html.slice(0, 157) + "..." : html,
      Text: (el.innerText || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 60),
      Href: href === null ? "" : href, URL: href === null ? "" : new URL(href, document.baseURI).href,
      Role: el.getAttribute("role") || "", OnClick: el.hasAttribute("onclick"), InNav: !!el.closest("nav"),
    };
  });
})()`, linkSelector))
}

// linkSelector finds links and the elements that act as ones.
const linkSelector = "a, area, [role=link], [onclick]"

// Arrival is where following a link led.
type Arrival struct {
	Status int    // HTTP status of the document
	URL    string // the address after the navigation
	Title  string
	H1     string // the text of the first h1
}

// Follow clicks the link with the mouse, as a visitor does, waits for the
// page it leads to and describes it. The link must be on the page loaded in
// the tab.
func Follow(ctx context.Context, l Link) (Arrival, error) {
	var a Arrival
	// Scroll the link into view and mark it with an attribute, for the
	// click to find it.
	marked, err := Eval[bool](ctx, fmt.Sprintf(`(() => {
  const el = document.querySelectorAll(%q)[%d];
  if (!el) return false;
  el.setAttribute("data-gm-follow", "");
  el.scrollIntoView({block: "center"});
  return true;
})()`, linkSelector, l.Index))
	if err != nil {
		return a, err
	}
	if !marked {
		return a, fmt.Errorf("link %s (number %d) not found", l.HTML, l.Index)
	}
	err = withTimeout(ctx, "click "+l.HTML, func(ctx context.Context) error {
		resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("[data-gm-follow]")))
		if err != nil {
			return err
		}
		if resp != nil {
			a.Status = int(resp.Status)
		}
		return nil
	})
	if err != nil {
		return a, err
	}
	a.URL, err = Eval[string](ctx, `location.href`)
	if err != nil {
		return a, err
	}
	info, err := Eval[struct{ Title, H1 string }](ctx, `({Title: document.title, H1: (document.querySelector("h1") || {}).textContent || ""})`)
	a.Title, a.H1 = info.Title, strings.TrimSpace(info.H1)
	return a, err
}
