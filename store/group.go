package store

import (
	"context"
	"fmt"
)

// groupState is the group commit of a bbolt store: whether it is on.
type groupState struct {
	on bool
}

// SetGroupCommit turns group commit on or off. While it is on, Write still
// commits each article in its own transaction (all or nothing, seen by
// every later read) but does not wait for the disk: Sync flushes all the
// writes since the last Sync with one fsync, which on bbolt is most of the
// cost of a small write. A process that is killed loses nothing Write
// committed (the data is in the operating system's cache); a power
// failure or an operating-system crash loses the writes since the last
// Sync and, as with bbolt's NoSync, may leave the store damaged. So a
// caller reports an article stored only after the Sync that follows its
// Write, and uses group commit for bulk loads it can repeat. Turning it
// off, and Close, sync first. On other backends it does nothing: each
// Write is durable when it returns.
func (s *Store) SetGroupCommit(on bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if s.bolt == nil || s.readOnly {
		return nil
	}
	if !on {
		if err := s.syncLocked(); err != nil {
			return err
		}
	}
	s.group.on = on
	s.bolt.NoSync = on
	return nil
}

// Sync makes every write committed so far durable: under group commit,
// one fsync for all the writes since the last Sync; otherwise there is
// nothing to do.
func (s *Store) Sync(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	return s.syncLocked()
}

// syncLocked is Sync under the store's write lock.
func (s *Store) syncLocked() error {
	if s.bolt == nil || !s.group.on {
		return nil
	}
	if err := s.bolt.Sync(); err != nil {
		return fmt.Errorf("sync store %s: %w", Redact(s.dsn), err)
	}
	return nil
}
