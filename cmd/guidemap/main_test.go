package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// repoRoot is the bundled example site: the repository root, two folders
// up from this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "content", "site.toml")); err != nil {
		t.Fatalf("no example site at %s: %v", root, err)
	}
	return root
}

// runCmd runs the command with args and returns its exit status, stdout
// and stderr.
func runCmd(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// tinySite writes a minimal site (site.toml, one municipality) and returns
// its folder.
func tinySite(t *testing.T, siteTOML string) string {
	t.Helper()
	src := t.TempDir()
	files := map[string]string{
		"content/site.toml":              siteTOML,
		"content/municipalities/ange.md": "---\nname: Ånge kommun\ncode: \"2260\"\n---\n\nÅnge.\n",
	}
	for p, data := range files {
		full := filepath.Join(src, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

func treeDigest(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		line := filepath.ToSlash(rel) + " " + d.Type().String()
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			line += fmt.Sprintf(" %x", sha256.Sum256(b))
		}
		lines = append(lines, line)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func TestRunNoArgs(t *testing.T) {
	code, stdout, stderr := runCmd()
	if code != 2 {
		t.Errorf("exit status = %d, want 2", code)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
	if !strings.HasPrefix(stderr, "guidemap builds a static website") || !strings.Contains(stderr, "Usage:\n  guidemap build") {
		t.Errorf("stderr is not the usage:\n%s", stderr)
	}
}

func TestRunHelp(t *testing.T) {
	for _, arg := range []string{"help", "-h", "--help"} {
		code, stdout, stderr := runCmd(arg)
		if code != 0 || !strings.Contains(stdout, "Usage:") || stderr != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", arg, code, stdout, stderr)
		}
	}
}

func TestRunUnknownCommand(t *testing.T) {
	code, stdout, stderr := runCmd("bild")
	if code != 2 {
		t.Errorf("exit status = %d, want 2", code)
	}
	if stdout != "" {
		t.Errorf("stdout = %q", stdout)
	}
	if !strings.HasPrefix(stderr, "guidemap: unknown command \"bild\"\n\nguidemap builds") {
		t.Errorf("stderr = %q", stderr)
	}
}

func TestRunBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"build", "--nope"},
		{"check", "--out", "x"}, // check has no --out
		{"build", "extra"},
		{"new"},
		{"new", "page"},
		{"new", "--title", "x"},
		{"new", "page", "om-oss", "--nope"},
	} {
		code, _, stderr := runCmd(args...)
		if code != 2 {
			t.Errorf("%q: exit status = %d, want 2 (stderr %q)", args, code, stderr)
		}
		if stderr == "" {
			t.Errorf("%q: nothing on stderr", args)
		}
	}
}

// TestRunBadSourceDateEpoch: a SOURCE_DATE_EPOCH that is not a number of
// seconds stops the build before it starts, saying so (the
// reproducible-builds convention).
func TestRunBadSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "2026-06-18")
	code, _, stderr := runCmd("check", "--src", t.TempDir())
	if code != 2 || !strings.Contains(stderr, `SOURCE_DATE_EPOCH "2026-06-18" is not a number of seconds`) {
		t.Errorf("exit status %d, stderr %q", code, stderr)
	}
}

var builtRE = regexp.MustCompile(`^built \d+ pages: \d+ guides \(\d+ municipality versions\), 7 municipalities, \d+ e-services in \S+ \(load \S+, assemble \S+, bodies \S+, render \S+, links \S+, write \S+\) → `)

