package main

import (
	"runtime/debug"
	"testing"
)

func TestApplyMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	restore := applyMemoryLimit(defaultMemoryLimit)
	if got := debug.SetMemoryLimit(-1); got != defaultMemoryLimit {
		t.Errorf("limit during the ingest = %d, want %d", got, defaultMemoryLimit)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after = %d, want the previous %d", got, before)
	}
	applyMemoryLimit(0)()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit 0 changed it to %d", got)
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	restore = applyMemoryLimit(defaultMemoryLimit)
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set the limit became %d", got)
	}
	restore()
}
