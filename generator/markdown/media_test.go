package markdown

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"testing"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/internal/golden"
	"github.com/esamverkan/guidemap/generator/media"
)

// testMedia is the media files of the fake site: what load would read.
func testMedia(t *testing.T) *media.Library {
	t.Helper()
	enc := func(f func(*bytes.Buffer) error) []byte {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	pngOf := func(w, h int) []byte {
		return enc(func(b *bytes.Buffer) error { return png.Encode(b, image.NewGray(image.Rect(0, 0, w, h))) })
	}
	jpg := enc(func(b *bytes.Buffer) error { return jpeg.Encode(b, image.NewGray(image.Rect(0, 0, 640, 480)), nil) })
	// A lossless WebP's header, 800 × 600.
	bits := uint32(799) | uint32(599)<<14
	webp := append([]byte("RIFF\x14\x00\x00\x00WEBPVP8L\x08\x00\x00\x00\x2f"), byte(bits), byte(bits>>8), byte(bits>>16), byte(bits>>24), 0, 0, 0)
	pdf := func(size int) []byte { return append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte{'\n'}, size-9)...) }
	files := map[string][]byte{
		"content/guides/bygglov/ritning.png":      pngOf(300, 200),
		"content/guides/bygglov/foto.jpg":         jpg,
		"content/guides/bygglov/min bild.webp":    webp,
		"content/guides/bygglov/stor.png":         append(pngOf(2000, 1500), make([]byte, 600<<10)...),
		"content/guides/bygglov/farlig.svg":       []byte("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n  <rect width=\"10\" height=\"10\"/>\n  <script>alert(1)</script>\n</svg>\n"),
		"content/guides/bygglov/fel.png":          jpg,
		"content/guides/bygglov/dokument.docx":    []byte("PK"),
		"content/media/karta.svg":                 []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><rect width="400" height="300"/></svg>`),
		"content/media/blankett.pdf":              pdf(120 << 10),
		"content/media/stor.pdf":                  pdf(6 << 20),
		"content/guides/bygglov/ej-publicerad.md": nil, // not media: not in the library
	}
	var fs []*media.File
	for p, data := range files {
		if _, ok := media.KindOf(p); ok {
			fs = append(fs, media.Read(p, data))
		}
	}
	return media.NewLibrary(fs)
}

// TestMediaGolden renders links to images and files, found and not, in
// Swedish and English, and checks the HTML and the diagnostics.
func TestMediaGolden(t *testing.T) {
	lib := testMedia(t)
	src, err := os.ReadFile("testdata/media/media.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ file, lang, golden string }{
		{"content/guides/bygglov.md", "sv", "media"},
		{"content/guides/bygglov.en.md", "en", "media.en"},
	} {
		t.Run(c.golden, func(t *testing.T) {
			env := testEnv("/org/site/")
			env.Media, env.MediaFiles, env.Lang = lib.Get, lib.Paths(), c.lang
			var l diag.List
			res := New(Options{}).Render(Sections(c.file, src, 5), env, &l)
			var b bytes.Buffer
			b.WriteString("== html\n" + res.HTML + "== diagnostics\n")
			for _, d := range l.Items() {
				b.WriteString(d.String() + "\n")
			}
			b.WriteString("== links\n")
			for _, k := range res.Links {
				b.WriteString(k.Pos.String() + " " + k.Written + "\n")
			}
			golden.Compare(t, "testdata/media/"+c.golden+".golden", b.Bytes())
		})
	}
}
