package render

import (
	"bytes"
	"encoding/xml"
	"strings"

	"github.com/esamverkan/guidemap/generator/output"
)

// sitemap lists the canonical pages.
func (r *renderer) sitemap(pages []page) output.File {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range pages {
		if !p.sitemap {
			continue
		}
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(r.abs(p.url())))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return output.File{Path: "sitemap.xml", Data: b.Bytes()}
}

// robots allows everything and names the sitemap.
func (r *renderer) robots() output.File {
	return output.File{Path: "robots.txt", Data: []byte("User-agent: *\nAllow: /\n\nSitemap: " + r.abs("/sitemap.xml") + "\n")}
}

// CSP is the Content-Security-Policy of every page: only the site's own
// files, no inline script or style, no frames, no plugins.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// SVGCSP is the Content-Security-Policy of an SVG image of content,
// opened on its own: its own styles, and nothing else.
const SVGCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"

// headers is the _headers file that Netlify, Cloudflare Pages and others
// read: security headers for every page and long caching for the hashed
// assets.
func (r *renderer) headers() output.File {
	base := r.opt.BasePath
	var b strings.Builder
	b.WriteString(base + "*\n")
	b.WriteString("  Content-Security-Policy: " + CSP + "\n")
	b.WriteString("  X-Content-Type-Options: nosniff\n")
	b.WriteString("  Referrer-Policy: strict-origin-when-cross-origin\n")
	b.WriteString("  Permissions-Policy: camera=(), microphone=(), payment=(), usb=(), interest-cohort=()\n")
	b.WriteString("  Cross-Origin-Opener-Policy: same-origin\n")
	b.WriteString("  Strict-Transport-Security: max-age=31536000\n")
	b.WriteString("  X-Frame-Options: DENY\n")
	b.WriteString(base + "assets/*\n")
	b.WriteString("  Cache-Control: public, max-age=31536000, immutable\n")
	if len(r.opt.Media) > 0 {
		// Content's images and attachments have hashed names too. An SVG
		// opened on its own (not as an <img>) is a document: it runs in a
		// sandbox, with no script, as content's SVGs hold none (media).
		b.WriteString(base + "media/*\n")
		b.WriteString("  Cache-Control: public, max-age=31536000, immutable\n")
		for _, f := range r.opt.Media {
			if strings.HasSuffix(f.Path, ".svg") {
				b.WriteString(base + f.Path + "\n")
				b.WriteString("  Content-Security-Policy: " + SVGCSP + "\n")
			}
		}
	}
	return output.File{Path: "_headers", Data: []byte(b.String())}
}
