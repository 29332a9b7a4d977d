//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// releaseMapped does nothing outside Linux: the resident pages of bbolt's
// mapping are left to the operating system.
func releaseMapped(*bolt.DB) error { return nil }

// fileResident is unknown outside Linux.
func fileResident() (int64, error) { return 0, errNoResident }
