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
	return dontNeed(db, m.start, m.end)
}

// fileResident returns the bytes of file pages resident in the process
// (the third field of /proc/self/statm: file-backed and shared pages).
func fileResident() (int64, error) {
	file, _, err := residentNow()
	return file, err
}

// residentChunks returns which chunkSize blocks of m's first size bytes
// have at least one page resident in this process (the present bit of
// /proc/self/pagemap, which any process may read of itself), one bit per
// block.
func residentChunks(m mapping, size int64) ([]uint64, error) {
	if lim := int64(m.end - m.start); size > lim {
		size = lim
	}
	page := int64(os.Getpagesize())
	pages := size / page
	f, err := os.Open("/proc/self/pagemap")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	per := chunkSize / page
	chunks := (pages + per - 1) / per
	bits := make([]uint64, (chunks+63)/64)
	buf := make([]byte, 8*per*64) // 64 chunks a read
	for c := int64(0); c < chunks; c += 64 {
		n := min(pages-c*per, per*64)
		off := (int64(m.start)/page + c*per) * 8
		if _, err := f.ReadAt(buf[:n*8], off); err != nil {
			return nil, fmt.Errorf("/proc/self/pagemap: %w", err)
		}
		for i := int64(0); i < n; i++ {
			if buf[i*8+7]&0x80 != 0 { // bit 63: present
				k := c + i/per
				bits[k/64] |= 1 << (k % 64)
			}
		}
	}
	return bits, nil
}

// releaseMappedKeeping is releaseMapped but for the chunkSize blocks that
// keep chooses among those resident now (residentChunks): it releases
// the whole mapping, then maps the kept blocks back in, one madvise
// MADV_POPULATE_READ per run of them, which maps a block for a tenth of
// the CPU of the read fault that would map it otherwise (~3 µs against
// ~30, measured on the development machine, a virtual one); releasing
// only the runs between kept blocks cost more, a madvise a run. On a
// kernel without MADV_POPULATE_READ (before Linux 5.14) nothing is kept.
func releaseMappedKeeping(db *bolt.DB, keep func(present []uint64) []uint64) error {
	m, err := boltMapping(db)
	if err != nil {
		return err
	}
	fi, err := os.Stat(db.Path())
	if err != nil {
		return err
	}
	present, err := residentChunks(m, fi.Size())
	if err != nil {
		return err
	}
	kept := keep(present)
	if err := dontNeed(db, m.start, m.end); err != nil {
		return err
	}
	end := m.start + uintptr(min(fi.Size(), int64(m.end-m.start))) // past it a read faults
	run := -1
	for i := 0; i <= len(kept)*64; i++ {
		in := i < len(kept)*64 && kept[i/64]&(1<<(i%64)) != 0 && m.start+uintptr(i)*chunkSize < end
		switch {
		case in && run < 0:
			run = i
		case !in && run >= 0:
			from, to := m.start+uintptr(run)*chunkSize, min(m.start+uintptr(i)*chunkSize, end)
			run = -1
			_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, from, to-from, madvPopulateRead)
			if errno == syscall.EINVAL {
				return nil
			} else if errno != 0 {
				return fmt.Errorf("madvise %s: %w", db.Path(), errno)
			}
		}
	}
	return nil
}

// madvPopulateRead is MADV_POPULATE_READ (Linux 5.14).
const madvPopulateRead = 22

// dontNeed releases the mapped pages from start to end (madvise
// MADV_DONTNEED); an empty range does nothing.
func dontNeed(db *bolt.DB, start, end uintptr) error {
	if end <= start {
		return nil
	}
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, start, end-start, syscall.MADV_DONTNEED); errno != 0 {
		return fmt.Errorf("madvise %s: %w", db.Path(), errno)
	}
	return nil
}

// residentNow returns the bytes of file pages and of anonymous memory
// resident in the process (/proc/self/statm: its third field, and the
// second less the third).
func residentNow() (file, anon int64, err error) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, 0, err
	}
	fields := strings.Fields(string(b))
	if len(fields) < 3 {
		return 0, 0, fmt.Errorf("/proc/self/statm: %q", b)
	}
	res, err1 := strconv.ParseInt(fields[1], 10, 64)
	shared, err2 := strconv.ParseInt(fields[2], 10, 64)
	if err := errors.Join(err1, err2); err != nil {
		return 0, 0, fmt.Errorf("/proc/self/statm: %w", err)
	}
	page := int64(os.Getpagesize())
	return shared * page, (res - shared) * page, nil
}
