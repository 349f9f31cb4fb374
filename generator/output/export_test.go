package output

import (
	"errors"
	"testing"
)

// RefuseLinks makes every hard link fail until the test ends, as on a
// file system without them.
func RefuseLinks(t *testing.T) {
	hardLink = func(string, string) error { return errors.New("no hard links here") }
	t.Cleanup(func() { hardLink = osLink })
}
