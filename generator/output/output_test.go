package output_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/esamverkan/guidemap/generator/output"
)

// treeHash returns a digest of everything under dir: every entry's slash
// path, its kind, its permission bits, a file's bytes and a symlink's
// target. Two trees with the same digest are byte-identical.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			lines = append(lines, fmt.Sprintf("L %s -> %s", rel, target))
		case info.IsDir():
			lines = append(lines, fmt.Sprintf("D %s %v", rel, info.Mode().Perm()))
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(b)
			lines = append(lines, fmt.Sprintf("F %s %v %x", rel, info.Mode().Perm(), sum))
		}
		return nil
	})
	if err != nil {
		t.Fatalf("hash %s: %v", dir, err)
	}
	sort.Strings(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return hex.EncodeToString(sum[:])
}

// filesHash is treeHash of the tree that Write(dir, files) should make,
// computed without touching the disk.
func filesHash(files []output.File) string {
	var lines []string
	dirs := map[string]bool{}
	for _, f := range files {
		for d := path.Dir(f.Path); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
			lines = append(lines, fmt.Sprintf("D %s %v", d, fs.FileMode(0o755)))
		}
		sum := sha256.Sum256(f.Data)
		lines = append(lines, fmt.Sprintf("F %s %v %x", f.Path, fs.FileMode(0o644), sum))
	}
	sort.Strings(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return hex.EncodeToString(sum[:])
}

// listFiles returns the slash paths of the regular files under dir.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// stagingLeft returns the names of the staging folders in parent.
func stagingLeft(t *testing.T, parent string) []string {
	t.Helper()
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".guidemap-staging-") {
			out = append(out, e.Name())
		}
	}
	return out
}

func mustWrite(t *testing.T, dir string, files []output.File) {
	t.Helper()
	if err := output.Write(dir, files); err != nil {
		t.Fatalf("Write(%s): %v", dir, err)
	}
}

func firstBuild() []output.File {
	return []output.File{
		{Path: "index.html", Data: []byte("<h1>Start</h1>\n")},
		{Path: "robots.txt", Data: []byte("User-agent: *\n")},
		{Path: "guider/bygglov/index.html", Data: []byte("<h1>Bygglov</h1>\n")},
		{Path: "guider/index.html", Data: []byte("<h1>Guider</h1>\n")},
		{Path: "assets/css/site.0123abcd.css", Data: []byte("body{margin:0}")},
		{Path: "only-in-first/deep/er/file.txt", Data: []byte("first")},
	}
}

func secondBuild() []output.File {
	return []output.File{
		{Path: "index.html", Data: []byte("<h1>Start v2</h1>\n")},
		{Path: "guider/bygglov/index.html", Data: []byte("<h1>Bygglov v2</h1>\n")},
		{Path: "assets/css/site.4567ef01.css", Data: []byte("body{margin:1px}")},
		{Path: "empty.txt", Data: nil},
	}
}

func TestWriteCreatesExactlyTheFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	files := firstBuild()
	mustWrite(t, dir, files)

	var want []string
	for _, f := range files {
		want = append(want, f.Path)
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatalf("read %s: %v", f.Path, err)
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("%s = %q, want %q", f.Path, got, f.Data)
		}
	}
	sort.Strings(want)
	if got := listFiles(t, dir); !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
	if got, want := treeHash(t, dir), filesHash(files); got != want {
		t.Errorf("tree differs from the files given (modes or extra folders)")
	}
	if left := stagingLeft(t, filepath.Dir(dir)); len(left) > 0 {
		t.Errorf("staging folders left: %q", left)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("output folder mode = %v (%v), want 0755", fi.Mode().Perm(), err)
	}
}

func TestWriteReplacesPreviousContentsEntirely(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	mustWrite(t, dir, firstBuild())
	// Something a user (or another tool) left in the output folder is gone
	// too: the folder holds exactly the second build.
	if err := os.WriteFile(filepath.Join(dir, "stray.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := secondBuild()
	mustWrite(t, dir, files)

	want := []string{"assets/css/site.4567ef01.css", "empty.txt", "guider/bygglov/index.html", "index.html"}
	if got := listFiles(t, dir); !slices.Equal(got, want) {
		t.Errorf("files after second build = %q, want %q", got, want)
	}
	for _, gone := range []string{"robots.txt", "only-in-first", "guider/index.html", "assets/css/site.0123abcd.css", "stray.txt"} {
		if _, err := os.Lstat(filepath.Join(dir, gone)); !os.IsNotExist(err) {
			t.Errorf("%s of the first build is still there (err %v)", gone, err)
		}
	}
	if got, want := treeHash(t, dir), filesHash(files); got != want {
		t.Errorf("tree differs from the second build")
	}
	if left := stagingLeft(t, filepath.Dir(dir)); len(left) > 0 {
		t.Errorf("staging folders left (the previous output should be removed): %q", left)
	}
}

func TestWriteIntoMissingParent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b", "c", "public")
	files := firstBuild()
	mustWrite(t, dir, files)
	if got, want := treeHash(t, dir), filesHash(files); got != want {
		t.Errorf("tree differs from the files given")
	}
}

func TestWriteEmptySite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	mustWrite(t, dir, firstBuild())
	mustWrite(t, dir, nil)
	if got := listFiles(t, dir); len(got) != 0 {
		t.Errorf("files after an empty build = %q, want none", got)
	}
}

