package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/output"
	"github.com/tdewolff/minify/v2"
)

// assets are the theme's style sheet and scripts, minified, under names
// that carry a hash of their content so that they can be cached forever.
type assets struct {
	CSS   string            // site-relative URL of the style sheet
	JS    map[string]string // script name (without .js) → site-relative URL
	files []output.File
}

// buildAssets concatenates css/*.css (in name order) into one style sheet,
// minifies every js/*.js and copies static/ as it is.
func buildAssets(theme fs.FS, m *minify.M) (*assets, error) {
	a := &assets{JS: map[string]string{}}
	cssFiles, _ := fs.Glob(theme, "css/*.css")
	sort.Strings(cssFiles)
	var all bytes.Buffer
	var parts []assetPart
	line := 1
	for _, f := range cssFiles {
		b, err := fs.ReadFile(theme, f)
		if err != nil {
			return nil, fmt.Errorf("theme %s: %w", f, err)
		}
		parts = append(parts, assetPart{f, line})
		line += bytes.Count(b, []byte("\n")) + 1
		all.Write(b)
		all.WriteByte('\n')
	}
	if all.Len() > 0 {
		min, err := m.Bytes("text/css", all.Bytes())
		if err != nil {
			return nil, &ThemeError{Diags: []diag.Diagnostic{assetDiag(theme, parts, err)}}
		}
		a.CSS = a.add("assets/style", ".css", min)
	}
	jsFiles, _ := fs.Glob(theme, "js/*.js")
	sort.Strings(jsFiles)
	for _, f := range jsFiles {
		b, err := fs.ReadFile(theme, f)
		if err != nil {
			return nil, fmt.Errorf("theme %s: %w", f, err)
		}
		min, err := m.Bytes("application/javascript", b)
		if err != nil {
			return nil, &ThemeError{Diags: []diag.Diagnostic{assetDiag(theme, []assetPart{{f, 1}}, err)}}
		}
		name := strings.TrimSuffix(path.Base(f), ".js")
		a.JS[name] = a.add("assets/"+name, ".js", min)
	}
	err := fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(theme, p)
		if err != nil {
			return fmt.Errorf("theme %s: %w", p, err)
		}
		rel := strings.TrimPrefix(p, "static/")
		if path.Ext(rel) == ".svg" {
			if min, err := m.Bytes("image/svg+xml", b); err == nil {
				b = min
			}
		}
		a.files = append(a.files, output.File{Path: rel, Data: b})
		return nil
	})
	return a, err
}

// add stores data as name.<hash>ext and returns its site-relative URL.
func (a *assets) add(name, ext string, data []byte) string {
	sum := sha256.Sum256(data)
	p := name + "." + hex.EncodeToString(sum[:])[:10] + ext
	a.files = append(a.files, output.File{Path: p, Data: data})
	return "/" + p
}
