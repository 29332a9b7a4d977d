//go:build !unix

package schedule

import "os"

// LockState would take an exclusive lock on the state file; on this
// system it does nothing (the store's own lock still keeps two writers
// apart).
func LockState(path string) (unlock func(), err error) { return func() {}, nil }

// fileID returns zeros: this system gives no inode; size and modification
// time still tell a truncated file.
func fileID(os.FileInfo) (dev, ino uint64) { return 0, 0 }
