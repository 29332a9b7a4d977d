package extract

import (
	"os"
	"testing"
)

// TestMain prepares the package's rules before the tests that call the
// extraction's parts directly, without New.
func TestMain(m *testing.M) {
	prepare()
	os.Exit(m.Run())
}
