//go:build linux

package store

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// errNoMapping is returned when /proc/self/maps has no mapping of the
// bbolt file where bbolt says its data starts.
var errNoMapping = errors.New("bbolt file mapping not found")

// mapping is one line of /proc/self/maps: the address range and the
// inode of the file mapped there.
type mapping struct {
	start, end uintptr
	inode      uint64
}

// fileMapping returns the mapping of the process that starts at addr.
func fileMapping(addr uintptr) (mapping, error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return mapping{}, err
	}
	defer f.Close()
	want := strconv.FormatUint(uint64(addr), 16) + "-"
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 4096), 1<<16)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, want) {
			continue
		}
		// start-end perms offset dev inode [path]
		fields := strings.Fields(line)
		if len(fields) < 5 {
			break
		}
		startS, endS, _ := strings.Cut(fields[0], "-")
		start, err1 := strconv.ParseUint(startS, 16, 64)
		end, err2 := strconv.ParseUint(endS, 16, 64)
		inode, err3 := strconv.ParseUint(fields[4], 10, 64)
		if err := errors.Join(err1, err2, err3); err != nil {
			return mapping{}, fmt.Errorf("/proc/self/maps line %q: %w", line, err)
		}
		return mapping{start: uintptr(start), end: uintptr(end), inode: inode}, nil
	}
	if err := sc.Err(); err != nil {
		return mapping{}, err
	}
	return mapping{}, errNoMapping
}

// boltMapping returns the mapping of db's file, checked against the
// file's inode so that nothing else is ever taken for it. The caller
// holds the store's write lock: bbolt remaps only in a write transaction.
func boltMapping(db *bolt.DB) (mapping, error) {
	fi, err := os.Stat(db.Path())
	if err != nil {
		return mapping{}, err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return mapping{}, errNoMapping
	}
	m, err := fileMapping(db.Info().Data)
	if err != nil {
		return mapping{}, err
	}
	if m.inode != st.Ino {
		return mapping{}, fmt.Errorf("%w: the mapping at %#x is inode %d, the file %d", errNoMapping, m.start, m.inode, st.Ino)
	}
	return m, nil
}

// releaseMapped drops this process's resident pages of db's file mapping
// (madvise MADV_DONTNEED). bbolt maps its file read-only and shared and
// writes with pwrite, so the pages are clean page cache: they stay in the
// kernel's cache, leave only this process's resident set, and the next
// read of one faults it back in from the cache (or the file). Readers
// running meanwhile are safe for the same reason. The caller holds the
// store's write lock, so that no write transaction remaps the file.
func releaseMapped(db *bolt.DB) error {
	m, err := boltMapping(db)
	if err != nil {
		return err
	}
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, m.start, m.end-m.start, syscall.MADV_DONTNEED); errno != 0 {
		return fmt.Errorf("madvise %s: %w", db.Path(), errno)
	}
	return nil
}

// fileResident returns the bytes of file pages resident in the process
// (the third field of /proc/self/statm: file-backed and shared pages).
func fileResident() (int64, error) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, err
	}
	fields := strings.Fields(string(b))
	if len(fields) < 3 {
		return 0, fmt.Errorf("/proc/self/statm: %q", b)
	}
	pages, err := strconv.ParseInt(fields[2], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("/proc/self/statm: %w", err)
	}
	return pages * int64(os.Getpagesize()), nil
}
