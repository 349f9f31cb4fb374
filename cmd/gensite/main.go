// Command gensite writes a synthetic guidemap site of any size in the input
// layout, for benchmarks and tests: N municipalities with their SCB codes
// and boundaries, G guides with Swedish-like text, headings, lists, tables
// and adaptations, E e-services with adoptions and adaptations, and P
// service points inside the boundaries. The same flags give the same site.
//
//	go run ./cmd/gensite --out DIR --municipalities N --guides G --eservices E --points P --seed S
//	go run ./cmd/gensite --out DIR --preset national
//
// A preset names a set of flag values (national.go); flags given beside it
// override its values.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/geodata"
	"github.com/paulmach/orb"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// Options are the size and seed of a site.
type Options struct {
	Out            string
	Municipalities int
	Guides         int
	EServices      int
	Points         int
	Seed           uint64
	Boundaries     string // a GeoJSON file of municipality boundaries with properties code and name
	// AdaptPercent is the share of the shared guides that each
	// municipality adapts, every shared guide then offered by all; 0 is
	// the classic site: one guide in four offered by some municipalities,
	// one in eight adapted by one of them.
	AdaptPercent int
	// Local is the number of local guides each municipality writes.
	Local int
	// Adoption is how municipalities take up the library's e-services:
	// "random" (each picks 3-12 at random) or "realistic" (a few popular
	// ones adopted by most, a long tail by few).
	Adoption string
}

