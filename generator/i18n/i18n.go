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
// "section.key" → text. A language without a file, or a string missing
// from one, falls back to Swedish in the templates, with a warning. dir
// is the theme's folder in the site, for messages ("themes/default").
func Load(theme fs.FS, dir string, langs []string, l *diag.List) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, lang := range langs {
		p := path.Join("i18n", lang+".toml")
		src, err := fs.ReadFile(theme, p)
		if err != nil {
			if lang == "sv" {
				l.Errorf(diag.Pos{File: dir + "/" + p}, "the default theme has it; restore the file", "cannot read the theme's Swedish strings: %v", diag.SysErr(err))
			}
			continue
		}
		var raw map[string]any
		if _, err := toml.Decode(string(src), &raw); err != nil {
			line := 1
			if pe, ok := err.(toml.ParseError); ok {
				line = pe.Position.Line
			}
			l.Errorf(diag.At(dir+"/"+p, line, 1), "", "cannot read the theme's strings: %v", err)
			continue
		}
		flat := map[string]string{}
		flatten("", raw, flat)
		out[lang] = flat
	}
	// A language's pages show the Swedish string where its own is
	// missing: the site is told which, so that it can add them.
	for _, lang := range langs[min(1, len(langs)):] {
		p := dir + "/" + path.Join("i18n", lang+".toml")
		if _, ok := out[lang]; !ok {
			l.Warnf(diag.Pos{File: p}, diag.Textf("copy i18n/en.toml of the default theme to %s and translate its texts", p),
				"language %q has no UI strings: menus, labels and dates on its pages are in Swedish", lang)
			continue
		}
		var missing []string
		for k := range out["sv"] {
			if _, ok := out[lang][k]; !ok {
				missing = append(missing, k)
			}
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			more := ""
			if len(missing) > 5 {
				more = diag.Textf(" and %d more", len(missing)-5)
				missing = missing[:5]
			}
			l.Warnf(diag.At(p, 1, 1), "add them, translated, from i18n/sv.toml or i18n/en.toml of the default theme",
				"language %q lacks %s%s of the theme's UI strings: its pages show them in Swedish", lang, strings.Join(missing, ", "), more)
		}
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
