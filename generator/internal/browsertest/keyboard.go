package browsertest

import (
	"context"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// MaxTabs bounds a TabWalk: a page with more tab stops is reported as a
// failure of the walk, not walked forever.
const MaxTabs = 400

// Focus is the element that has the focus after a key press, and whether
// a person can see that it has it.
type Focus struct {
	Step    int    // 1 for the first Tab
	Key     int    // the element's index among the page's focusable elements; -1 if unknown
	Path    string // a CSS path of the element
	HTML    string // its start tag
	Text    string // its text, shortened
	ID      string
	Class   string
	Href    string // the href attribute as written
	InMain  bool   // inside <main>
	InView  bool   // has a size and lies (partly) inside the viewport
	Visible bool   // its computed style differs visibly from its unfocused style
	Changed string // the properties that changed on focus, or why none counts
}

// String describes the focused element for a failure message.
func (f Focus) String() string {
	s := fmt.Sprintf("Tab %d: %s %s", f.Step, f.Path, f.HTML)
	if f.Text != "" {
		s += fmt.Sprintf(" %q", f.Text)
	}
	return s
}

// PressKey sends one key (kb.Tab, kb.Enter, ...) to the tab as a keyboard
// does, so the page sees :focus-visible as for a real keyboard user.
func PressKey(ctx context.Context, key string) error {
	return withTimeout(ctx, "press key", func(ctx context.Context) error {
		return chromedp.Do(ctx, chromedp.KeyEvent(key))
	})
}

// TabWalk loads url and presses Tab until the focus leaves the page or
// comes back to the first element it reached, and returns each element it
// reached with whether its focus indicator is visible. Before the first Tab
// it records the computed style of every focusable element; a focused
// element has a visible indicator when, compared with that, its outline (or
// box-shadow, background, colour, border, text decoration, or those of its
// ::before/::after) changed into something that can be seen.
func TabWalk(ctx context.Context, url string) ([]Focus, error) {
	if _, err := Load(ctx, url); err != nil {
		return nil, err
	}
	if _, err := Eval[bool](ctx, focusJS); err != nil {
		return nil, err
	}
	var walk []Focus
	for step := 1; ; step++ {
		if step > MaxTabs {
			return walk, fmt.Errorf("tab walk of %s: still inside the page after %d Tabs", url, MaxTabs)
		}
		if err := PressKey(ctx, kb.Tab); err != nil {
			return walk, err
		}
		f, err := currentFocus(ctx)
		if err != nil {
			return walk, err
		}
		if f == nil || (len(walk) > 0 && f.Key >= 0 && f.Key == walk[0].Key) {
			return walk, nil // left the page, or went round
		}
		f.Step = step
		walk = append(walk, *f)
	}
}

// SkipResult is what SkipLink found.
type SkipResult struct {
	First      *Focus // the element the first Tab focused; nil if none
	AfterEnter string // CSS path of the focused element after Enter on it
	AfterID    string // its id
	Next       *Focus // the element the next Tab focused
}

// SkipLink loads url, presses Tab once (the skip link should get the focus),
// then, if that focused a link within the page, Enter (the focus should
// move to its target, main), then Tab again (the focus should go on inside
// main).
func SkipLink(ctx context.Context, url string) (SkipResult, error) {
	var r SkipResult
	if _, err := Load(ctx, url); err != nil {
		return r, err
	}
	if _, err := Eval[bool](ctx, focusJS); err != nil {
		return r, err
	}
	if err := PressKey(ctx, kb.Tab); err != nil {
		return r, err
	}
	first, err := currentFocus(ctx)
	if err != nil || first == nil {
		return r, err
	}
	first.Step = 1
	r.First = first
	if !strings.HasPrefix(first.Href, "#") {
		return r, nil // not a link within the page: Enter would leave it
	}
	if err := PressKey(ctx, kb.Enter); err != nil {
		return r, err
	}
	after, err := Eval[struct{ Path, ID string }](ctx, `(async () => {
  await new Promise(r => setTimeout(r, 50));
  const el = document.activeElement;
  return {Path: el ? window.__gmFocus.path(el) : "", ID: el ? el.id : ""};
})()`)
	if err != nil {
		return r, err
	}
	r.AfterEnter, r.AfterID = after.Path, after.ID
	if err := PressKey(ctx, kb.Tab); err != nil {
		return r, err
	}
	r.Next, err = currentFocus(ctx)
	if r.Next != nil {
		r.Next.Step = 2
	}
	return r, err
}

func currentFocus(ctx context.Context) (*Focus, error) {
	return Eval[*Focus](ctx, `window.__gmFocus.current()`)
}

// focusJS installs window.__gmFocus: the unfocused styles of every
// focusable element, and current(), which describes the focused element.
const focusJS = `(() => {
  const props = ["outline-style", "outline-width", "outline-color", "outline-offset", "box-shadow",
    "background-color", "background-image", "color",
    "border-top-color", "border-right-color", "border-bottom-color", "border-left-color",
    "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
    "text-decoration-line", "text-decoration-color", "text-decoration-thickness", "text-decoration-style",
    "filter", "transform", "opacity"];
  const snap = el => {
    const o = {};
    for (const pe of ["", "::before", "::after"]) {
      const cs = getComputedStyle(el, pe || null);
      for (const p of props) o[pe + p] = cs.getPropertyValue(p);
      if (pe) o[pe + "content"] = cs.getPropertyValue("content");
    }
    return o;
  };
  const alpha = c => {
    if (c === "transparent") return 0;
    const m = /rgba?\(([^)]*)\)/.exec(c);
    if (!m) return 1;
    const parts = m[1].split(/[\s,\/]+/).filter(Boolean);
    return parts.length > 3 ? parseFloat(parts[3]) : 1;
  };
  const outlineShows = s => s["outline-style"] !== "none" && parseFloat(s["outline-width"]) > 0 && alpha(s["outline-color"]) > 0;
  const path = el => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
      let p = e.localName;
      if (e.id) { parts.unshift(p + "#" + e.id); break; }
      if (e.classList.length) p += "." + Array.from(e.classList).join(".");
      const sib = e.parentElement ? Array.from(e.parentElement.children).filter(c => c.localName === e.localName) : [];
      if (sib.length > 1) p += ":nth-of-type(" + (sib.indexOf(e) + 1) + ")";
      parts.unshift(p);
    }
    return parts.join(" > ");
  };
  const els = Array.from(document.querySelectorAll(
    "a[href], area[href], button, input, select, textarea, summary, iframe, audio[controls], video[controls], [tabindex], [contenteditable]"));
  const before = els.map(snap);
  window.__gmFocus = {
    path,
    current() {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const key = els.indexOf(el);
      const now = snap(el), was = key >= 0 ? before[key] : null;
      const changed = [];
      let visible = false;
      if (was) {
        for (const p of Object.keys(now)) {
          if (now[p] === was[p]) continue;
          changed.push(p + ": " + was[p] + " → " + now[p]);
          const base = p.replace(/^::(before|after)/, "");
          if (base.startsWith("outline-")) {
            const pre = p.slice(0, p.length - base.length), o = {};
            for (const q of ["outline-style", "outline-width", "outline-color"]) o[q] = now[pre + q];
            if (outlineShows(o)) visible = true;
          } else if (base === "box-shadow") {
            if (now[p] !== "none") visible = true;
          } else if (base !== "outline-offset") {
            visible = true;
          }
        }
      }
      const b = el.getBoundingClientRect();
      const inView = b.width > 0 && b.height > 0 && b.bottom > 0 && b.right > 0 && b.top < innerHeight && b.left < innerWidth;
      const tag = el.outerHTML.slice(0, el.outerHTML.indexOf(">") + 1);
      return {
        Key: key, Path: path(el), HTML: tag.length > 160 ? tag.slice(0, 157) + "..." : tag,
        Text: (el.innerText || el.value || "").trim().replace(/\s+/g, " ").slice(0, 60),
        ID: el.id || "", Class: el.getAttribute("class") || "", Href: el.getAttribute("href") || "",
        InMain: !!el.closest("main"), InView: inView, Visible: visible,
        Changed: was ? (changed.join("; ") || "no style changed on focus") : "not a known focusable element",
      };
    },
  };
  return true;
})()`