func TestWriteInvalidPathLeavesPreviousOutput(t *testing.T) {
	for _, bad := range []string{"../x", "/abs", "a/../../b", "a/../b", "a\\b", "", ".", "a//b", "a/", "./a", "a/\x00b"} {
		t.Run(strconv.Quote(bad), func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "public")
			mustWrite(t, dir, firstBuild())
			before := treeHash(t, dir)

			files := append(secondBuild(), output.File{Path: bad, Data: []byte("evil")})
			err := output.Write(dir, files)
			if err == nil {
				t.Fatalf("Write with path %q succeeded", bad)
			}
			want := fmt.Sprintf("output path %q is not a plain relative path inside the output folder", bad)
			if err.Error() != want {
				t.Errorf("error = %q, want %q", err, want)
			}
			if err := output.CheckPath(bad); err == nil {
				t.Errorf("CheckPath(%q) = nil", bad)
			}
			if after := treeHash(t, dir); after != before {
				t.Errorf("the previous output changed")
			}
			if left := stagingLeft(t, parent); len(left) > 0 {
				t.Errorf("staging folders left: %q", left)
			}
			for _, name := range []string{"x", "b", "abs"} {
				if _, err := os.Lstat(filepath.Join(parent, name)); err == nil {
					t.Errorf("%s was written beside the output folder", name)
				}
			}
		})
	}
}

func TestCheckPathAcceptsPlainPaths(t *testing.T) {
	for _, ok := range []string{"index.html", "a/b/c.txt", "guider/så-ansöker-du/index.html", ".well-known/security.txt", "a..b", "_headers"} {
		if err := output.CheckPath(ok); err != nil {
			t.Errorf("CheckPath(%q) = %v", ok, err)
		}
	}
}

// A build that fails while writing (here: a file and a folder of the same
// name) leaves the previous output and no staging folder.
func TestWriteFailureLeavesPreviousOutput(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	mustWrite(t, dir, firstBuild())
	before := treeHash(t, dir)
	err := output.Write(dir, []output.File{
		{Path: "a", Data: []byte("file")},
		{Path: "a/b", Data: []byte("file below a file")},
	})
	if err == nil {
		t.Fatal("Write of a file below a file succeeded")
	}
	if after := treeHash(t, dir); after != before {
		t.Errorf("the previous output changed")
	}
	if left := stagingLeft(t, parent); len(left) > 0 {
		t.Errorf("staging folders left: %q", left)
	}
}

