package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/esamverkan/guidemap/generator/diag"
)

// The script and style sheet that only serve adds to pages.
const (
	scriptPath = "/_guidemap/reload.js"
	stylePath  = "/_guidemap/overlay.css"
	eventsPath = "/_guidemap/events"
	errorsPath = "/_guidemap/errors"
	scriptTag  = `<script src="` + scriptPath + `" defer></script>`
)

// ServeHTTP serves the current snapshot and the /_guidemap/ endpoints.
// Files are looked up in the snapshot's map by their cleaned path, so no
// request can reach anything but the built site.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	snap := s.early.Load()
	if snap == nil {
		snap = s.snap.Load()
	}
	h := w.Header()
	if snap != nil {
		for k, v := range snap.headers {
			h[k] = v
		}
	}
	h.Set("Cache-Control", "no-cache")
	switch r.URL.Path {
	case scriptPath, stylePath:
		data, _ := assets.ReadFile("assets/" + path.Base(r.URL.Path))
		h.Set("Content-Type", mime.TypeByExtension(path.Ext(r.URL.Path)))
		w.Write(data)
		return
	case eventsPath:
		s.events(w, r)
		return
	case errorsPath:
		f := s.failed.Load()
		if f == nil {
			f = &failure{Errors: []Problem{}}
		}
		h.Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(f)
		return
	}

	p := path.Clean("/" + r.URL.Path)
	name := strings.TrimPrefix(p, "/")
	if strings.HasSuffix(r.URL.Path, "/") || name == "" {
		if name != "" {
			name += "/"
		}
		name += "index.html"
	}
	data, ok := snap.file(name)
	if !ok && !strings.HasSuffix(name, "index.html") {
		if _, dir := snap.file(name + "/index.html"); dir {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusNotFound
		name = "404.html"
		data, ok = snap.file(name)
		if !ok {
			data = []byte(fallbackPage(s.lang()))
			if snap == nil && s.failed.Load() == nil {
				// The first build has not listed the pages yet.
				status, data = http.StatusServiceUnavailable, []byte(buildingPage(s.lang()))
				h.Set("Retry-After", "1")
			}
		}
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	h.Set("Content-Type", ctype)
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data)
	}
	h.Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// buildingPage is served while the first build has not listed the pages
// yet; it reloads itself every second until they can be shown.
func buildingPage(lang string) string {
	return `<!DOCTYPE html><html lang="` + lang + `"><head><meta charset="utf-8"><meta http-equiv="refresh" content="1"><title>guidemap serve</title></head><body><main><h1>` +
		diag.Localf(lang, "Building the site") + `</h1><p>` +
		diag.Localf(lang, "This page reloads itself until the first pages can be shown.") + `</p></main></body></html>`
}

// fallbackPage is served when there is no site yet (the first build failed).
func fallbackPage(lang string) string {
	return `<!DOCTYPE html><html lang="` + lang + `"><head><meta charset="utf-8"><title>guidemap serve</title></head><body><main><h1>` +
		diag.Localf(lang, "No site yet") + `</h1><p>` +
		diag.Localf(lang, "The site has errors; fix them and this page reloads.") + `</p></main></body></html>`
}

// inject adds the reload script just before </body>.
func inject(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page[:len(page):len(page)], scriptTag...)
	}
	out := make([]byte, 0, len(page)+len(scriptTag))
	out = append(out, page[:i]...)
	out = append(out, scriptTag...)
	return append(out, page[i:]...)
}

// events streams build events to one tab. A tab that connects while the
// last build failed gets its errors at once.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	c := s.subscribe()
	defer s.unsubscribe(c)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 1000\n\n")
	if f := s.failed.Load(); f != nil {
		data, _ := json.Marshal(f)
		writeEvent(w, event{"errors", data})
	}
	fl.Flush()
	tick := time.NewTicker(15 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-c:
			writeEvent(w, ev)
			fl.Flush()
		case <-tick.C:
			fmt.Fprint(w, ": ping\n\n")
			fl.Flush()
		}
	}
}

func writeEvent(w http.ResponseWriter, ev event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
}

// parseHeaders reads the "/*" block of the site's _headers file: the
// security headers (the Content-Security-Policy above all) every page is
// served with, so that serve shows what the static host will. HSTS is left
// out: it would pin 127.0.0.1 to https.
func parseHeaders(data []byte) http.Header {
	h := http.Header{}
	in := false
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			in = strings.TrimSpace(line) == "/*"
			continue
		}
		if !in {
			continue
		}
		k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if strings.EqualFold(k, "Strict-Transport-Security") {
			continue
		}
		h.Add(k, v)
	}
	return h
}
