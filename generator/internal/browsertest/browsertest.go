// Package browsertest checks built pages in a real browser: it serves an
// output folder on 127.0.0.1, drives Debian's Chromium with chromedp, runs
// axe-core in the page, runs the Nu HTML Checker (vnu.jar) over the files,
// measures horizontal overflow, walks the page with the Tab key and takes
// screenshots. The tests of this package use it on every page of the example
// site; other tests (maps, the e-service directory) can use it on theirs.
//
// The tools are not vendored. axe-core and vnu-jar come from the npm
// registry through package.json and package-lock.json in this folder
// (`npm ci` here); Chromium and Java come from Debian:
//
//	apt-get install chromium default-jre-headless
//	(cd generator/internal/browsertest && npm ci)
//
// Without them the tests skip and say so, unless the environment has
// GUIDEMAP_BROWSER_TESTS=required (as in CI), which turns a missing tool into
// a failure.
//
// Every browser action runs under a timeout; nothing here waits forever.
package browsertest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// EnvRequired is the environment variable that makes missing tools a test
// failure rather than a skip. CI sets it to "required".
const EnvRequired = "GUIDEMAP_BROWSER_TESTS"

// EnvChromium, when set, is the browser executable to use instead of the
// first of chromium, chromium-browser, google-chrome found on PATH.
const EnvChromium = "GUIDEMAP_CHROMIUM"

const install = "install them with `apt-get install chromium default-jre-headless` and " +
	"`npm ci` in generator/internal/browsertest (needs node and npm)"

// Required reports whether the browser tests must run (missing tools fail
// the test instead of skipping it).
func Required() bool { return os.Getenv(EnvRequired) == "required" }

// Dir is the folder of this package, which holds package.json and
// node_modules/. It is found from the source file's path, so it is right
// whatever the working directory of the test.
func Dir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	return filepath.Dir(file)
}

// AxePath is the path of axe-core's browser bundle installed by npm ci.
func AxePath() string { return filepath.Join(Dir(), "node_modules", "axe-core", "axe.min.js") }

// VNUPath is the path of the Nu HTML Checker's jar installed by npm ci.
func VNUPath() string {
	return filepath.Join(Dir(), "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
}

// ChromiumPath returns the browser executable, or an error naming what was
// looked for.
func ChromiumPath() (string, error) {
	if p := os.Getenv(EnvChromium); p != "" {
		return exec.LookPath(p)
	}
	names := []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no browser on PATH (looked for %s)", strings.Join(names, ", "))
}

// Require skips the test, or fails it under GUIDEMAP_BROWSER_TESTS=required,
// unless Chromium and axe-core are installed. Call it first in every test
// that uses a browser.
func Require(t testing.TB) {
	t.Helper()
	var missing []string
	if _, err := ChromiumPath(); err != nil {
		missing = append(missing, "Chromium: "+err.Error())
	}
	if err := fileExists(AxePath()); err != nil {
		missing = append(missing, "axe-core: "+err.Error())
	}
	requireTools(t, missing)
}

// RequireVNU is Require for the Nu HTML Checker: it needs java and vnu.jar.
func RequireVNU(t testing.TB) {
	t.Helper()
	var missing []string
	if _, err := exec.LookPath("java"); err != nil {
		missing = append(missing, "java: "+err.Error())
	}
	if err := fileExists(VNUPath()); err != nil {
		missing = append(missing, "vnu-jar: "+err.Error())
	}
	requireTools(t, missing)
}

func requireTools(t testing.TB, missing []string) {
	t.Helper()
	if len(missing) == 0 {
		return
	}
	msg := "browser tests need tools that are missing: " + strings.Join(missing, "; ") + "; " + install
	if Required() {
		t.Fatal(msg + " (" + EnvRequired + "=required: they must run)")
	}
	t.Skip(msg + " (skipped; " + EnvRequired + "=required makes this a failure)")
}

func fileExists(p string) error {
	fi, err := os.Stat(p)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s does not exist", p)
	}
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return fmt.Errorf("%s is a folder", p)
	}
	return nil
}