func TestWriteRemovesStaleStaging(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	mustWrite(t, dir, firstBuild())

	// What a killed build leaves: a half-written staging folder (os.MkdirTemp
	// names it prefix + random digits), and an old tree of a build killed
	// after the swap.
	stale := []string{".guidemap-staging-public-123456789", ".guidemap-staging-public-42"}
	for _, s := range stale {
		p := filepath.Join(parent, s, "guider", "half")
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p, "index.html"), []byte("<h1>half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Not the staging folder of this output: kept.
	other := filepath.Join(parent, ".guidemap-staging-site-1")
	if err := os.Mkdir(other, 0o755); err != nil {
		t.Fatal(err)
	}
	files := secondBuild()
	mustWrite(t, dir, files)

	for _, s := range stale {
		if _, err := os.Lstat(filepath.Join(parent, s)); !os.IsNotExist(err) {
			t.Errorf("stale staging folder %s was not removed (err %v)", s, err)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("the staging folder of another output was removed: %v", err)
	}
	if got, want := treeHash(t, dir), filesHash(files); got != want {
		t.Errorf("output is not the second build")
	}
}

// Sibling output folders whose names share a prefix ("public" and
// "public-preview") must not remove each other's staging folders: the one of
// "public-preview" may belong to a build that is running right now.
func TestWriteKeepsStagingOfSiblingWithLongerName(t *testing.T) {
	parent := t.TempDir()
	sibling := filepath.Join(parent, ".guidemap-staging-public-preview-123456")
	if err := os.MkdirAll(filepath.Join(sibling, "guider"), 0o755); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(parent, "public"), firstBuild())
	if _, err := os.Stat(sibling); err != nil {
		t.Errorf("Write(public) removed the staging folder of public-preview: %v", err)
	}
}

func TestWriteStaleStagingSymlinkIsNotFollowed(t *testing.T) {
	parent := t.TempDir()
	outside := t.TempDir()
	secret := filepath.Join(outside, "keep.txt")
	if err := os.WriteFile(secret, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	beforeOutside := treeHash(t, outside)
	dir := filepath.Join(parent, "public")
	mustWrite(t, dir, firstBuild())

	// A symlink named like a staging folder, and a stale staging folder
	// holding a symlink to the outside folder.
	if err := os.Symlink(outside, filepath.Join(parent, ".guidemap-staging-public-1")); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(parent, ".guidemap-staging-public-2")
	if err := os.Mkdir(stale, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(stale, "link")); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, dir, secondBuild())
	if got := treeHash(t, outside); got != beforeOutside {
		t.Errorf("the folder a stale symlink points to changed")
	}
	if _, err := os.Lstat(stale); !os.IsNotExist(err) {
		t.Errorf("stale staging folder not removed (err %v)", err)
	}
}

func TestWriteSymlinkInPreviousOutputDoesNotEscape(t *testing.T) {
	parent := t.TempDir()
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "index.html"), []byte("outside"), 0o644); err != nil {
		t.Fatal(err)
	}
	outsideFile := filepath.Join(t.TempDir(), "robots.txt")
	if err := os.WriteFile(outsideFile, []byte("outside file"), 0o644); err != nil {
		t.Fatal(err)
	}
	beforeDir := treeHash(t, outside)

	dir := filepath.Join(parent, "public")
	mustWrite(t, dir, firstBuild())
	// Replace parts of the previous output with symlinks that lead out.
	for name, target := range map[string]string{"guider": outside, "robots.txt": outsideFile, "assets": "../../../../../../../../tmp"} {
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	files := append(firstBuild(), output.File{Path: "guider/new.html", Data: []byte("new")})
	mustWrite(t, dir, files)

	if got := treeHash(t, outside); got != beforeDir {
		t.Errorf("a write went through the symlink into the outside folder")
	}
	if b, err := os.ReadFile(outsideFile); err != nil || string(b) != "outside file" {
		t.Errorf("outside file = %q, %v; want it untouched", b, err)
	}
	if got, want := treeHash(t, dir), filesHash(files); got != want {
		t.Errorf("new output is not exactly the files (the symlinks should be gone)")
	}
	for _, name := range []string{"guider", "robots.txt", "assets"} {
		fi, err := os.Lstat(filepath.Join(dir, name))
		if err != nil || fi.Mode()&fs.ModeSymlink != 0 {
			t.Errorf("%s is still a symlink or missing (%v)", name, err)
		}
	}
}

// An output folder that is itself a symlink is refused, and what it points
// to is left alone.
func TestWriteOutputIsSymlink(t *testing.T) {
	parent := t.TempDir()
	real := filepath.Join(t.TempDir(), "real")
	mustWrite(t, real, firstBuild())
	before := treeHash(t, real)
	dir := filepath.Join(parent, "public")
	if err := os.Symlink(real, dir); err != nil {
		t.Fatal(err)
	}
	err := output.Write(dir, secondBuild())
	if err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("Write into a symlink: err = %v, want \"... is not a folder\"", err)
	}
	if treeHash(t, real) != before {
		t.Errorf("the symlink's target changed")
	}
	if left := stagingLeft(t, parent); len(left) > 0 {
		t.Errorf("staging folders left: %q", left)
	}
}

func TestCreate(t *testing.T) {
	dir := t.TempDir()
	if err := output.Create(dir, "content/pages/om-oss.md", []byte("first")); err != nil {
		t.Fatalf("Create: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "content", "pages", "om-oss.md")); string(b) != "first" {
		t.Fatalf("created file = %q", b)
	}

	err := output.Create(dir, "content/pages/om-oss.md", []byte("second"))
	if err == nil {
		t.Fatal("Create overwrote an existing file")
	}
	if want := "content/pages/om-oss.md already exists; guidemap new does not overwrite files"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "content", "pages", "om-oss.md")); string(b) != "first" {
		t.Errorf("file after refused overwrite = %q, want %q", b, "first")
	}

	for _, bad := range []string{"../x", "/abs", "a/../../x", "", ".", "a\\b"} {
		if err := output.Create(dir, bad, []byte("evil")); err == nil {
			t.Errorf("Create(%q) succeeded", bad)
		}
	}
	if _, err := os.Lstat(filepath.Join(filepath.Dir(dir), "x")); err == nil {
		t.Errorf("Create(../x) wrote beside the folder")
	}
}

