package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain runs the tests with the messages in English, the language the
// other tests of the package compare with; TestRunLang sets the language
// itself.
func TestMain(m *testing.M) {
	os.Setenv(langEnv, "en")
	os.Exit(m.Run())
}

// TestRunLang checks which language the commands print in: --lang wins
// over GUIDEMAP_LANG, which wins over the site's first language (Swedish
// in site.toml, and when site.toml cannot be read).
func TestRunLang(t *testing.T) {
	broken := filepath.Join("..", "..", "generator", "testdata", "broken")
	empty := t.TempDir()
	const (
		svCount      = "guidemap: 25 fel, 1 varning\n"
		enCount      = "guidemap: 25 errors, 1 warning\n"
		svNoSettings = "content/site.toml: kan inte läsa webbplatsens inställningar: "
		enNoSettings = "content/site.toml: cannot read the site's settings: "
	)
	tests := []struct {
		name     string
		src      string
		env      string
		flag     []string
		code     int
		contains string
	}{
		{"site.toml says sv", broken, "", nil, 1, svCount},
		{"the variable says en", broken, "en", nil, 1, enCount},
		{"the variable as a locale", broken, "sv_SE.UTF-8", nil, 1, svCount},
		{"the flag wins over the variable", broken, "en", []string{"--lang", "sv"}, 1, svCount},
		{"the flag says en", broken, "", []string{"--lang", "en"}, 1, enCount},
		{"no site.toml: Swedish", empty, "", nil, 1, svNoSettings},
		{"no site.toml, --lang en", empty, "", []string{"--lang=en"}, 1, enNoSettings},
		{"an unknown flag value", broken, "", []string{"--lang", "fi"}, 2, `guidemap check: --lang "fi": write sv or en`},
		{"an unknown variable value", broken, "de", nil, 2, `guidemap check: GUIDEMAP_LANG="de": write sv or en`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(langEnv, tt.env)
			args := append([]string{"check", "--src", tt.src}, tt.flag...)
			code, stdout, stderr := runCmd(args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.contains) {
				t.Errorf("stderr lacks %q:\n%s", tt.contains, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout: %s", stdout)
			}
		})
	}
}

// TestRunBuildBrokenInSwedish: build prints the problems, the count and
// that nothing was written in Swedish, the lines of the generator's
// Swedish golden file with the paths as given by --src.
func TestRunBuildBrokenInSwedish(t *testing.T) {
	t.Setenv(langEnv, "")
	src := filepath.Join("..", "..", "generator", "testdata", "broken")
	code, _, stderr := runCmd("build", "--src", src, "--out", filepath.Join(t.TempDir(), "public"))
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	golden, err := os.ReadFile(filepath.Join("..", "..", "generator", "testdata", "broken.sv.golden"))
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for _, line := range strings.SplitAfter(strings.TrimSpace(string(golden)), "\n") {
		if strings.HasPrefix(line, "guidemap: ") {
			want.WriteString(line)
			continue
		}
		want.WriteString(filepath.ToSlash(src) + "/" + line)
	}
	want.WriteString("\nguidemap: inget skrevs; den förra versionen av webbplatsen är orörd\n")
	if stderr != want.String() {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want.String())
	}
}

// TestRunNewInSwedish: guidemap new says what it made, and why it
// refuses, in the site's language, and in English with --lang en.
func TestRunNewInSwedish(t *testing.T) {
	t.Setenv(langEnv, "")
	src := tinySite(t, "title = \"Prov\"\nlanguages = [\"sv\"]\n")
	code, stdout, stderr := runCmd("new", "page", "om-oss", "--src", src, "--title", "Om oss")
	if want := "skapade " + filepath.ToSlash(filepath.Join(src, "content/pages/om-oss.md")) + "\n"; code != 0 || stdout != want {
		t.Errorf("exit status %d, stdout %q, want %q; stderr:\n%s", code, stdout, want, stderr)
	}
	code, stdout, stderr = runCmd("new", "page", "Om Oss", "--src", src)
	if want := "guidemap new: \"Om Oss\" kan inte bli ett filnamn och en webbadress: använd små bokstäver a–z, siffror och bindestreck, till exempel om-oss\n"; code != 1 || stderr != want {
		t.Errorf("exit status %d, stderr %q, want 1 and %q", code, stderr, want)
	}
	code, stdout, stderr = runCmd("new", "page", "kontakt", "--src", src, "--title", "Kontakt", "--lang", "en")
	if want := "created " + filepath.ToSlash(filepath.Join(src, "content/pages/kontakt.md")) + "\n"; code != 0 || stdout != want {
		t.Errorf("exit status %d, stdout %q, want %q; stderr:\n%s", code, stdout, want, stderr)
	}
}
