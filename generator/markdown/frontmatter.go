// Package markdown owns everything goldmark and YAML: splitting a content
// file into front matter and body, decoding the front matter strictly with
// positions, cutting a body into "##" sections for adaptations, and rendering
// Markdown safely with Swedish heading IDs and checked links.
package markdown

import (
	"bytes"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/esamverkan/guidemap/generator/diag"
	"go.yaml.in/yaml/v3"
)

// File is a content file cut into its parts.
type File struct {
	Path        string
	FrontMatter []byte // the YAML between the "---" lines
	FMLine      int    // the 1-based line where FrontMatter starts
	Body        []byte
	BodyLine    int // the 1-based line where Body starts
}

// Split cuts src into front matter and body. A file must start with a
// "---" line; the front matter ends at the next "---" line. Problems are
// added to l and the whole file is then taken as the body.
func Split(path string, src []byte, l *diag.List) File {
	f := File{Path: path, Body: src, BodyLine: 1}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if strings.TrimRight(string(first), " \t\r") != "---" {
		l.Errorf(diag.At(path, 1, 1), `start the file with a line "---", then the front matter (title: …), then another "---"`,
			"missing front matter")
		return f
	}
	line := 2
	off := 0
	for off <= len(rest) {
		end := bytes.IndexByte(rest[off:], '\n')
		var ln []byte
		if end < 0 {
			ln = rest[off:]
		} else {
			ln = rest[off : off+end]
		}
		if strings.TrimRight(string(ln), " \t\r") == "---" {
			f.FrontMatter = rest[:off]
			f.FMLine = 2
			if end < 0 {
				f.Body = nil
			} else {
				f.Body = rest[off+end+1:]
			}
			f.BodyLine = line + 1
			return f
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	l.Errorf(diag.At(path, 1, 1), `end the front matter with a line "---"`, "front matter is not closed")
	f.Body = nil
	return f
}

// Keys returns the front-matter keys of the struct that v points to, in
// field order: the list the strict decoder accepts and `guidemap new`
// writes.
func Keys(v any) []string {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		if k := Key(t.Field(i)); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// Key is the front-matter key of a struct field: its yaml tag's name, or
// "" for a field that has none (unexported, or tagged "-").
func Key(f reflect.StructField) string {
	tag := f.Tag.Get("yaml")
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" || !f.IsExported() {
		return ""
	}
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}

// Set records which keys a decode found and where their values stand, so
// that an adaptation can tell "not set" from "set to empty" and a later
// check can point at a value: "contact.email" names a nested key and
// "municipalities[2]" an item of a list.
type Set map[string]diag.Pos

// invalidKey marks a Set whose front matter could not be read at all.
const invalidKey = "!invalid"

// Invalid reports whether the front matter was missing or not valid YAML,
// so that nothing more should be said of its keys (a "missing title"
// would only repeat the first error).
func (s Set) Invalid() bool { _, bad := s[invalidKey]; return bad }

// emptyPrefix marks, in a Set, a key given with an empty value that must
// have one (nonEmpty): the decoder reported it, so a later "missing" would
// say it twice.
const emptyPrefix = "!empty:"

// Missing reports whether key was left out: not given, not given empty,
// and the front matter could be read.
func (s Set) Missing(key string) bool {
	_, given := s[key]
	_, empty := s[emptyPrefix+key]
	return !given && !empty && !s.Invalid()
}

// Item is the key under which Set records the i-th item of a list.
func Item(key string, i int) string { return key + "[" + strconv.Itoa(i) + "]" }

// Over sets *dst to v when the front matter recorded in set sets key: how
// an adaptation overrides the shared file's value, even with an empty one.
func Over[T any](set Set, key string, dst *T, v T) {
	if _, ok := set[key]; ok {
		*dst = v
	}
}

// Pos returns where key's value stands, or the start of the front matter.
func (s Set) Pos(f File, key string) diag.Pos {
	if p, ok := s[key]; ok {
		return p
	}
	return diag.At(f.Path, 1, 1)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Decode decodes f's front matter into the struct that dst points to. It
// is strict: an unknown key (with a "did you mean" hint), a duplicate key or
// a value of the wrong type is an error at its line and column. Strings take
// any scalar as written (so `code: 2281` is "2281"); a list of strings also
// takes a single string. It returns the keys that were set.
func Decode(f File, dst any, l *diag.List) Set {
	set := Set{}
	if f.FMLine == 0 {
		set[invalidKey] = diag.At(f.Path, 1, 1) // Split reported it
		return set
	}
	if len(bytes.TrimSpace(f.FrontMatter)) == 0 {
		return set
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(yamlLines(f.FrontMatter), &doc); err != nil {
		line, msg := syntaxError(err)
		l.Errorf(diag.At(f.Path, f.FMLine+line-1, 1), "check the indentation, quotes that are not closed, and quote values that contain \": \" or start with a special character",
			"front matter is not valid YAML: %s", msg)
		set[invalidKey] = diag.At(f.Path, f.FMLine+line-1, 1)
		return set
	}
	if len(doc.Content) == 0 {
		return set
	}
	d := decoder{file: f.Path, lineOff: f.FMLine - 1, l: l}
	if !d.limits(&doc) {
		set[invalidKey] = diag.At(f.Path, 1, 1)
		return set
	}
	d.mapping(doc.Content[0], reflect.ValueOf(dst).Elem(), "", set)
	return set
}

// The front matter's limits. Its keys hold text, lists of text and (in
// contact) keys and values: nothing nests deeper than three levels, and
// an alias (*name) saves retyping a value, no more. yaml.v3 keeps an
// alias as a node that points at its anchor (it does not copy the value)
// and the decoder follows it for one value at a time, so nothing grows
// with aliases of aliases ("billion laughs"); they are refused all the
// same, with the deep nesting that only a generated file has, so that
// such a file gets one clear error and not a page of wrong types.
const (
	MaxFrontMatterDepth = 20  // levels of keys and lists
	MaxAliases          = 100 // *aliases in one front matter
)

// limits reports the first front-matter value past a limit and tells
// whether there was none.
func (d *decoder) limits(doc *yaml.Node) bool {
	holds := map[*yaml.Node]bool{} // whether a node holds an alias
	aliases := 0
	var walk func(n *yaml.Node, depth int) bool
	walk = func(n *yaml.Node, depth int) bool {
		if depth > MaxFrontMatterDepth {
			d.l.Errorf(d.pos(n), "write each key's value plainly: text, a list of text, or (under contact) keys and values",
				"front matter is nested more than %d levels deep", MaxFrontMatterDepth)
			return false
		}
		if n.Kind == yaml.AliasNode {
			aliases++
			if aliases > MaxAliases {
				d.l.Errorf(d.pos(n), "write the values themselves instead of *aliases", "front matter has more than %d aliases", MaxAliases)
				return false
			}
			if n.Alias != nil && holds[n.Alias] {
				d.l.Errorf(d.pos(n), "write the values themselves: an alias may name text or a list of text, not a value that holds other aliases",
					"alias *%s names a value that holds other aliases", n.Value)
				return false
			}
			holds[n] = true
			return true
		}
		for _, c := range n.Content {
			if !walk(c, depth+1) {
				return false
			}
			if holds[c] {
				holds[n] = true
			}
		}
		return true
	}
	return walk(doc, 0)
}

// syntaxError returns the 1-based line in the front matter of a YAML
// syntax error and its message without "yaml: line N: ". Everything that
// parses is given its place from the yaml.Node (Line, Column); a syntax
// error is all yaml.v3 gives when the text does not parse, and it is a
// plain error whose text holds the line and nothing else (no type to take
// apart, no column): so the text is read, and only here. An error without
// a line (an alias to an unknown anchor) is put on the first line.
func syntaxError(err error) (line int, msg string) {
	msg = err.Error()
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return 1, strings.TrimPrefix(msg, "yaml: ")
	}
	line, _ = strconv.Atoi(m[1])
	msg = m[2]
	if parserProblems[msg] {
		line++ // yaml.v3 gives a parser problem the 0-based line of its context
	}
	return line, msg
}

// parserProblems are the problems of yaml.v3's parser (parserc.go), whose
// line it reports 0-based, unlike its scanner's (scannerc.go), some of
// which start the same way ("did not find expected hexdecimal number").
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// yamlLines replaces what YAML reads as a line break but an editor does
// not — a lone CR, NEL, U+2028 and U+2029, which come with text pasted from
// word processors — with a space, so that YAML's line numbers are the
// editor's. Only a CR before LF is kept.
func yamlLines(b []byte) []byte {
	if !bytes.ContainsAny(b, "\r\u0085\u2028\u2029") {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == '\r' && (i+1 >= len(b) || b[i+1] != '\n'):
			out = append(out, ' ')
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			out = append(out, ' ')
		default:
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

type decoder struct {
	file    string
	lineOff int
	l       *diag.List
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.At(d.file, n.Line+d.lineOff, n.Column)
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, prefix string, set Set) {
	if n.Kind != yaml.MappingNode {
		d.l.Errorf(d.pos(n), `write one "key: value" per line`, "front matter must be a list of keys and values")
		return
	}
	t := v.Type()
	fields := map[string]int{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		if k := Key(t.Field(i)); k != "" {
			fields[k] = i
			names = append(names, k)
		}
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		key := kn.Value
		idx, ok := fields[key]
		if !ok {
			hint := diag.DidYouMean(key, names)
			if hint == "" {
				hint = diag.Textf("the keys are %s", strings.Join(quoteAll(names), ", "))
			}
			d.l.Errorf(d.pos(kn), hint, "unknown key %q%s", key, inWhat(prefix))
			continue
		}
		if first, dup := seen[key]; dup {
			d.l.Errorf(d.pos(kn), diag.Textf("remove one of them (the first is on line %d)", first), "key %q is given twice", prefix+key)
			continue
		}
		seen[key] = kn.Line + d.lineOff
		if nonEmpty(t.Field(idx)) && empty(vn) {
			d.l.Errorf(d.pos(vn), diag.Textf("write a value, e.g. %s, or delete the line", example(key, t.Field(idx))),
				"%q is empty", prefix+key)
			set[emptyPrefix+prefix+key] = d.pos(vn)
			continue
		}
		if d.value(vn, v.Field(idx), prefix+key, set) {
			set[prefix+key] = d.pos(vn)
		}
	}
}

// nonEmpty reports whether a front-matter field, when it is given, must
// have a value: a struct field tagged fm:"nonempty". Such a key may be
// left out (an adaptation keeps the shared value), but `category: ""`
// would publish a guide in no category, or blank the shared one.
func nonEmpty(f reflect.StructField) bool { return f.Tag.Get("fm") == "nonempty" }

// empty reports whether n is a value with nothing in it: null, blank
// text or an empty list.
func empty(n *yaml.Node) bool {
	n = deref(n)
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Tag == "!!null" || strings.TrimSpace(n.Value) == ""
	case yaml.SequenceNode:
		return len(n.Content) == 0
	}
	return false
}

// example is the value a hint shows for key: the field's fm_example tag,
// or a placeholder of its kind.
func example(key string, f reflect.StructField) string {
	if e := f.Tag.Get("fm_example"); e != "" {
		return key + ": " + e
	}
	if f.Type.Kind() == reflect.Slice {
		return key + ": [a, b]"
	}
	return key + `: "…"`
}

func inWhat(prefix string) string {
	if prefix == "" {
		return ""
	}
	return diag.Textf(" in %s", strings.TrimSuffix(prefix, "."))
}

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = strconv.Quote(x)
	}
	return out
}

// value decodes n into v and reports whether it succeeded.
func (d *decoder) value(n *yaml.Node, v reflect.Value, key string, set Set) bool {
	n = deref(n)
	isNull := n.Kind == yaml.ScalarNode && n.Tag == "!!null"
	switch v.Kind() {
	case reflect.String:
		if isNull {
			return true
		}
		if n.Kind != yaml.ScalarNode {
			d.l.Errorf(d.pos(n), diag.Textf(`write the value on the same line, e.g. %s: "…"`, key), "%q must be text, not %s", key, kindName(n))
			return false
		}
		v.SetString(strings.TrimSpace(n.Value))
		return true
	case reflect.Bool:
		if isNull {
			return true
		}
		if n.Kind == yaml.ScalarNode {
			switch strings.ToLower(n.Value) {
			case "true", "yes", "ja":
				v.SetBool(true)
				return true
			case "false", "no", "nej":
				v.SetBool(false)
				return true
			}
		}
		d.l.Errorf(d.pos(n), "write true or false", "%q must be true or false, not %s", key, describe(n))
		return false
	case reflect.Int:
		if isNull {
			return true
		}
		if n.Kind == yaml.ScalarNode {
			if i, err := strconv.Atoi(n.Value); err == nil {
				v.SetInt(int64(i))
				return true
			}
		}
		d.l.Errorf(d.pos(n), "write a whole number such as 10", "%q must be a whole number, not %s", key, describe(n))
		return false
	case reflect.Slice:
		if isNull {
			return true
		}
		if n.Kind == yaml.ScalarNode {
			set[key+"[0]"] = d.pos(n)
			v.Set(reflect.ValueOf([]string{strings.TrimSpace(n.Value)}))
			return true
		}
		if n.Kind != yaml.SequenceNode {
			d.l.Errorf(d.pos(n), "write a list such as [a, b] or one \"- item\" per line", "%q must be a list, not %s", key, kindName(n))
			return false
		}
		out := make([]string, 0, len(n.Content))
		ok := true
		for j, item := range n.Content {
			set[Item(key, len(out))] = d.pos(item)
			item = deref(item)
			if item.Kind == yaml.ScalarNode && empty(item) {
				d.l.Errorf(d.pos(item), "write the item, or delete it", "item %d of %q is empty", j+1, key)
				ok = false
				continue
			}
			if item.Kind != yaml.ScalarNode {
				d.l.Errorf(d.pos(item), "write each item as plain text", "each item of %q must be text, not %s", key, kindName(item))
				ok = false
				continue
			}
			out = append(out, strings.TrimSpace(item.Value))
		}
		v.Set(reflect.ValueOf(out))
		return ok
	case reflect.Struct:
		if isNull {
			return true
		}
		if n.Kind != yaml.MappingNode {
			d.l.Errorf(d.pos(n), diag.Textf("write the keys of %q indented on the lines below it", key), "%q must be a list of keys and values, not %s", key, kindName(n))
			return false
		}
		d.mapping(n, v, key+".", set)
		return true
	}
	panic("markdown: unsupported front-matter field type " + v.Type().String())
}

// deref follows an alias (*name) to the node it names. yaml.v3 refuses
// aliases that refer to themselves, so this ends.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	n = deref(n)
	switch n.Kind {
	case yaml.SequenceNode:
		return diag.Textf("a list")
	case yaml.MappingNode:
		return diag.Textf("keys and values")
	}
	return describe(n)
}

func describe(n *yaml.Node) string {
	n = deref(n)
	switch n.Kind {
	case yaml.SequenceNode, yaml.MappingNode:
		return kindName(n)
	case yaml.AliasNode:
		return diag.Textf("an alias")
	}
	return strconv.Quote(n.Value)
}
