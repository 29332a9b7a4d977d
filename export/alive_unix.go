//go:build unix

package export

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process pid exists (signal 0 reaches it,
// or exists but is not ours).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