func TestRunBuildExampleSite(t *testing.T) {
	root := repoRoot(t)
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runCmd("build", "--src", root, "--out", out)
	if code != 0 {
		t.Fatalf("exit status = %d, stderr:\n%s", code, stderr)
	}
	if !builtRE.MatchString(stdout) {
		t.Errorf("stdout = %q, want it to match %s", stdout, builtRE)
	}
	if !strings.HasSuffix(stdout, "→ "+out+"\n") {
		t.Errorf("stdout = %q, want it to end with the output folder", stdout)
	}
	if stderr != "" {
		t.Errorf("stderr = %q, want nothing for the example site", stderr)
	}
	for _, f := range []string{"index.html", "sitemap.xml", "robots.txt", "404.html", "_headers"} {
		fi, err := os.Stat(filepath.Join(out, f))
		if err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v (size %v)", f, err, fi)
		}
	}

	// A second build into the same folder gives the same bytes.
	first := treeDigest(t, out)
	if code, _, stderr := runCmd("build", "--src", root, "--out", out); code != 0 {
		t.Fatalf("second build: exit %d\n%s", code, stderr)
	}
	if treeDigest(t, out) != first {
		t.Errorf("two builds of the same site differ")
	}
}

func TestRunCheckExampleSite(t *testing.T) {
	code, stdout, stderr := runCmd("check", "--src", repoRoot(t))
	if code != 0 {
		t.Fatalf("exit status = %d, stderr:\n%s", code, stderr)
	}
	re := regexp.MustCompile(`^checked \d+ pages: \d+ guides \(\d+ municipality versions\), 7 municipalities, \d+ e-services in \S+ \(load \S+, assemble \S+, bodies \S+, render \S+, links \S+\): no errors\n$`)
	if !re.MatchString(stdout) {
		t.Errorf("stdout = %q", stdout)
	}
}

// previousOutput makes an output folder as a build before would have
// left it, and returns it with its digest.
func previousOutput(t *testing.T) (out, digest string) {
	t.Helper()
	out = filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "index.html"), []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	return out, treeDigest(t, out)
}

// A site with an error: exit 1, one "file:line:col: message" line and a
// count on stderr, and the previous output is left as it was.
func TestRunBuildErrorLeavesPreviousOutput(t *testing.T) {
	src := tinySite(t, "description = \"no title\"\n")
	out, before := previousOutput(t)
	code, stdout, stderr := runCmd("build", "--src", src, "--out", out)
	if code != 1 {
		t.Errorf("exit status = %d, want 1", code)
	}
	if stdout != "" {
		t.Errorf("stdout = %q", stdout)
	}
	wantLine := filepath.ToSlash(filepath.Join(src, "content/site.toml")) + ":1:1: site.toml has no title; add a line such as title = \"eSamverkan Västernorrland\"\n"
	if !strings.Contains(stderr, wantLine) {
		t.Errorf("stderr lacks %q:\n%s", wantLine, stderr)
	}
	if !strings.Contains(stderr, "guidemap: 1 error, 1 warning\n") || !strings.HasSuffix(stderr, "guidemap: nothing was written; the previous output is unchanged\n") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if treeDigest(t, out) != before {
		t.Errorf("the previous output changed")
	}

	code, _, stderr = runCmd("check", "--src", src)
	if code != 1 || strings.Contains(stderr, "nothing was written") || !strings.Contains(stderr, wantLine) {
		t.Errorf("check: exit %d, stderr:\n%s", code, stderr)
	}
}

// An output folder that holds the site folder would throw the sources away.
func TestRunBuildRefusesOutHoldingSrc(t *testing.T) {
	src := tinySite(t, "title = \"Test\"\n")
	parent := filepath.Dir(src)
	before := treeDigest(t, src)
	for _, out := range []string{src, parent} {
		code, _, stderr := runCmd("build", "--src", src, "--out", out)
		if code != 1 || !strings.Contains(stderr, "holds the site folder") {
			t.Errorf("--out %s: exit %d, stderr:\n%s", out, code, stderr)
		}
	}
	if treeDigest(t, src) != before {
		t.Errorf("the site folder changed")
	}
}

