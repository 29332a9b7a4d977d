//go:build unix

package extract

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user and system) the process has used
// so far, all its threads (the garbage collector's among them); ok is
// false when the system does not say.
func processCPU() (d time.Duration, ok bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
