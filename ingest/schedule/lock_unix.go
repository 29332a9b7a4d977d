//go:build unix

package schedule

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"github.com/geokg/geokg/store"
)

// LockState takes an exclusive lock on path+".lock", held until unlock is
// called or the process ends, so that two schedulers never share one state
// file. It fails at once, with an error wrapping graph.ErrLocked, when
// another process holds it.
func LockState(path string) (unlock func(), err error) {
	name := path + ".lock"
	f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", name, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("schedule state %s: %w", path, store.ErrLocked)
		}
		return nil, fmt.Errorf("lock %s: %w", name, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// fileID returns the device and inode of a file, which tell a rotated
// file from the one read before.
func fileID(fi os.FileInfo) (dev, ino uint64) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Dev), uint64(st.Ino)
	}
	return 0, 0
}
