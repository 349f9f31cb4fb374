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

// run gathers events into batches and has rebuild build each batch, with
// the changed paths. A batch of one file closes when no event has come for
// the debounce time: a save shows at once. A batch of several files (a git
// checkout, an editor's temporary files) waits five times as long for
// quiet, so that one checkout makes one rebuild; any batch closes at the
// latest a second after its first event, or 100 debounce times if that is
// longer. When the kernel's queue overflowed and events were lost, rebuild
// gets nil (do not know what changed). Write, Create, Rename and Remove
// are alike: an editor that saves by writing a temporary file and renaming
// it makes a Create (or a Rename) where one might expect a Write.
//
// A rebuild runs while events keep coming. When a batch closes while the
// last one is still being built, that rebuild is stale: run cancels it,
// waits for it to stop and builds the files of both batches at once.
// rebuild reports whether it was cancelled before it finished.
func (w *watcher) run(ctx context.Context, debounce time.Duration, rebuild func(context.Context, []string) (cancelled bool), warn func(error)) {
	pending := map[string]bool{}
	var quiet, deadline <-chan time.Time
	var b building
	defer b.stop()
	flush := func(all bool) {
		quiet, deadline = nil, nil
		if len(pending) == 0 && !all {
			return
		}
		var batch []string
		if !all {
			batch = make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
		}
		clear(pending)
		b.start(ctx, batch, rebuild)
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
				flush(true)
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
			flush(false)
		case <-deadline:
			flush(false)
		}
	}
}

// building is the rebuild in progress, if any.
type building struct {
	cancel context.CancelFunc
	done   chan bool // receives whether it was cancelled
	batch  []string  // its files; nil for all
}

// start builds batch (nil: everything) in the background, after
// cancelling the rebuild in progress; the files of a rebuild that was
// cancelled before it finished are built with batch.
func (b *building) start(ctx context.Context, batch []string, rebuild func(context.Context, []string) bool) {
	if b.done != nil {
		b.cancel()
		if <-b.done {
			batch = union(b.batch, batch)
		}
	}
	rctx, cancel := context.WithCancelCause(ctx)
	done := make(chan bool, 1)
	b.cancel, b.done, b.batch = func() { cancel(errNewerChange) }, done, batch
	go func() { done <- rebuild(rctx, batch) }()
}

// errNewerChange is why a rebuild is cancelled when a newer change came.
var errNewerChange = errors.New("a newer change came")

// stop cancels the rebuild in progress and waits for it.
func (b *building) stop() {
	if b.done != nil {
		b.cancel()
		<-b.done
		b.done = nil
	}
}

// union is the files of both batches, sorted; nil (everything) when
// either is nil.
func union(a, b []string) []string {
	if a == nil || b == nil {
		return nil
	}
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}
