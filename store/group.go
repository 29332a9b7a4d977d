package store

import (
	"context"
	"fmt"
)

// groupState is the group commit of a bbolt or PostgreSQL store: whether
// it is on.
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
// off, and Close, sync first. On PostgreSQL each Write then commits
// without waiting for its WAL to reach the disk (synchronous_commit off;
// a server crash loses the writes since the last Sync, the database stays
// consistent) and Sync waits for all of them at once. On other backends
// it does nothing: each Write is durable when it returns.
func (s *Store) SetGroupCommit(on bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if (s.bolt == nil && s.pg == nil) || s.readOnly {
		return nil
	}
	if !on {
		if err := s.syncLocked(); err != nil {
			return err
		}
	}
	s.group.on = on
	if s.bolt != nil {
		s.bolt.NoSync = on
	} else {
		s.pg.setAsync(on)
	}
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
	if !s.group.on {
		return nil
	}
	sync := func() error { return s.bolt.Sync() }
	if s.pg != nil {
		sync = func() error { return s.pg.sync(context.Background()) }
	}
	if err := sync(); err != nil {
		return fmt.Errorf("sync store %s: %w", Redact(s.dsn), err)
	}
	return nil
}
