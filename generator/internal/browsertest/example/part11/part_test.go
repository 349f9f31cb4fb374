package part11

import (
	"testing"

	"github.com/esamverkan/guidemap/generator/internal/browsertest/example"
)

// TestExampleSite checks part 11 of the example site's pages in Chromium.
func TestExampleSite(t *testing.T) { example.Check(t, "../../../../..", 11) }