func run(args []string, stdout, stderr io.Writer) int {
	o, code := parse(args, stderr)
	if code != 0 {
		return code
	}
	if err := Generate(o); err != nil {
		fmt.Fprintf(stderr, "gensite: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d municipalities, %d guides, %d e-services, %d points to %s\n",
		o.Municipalities, o.Guides, o.EServices, o.Points, o.Out)
	return 0
}

// parse reads the flags, a preset's values under those given, and
// returns the options or, after saying why on stderr, an exit code.
func parse(args []string, stderr io.Writer) (Options, int) {
	fl := flag.NewFlagSet("gensite", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o Options
	fl.StringVar(&o.Out, "out", "", "the folder to write the site to (must not exist or be empty)")
	fl.IntVar(&o.Municipalities, "municipalities", 7, "number of municipalities (up to the features of the boundaries file)")
	fl.IntVar(&o.Guides, "guides", 50, "number of shared guides")
	fl.IntVar(&o.EServices, "eservices", 30, "number of e-services in the library")
	fl.IntVar(&o.Points, "points", 100, "number of service points")
	fl.Uint64Var(&o.Seed, "seed", 1, "the random seed")
	fl.StringVar(&o.Boundaries, "boundaries", "", "boundaries GeoJSON (default, from the module root: "+exampleBoundaries+" for up to 7, else "+nationalBoundaries+")")
	fl.IntVar(&o.AdaptPercent, "adapt-percent", 0, "the percentage of shared guides each municipality adapts (0: one guide in eight adapted by one municipality)")
	fl.IntVar(&o.Local, "local", 0, "number of local guides per municipality")
	fl.StringVar(&o.Adoption, "adoption", "random", "how municipalities adopt e-services: random or realistic")
	preset := fl.String("preset", "", "a named set of the flags' values, which flags given beside it override: "+strings.Join(presetNames(), ", "))
	if err := fl.Parse(args); err != nil {
		return o, 2
	}
	if *preset != "" {
		if err := applyPreset(fl, *preset); err != nil {
			fmt.Fprintf(stderr, "gensite: %v\n", err)
			return o, 2
		}
	}
	if o.Out == "" || o.Municipalities < 1 || o.Guides < 0 || o.EServices < 1 || o.Points < 0 {
		fmt.Fprintln(stderr, "gensite: give --out, and at least one municipality and one e-service")
		return o, 2
	}
	if o.AdaptPercent < 0 || o.AdaptPercent > 100 || o.Local < 0 || (o.Adoption != "random" && o.Adoption != "realistic") {
		fmt.Fprintln(stderr, "gensite: --adapt-percent is 0 to 100, --local at least 0, --adoption random or realistic")
		return o, 2
	}
	return o, 0
}

// The boundaries gensite takes when --boundaries is not given, from the
// module root: the example site's seven, or Sweden's 290.
const (
	exampleBoundaries  = "geodata/municipalities.geojson"
	nationalBoundaries = "testdata/geodata/sweden-municipalities.geojson"
)

// boundaryFile finds the boundaries for n municipalities: the file given,
// or one of the repository's, found from the module root above the
// current folder.
func boundaryFile(o Options) (string, error) {
	if o.Boundaries != "" {
		return o.Boundaries, nil
	}
	rel := nationalBoundaries
	if o.Municipalities <= 7 {
		rel = exampleBoundaries
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	root, ok := moduleRoot(wd)
	if !ok {
		return "", fmt.Errorf("no boundaries file: run gensite inside the guidemap repository (it takes %s from there), or give a GeoJSON file of municipality boundaries with --boundaries", rel)
	}
	p := filepath.Join(root, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("no boundaries file: %v; restore it with git checkout -- %s, or give a GeoJSON file of municipality boundaries with --boundaries", err, rel)
	}
	return p, nil
}

// moduleRoot returns the nearest folder at or above dir with a go.mod.
func moduleRoot(dir string) (string, bool) {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", false
		}
		dir = up
	}
}

type muni struct {
	slug, name, code string
	geom             orb.Geometry
	bound            orb.Bound
}

// The GeoJSON that gensite writes, with its members in the order orb's
// encoder wrote them.
type (
	featureCollection struct {
		Features []feature `json:"features"`
		Type     string    `json:"type"`
	}
	feature struct {
		Type       string            `json:"type"`
		Geometry   geometry          `json:"geometry"`
		Properties map[string]string `json:"properties"`
	}
	geometry struct {
		Type        string       `json:"type"`
		Coordinates orb.Geometry `json:"coordinates"`
	}
)

func newFeature(g orb.Geometry, props map[string]string) feature {
	return feature{Type: "Feature", Geometry: geometry{Type: g.GeoJSONType(), Coordinates: g}, Properties: props}
}

func newCollection(fs []feature) featureCollection {
	return featureCollection{Features: fs, Type: "FeatureCollection"}
}

// Generate writes the site.
func Generate(o Options) error {
	if entries, err := os.ReadDir(o.Out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", o.Out)
	}
	bf, err := boundaryFile(o)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(bf)
	if err != nil {
		return err
	}
	var l diag.List
	bs := geodata.LoadBoundaries(bf, data, &l)
	if l.HasErrors() {
		var b strings.Builder
		l.Fprint(&b, "")
		return fmt.Errorf("the boundaries have errors:\n%s", b.String())
	}
	var all []muni
	for _, b := range bs {
		if b.Code == "" || b.Name == "" {
			continue
		}
		all = append(all, muni{code: b.Code, name: b.Name, geom: b.Geometry, bound: b.Geometry.Bound()})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].code < all[j].code })
	if o.Municipalities > len(all) {
		return fmt.Errorf("%s has %d municipalities, not %d", bf, len(all), o.Municipalities)
	}
	ms := all[:o.Municipalities]
	seen := map[string]bool{}
	var fs []feature
	for i := range ms {
		s := slugify(ms[i].name)
		if seen[s] {
			s += "-" + ms[i].code
		}
		seen[s] = true
		ms[i].slug = s
		fs = append(fs, newFeature(ms[i].geom, map[string]string{"code": ms[i].code, "name": ms[i].name}))
	}
	g := &gen{o: o, rng: rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15)), ms: ms}
	bdata, err := json.Marshal(newCollection(fs))
	if err != nil {
		return err
	}
	g.write("geodata/municipalities.geojson", string(bdata))
	g.siteTOML()
	g.eservices()
	g.guides()
	g.municipalities()
	g.pages()
	g.points()
	return g.err
}

