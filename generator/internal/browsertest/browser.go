package browsertest

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Timeouts. Every browser action runs under one of them, so a hung browser
// fails the test with a message instead of hanging until go test's -timeout.
const (
	StartTimeout  = 60 * time.Second // starting Chromium
	ActionTimeout = 30 * time.Second // one navigation, script, key press or screenshot
)

// Default viewport of a new tab.
const (
	DesktopWidth  = 1280
	DesktopHeight = 800
	PhoneWidth    = 390
)

// Browser is one headless Chromium process. Open tabs with Tab; each tab is
// used by one goroutine at a time, several tabs can work in parallel.
type Browser struct {
	ctx context.Context // the first tab's context; its children are new tabs
}

// NewBrowser starts headless Chromium with a fresh, temporary profile; it is
// stopped (and the profile removed) when the test ends.
//
// The flags keep the browser off the network: on a machine without internet
// Chromium otherwise keeps trying to reach Google's update, sync and
// safe-browsing services in the background.
func NewBrowser(t testing.TB) *Browser {
	t.Helper()
	exe, err := ChromiumPath()
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(exe),
		chromedp.Headless, // --headless, --hide-scrollbars, --mute-audio
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("lang", "sv-SE"),
		chromedp.WindowSize(DesktopWidth, DesktopHeight),
		// No user-data-dir: chromedp makes a fresh temporary one and
		// removes it when the browser stops.
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	var logMu sync.Mutex
	stopped := false
	logf := func(format string, args ...any) { // chromedp's complaints, until the test ends
		logMu.Lock()
		defer logMu.Unlock()
		if !stopped {
			t.Logf("chromedp: "+format, args...)
		}
	}
	ctx, cancelCtx := chromedp.NewContext(allocCtx, chromedp.WithLogf(logf), chromedp.WithErrorf(logf))
	t.Cleanup(func() {
		logMu.Lock()
		stopped = true
		logMu.Unlock()
		cancelCtx()
		cancelAlloc()
	})
	if err := firstRun(ctx, StartTimeout); err != nil {
		t.Fatalf("browser: starting %s: %v", exe, err)
	}
	return &Browser{ctx: ctx}
}

// Tab opens a new tab of the browser with a 1280×800 viewport, watching its
// pages for CSP violations and script errors (see Watch); it is closed when
// the test ends. A tab must not be used by two goroutines at once.
func (b *Browser) Tab(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	if err := firstRun(ctx, ActionTimeout); err != nil {
		t.Fatalf("browser: new tab: %v", err)
	}
	if err := SetViewport(ctx, DesktopWidth, DesktopHeight); err != nil {
		t.Fatalf("browser: new tab: %v", err)
	}
	// Tabs in the background behave as if they had the focus, so that
	// key presses and :focus-visible work in every tab of the pool.
	err := withTimeout(ctx, "emulate focus", func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	})
	if err != nil {
		t.Fatalf("browser: new tab: %v", err)
	}
	if err := Watch(ctx); err != nil {
		t.Fatalf("browser: new tab: %v", err)
	}
	return ctx
}

// firstRun makes the first call on a chromedp context, which starts the
// browser or opens the tab. That call must not run under a timeout: the
// browser or tab would live only as long as that call's context. So the
// timeout is a watchdog that gives up waiting (the test's cleanup then stops
// the browser).
func firstRun(ctx context.Context, timeout time.Duration) error {
	done := make(chan error, 1)
	go func() {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`1`))
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(timeout):
		return fmt.Errorf("no answer within %v", timeout)
	}
}

// withTimeout runs f under ActionTimeout and names the step in its error.
func withTimeout(ctx context.Context, step string, f func(ctx context.Context) error) error {
	tctx, cancel := context.WithTimeout(ctx, ActionTimeout)
	defer cancel()
	if err := f(tctx); err != nil {
		return fmt.Errorf("%s: %w", step, err)
	}
	return nil
}

// SetViewport sets the tab's layout viewport to width×height CSS pixels at
// device scale 1, as a desktop browser window (not a mobile emulation:
// that would let Chromium widen the layout viewport to fit overflowing
// content and hide the very overflow the tests look for). Media queries
// follow the width; the page is laid out again without reloading.
func SetViewport(ctx context.Context, width, height int) error {
	return withTimeout(ctx, "set viewport", func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: int64(width), Height: int64(height), DeviceScaleFactor: 1,
		})
		return err
	})
}

// Scheme is a prefers-color-scheme value: "light" or "dark".
type Scheme string

// The colour schemes a theme may follow.
const (
	Light Scheme = "light"
	Dark  Scheme = "dark"
)

// SetScheme emulates the user's preferred colour scheme in the tab.
func SetScheme(ctx context.Context, s Scheme) error {
	return withTimeout(ctx, "emulate prefers-color-scheme: "+string(s), func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: string(s)}},
		})
		return err
	})
}

// DisableScripts turns the page's JavaScript off (on) in the tab, as a
// visitor with JavaScript disabled has it. It applies to the next
// navigation; the tests' own Runtime.evaluate calls still work.
func DisableScripts(ctx context.Context, disabled bool) error {
	return withTimeout(ctx, "disable scripts", func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: disabled})
		return err
	})
}

// Load navigates the tab to url, waits for the load event and returns the
// HTTP status of the document.
func Load(ctx context.Context, url string) (int, error) {
	var status int
	err := withTimeout(ctx, "load "+url, func(ctx context.Context) error {
		resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
		if err != nil {
			return err
		}
		if resp != nil {
			status = int(resp.Status)
		}
		return nil
	})
	return status, err
}

// Eval evaluates a JavaScript expression in the page (awaiting a promise)
// and decodes its JSON value into T.
func Eval[T any](ctx context.Context, expr string) (T, error) {
	var v T
	err := withTimeout(ctx, "evaluate script", func(ctx context.Context) error {
		var err error
		v, err = chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
		return err
	})
	return v, err
}

// Screenshot loads url in a viewport width CSS pixels wide and writes a PNG
// of the whole page (not only the viewport) to path.
func Screenshot(ctx context.Context, url string, width int, path string) error {
	if err := SetViewport(ctx, width, DesktopHeight); err != nil {
		return err
	}
	if _, err := Load(ctx, url); err != nil {
		return err
	}
	png, err := FullPagePNG(ctx, width)
	if err != nil {
		return err
	}
	return os.WriteFile(path, png, 0o644)
}

// FullPagePNG captures the loaded page, all of its height, in a viewport
// width CSS pixels wide. It resizes the viewport to the page's height for
// the capture, so that nothing is laid out for a shorter window, and puts it
// back afterwards.
func FullPagePNG(ctx context.Context, width int) ([]byte, error) {
	h, err := Eval[float64](ctx, `Math.ceil(Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0))`)
	if err != nil {
		return nil, err
	}
	height := int(min(max(h, 1), 16384))
	if err := SetViewport(ctx, width, height); err != nil {
		return nil, err
	}
	defer SetViewport(ctx, width, DesktopHeight)
	var png []byte
	err = withTimeout(ctx, "screenshot", func(ctx context.Context) error {
		// Let the resized layout settle before capturing. (A timer, not
		// requestAnimationFrame: a background tab gets no frames.)
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](
			`new Promise(r => setTimeout(r, 50))`, chromedp.EvalAwaitPromise)); err != nil {
			return err
		}
		var err error
		png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
		return err
	})
	return png, err
}
