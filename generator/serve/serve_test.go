package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/esamverkan/guidemap/generator"
)

// repoRoot is the example site: the repository's root.
const repoRoot = "../.."

// copySite copies the example site's content/ and geodata/ to a
// temporary folder.
func copySite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, top := range []string{"content", "geodata"} {
		err := filepath.WalkDir(filepath.Join(repoRoot, top), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(repoRoot, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			dst := filepath.Join(dir, rel)
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.WriteFile(dst, data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// running is a server started in the test, with an SSE client.
type running struct {
	t      testing.TB
	s      *Server
	dir    string
	url    string
	events chan sse
	cancel context.CancelFunc
	done   chan error
	log    *syncBuf
}

type sse struct {
	name, data string
	at         time.Time
}

type syncBuf struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuf) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuf) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func start(t testing.TB, dir string, debounce time.Duration) *running {
	t.Helper()
	return startWith(t, dir, debounce, nil)
}

// startWith is start with a chance to set up the server before it runs.
func startWith(t testing.TB, dir string, debounce time.Duration, setup func(*Server)) *running {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	log := &syncBuf{}
	s, err := New(Options{Src: dir, Listener: ln, Debounce: debounce, Log: log})
	if err != nil {
		t.Fatal(err)
	}
	if setup != nil {
		setup(s)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{t: t, s: s, dir: dir, url: strings.TrimSuffix(s.URL(), "/"), events: make(chan sse, 100), cancel: cancel, done: make(chan error, 1), log: log}
	go func() { r.done <- s.Run(ctx) }()
	t.Cleanup(func() { r.stop() })
	for i := 0; ; i++ {
		if st, _ := r.get("/"); st == 200 && s.snap.Load() != nil {
			break
		}
		if i > 30000 { // ten minutes: the first build of a large site is slow
			t.Fatalf("the site was not served; log:\n%s", log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	r.listen(ctx)
	return r
}

func (r *running) stop() {
	r.cancel()
	select {
	case err := <-r.done:
		if err != nil {
			r.t.Errorf("Run: %v", err)
		}
		r.done <- nil
	case <-time.After(2 * time.Minute): // a rebuild under way is finished first
		r.t.Errorf("Run did not stop within 2 minutes of the cancel")
	}
}

// listen connects the SSE client and waits until it is subscribed.
func (r *running) listen(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, "GET", r.url+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		r.t.Fatalf("events: Content-Type %q", ct)
	}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var ev sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			case line == "" && ev.name != "":
				ev.at = time.Now()
				r.events <- ev
				ev = sse{}
			}
		}
	}()
}

func (r *running) get(p string) (int, string) {
	resp, err := http.Get(r.url + p)
	if err != nil {
		return 0, ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// next waits for the next event that ends a build and fails unless it is
// named want. The reloads a rebuild sends when its pages are listed (a
// preview, which a newer change may cancel) end nothing and are skipped;
// "built", which ends a rebuild whose preview the tabs were told of,
// stands for the reload they had.
func (r *running) next(want string) sse {
	r.t.Helper()
	timeout := time.After(3 * time.Minute)
	for {
		select {
		case ev := <-r.events:
			if ev.name == "reload" && strings.Contains(ev.data, `"preview":true`) {
				continue
			}
			if ev.name == "built" && want == "reload" {
				ev.name = "reload"
			}
			if ev.name != want {
				r.t.Fatalf("got event %q (%s), want %q; log:\n%s", ev.name, ev.data, want, r.log.String())
			}
			return ev
		case <-timeout:
			r.t.Fatalf("no %q event within 3 minutes; log:\n%s", want, r.log.String())
		}
	}
}

func (r *running) write(rel, data string) {
	r.t.Helper()
	p := filepath.Join(r.dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *running) read(rel string) string {
	r.t.Helper()
	b, err := os.ReadFile(filepath.Join(r.dir, rel))
	if err != nil {
		r.t.Fatal(err)
	}
	return string(b)
}

// aGuide writes a shared guide that no other file links to, so that
// renaming and deleting it leave the site without errors.
func aGuide(t testing.TB, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "content/guides/provguide.md")
	src := "---\ntitle: Provguide\nsummary: En guide att prova med.\ncategory: kultur-fritid\n---\n\nText om saken.\n\n## Så gör du\n\n1. Ett.\n2. Två.\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return "provguide"
}

// TestServeLiveEditing drives a real server through an editing session:
// edit, break, fix, create, rename, delete, restyle.
func TestServeLiveEditing(t *testing.T) {
	dir := copySite(t)
	slug := aGuide(t, dir)
	os.MkdirAll(filepath.Join(dir, "themes/default/css"), 0o755)
	os.WriteFile(filepath.Join(dir, "themes/default/css/40-extra.css"), []byte(".guidemap-test-rule { color: #000 }\n"), 0o644)
	r := start(t, dir, 20*time.Millisecond)
	file := "content/guides/" + slug + ".md"
	page := "/guider/" + slug + "/"
	st, body := r.get(page)
	if st != 200 || !strings.Contains(body, `<script src="/_guidemap/reload.js" defer></script></body>`) {
		t.Fatalf("GET %s: %d, reload script injected: %v", page, st, strings.Contains(body, scriptPath))
	}

	// Edit: the page changes and the tabs reload.
	src := r.read(file)
	r.write(file, src+"\nEn alldeles ny mening om lingonsylt.\n")
	r.next("reload")
	if _, body := r.get(page); !strings.Contains(body, "lingonsylt") {
		t.Fatal("the edit is not served")
	}
	if !strings.Contains(r.log.String(), "rebuilt "+file+":") {
		t.Errorf("an edit of the text alone was not rebuilt the fast way; log:\n%s", r.log.String())
	}

	// Break the text (a link to a guide that does not exist): the overlay
	// names file and line, the last good page is still served; fix it.
	good := r.read(file)
	r.write(file, good+"\nLäs mer i [guiden om fiske](fiske.md).\n")
	ev := r.next("errors")
	wantLine := strings.Count(good, "\n") + 2
	if !strings.Contains(ev.data, fmt.Sprintf(`"file":%q,"line":%d`, file, wantLine)) || !strings.Contains(ev.data, "fiske.md") {
		t.Fatalf("no error at %s:%d in %s", file, wantLine, ev.data)
	}
	if st, body := r.get(page); st != 200 || strings.Contains(body, "guiden om fiske") {
		t.Fatal("the last good page is not served while its text is broken")
	}
	r.write(file, good)
	r.next("reload")
	if _, body := r.get(errorsPath); strings.Contains(body, "fiske.md") {
		t.Fatalf("the errors are still there after the fix: %s", body)
	}

	// Break the front matter: the overlay data names file and line, and
	// the last good page is still served.
	broken := strings.Replace(r.read(file), "summary:", "sumary:", 1)
	r.write(file, broken)
	ev = r.next("errors")
	wantLine = 1 + strings.Count(broken[:strings.Index(broken, "sumary:")], "\n")
	var f failure
	if err := json.Unmarshal([]byte(ev.data), &f); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range f.Errors {
		if p.File == file && p.Line == wantLine && strings.HasPrefix(p.Source, "sumary:") && strings.Contains(p.Message, "sumary") {
			found = true
		}
	}
	if !found {
		t.Fatalf("no error at %s:%d with its source line in %s", file, wantLine, ev.data)
	}
	if _, body := r.get(errorsPath); !strings.Contains(body, fmt.Sprintf(`"line":%d`, wantLine)) {
		t.Fatalf("%s does not hold the error: %s", errorsPath, body)
	}
	if st, body := r.get(page); st != 200 || !strings.Contains(body, "lingonsylt") {
		t.Fatal("the last good page is not served while the site is broken")
	}
	if !strings.Contains(r.log.String(), fmt.Sprintf("%s:%d:", filepath.ToSlash(filepath.Join(r.dir, file)), wantLine)) {
		t.Errorf("the terminal does not show the error; log:\n%s", r.log.String())
	}

	// Fix: the overlay goes.
	r.write(file, strings.Replace(broken, "sumary:", "summary:", 1))
	r.next("reload")
	if _, body := r.get(errorsPath); strings.Contains(body, "sumary") {
		t.Fatalf("the errors are still there after the fix: %s", body)
	}

	// A new folder with a new file in it: a new page.
	r.write("content/municipalities/kramfors/guides/fiskekort.md", "---\ntitle: Fiskekort i Kramfors\nsummary: Så fiskar du i kommunens vatten.\ncategory: kultur-fritid\n---\n\nKöp fiskekort på nätet.\n")
	r.next("reload")
	if st, body := r.get("/kramfors/guider/fiskekort/"); st != 200 || !strings.Contains(body, "Fiskekort i Kramfors") {
		t.Fatalf("the new guide in a new folder is not served: %d", st)
	}

	// Rename: the page moves.
	if err := os.Rename(filepath.Join(r.dir, file), filepath.Join(r.dir, "content/guides/flyttad-guide.md")); err != nil {
		t.Fatal(err)
	}
	r.next("reload")
	if st, _ := r.get(page); st != 404 {
		t.Errorf("the renamed guide's old page: %d, want 404", st)
	}
	if st, body := r.get("/guider/flyttad-guide/"); st != 200 || !strings.Contains(body, "lingonsylt") {
		t.Errorf("the renamed guide's new page: %d", st)
	}

	// Delete: the page is gone.
	if err := os.Remove(filepath.Join(r.dir, "content/guides/flyttad-guide.md")); err != nil {
		t.Fatal(err)
	}
	r.next("reload")
	if st, _ := r.get("/guider/flyttad-guide/"); st != 404 {
		t.Errorf("the deleted guide's page: %d, want 404", st)
	}

	// A site's own style sheet edited alone: a "css" event naming the new
	// sheet.
	r.write("themes/default/css/40-extra.css", ".guidemap-test-rule { color: #123456 }\n")
	ev = r.next("css")
	var css struct{ Stylesheets []string }
	if err := json.Unmarshal([]byte(ev.data), &css); err != nil || len(css.Stylesheets) == 0 {
		t.Fatalf("css event %s: %v", ev.data, err)
	}
	if _, body := r.get(css.Stylesheets[0]); !strings.Contains(body, "123456") {
		t.Errorf("the new style sheet %s does not hold the new rule", css.Stylesheets[0])
	}
	if _, body := r.get("/"); !strings.Contains(body, css.Stylesheets[0]) {
		t.Errorf("the pages do not link the new style sheet %s", css.Stylesheets[0])
	}
}

// TestServeSurvivesEditorsAndCheckouts: a save by temporary file and
// rename, and many files changed at once, each end in one good rebuild.
func TestServeSurvivesEditorsAndCheckouts(t *testing.T) {
	dir := copySite(t)
	slug := aGuide(t, dir)
	r := start(t, dir, 50*time.Millisecond)
	file := filepath.Join(r.dir, "content/guides", slug+".md")
	src := r.read("content/guides/" + slug + ".md")
	tmp := filepath.Join(r.dir, "content/guides", ".#"+slug+".md.tmp")
	if err := os.WriteFile(tmp, []byte(src+"\nSparad med byte av namn.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
	r.next("reload")
	if _, body := r.get("/guider/" + slug + "/"); !strings.Contains(body, "byte av namn") {
		t.Fatal("a save by rename is not served")
	}
	if _, body := r.get("/guider/" + slug + "/"); strings.Contains(body, "Sparad med") == false {
		t.Fatal("a save by rename is not served")
	}
	// A checkout: every guide rewritten, one removed, a folder added.
	ms, _ := filepath.Glob(filepath.Join(r.dir, "content/guides/*.md"))
	for _, m := range ms {
		b, _ := os.ReadFile(m)
		os.WriteFile(m, append(b, "\nUtcheckad.\n"...), 0o644)
	}
	os.Remove(file)
	r.write("content/municipalities/ange/guides/lokal.md", "---\ntitle: Lokal i Ånge\ncategory: omsorg\n---\n\nText.\n")
	r.next("reload")
	select {
	case ev := <-r.events:
		t.Errorf("a second event %q after one checkout", ev.name)
	case <-time.After(300 * time.Millisecond):
	}
	if st, _ := r.get("/ange/guider/lokal/"); st != 200 {
		t.Errorf("the checked-out guide: %d", st)
	}
}

// TestServeLoopbackOnly: serve listens on 127.0.0.1 and refuses any other
// interface.
func TestServeLoopbackOnly(t *testing.T) {
	dir := copySite(t)
	s, err := New(Options{Src: dir, Port: 41313})
	if err != nil {
		t.Fatal(err)
	}
	a := s.Addr().(*net.TCPAddr)
	if !a.IP.Equal(net.IPv4(127, 0, 0, 1)) {
		t.Errorf("listening on %s, want 127.0.0.1", a)
	}
	if !strings.HasPrefix(s.URL(), "http://127.0.0.1:") {
		t.Errorf("URL %s", s.URL())
	}
	// The port is taken: the next free one is used.
	s2, err := New(Options{Src: dir, Port: a.Port})
	if err != nil {
		t.Fatal(err)
	}
	if p := s2.Addr().(*net.TCPAddr).Port; p == a.Port {
		t.Errorf("the second server has the same port %d", p)
	}
	s.ln.Close()
	s2.ln.Close()
	ln, err := net.Listen("tcp", "0.0.0.0:0")
	if err != nil {
		t.Skip(err)
	}
	if _, err := New(Options{Src: dir, Listener: ln}); err == nil {
		t.Error("New accepted a listener on all interfaces")
	}
}

// TestServeNoPathTraversal: requests with ../ in any spelling get the
// site's 404 page, never a file outside the site.
func TestServeNoPathTraversal(t *testing.T) {
	dir := copySite(t)
	r := start(t, dir, 20*time.Millisecond)
	os.WriteFile(filepath.Join(filepath.Dir(dir), "secret.txt"), []byte("TOPSECRET"), 0o644)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("TOPSECRET"), 0o644)
	for _, p := range []string{"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2f%2e%2e%2fetc/passwd",
		"/guider/../../secret.txt", "/secret.txt", "/content/site.toml", "/..\\secret.txt", "//etc/passwd"} {
		conn, err := net.Dial("tcp", r.s.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", p)
		resp, _ := io.ReadAll(conn)
		conn.Close()
		s := string(resp)
		if strings.Contains(s, "TOPSECRET") || strings.Contains(s, "root:") || strings.Contains(s, "base_url") {
			t.Errorf("GET %s leaks a file", p)
		}
		if !strings.HasPrefix(s, "HTTP/1.1 404") && !strings.HasPrefix(s, "HTTP/1.1 400") && !strings.HasPrefix(s, "HTTP/1.1 301") {
			t.Errorf("GET %s: %s", p, strings.SplitN(s, "\r\n", 2)[0])
		}
	}
	st, body := r.get("/finns-inte/")
	want, _ := r.s.snap.Load().files["404.html"]
	if st != 404 || !strings.Contains(body, string(want[:50])) {
		t.Errorf("a missing page: %d, not the site's 404.html", st)
	}
	resp, err := http.Get(r.url + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("pages are served without the site's CSP: %q", csp)
	}
}

// TestServeSnapshotsDuringRebuilds: requests while rebuilding are all
// answered from whole builds (run with -race).
func TestServeSnapshotsDuringRebuilds(t *testing.T) {
	dir := copySite(t)
	slug := aGuide(t, dir)
	r := start(t, dir, 5*time.Millisecond)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var bad sync.Map
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				snap := r.s.snap.Load()
				st, body := r.get("/guider/" + slug + "/")
				if st != 200 || !strings.Contains(body, "</html>") {
					bad.Store(st, snap.gen)
				}
			}
		}()
	}
	src := r.read("content/guides/" + slug + ".md")
	for i := 0; i < 5; i++ {
		r.write("content/guides/"+slug+".md", src+fmt.Sprintf("\nVersion %d.\n", i))
		r.next("reload")
	}
	close(stop)
	wg.Wait()
	bad.Range(func(k, v any) bool { t.Errorf("a request got status %v", k); return true })
}

// TestServeEqualsCleanBuild is serve's property: after a random series of
// edits (of text alone, which the Builder rebuilds the fast way, and of
// front matter), creations, renames and deletions, the site served from
// memory is, file for file and byte for byte, what a clean build of the
// same folder makes.
func TestServeEqualsCleanBuild(t *testing.T) {
	dir := copySite(t)
	r := start(t, dir, 10*time.Millisecond)
	rng := rand.New(rand.NewPCG(3, 5))
	guides := func() []string {
		ms, _ := filepath.Glob(filepath.Join(dir, "content/guides/*.md"))
		return ms
	}
	pick := func() string { g := guides(); return g[rng.IntN(len(g))] }
	edit := func(p string, f func(string) string) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f(string(data))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ops := []struct {
		name string
		do   func(n int)
	}{
		{"edit a guide's text", func(n int) {
			edit(pick(), func(s string) string { return s + fmt.Sprintf("\nMening nummer %d.\n", n) })
		}},
		{"add a section", func(n int) {
			edit(pick(), func(s string) string { return s + fmt.Sprintf("\n## Avsnitt %d\n\nText.\n", n) })
		}},
		{"edit an adaptation's text", func(n int) {
			ms, _ := filepath.Glob(filepath.Join(dir, "content/municipalities/*/guides/*.md"))
			edit(ms[rng.IntN(len(ms))], func(s string) string { return s + fmt.Sprintf("\nLokal mening %d.\n", n) })
		}},
		{"edit an e-service's text", func(n int) {
			ms, _ := filepath.Glob(filepath.Join(dir, "content/eservices/*.md"))
			edit(ms[rng.IntN(len(ms))], func(s string) string { return s + fmt.Sprintf("\nOm tjänsten, %d.\n", n) })
		}},
		{"edit a guide's title", func(n int) {
			edit(pick(), func(s string) string { return strings.Replace(s, "title: ", fmt.Sprintf("title: %d ", n), 1) })
		}},
		{"create a guide", func(n int) {
			p := filepath.Join(dir, "content/guides", fmt.Sprintf("ny-%d.md", n))
			os.WriteFile(p, []byte(fmt.Sprintf("---\ntitle: Ny guide %d\nsummary: Ny.\ncategory: kultur-fritid\n---\n\nText.\n", n)), 0o644)
		}},
		// Other guides link to the example's guides: rename and delete
		// the test's own (the Builder's property test breaks links too).
		{"rename a guide", func(n int) {
			p := filepath.Join(dir, "content/guides", fmt.Sprintf("ny-%d.md", n))
			os.WriteFile(p, []byte("---\ntitle: Att flytta\n---\n\nText.\n"), 0o644)
			r.next("reload")
			os.Rename(p, filepath.Join(dir, "content/guides", fmt.Sprintf("flyttad-%d.md", n)))
		}},
		{"delete a guide", func(n int) {
			ms, _ := filepath.Glob(filepath.Join(dir, "content/guides/[nf][yl]*-*.md"))
			if len(ms) == 0 {
				os.WriteFile(filepath.Join(dir, "content/guides/borta.md"), []byte("---\ntitle: Borta\ncategory: avfall\n---\n"), 0o644)
				r.next("reload")
				ms = []string{filepath.Join(dir, "content/guides/borta.md")}
			}
			os.Remove(ms[rng.IntN(len(ms))])
		}},
		{"edit a point file", func(n int) {
			ms, _ := filepath.Glob(filepath.Join(dir, "geodata/platser/*.geojson"))
			edit(ms[rng.IntN(len(ms))], func(s string) string { return strings.Replace(s, `"name": "`, fmt.Sprintf(`"name": "%d `, n), 1) })
		}},
	}
	for n := 1; n <= 16; n++ {
		op := ops[rng.IntN(len(ops))]
		op.do(n)
		if ev := r.next("reload"); ev.name != "reload" {
			t.Fatalf("step %d, %s: %s", n, op.name, ev.name)
		}
		want, err := generator.Collect(context.Background(), generator.Config{Src: dir, BaseURL: r.s.URL()})
		if err != nil {
			t.Fatalf("step %d, %s: clean build: %v", n, op.name, err)
		}
		got := r.s.snap.Load().files
		if len(got) != len(want.Output) {
			t.Fatalf("step %d, %s: %d files served, a clean build makes %d", n, op.name, len(got), len(want.Output))
		}
		for _, f := range want.Output {
			if !bytes.Equal(got[f.Path], f.Data) {
				t.Fatalf("step %d, %s: %s differs from a clean build's", n, op.name, f.Path)
			}
		}
	}
	if fast := strings.Count(r.log.String(), "files changed"); fast == 0 {
		t.Errorf("no rebuild went the fast way; log:\n%s", r.log.String())
	}
}

// TestServeCancelsStaleRebuild: a save that comes while the last save is
// still being built cancels that rebuild, and the next one builds both
// files. The first rebuild after start is held until its context is
// cancelled, so the test does not depend on how fast the machine is; what
// happens next — the Builder stopping, the two batches joined, one reload
// with both edits — is the real thing.
func TestServeCancelsStaleRebuild(t *testing.T) {
	dir := copySite(t)
	var calls [][]string
	var mu sync.Mutex
	held := make(chan struct{})
	r := startWith(t, dir, 10*time.Millisecond, func(s *Server) {
		s.onRebuild = func(ctx context.Context, changed []string) {
			mu.Lock()
			calls = append(calls, changed)
			n := len(calls)
			mu.Unlock()
			if n == 2 { // the first rebuild after start: wait for the next save to cancel it
				close(held)
				select {
				case <-ctx.Done():
				case <-time.After(time.Minute):
					t.Error("the rebuild was not cancelled by the next save")
				}
			}
		}
	})
	first, second := "content/guides/bygglov.md", "content/guides/forskoleplats.md"
	r.write(first, strings.Replace(r.read(first), "title: Bygglov", "title: Bygglov och anmälan", 1))
	<-held
	r.write(second, strings.Replace(r.read(second), "\n## ", "\nEn ny mening om förskolan.\n\n## ", 1))
	r.next("reload")
	mu.Lock()
	got := slices.Clone(calls)
	mu.Unlock()
	if len(got) != 3 || !slices.Equal(got[1], []string{first}) || !slices.Equal(got[2], []string{first, second}) {
		t.Fatalf("rebuilds %q, want the first save, then both", got)
	}
	if !strings.Contains(r.log.String(), "rebuild of "+first+" cancelled") {
		t.Errorf("the log does not tell of the cancelled rebuild:\n%s", r.log.String())
	}
	if _, page := r.get("/guider/bygglov/"); !strings.Contains(page, "Bygglov och anmälan") {
		t.Error("the first save is not served")
	}
	if _, page := r.get("/guider/forskoleplats/"); !strings.Contains(page, "En ny mening om förskolan.") {
		t.Error("the second save is not served")
	}
	select {
	case ev := <-r.events:
		t.Errorf("another event after the reload: %s %s", ev.name, ev.data)
	case <-time.After(200 * time.Millisecond):
	}
}

// TestServeAnswersWhileTheFirstBuildRuns: once the first build has listed
// the pages, and before it has rendered them, the server answers with
// pages rendered on demand, the same bytes the finished build serves, with
// the site's headers; a path that is no page gets the site's 404 page.
// Before that, it says the site is being built (and the page reloads).
func TestServeAnswersWhileTheFirstBuildRuns(t *testing.T) {
	dir := copySite(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Src: dir, Listener: ln, Log: &syncBuf{}})
	if err != nil {
		t.Fatal(err)
	}
	url := strings.TrimSuffix(s.URL(), "/")
	get := func(p string) (int, string, http.Header) {
		resp, err := http.Get(url + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), resp.Header
	}
	type answer struct {
		status int
		body   string
		header string // Retry-After before the pages are listed, Content-Security-Policy after
	}
	early := map[string]answer{}
	paths := []string{"/", "/guider/bygglov/", "/sundsvall/guider/bygglov/", "/karta/", "/finns-inte/"}
	building := make(chan answer, 1)
	s.onRebuild = func(context.Context, []string) {
		st, body, h := get("/")
		building <- answer{st, body, h.Get("Retry-After")}
	}
	s.onPreview = func() {
		if s.snap.Load() != nil {
			return
		}
		for _, p := range paths {
			st, body, h := get(p)
			early[p] = answer{st, body, h.Get("Content-Security-Policy")}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	defer func() {
		cancel()
		<-done
	}()
	b := <-building
	if b.status != http.StatusServiceUnavailable || !strings.Contains(b.body, "Building the site") || b.header != "1" {
		t.Errorf("before the pages are listed: %d, Retry-After %q:\n%s", b.status, b.header, b.body)
	}
	for i := 0; s.snap.Load() == nil; i++ {
		if i > 3000 {
			t.Fatal("the first build did not end")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(early) != len(paths) {
		t.Fatalf("asked %d pages while the build ran, want %d", len(early), len(paths))
	}
	for _, p := range paths {
		st, body, h := get(p)
		e := early[p]
		if e.status != st || e.body != body || e.header != h.Get("Content-Security-Policy") {
			t.Errorf("%s while building: %d (CSP %q), %d bytes; built: %d (CSP %q), %d bytes", p, e.status, e.header, len(e.body), st, h.Get("Content-Security-Policy"), len(body))
		}
		if want := 200; p == "/finns-inte/" {
			want = 404
			if st != want {
				t.Errorf("%s: %d, want %d", p, st, want)
			}
		} else if st != want {
			t.Errorf("%s: %d, want %d", p, st, want)
		}
	}
}

// TestServeShowsARebuildWhenItsPagesAreListed: after an edit that a fast
// rebuild cannot take (a title), the tabs are told to reload as soon as
// the new build has listed its pages, and are then served its pages,
// rendered on demand, byte for byte what the finished build serves. A
// build that has failed by then is not shown.
func TestServeShowsARebuildWhenItsPagesAreListed(t *testing.T) {
	dir := copySite(t)
	slug := aGuide(t, dir)
	page := "/guider/" + slug + "/"
	type seen struct {
		gen  int64 // the finished build served then
		body string
	}
	previews := make(chan seen, 10)
	var r *running
	r = startWith(t, dir, 5*time.Millisecond, func(s *Server) {
		s.onPreview = func() {
			if r == nil || s.snap.Load() == nil {
				return // the first build
			}
			_, body := r.get(page)
			previews <- seen{s.snap.Load().gen, body}
		}
	})
	file := "content/guides/" + slug + ".md"
	src := r.read(file)
	before := r.s.snap.Load().gen
	r.write(file, strings.Replace(src, "title: Provguide", "title: Provguiden med ny titel", 1))

	var ev sse
	select {
	case ev = <-r.events:
	case <-time.After(3 * time.Minute):
		t.Fatalf("no event; log:\n%s", r.log.String())
	}
	if ev.name != "reload" || !strings.Contains(ev.data, `"preview":true`) {
		t.Fatalf("first event %s %s, want a preview's reload", ev.name, ev.data)
	}
	p := <-previews
	if p.gen != before {
		t.Errorf("previewed with build %d served, want the build before the edit (%d)", p.gen, before)
	}
	if !strings.Contains(p.body, "Provguiden med ny titel") {
		t.Errorf("the page served when the pages were listed lacks the new title")
	}
	r.next("reload") // "built"
	if _, body := r.get(page); body != p.body {
		t.Errorf("the finished build serves other bytes than its preview did")
	}

	// A broken front matter: no preview; the last good site stays.
	r.write(file, strings.Replace(src, "summary:", "sumary:", 1))
	r.next("errors")
	select {
	case p := <-previews:
		t.Errorf("a failing build was previewed: %.80q", p.body)
	default:
	}
	if _, body := r.get(page); !strings.Contains(body, "Provguiden med ny titel") {
		t.Errorf("after a failed build, the last good site is not served")
	}
}
