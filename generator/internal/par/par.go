// Package par runs work on a bounded number of goroutines. Callers store
// results by index, so what they make does not depend on scheduling.
package par

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls fn(i) for every i in [0, n) on at most workers goroutines
// (GOMAXPROCS when workers <= 0) and returns when all calls have returned.
func Do(n, workers int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// DoCtx is Do that stops handing out work once ctx is done; it reports
// whether every fn(i) was called (false: ctx was cancelled, and the
// results are incomplete).
func DoCtx(ctx context.Context, n, workers int, fn func(i int)) bool {
	done := ctx.Done()
	if done == nil {
		Do(n, workers, fn)
		return true
	}
	var stopped atomic.Bool
	Do(n, workers, func(i int) {
		if stopped.Load() {
			return
		}
		select {
		case <-done:
			stopped.Store(true)
			return
		default:
		}
		fn(i)
	})
	return !stopped.Load()
}
