package part4

import (
	"testing"

	"github.com/esamverkan/guidemap/generator/internal/browsertest/example"
)

// TestExampleSite checks part 4 of the example site's pages in Chromium.
func TestExampleSite(t *testing.T) { example.Check(t, "../../../../..", 4) }
