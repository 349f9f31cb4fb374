package serve

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watched are the folders of a site that serve watches, recursively.
var watched = []string{"content", "geodata", "themes"}

// watcher is fsnotify made recursive: it watches the site folder itself
// (to see content/, geodata/ or themes/ appear) and every folder under the
// watched ones, and adds folders as they are created.
type watcher struct {
	src string
	w   *fsnotify.Watcher
}

func newWatcher(src string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{src: src, w: fw}
	if err := fw.Add(src); err != nil {
		fw.Close()
		return nil, err
	}
	for _, d := range watched {
		w.addTree(filepath.Join(src, d))
	}
	return w, nil
}

func (w *watcher) close() { w.w.Close() }

// addTree watches dir and every folder under it, skipping dot-folders.
func (w *watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		_ = w.w.Add(p)
		return nil
	})
}

// rel returns the event's path relative to the site folder, in slashes,
// and whether it is one serve cares about.
func (w *watcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(w.src, name)
	if err != nil {
		return "", false
	}
	r = filepath.ToSlash(r)
	top, _, _ := strings.Cut(r, "/")
	if !slices.Contains(watched, top) {
		return "", false
	}
	for _, part := range strings.Split(r, "/") {
		if strings.HasPrefix(part, ".") {
			return "", false // editors' swap files, .git
		}
	}
	return r, true
}

// run gathers events into batches and calls rebuild once per batch, with
// the changed paths. A batch of one file closes when no event has come for
// the debounce time: a save shows at once. A batch of several files (a git
// checkout, an editor's temporary files) waits five times as long for
// quiet, so that one checkout makes one rebuild; any batch closes at the
// latest a second after its first event, or 100 debounce times if that is
// longer. When the kernel's queue overflowed and events were lost, rebuild
// gets nil (do not know what changed). Events that come during a rebuild
// make the next batch. Write, Create, Rename and Remove are alike: an
// editor that saves by writing a temporary file and renaming it makes a
// Create (or a Rename) where one might expect a Write.
func (w *watcher) run(ctx context.Context, debounce time.Duration, rebuild func([]string), warn func(error)) {
	pending := map[string]bool{}
	var quiet, deadline <-chan time.Time
	flush := func() {
		quiet, deadline = nil, nil
		if len(pending) == 0 {
			return
		}
		batch := make([]string, 0, len(pending))
		for p := range pending {
			batch = append(batch, p)
		}
		slices.Sort(batch)
		clear(pending)
		rebuild(batch)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-w.w.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				clear(pending)
				quiet, deadline = nil, nil
				rebuild(nil)
				continue
			}
			warn(err)
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			r, ok := w.rel(ev.Name)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				// A new folder, or one moved in: watch it and what it holds.
				w.addTree(ev.Name)
			}
			pending[r] = true
			if len(pending) == 1 {
				quiet = time.After(debounce)
			} else {
				quiet = time.After(5 * debounce)
			}
			if deadline == nil {
				deadline = time.After(max(100*debounce, time.Second))
			}
		case <-quiet:
			flush()
		case <-deadline:
			flush()
		}
	}
}
