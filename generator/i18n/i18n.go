// Package i18n reads a theme's UI strings, i18n/<lang>.toml, flattened to
// "section.key" → text for the templates.
package i18n

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/esamverkan/guidemap/generator/diag"
)

// Load reads the theme's UI strings, i18n/<lang>.toml, flattened to
// "section.key" → text. A language without a file falls back to Swedish
// in the templates.
func Load(theme fs.FS, langs []string, l *diag.List) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, lang := range langs {
		p := path.Join("i18n", lang+".toml")
		src, err := fs.ReadFile(theme, p)
		if err != nil {
			if lang == "sv" {
				l.Errorf(diag.Pos{File: "themes/" + p}, "the default theme has it; restore the file", "cannot read the theme's Swedish strings: %v", diag.SysErr(err))
			}
			continue
		}
		var raw map[string]any
		if _, err := toml.Decode(string(src), &raw); err != nil {
			line := 1
			if pe, ok := err.(toml.ParseError); ok {
				line = pe.Position.Line
			}
			l.Errorf(diag.At("themes/"+p, line, 1), "", "cannot read the theme's strings: %v", err)
			continue
		}
		flat := map[string]string{}
		flatten("", raw, flat)
		out[lang] = flat
	}
	return out
}

func flatten(prefix string, m map[string]any, out map[string]string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch v := m[k].(type) {
		case map[string]any:
			flatten(prefix+k+".", v, out)
		case string:
			out[prefix+k] = v
		default:
			out[prefix+k] = strings.TrimSpace(toString(v))
		}
	}
}

func toString(v any) string {
	var b strings.Builder
	_ = toml.NewEncoder(&b).Encode(map[string]any{"v": v})
	return strings.TrimPrefix(strings.TrimSpace(b.String()), "v = ")
}
