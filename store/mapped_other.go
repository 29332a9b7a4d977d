//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// releaseMapped does nothing outside Linux: the resident pages of bbolt's
// mapping are left to the operating system.
func releaseMapped(*bolt.DB) error { return nil }

// releaseMappedKeeping does nothing outside Linux, as releaseMapped.
func releaseMappedKeeping(*bolt.DB, func([]uint64) []uint64) error { return nil }

// fileResident is unknown outside Linux.
func fileResident() (int64, error) { return 0, errNoResident }

// residentNow is unknown outside Linux.
func residentNow() (file, anon int64, err error) { return 0, 0, errNoResident }