func TestCreateDoesNotFollowSymlinks(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	outsideFile := filepath.Join(outside, "f.md")
	if err := os.WriteFile(outsideFile, []byte("outside"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, outside)
	if err := os.Symlink(outside, filepath.Join(dir, "content")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outsideFile, filepath.Join(dir, "f.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "dangling.md"), filepath.Join(dir, "d.md")); err != nil {
		t.Fatal(err)
	}
	if err := output.Create(dir, "content/new.md", []byte("x")); err == nil {
		t.Errorf("Create through a symlink to outside succeeded")
	}
	if err := output.Create(dir, "f.md", []byte("x")); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("Create over a symlink: err = %v, want \"already exists\"", err)
	}
	if err := output.Create(dir, "d.md", []byte("x")); err == nil {
		t.Errorf("Create over a dangling symlink to outside succeeded")
	}
	if treeHash(t, outside) != before {
		t.Errorf("the outside folder changed")
	}
}

func TestCreateMissingDir(t *testing.T) {
	if err := output.Create(filepath.Join(t.TempDir(), "nope"), "a.md", nil); err == nil {
		t.Errorf("Create into a missing site folder succeeded")
	}
}

// killFiles is the big build the child writes: many large files, so that
// writing them takes much longer than the kill delays.
func killFiles() []output.File {
	const n, size = 160, 1 << 20 // 160 MiB
	chunk := bytes.Repeat([]byte("guidemap-kill-test-"), size/19+1)[:size]
	files := make([]output.File, 0, n+1)
	for i := range n {
		files = append(files, output.File{Path: fmt.Sprintf("kommuner/k%02d/guider/g%03d/index.html", i%7, i), Data: chunk})
	}
	files = append(files, output.File{Path: "index.html", Data: []byte("<h1>new</h1>")})
	output.Sort(files)
	return files
}

// TestWriteKilledMidWrite runs Write in a child process and kills it with
// SIGKILL at several moments: the output folder must then hold either the
// previous build or the new one, byte for byte, and never a mix; and the
// next Write must clean up and succeed.
func TestWriteKilledMidWrite(t *testing.T) {
	if os.Getenv("GM_CHILD") == "1" {
		files := killFiles()
		fmt.Println("ready")
		t0 := time.Now()
		if err := output.Write(os.Getenv("GM_DIR"), files); err != nil {
			fmt.Println("error:", err)
			os.Exit(3)
		}
		fmt.Println("done", time.Since(t0).Milliseconds())
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("writes 160 MiB per run")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	newHash := filesHash(killFiles())
	delays := []time.Duration{0, 1 * time.Millisecond, 5 * time.Millisecond, 20 * time.Millisecond, 50 * time.Millisecond, 100 * time.Millisecond}
	identical := 0
	for _, delay := range delays {
		t.Run(delay.String(), func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "public")
			prev := firstBuild()
			mustWrite(t, dir, prev)
			before := treeHash(t, dir)

			cmd := exec.Command(exe, "-test.run=^TestWriteKilledMidWrite$")
			cmd.Env = append(os.Environ(), "GM_CHILD=1", "GM_DIR="+dir)
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			lines := bufio.NewScanner(stdout)
			for lines.Scan() && lines.Text() != "ready" {
			}
			if lines.Text() != "ready" {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("child did not start")
			}
			time.Sleep(delay)
			cmd.Process.Kill() // SIGKILL
			var rest []string
			for lines.Scan() {
				rest = append(rest, lines.Text())
			}
			werr := cmd.Wait()
			finished := len(rest) > 0 && strings.HasPrefix(rest[0], "done")

			after := treeHash(t, dir)
			switch {
			case after == before:
				identical++
				t.Logf("killed %v after start (child: %v, %q): previous output byte-identical; %d staging folder(s) left",
					delay, werr, rest, len(stagingLeft(t, parent)))
			case after == newHash:
				t.Logf("child finished before the kill (%q): output is exactly the new build", rest)
			default:
				t.Fatalf("after a kill at %v the output is neither the previous nor the new build (child %v, %q)", delay, werr, rest)
			}
			if finished && after != newHash {
				t.Errorf("the child reported success but the output is not the new build")
			}

			// The next build removes what the killed one left and writes.
			files := secondBuild()
			mustWrite(t, dir, files)
			if got := treeHash(t, dir); got != filesHash(files) {
				t.Errorf("the build after the kill did not write exactly its files")
			}
			if left := stagingLeft(t, parent); len(left) > 0 {
				t.Errorf("staging folders left after the next build: %q", left)
			}
		})
	}
	t.Logf("%d of %d kills left the previous output byte-identical", identical, len(delays))
}
