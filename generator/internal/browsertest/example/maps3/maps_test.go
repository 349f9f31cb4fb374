// Package maps3 checks the last third of the example's map pages (see
// package maps).
package maps3

import (
	"testing"

	"github.com/esamverkan/guidemap/generator/internal/browsertest/example"
)

// TestMapsLegible checks the last third of the example's map pages.
func TestMapsLegible(t *testing.T) { example.CheckMapsLegible(t, "../../../../..", 3, 3) }
