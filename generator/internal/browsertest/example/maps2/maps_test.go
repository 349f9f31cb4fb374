// Package maps2 checks the second third of the example's map pages (see
// package maps).
package maps2

import (
	"testing"

	"github.com/esamverkan/guidemap/generator/internal/browsertest/example"
)

// TestMapsLegible checks the second third of the example's map pages.
func TestMapsLegible(t *testing.T) { example.CheckMapsLegible(t, "../../../../..", 2, 3) }
