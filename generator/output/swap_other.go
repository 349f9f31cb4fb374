//go:build !linux

package output

func swap(a, b string) error { return swapTwoSteps(a, b) }