type gen struct {
	o   Options
	rng *rand.Rand
	ms  []muni
	err error

	esSlugs    []string
	esOwner    map[string]string
	adopted    map[string][]string // municipality → e-services
	guideSlugs []string
}

func (g *gen) write(rel, data string) {
	if g.err != nil {
		return
	}
	p := filepath.Join(g.o.Out, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		g.err = err
		return
	}
	g.err = os.WriteFile(p, []byte(data), 0o644)
}

var categories = []struct{ slug, sv, en string }{
	{"bygga-bo", "Bygga och bo", "Building and housing"},
	{"forskola-skola", "Förskola och skola", "Preschool and school"},
	{"omsorg", "Omsorg och stöd", "Care and support"},
	{"ekonomiskt-stod", "Ekonomiskt stöd", "Financial support"},
	{"avfall", "Avfall och återvinning", "Waste and recycling"},
	{"trafik", "Trafik och parkering", "Traffic and parking"},
	{"naringsliv", "Näringsliv och tillstånd", "Business and permits"},
	{"kultur-fritid", "Kultur, fritid och föreningar", "Culture, leisure and associations"},
	{"miljo-halsa", "Miljö och hälsa", "Environment and health"},
}

var pointCategories = []struct{ slug, sv, en, cat, schema, noun string }{
	{"kontaktcenter", "Kontaktcenter och kommunhus", "Contact centres and town halls", "", "CityHall", "Kontaktcenter"},
	{"bibliotek", "Bibliotek", "Libraries", "kultur-fritid", "Library", "Bibliotek"},
	{"atervinningscentral", "Återvinningscentraler", "Recycling centres", "avfall", "RecyclingCenter", "Återvinningscentral"},
	{"simhall", "Simhallar", "Swimming halls", "kultur-fritid", "PublicSwimmingPool", "Simhall"},
	{"lekplats", "Lekplatser", "Playgrounds", "kultur-fritid", "Playground", "Lekplats"},
	{"forskola", "Förskolor", "Preschools", "forskola-skola", "Preschool", "Förskola"},
}

func (g *gen) siteTOML() {
	var b strings.Builder
	fmt.Fprintf(&b, "title = %q\ndescription = %q\nbase_url = \"https://synthetic.example.se/\"\nlanguages = [\"sv\", \"en\"]\n\n",
		fmt.Sprintf("Syntetisk samverkan (%d kommuner)", len(g.ms)), "En genererad webbplats för prov och mätningar.")
	b.WriteString("[contact]\nname = \"Syntetisk samverkan\"\nemail = \"info@synthetic.example.se\"\nphone = \"070-000 00 00\"\n\n")
	b.WriteString("[collaboration]\nname = \"Syntetisk samverkan\"\nfounded = 2014\ncommon_goal = 10\nmunicipal_goal = 100\nsummary = \"Kommunerna bygger e-tjänster tillsammans och delar dem i ett bibliotek.\"\n\n")
	for _, c := range categories {
		fmt.Fprintf(&b, "[[categories]]\nslug = %q\nsv = %q\nen = %q\n\n", c.slug, c.sv, c.en)
	}
	for _, c := range pointCategories {
		fmt.Fprintf(&b, "[[point_categories]]\nslug = %q\nsv = %q\nen = %q\n", c.slug, c.sv, c.en)
		if c.cat != "" {
			fmt.Fprintf(&b, "category = %q\n", c.cat)
		}
		fmt.Fprintf(&b, "schema = %q\n\n", c.schema)
	}
	b.WriteString(`[accessibility]
status = "partial"
assessed = "2026-11-20"
method = "self"
published = "2026-09-01"
updated = "2026-11-20"
email = "tillganglighet@synthetic.example.se"
phone = "070-000 00 00"
response_days = 5

[[accessibility.shortcomings]]
sv = "Vi har inte granskat tillgängligheten i själva e-tjänsterna."
en = "We have not reviewed the accessibility of the e-services themselves."
wcag = []
`)
	g.write("content/site.toml", b.String())
}

