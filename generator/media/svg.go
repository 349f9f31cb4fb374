package media

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// SVGInfo is what ReadSVG finds of an SVG image.
type SVGInfo struct {
	Width, Height int // in CSS pixels, from width and height or the viewBox
}

// maxSVGSide is the largest width or height taken from an SVG.
const maxSVGSide = 100000

// ReadSVG reads an SVG image's size and checks that it is safe to
// publish: no script element, no foreignObject (HTML inside the image),
// no event attribute (onload, onclick, …) and no javascript: address.
// Browsers run none of them in an <img>, which is how guidemap shows
// SVG, but a reader may open the file on its own. The size comes from
// the root's width and height when both are plain numbers (or in px),
// else from its viewBox. The first problem found is returned, at its line
// and column.
func ReadSVG(data []byte) (SVGInfo, *Problem) {
	var info SVGInfo
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	root := true
	for {
		line, col := d.InputPos() // where the next token starts (after the last one)
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, col = d.InputPos()
			return SVGInfo{}, &Problem{Line: line, Col: col, Msg: "is not an SVG image that can be read: " + xmlErr(err),
				Hint: "save the image again as SVG (plain SVG, not with an editor's own additions)"}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if root {
				root = false
				if name != "svg" {
					return SVGInfo{}, &Problem{Line: line, Col: col, Msg: fmt.Sprintf("is not an SVG image: its first element is <%s>", t.Name.Local),
						Hint: "save the image as SVG"}
				}
				w, h, ok := svgSize(t.Attr)
				if !ok {
					return SVGInfo{}, &Problem{Line: line, Col: col, Msg: "has no size: its <svg> element has neither a viewBox nor a width and height in pixels",
						Hint: `add a viewBox, e.g. viewBox="0 0 640 360", to the <svg> element`}
				}
				info.Width, info.Height = w, h
			}
			switch name {
			case "script":
				return SVGInfo{}, unsafeSVG(line, col, "a <script> element")
			case "foreignobject":
				return SVGInfo{}, unsafeSVG(line, col, "a <foreignObject> element (HTML inside the image)")
			}
			for _, a := range t.Attr {
				an := strings.ToLower(a.Name.Local)
				if strings.HasPrefix(an, "on") {
					return SVGInfo{}, unsafeSVG(line, col, fmt.Sprintf("an event attribute %s=", a.Name.Local))
				}
				if jsURL(a.Value) {
					return SVGInfo{}, unsafeSVG(line, col, fmt.Sprintf("a javascript: address in %s=", a.Name.Local))
				}
			}
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				return SVGInfo{}, unsafeSVG(line, col, "an entity declaration (<!ENTITY …>)")
			}
		}
	}
	if root {
		return SVGInfo{}, &Problem{Msg: "is empty: it has no <svg> element", Hint: "save the image again as SVG"}
	}
	return info, nil
}

func unsafeSVG(line, col int, what string) *Problem {
	return &Problem{Line: line, Col: col, Msg: "holds " + what + ", which is not published: an image may not run code",
		Hint: "remove it from the file, or export the image again as plain SVG without scripts or interactivity"}
}

// xmlErr is the text of an XML error without the line the Problem gives.
func xmlErr(err error) string {
	if se, ok := err.(*xml.SyntaxError); ok {
		return se.Msg
	}
	return err.Error()
}

// jsURL tells whether an attribute's value is a javascript: address, as
// a browser reads it (case, spaces and control characters ignored).
func jsURL(v string) bool {
	var b strings.Builder
	for _, r := range v {
		if r <= ' ' {
			continue
		}
		b.WriteRune(r)
		if b.Len() >= len("javascript:") {
			break
		}
	}
	return strings.EqualFold(b.String(), "javascript:")
}

// svgSize is the size of an SVG from its root's attributes.
func svgSize(attrs []xml.Attr) (w, h int, ok bool) {
	var ws, hs, vb string
	for _, a := range attrs {
		if a.Name.Space != "" {
			continue
		}
		switch a.Name.Local {
		case "width":
			ws = a.Value
		case "height":
			hs = a.Value
		case "viewBox":
			vb = a.Value
		}
	}
	if wf, okw := pixels(ws); okw {
		if hf, okh := pixels(hs); okh {
			return side(wf), side(hf), true
		}
	}
	f := strings.FieldsFunc(vb, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' || r == '\r' })
	if len(f) != 4 {
		return 0, 0, false
	}
	wf, err1 := strconv.ParseFloat(f[2], 64)
	hf, err2 := strconv.ParseFloat(f[3], 64)
	if err1 != nil || err2 != nil || !good(wf) || !good(hf) {
		return 0, 0, false
	}
	return side(wf), side(hf), true
}

// pixels reads a length in CSS pixels ("640", "640px").
func pixels(s string) (float64, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil && good(v)
}

func good(v float64) bool { return v > 0 && v <= maxSVGSide && !math.IsNaN(v) }

// side rounds a length to whole pixels, at least 1.
func side(v float64) int { return max(1, int(math.Round(v))) }