func TestRunNew(t *testing.T) {
	src := tinySite(t, "title = \"Test\"\n")
	code, stdout, stderr := runCmd("new", "page", "om-oss", "--title", "Om oss", "--src", src)
	if code != 0 {
		t.Fatalf("exit status = %d, stderr:\n%s", code, stderr)
	}
	p := filepath.ToSlash(filepath.Join(src, "content/pages/om-oss.md"))
	if want := "created " + p + "\n"; stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
	first, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(first), "\ntitle: \"Om oss\"\n") {
		t.Errorf("file:\n%s", first)
	}

	code, stdout, stderr = runCmd("new", "page", "om-oss", "--title", "Om oss igen", "--src", src)
	if code != 1 {
		t.Errorf("second new: exit status = %d, want 1", code)
	}
	if stdout != "" {
		t.Errorf("second new: stdout = %q", stdout)
	}
	if want := "guidemap new: content/pages/om-oss.md already exists; guidemap new does not overwrite files\n"; stderr != want {
		t.Errorf("second new: stderr = %q, want %q", stderr, want)
	}
	if again, _ := os.ReadFile(p); !bytes.Equal(again, first) {
		t.Errorf("the second new changed the file")
	}

	// The new page checks cleanly.
	if code, _, stderr := runCmd("check", "--src", src); code != 0 {
		t.Errorf("check after new: exit %d\n%s", code, stderr)
	}
}

func TestRunNewRefuses(t *testing.T) {
	src := tinySite(t, "title = \"Test\"\n")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"new", "page", "Om Oss", "--src", src}, `guidemap new: "Om Oss" cannot be a file name and web address: use lower-case letters a–z, digits and hyphens, e.g. om-oss` + "\n"},
		{[]string{"new", "municipality", "timra", "--name", "Timrå kommun", "--code", "22x1", "--src", src}, "guidemap new: give the municipality's SCB code with --code, four digits such as 2281\n"},
		{[]string{"new", "blog", "nyhet", "--src", src}, "guidemap new: guidemap new makes a guide, eservice, municipality or page, not \"blog\"\n"},
	} {
		code, stdout, stderr := runCmd(tt.args...)
		if code != 1 || stdout != "" || stderr != tt.want {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 1 and %q", tt.args, code, stdout, stderr, tt.want)
		}
	}
}

// --name is the name of a new municipality (not --title).
func TestRunNewMunicipalityName(t *testing.T) {
	src := tinySite(t, "title = \"Test\"\n")
	// No boundaries file in the tiny site: the code is not checked against it.
	code, _, stderr := runCmd("new", "municipality", "timra", "--name", "Timrå kommun", "--code", "2262", "--src", src)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	b, _ := os.ReadFile(filepath.Join(src, "content", "municipalities", "timra.md"))
	if !strings.Contains(string(b), "\nname: \"Timrå kommun\"\n") || !strings.Contains(string(b), "\ncode: \"2262\"\n") {
		t.Errorf("file:\n%s", b)
	}
}

// A diagnostic about a flag names the flag, not a file under --src.
func TestRunBuildBadBaseURL(t *testing.T) {
	src := tinySite(t, "title = \"Test\"\n")
	out := filepath.Join(t.TempDir(), "public")
	code, _, stderr := runCmd("build", "--src", src, "--out", out, "--base-url", "ftp://example.se/")
	if code != 1 {
		t.Errorf("exit status = %d, want 1", code)
	}
	want := `--base-url: base URL "ftp://example.se/" is not an http or https address; write the address the site is published at, e.g. https://www.kommun.se/ or https://host/org/site/` + "\n"
	if !strings.HasPrefix(stderr, want) {
		t.Errorf("stderr = %q\nwant prefix %q", stderr, want)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed build created %s (err %v)", out, err)
	}
}