var (
	verbs    = []string{"ansöka om", "anmäla", "boka", "söka", "beställa", "ändra", "säga upp", "betala"}
	things   = []string{"bygglov", "förskoleplats", "hemtjänst", "parkeringstillstånd", "båtplats", "bidrag", "färdtjänst", "sophämtning", "serveringstillstånd", "skolskjuts", "lokal", "tomt", "fiskekort", "borgerlig vigsel", "bostadsanpassning", "kulturskola", "eldstad", "värmepump", "avlopp", "torgplats"}
	words    = strings.Fields("kommunen du ansökan handläggaren beslut tiden blanketten avgiften e-tjänsten uppgifter dokument ärendet fastigheten vårdnadshavare tillståndet nämnden regler kontakt digitalt underlag skäl veckor dagar taxa hemsida kontaktcenter rätt krav plats invånare företag förening")
	connect  = strings.Fields("och men eller när om så att för med till från hos enligt innan efter")
	audience = []string{"citizen", "business", "association"}
)

// sentence makes a Swedish-looking sentence.
func (g *gen) sentence() string {
	n := 6 + g.rng.IntN(10)
	ws := make([]string, n)
	for i := range ws {
		if i%3 == 2 {
			ws[i] = connect[g.rng.IntN(len(connect))]
		} else {
			ws[i] = words[g.rng.IntN(len(words))]
		}
	}
	s := strings.Join(ws, " ")
	return capitalize(s) + "."
}

func (g *gen) paragraph() string {
	n := 2 + g.rng.IntN(4)
	ss := make([]string, n)
	for i := range ss {
		ss[i] = g.sentence()
	}
	return strings.Join(ss, " ")
}

func (g *gen) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

func (g *gen) subset(xs []string, n int) []string {
	idx := g.rng.Perm(len(xs))
	if n > len(xs) {
		n = len(xs)
	}
	out := make([]string, n)
	for i := range out {
		out[i] = xs[idx[i]]
	}
	sort.Strings(out)
	return out
}

func yamlList(xs []string) string { return "[" + strings.Join(xs, ", ") + "]" }

// body is a guide's or e-service's Markdown: an introduction, sections
// with lists and a table, and a link to another guide.
func (g *gen) body(link string) string {
	var b strings.Builder
	b.WriteString(g.paragraph() + "\n\n## Vem kan ansöka?\n\n")
	for i := 0; i < 2+g.rng.IntN(3); i++ {
		fmt.Fprintf(&b, "- %s\n", g.sentence())
	}
	b.WriteString("\n" + g.paragraph() + "\n\n## Så gör du\n\n")
	for i := 1; i <= 3+g.rng.IntN(3); i++ {
		fmt.Fprintf(&b, "%d. %s\n", i, g.sentence())
	}
	b.WriteString("\n### Det här behöver du\n\n" + g.paragraph() + "\n\n## Avgifter och handläggningstid\n\n")
	b.WriteString("| Ärende | Avgift | Handläggningstid |\n|---|---|---|\n")
	for i := 0; i < 2+g.rng.IntN(3); i++ {
		fmt.Fprintf(&b, "| %s | %d kronor | %d veckor |\n", capitalize(g.pick(things)), 100*(1+g.rng.IntN(40)), 1+g.rng.IntN(10))
	}
	b.WriteString("\n" + g.paragraph() + "\n")
	if link != "" {
		fmt.Fprintf(&b, "\nLäs också [guiden om %s](%s).\n", strings.TrimSuffix(filepath.Base(link), ".md"), link)
	}
	return b.String()
}
