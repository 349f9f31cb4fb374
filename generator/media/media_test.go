package media

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

// pngOf is a PNG image of w × h pixels.
func pngOf(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.RGBA{R: 200, A: 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// jpegOf is a JPEG image of w × h pixels.
func jpegOf(t testing.TB, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// webpOf is the header of a lossless WebP image of w × h pixels (all that
// DecodeConfig reads).
func webpOf(w, h int) []byte {
	bits := uint32(w-1) | uint32(h-1)<<14
	vp8l := []byte{0x2f, byte(bits), byte(bits >> 8), byte(bits >> 16), byte(bits >> 24), 0, 0, 0}
	var b bytes.Buffer
	b.WriteString("RIFF")
	size := 4 + 8 + len(vp8l)
	b.Write([]byte{byte(size), byte(size >> 8), 0, 0})
	b.WriteString("WEBPVP8L")
	b.Write([]byte{byte(len(vp8l)), 0, 0, 0})
	b.Write(vp8l)
	return b.Bytes()
}

func TestRead(t *testing.T) {
	tests := []struct {
		name, path string
		data       []byte
		w, h       int
		problem    string // a part of the problem's text; "" for none
		line       int
	}{
		{name: "png", path: "a.png", data: pngOf(t, 300, 200), w: 300, h: 200},
		{name: "png upper-case extension", path: "a.PNG", data: pngOf(t, 3, 2), w: 3, h: 2},
		{name: "jpeg", path: "a.jpg", data: jpegOf(t, 64, 48), w: 64, h: 48},
		{name: "jpeg long extension", path: "a.jpeg", data: jpegOf(t, 8, 9), w: 8, h: 9},
		{name: "webp", path: "a.webp", data: webpOf(640, 360), w: 640, h: 360},
		{name: "svg width and height", path: "a.svg", data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80px"/>`), w: 120, h: 80},
		{name: "svg viewBox", path: "a.svg", data: []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400.4 299.6"><rect width="1" height="1"/></svg>`), w: 400, h: 300},
		{name: "svg width in % uses viewBox", path: "a.svg", data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%" viewBox="0,0,50,25"/>`), w: 50, h: 25},
		{name: "pdf", path: "a.pdf", data: []byte("%PDF-1.4\n%%EOF\n")},
		{name: "png that is a jpeg", path: "a.png", data: jpegOf(t, 8, 8), problem: "is a JPEG image under a PNG name"},
		{name: "png that is text", path: "a.png", data: []byte("hej"), problem: "is not a PNG image that can be read"},
		{name: "pdf that is not", path: "a.pdf", data: []byte("<html>"), problem: "is not a PDF file"},
		{name: "svg without size", path: "a.svg", data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), problem: "has no size", line: 1},
		{name: "svg with em size and no viewBox", path: "a.svg", data: []byte(`<svg width="10em" height="5em"/>`), problem: "has no size"},
		{name: "not svg", path: "a.svg", data: []byte(`<html><body/></html>`), problem: "its first element is <html>"},
		{name: "broken svg", path: "a.svg", data: []byte("<svg viewBox=\"0 0 1 1\">\n<g>\n</svg>"), problem: "is not an SVG image that can be read", line: 3},
		{name: "empty svg", path: "a.svg", data: []byte(""), problem: "is empty"},
		{name: "svg with script", path: "a.svg", data: []byte("<svg viewBox=\"0 0 1 1\">\n  <script>alert(1)</script>\n</svg>"), problem: "holds a <script> element", line: 2},
		{name: "svg with namespaced script", path: "a.svg", data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><s:script/></svg>`), problem: "holds a <script> element"},
		{name: "svg with onload", path: "a.svg", data: []byte(`<svg viewBox="0 0 1 1" onload="alert(1)"/>`), problem: "an event attribute onload="},
		{name: "svg with ONCLICK", path: "a.svg", data: []byte(`<svg viewBox="0 0 1 1"><rect ONCLICK="x"/></svg>`), problem: "an event attribute ONCLICK="},
		{name: "svg with javascript href", path: "a.svg", data: []byte(`<svg viewBox="0 0 1 1" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href=" java&#x09;script:alert(1)"><text>x</text></a></svg>`), problem: "a javascript: address in href="},
		{name: "svg with foreignObject", path: "a.svg", data: []byte(`<svg viewBox="0 0 1 1"><foreignObject><p>x</p></foreignObject></svg>`), problem: "<foreignObject>"},
		{name: "svg with entity", path: "a.svg", data: []byte(`<!DOCTYPE svg [<!ENTITY x "y">]><svg viewBox="0 0 1 1"/>`), problem: "an entity declaration"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Read(tt.path, tt.data)
			if tt.problem == "" {
				if f.Problem != nil {
					t.Fatalf("problem %q", f.Problem.Msg)
				}
				if f.Width != tt.w || f.Height != tt.h {
					t.Errorf("size %d × %d, want %d × %d", f.Width, f.Height, tt.w, tt.h)
				}
				if !bytes.Equal(f.Data, tt.data) || f.Size != int64(len(tt.data)) {
					t.Errorf("data or size not kept")
				}
				return
			}
			if f.Problem == nil {
				t.Fatalf("no problem, want %q", tt.problem)
			}
			if !strings.Contains(f.Problem.Msg, tt.problem) {
				t.Errorf("problem %q, want it to hold %q", f.Problem.Msg, tt.problem)
			}
			if f.Problem.Hint == "" {
				t.Error("no hint")
			}
			if tt.line != 0 && f.Problem.Line != tt.line {
				t.Errorf("at line %d, want %d", f.Problem.Line, tt.line)
			}
			if f.Data != nil {
				t.Error("a file with a problem keeps its data: it would be published")
			}
		})
	}
}

func TestCandidates(t *testing.T) {
	tests := []struct {
		from, dest string
		want       []string
	}{
		{"content/guides/bygglov.md", "ritning.png", []string{"content/guides/bygglov/ritning.png", "content/guides/ritning.png", "content/media/ritning.png"}},
		{"content/guides/bygglov.en.md", "ritning.png", []string{"content/guides/bygglov/ritning.png", "content/guides/ritning.png", "content/media/ritning.png"}},
		{"content/guides/bygglov.lattlast.md", "bilder/a.svg", []string{"content/guides/bygglov/bilder/a.svg", "content/guides/bilder/a.svg", "content/media/bilder/a.svg"}},
		{"content/municipalities/timra/guides/bygglov.md", "karta.webp", []string{"content/municipalities/timra/guides/bygglov/karta.webp", "content/municipalities/timra/guides/karta.webp", "content/media/karta.webp"}},
		{"content/guides/bygglov.md", "../media/x.svg", []string{"content/guides/media/x.svg", "content/media/x.svg"}},
		{"content/guides/bygglov.md", "/media/x.svg", []string{"content/media/x.svg"}},
		{"content/guides/bygglov.md", "/media/../media/x.svg", []string{"content/media/x.svg"}},
		{"content/guides/bygglov.md", "/assets/x.svg", nil},
		{"content/guides/bygglov.md", "/media/../../etc/passwd.png", nil},
		{"content/guides/bygglov.md", "../../../etc/passwd.png", nil},
		{"content/guides/bygglov.md", "../../etc/passwd.png", []string{"content/etc/passwd.png"}}, // still in content/
	}
	for _, tt := range tests {
		got := Candidates(tt.from, tt.dest)
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("Candidates(%q, %q) = %q, want %q", tt.from, tt.dest, got, tt.want)
		}
	}
}

func TestFormatSize(t *testing.T) {
	tests := []struct {
		n      int64
		sv, en string
	}{
		{0, "0 B", "0 B"},
		{900, "900 B", "900 B"},
		{1024, "1 kB", "1 kB"},
		{120 * 1024, "120 kB", "120 kB"},
		{1<<20 - 1, "1,0 MB", "1.0 MB"},
		{1258291, "1,2 MB", "1.2 MB"},
		{6 << 20, "6,0 MB", "6.0 MB"},
		{15 << 20, "15 MB", "15 MB"},
	}
	for _, tt := range tests {
		if got := FormatSize(tt.n, "sv"); got != tt.sv {
			t.Errorf("FormatSize(%d, sv) = %q, want %q", tt.n, got, tt.sv)
		}
		if got := FormatSize(tt.n, "en"); got != tt.en {
			t.Errorf("FormatSize(%d, en) = %q, want %q", tt.n, got, tt.en)
		}
	}
}

func TestURL(t *testing.T) {
	data := pngOf(t, 2, 2)
	tests := []struct{ path, prefix, ext string }{
		{"content/guides/bygglov/ritning.png", "/media/ritning.", ".png"},
		{"content/media/Karta över Timrå.PNG", "/media/karta-over-timra.", ".png"},
		{"content/media/foto.JPEG", "/media/foto.", ".jpg"},
		{"content/media/___.svg", "/media/fil.", ".svg"},
	}
	for _, tt := range tests {
		u := (&File{Path: tt.path, Sum: Read("x.png", data).Sum}).URL()
		if !strings.HasPrefix(u, tt.prefix) || !strings.HasSuffix(u, tt.ext) || len(u) != len(tt.prefix)+10+len(tt.ext) {
			t.Errorf("URL of %s = %q, want %s<10 hex>%s", tt.path, u, tt.prefix, tt.ext)
		}
	}
	// The same content under the same name is one file; other content is
	// another.
	a := Read("content/guides/a/x.png", data)
	b := Read("content/guides/b/x.png", data)
	c := Read("content/guides/c/x.png", pngOf(t, 3, 3))
	if a.URL() != b.URL() || a.URL() == c.URL() {
		t.Errorf("URLs %s %s %s: want the first two equal, the third other", a.URL(), b.URL(), c.URL())
	}
	lib := NewLibrary([]*File{c, b, a, Read("content/media/bad.svg", []byte("<svg/>"))})
	pub := lib.Published()
	if len(pub) != 2 {
		t.Errorf("published %d files, want 2 (one of the same two, none with a problem)", len(pub))
	}
	if lib.Digest() == NewLibrary([]*File{a, b}).Digest() {
		t.Error("libraries of other files have the same digest")
	}
}

func TestBigWarning(t *testing.T) {
	tests := []struct {
		kind Kind
		size int64
		want string
	}{
		{PNG, BigImage, ""},
		{PNG, BigImage + 1, "is 500 kB: an image over 500 kB"},
		{SVG, 800 << 10, "is 800 kB"},
		{PDF, 4 << 20, ""},
		{PDF, 6 << 20, "is 6.0 MB: a PDF over 5.0 MB"},
	}
	for _, tt := range tests {
		msg, hint := (&File{Kind: tt.kind, Size: tt.size}).BigWarning()
		if !strings.HasPrefix(msg, tt.want) || (tt.want == "") != (msg == "") || (msg != "") != (hint != "") {
			t.Errorf("%s of %d bytes: %q (%q), want %q", tt.kind, tt.size, msg, hint, tt.want)
		}
	}
}

// FuzzReadSVG: no input makes ReadSVG panic, and a size it reads is
// within bounds.
func FuzzReadSVG(f *testing.F) {
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 300" width="720" height="300"><rect/></svg>`))
	f.Add([]byte(`<svg width="1e9" height="-1" viewBox="NaN 0 Inf 1"/>`))
	f.Add([]byte(`<svg viewBox="0 0 1 1"><a href="javascript:x"/></svg>`))
	f.Add([]byte(`<!DOCTYPE svg [<!ENTITY a "b">]><svg>&a;</svg>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		info, pr := ReadSVG(data)
		if pr != nil {
			if info != (SVGInfo{}) {
				t.Errorf("a size with a problem: %+v", info)
			}
			return
		}
		if info.Width < 1 || info.Height < 1 || info.Width > maxSVGSide || info.Height > maxSVGSide {
			t.Errorf("size %d × %d", info.Width, info.Height)
		}
	})
}