// A broken layout of the site's theme is a diagnostic at its file and
// line, like a mistake in the content, and the previous output stays.
func TestRunBuildBrokenLayout(t *testing.T) {
	src := tinySite(t, "title = \"Test\"\nbase_url = \"https://example.se/\"\n")
	layout := filepath.Join(src, "themes", "default", "layouts", "404.html")
	if err := os.MkdirAll(filepath.Dir(layout), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(layout, []byte("{{define \"main\"}}\n<h1>{{.Title}</h1>\n{{end}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, before := previousOutput(t)
	code, _, stderr := runCmd("build", "--src", src, "--out", out)
	if code != 1 {
		t.Errorf("exit status = %d, want 1", code)
	}
	want := filepath.ToSlash(filepath.Join(src, "themes/default/layouts/404.html")) + ":2: the template does not parse: bad character U+007D '}'; "
	if !strings.Contains(stderr, "\n"+want) || !strings.HasSuffix(stderr, "guidemap: 1 error, 1 warning\nguidemap: nothing was written; the previous output is unchanged\n") {
		t.Errorf("stderr:\n%s\nwant a line that starts with %q", stderr, want)
	}
	if treeDigest(t, out) != before {
		t.Errorf("the previous output changed")
	}
}

// TestRunBuildProfile: --profile writes a CPU profile and heap profiles
// (after the build, and at its highest during it) that go tool pprof
// reads.
func TestRunBuildProfile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "profile")
	code, _, stderr := runCmd("check", "--src", repoRoot(t), "--profile", dir)
	if code != 0 {
		t.Fatalf("exit status = %d, stderr:\n%s", code, stderr)
	}
	for _, f := range []string{"cpu.pprof", "heap.pprof", "heap-peak.pprof"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		// A profile is a gzipped protocol buffer.
		if len(data) < 100 || data[0] != 0x1f || data[1] != 0x8b {
			t.Errorf("%s is not a profile (%d bytes)", f, len(data))
		}
	}
}

// `guidemap new municipality --boundary FILE` adds the boundary and says
// so; a wrong file is reported as file:line:col with the count, and
// --boundary is refused for other kinds.
func TestRunNewMunicipalityBoundary(t *testing.T) {
	src := tinySite(t, "title = \"Test\"\n")
	dir := t.TempDir()
	good := filepath.Join(dir, "timra.geojson")
	square := `[[[17.3,62.5],[17.4,62.5],[17.4,62.6],[17.3,62.6],[17.3,62.5]]]`
	if err := os.WriteFile(good, []byte(`{"type":"Feature","properties":{"KnKod":"2262","KnNamn":"Timrå"},"geometry":{"type":"Polygon","coordinates":`+square+`}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd("new", "municipality", "timra", "--name", "Timrå kommun", "--code", "2262", "--boundary", good, "--src", src)
	wantOut := "added the boundary of 2262 to " + filepath.ToSlash(filepath.Join(src, "geodata/municipalities.geojson")) + "\n" +
		"created " + filepath.ToSlash(filepath.Join(src, "content/municipalities/timra.md")) + "\n"
	if code != 0 || stdout != wantOut || stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want 0 and %q", code, stdout, stderr, wantOut)
	}
	b, _ := os.ReadFile(filepath.Join(src, "geodata", "municipalities.geojson"))
	want := `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"2262","name":"Timrå"},"geometry":{"type":"Polygon","coordinates":` + square + `}}]}` + "\n"
	if string(b) != want {
		t.Errorf("boundaries file:\n%s\nwant:\n%s", b, want)
	}

	bad := filepath.Join(dir, "sundsvall.geojson")
	if err := os.WriteFile(bad, []byte(`{"type":"Feature","properties":{"code":"2281"},"geometry":{"type":"Point","coordinates":[17.3,62.4]}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runCmd("new", "municipality", "sundsvall", "--code", "2281", "--boundary", bad, "--src", src)
	wantErr := filepath.ToSlash(bad) + ":1:67: boundary 2281 is a Point; boundaries are Polygon or MultiPolygon features\nguidemap: 1 error, 0 warnings\n"
	if code != 1 || stdout != "" || stderr != wantErr {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1 and %q", code, stdout, stderr, wantErr)
	}

	code, _, stderr = runCmd("new", "page", "om-oss", "--boundary", good, "--src", src)
	if code != 2 || stderr != "guidemap new: --boundary is for a new municipality\n" {
		t.Errorf("--boundary for a page: exit %d, stderr %q", code, stderr)
	}
}
