//go:build !unix

package extract

import "time"

// processCPU says that this system's CPU time is not read here.
func processCPU() (time.Duration, bool) { return 0, false }
