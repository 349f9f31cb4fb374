package browsertest

import (
	"bufio"
	"bytes"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"
)

// Server serves a built output folder on 127.0.0.1 the way a static host
// does: pretty URLs (/x/ is /x/index.html, /x is redirected to /x/ when x is
// a folder), 404.html with status 404 for a missing path, and the headers of
// the folder's _headers file (Netlify/Cloudflare Pages syntax), so that the
// pages run under the site's own Content-Security-Policy.
type Server struct {
	URL string // the base URL, without a trailing slash: http://127.0.0.1:port

	root    *os.Root
	headers []headerRule

	mu      sync.Mutex
	missing []string // request paths answered with 404, in order
}

// Serve serves dir on a random port of 127.0.0.1 until the test ends and
// returns the base URL (without a trailing slash).
func Serve(t testing.TB, dir string) string { return NewServer(t, dir).URL }

// NewServer is Serve returning the Server, for tests that also look at
// which requests missed (Missing).
func NewServer(t testing.TB, dir string) *Server {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatalf("serve: %v", err)
	}
	s := &Server{root: root}
	if b, err := root.ReadFile("_headers"); err == nil {
		s.headers = parseHeaders(b)
	}
	hs := httptest.NewServer(s) // listens on 127.0.0.1:0
	s.URL = hs.URL
	t.Cleanup(func() {
		hs.Close()
		root.Close()
	})
	return s
}

// Missing returns the paths that were answered with 404 so far (page
// requests and sub-resources alike), in the order they were asked for.
func (s *Server) Missing() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.missing)
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	urlPath := r.URL.Path
	if !strings.HasPrefix(urlPath, "/") {
		urlPath = "/" + urlPath
	}
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" {
		name = "."
	}
	fi, err := s.root.Stat(name)
	if err == nil && fi.IsDir() {
		if !strings.HasSuffix(urlPath, "/") {
			http.Redirect(w, r, urlPath+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		fi, err = s.root.Stat(name)
	} else if err == nil && strings.HasSuffix(urlPath, "/") {
		err = fs.ErrNotExist // a file asked for as a folder
	}
	if err != nil || fi.IsDir() {
		s.notFound(w, r, urlPath)
		return
	}
	f, err := s.root.Open(name)
	if err != nil {
		s.notFound(w, r, urlPath)
		return
	}
	defer f.Close()
	s.setHeaders(w, urlPath)
	http.ServeContent(w, r, name, fi.ModTime(), f)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, urlPath string) {
	s.mu.Lock()
	s.missing = append(s.missing, urlPath)
	s.mu.Unlock()
	body, err := s.root.ReadFile("404.html")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	s.setHeaders(w, urlPath)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func (s *Server) setHeaders(w http.ResponseWriter, urlPath string) {
	for _, h := range s.headers {
		if h.matches(urlPath) {
			for _, kv := range h.values {
				w.Header().Add(kv[0], kv[1])
			}
		}
	}
}

// headerRule is one block of a _headers file: a path pattern (exact, or a
// prefix ending in *) and the headers for the paths it matches.
type headerRule struct {
	pattern string
	values  [][2]string
}

func (h headerRule) matches(p string) bool {
	if prefix, ok := strings.CutSuffix(h.pattern, "*"); ok {
		return strings.HasPrefix(p, prefix)
	}
	return p == h.pattern
}

// parseHeaders reads the _headers format: a line starting at column 1 is a
// path pattern, the indented "Name: value" lines below it are its headers,
// lines starting with # are comments.
func parseHeaders(b []byte) []headerRule {
	var rules []headerRule
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			rules = append(rules, headerRule{pattern: trimmed})
			continue
		}
		name, value, ok := strings.Cut(trimmed, ":")
		if !ok || len(rules) == 0 {
			continue
		}
		last := &rules[len(rules)-1]
		last.values = append(last.values, [2]string{strings.TrimSpace(name), strings.TrimSpace(value)})
	}
	return rules
}
