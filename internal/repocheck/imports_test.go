package repocheck

import (
	"slices"
	"strings"
	"testing"
)

// allowed is, for every package of the module, the packages of the
// module it may import (ARCHITECTURE.md draws the same graph). Imports
// point one way: from the commands through the façade (generator) and the
// stages (load → assemble → bodies → render → output) down to the formats
// (markdown, guides, directory, geodata, config, i18n, maps) and the
// concepts every layer shares (model, hours, safety, diag, cache). A
// stage may import the stages before it, whose values it takes; nothing
// imports a stage after it. A package missing here fails the test: add
// it, with its place in the layers, to this table and to ARCHITECTURE.md.
var allowed = map[string][]string{
	"cmd/guidemap": {"generator", "generator/diag", "generator/scaffold", "generator/serve"},
	"cmd/gensite":  {"generator/diag", "generator/geodata"},

	"generator/serve":    {"generator", "generator/diag", "generator/output", "generator/sitefs"},
	"generator":          {"generator/assemble", "generator/bodies", "generator/cache", "generator/diag", "generator/i18n", "generator/load", "generator/markdown", "generator/media", "generator/model", "generator/output", "generator/render", "generator/sitefs", "themes"},
	"generator/scaffold": {"generator/config", "generator/diag", "generator/directory", "generator/geodata", "generator/guides", "generator/load", "generator/markdown", "generator/model", "generator/output", "generator/sitefs"},

	// The stages, in their order.
	"generator/load":     {"generator/cache", "generator/config", "generator/diag", "generator/directory", "generator/geodata", "generator/guides", "generator/internal/par", "generator/markdown", "generator/media", "generator/model", "generator/sitefs"},
	"generator/assemble": {"generator/load", "generator/diag", "generator/directory", "generator/geodata", "generator/guides", "generator/markdown", "generator/model", "generator/safety"},
	"generator/bodies":   {"generator/load", "generator/cache", "generator/diag", "generator/internal/par", "generator/markdown", "generator/media", "generator/model"},
	"generator/render":   {"generator/bodies", "generator/cache", "generator/diag", "generator/directory", "generator/hours", "generator/internal/par", "generator/maps", "generator/model", "generator/output", "generator/safety", "generator/search", "themes"},
	"generator/search":   {},
	"generator/output":   {},

	// The formats: one kind of input or output each.
	"generator/config":    {"generator/diag", "generator/model", "generator/safety"},
	"generator/i18n":      {"generator/diag"},
	"generator/markdown":  {"generator/diag", "generator/media", "generator/model", "generator/safety"},
	"generator/media":     {},
	"generator/guides":    {"generator/diag", "generator/markdown", "generator/model", "generator/safety"},
	"generator/directory": {"generator/diag", "generator/guides", "generator/markdown", "generator/model", "generator/safety"},
	"generator/geodata":   {"generator/diag", "generator/hours", "generator/model", "generator/safety"},
	"generator/maps":      {"generator/model", "generator/safety"},

	// The concepts every layer shares.
	"generator/model":        {"generator/hours"},
	"generator/hours":        {"generator/diag"},
	"generator/safety":       {},
	"generator/sitefs":       {"generator/diag", "generator/media"},
	"generator/diag":         {},
	"generator/cache":        {},
	"generator/internal/par": {},

	"themes": {},

	// Test helpers.
	"generator/internal/golden":                     {},
	"generator/internal/browsertest":                {"generator", "generator/internal/golden", "generator/internal/hostile", "generator/model"},
	"generator/internal/hostile":                    {"generator/internal/golden"},
	"generator/internal/browsertest/example":        {"generator", "generator/internal/browsertest"},
	"generator/internal/browsertest/example/part1":  {},
	"generator/internal/browsertest/example/part2":  {},
	"generator/internal/browsertest/example/part3":  {},
	"generator/internal/browsertest/example/part4":  {},
	"generator/internal/browsertest/example/part5":  {},
	"generator/internal/browsertest/example/part6":  {},
	"generator/internal/browsertest/example/part7":  {},
	"generator/internal/browsertest/example/part8":  {},
	"generator/internal/browsertest/example/part9":  {},
	"generator/internal/browsertest/example/part10": {},
	"generator/internal/browsertest/example/part11": {},
	"generator/internal/browsertest/example/part12": {},
	"generator/internal/browsertest/example/maps":   {},
	"generator/internal/browsertest/example/maps2":  {},
	"generator/internal/browsertest/example/maps3":  {},
	"internal/repocheck":                            {},
}

// TestImportsPointOneWay checks every package's imports of the module's
// own packages against allowed.
func TestImportsPointOneWay(t *testing.T) {
	root := moduleRoot(t)
	const mod = "github.com/esamverkan/guidemap/"
	for _, line := range strings.Split(strings.Join(goList(t, root, "-f", "{{.ImportPath}}:{{join .Imports \",\"}}", "./..."), "\n"), "\n") {
		pkg, imports, _ := strings.Cut(line, ":")
		pkg = strings.TrimPrefix(pkg, mod)
		may, ok := allowed[pkg]
		if !ok {
			t.Errorf("package %s is not in the table of allowed imports: add it to allowed (imports_test.go) and to ARCHITECTURE.md", pkg)
			continue
		}
		for _, imp := range strings.Split(imports, ",") {
			if !strings.HasPrefix(imp, mod) {
				continue
			}
			imp = strings.TrimPrefix(imp, mod)
			if !slices.Contains(may, imp) {
				t.Errorf("%s imports %s, which it may not (allowed: %s): see ARCHITECTURE.md, Packages", pkg, imp, strings.Join(may, ", "))
			}
		}
	}
}
