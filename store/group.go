package store

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph/kv"
)

// groupState is the group commit of a bbolt or PostgreSQL store: whether
// it is on.
type groupState struct {
	on bool
}

// maxBatchNodes bounds the bbolt pages a batch's transaction holds in
// memory to be written (nodes, about a 4 KB page each, ~20 MB in all): a
// Write that leaves more commits the batch at once. Measured on the dense
// simulated world (1,000 articles, ~200 new pages an article), ingest CPU
// was lowest near 3,000–5,000 and rose above 10,000 (×1.1 at 20,000), the
// garbage collector scanning the pages held.
const maxBatchNodes = 5000

// SetGroupCommit turns group commit on or off, for bulk loads.
//
// On bbolt, while it is on, the Writes between two Syncs share one
// transaction: each Write reads what the earlier ones wrote (every read
// of the store does, which while the transaction is open waits for the
// write lock), and Sync commits them all at once, then flushes the file
// with one fsync: one commit and one rewrite of each page they touch
// instead of one per article. A batch whose pages in memory pass a bound
// (maxBatchNodes), or whose reads have taken the process's resident
// memory to a release of the file's pages (residentState.over), is committed, without waiting
// for the disk, by the Write that passes it. A caller reports an article stored only after the
// Sync that follows its Write: a killed process then loses nothing
// reported (what a commit wrote is in the operating system's cache); a
// power failure or an operating-system crash loses the writes since the
// last Sync and, as with bbolt's NoSync, may leave the store damaged, so
// group commit is for bulk loads that can be repeated. A write that fails
// part way, or a commit that fails, rolls the transaction back: the error
// wraps ErrBatchLost, and the caller writes the articles since the last
// Sync again, one by one (Write then Sync each) to find the bad one.
//
// On PostgreSQL, likewise, the Writes between two Syncs share one
// transaction, which holds the database's write lock from the batch's
// first Write to Sync (see pgbatch.go): every read of the store goes
// through it, and Sync bumps the change counter and commits once. A batch
// that has held the lock for pgBatchHold (250 ms) or holds pgBatchMax
// writes is committed by the Write that passes the bound, without waiting
// for the WAL to reach the disk, and the lock released for other
// processes; Sync then waits for the WAL of all of them. A server crash
// loses the writes since the last Sync; the database stays consistent. A
// Write whose statement fails rolls the batch back (ErrBatchLost), as on
// bbolt. On other backends
// it does nothing: each Write is durable when it returns. Turning it off,
// and Close, sync first.
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

// Sync makes every write so far durable: under group commit, it commits
// the open batch (bbolt) or waits for the writes' WAL (PostgreSQL);
// otherwise there is nothing to do. Its error wraps ErrBatchLost when
// the batch's writes were rolled back.
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
	if s.kv != nil {
		if s.kv.batch != nil {
			s.resident.open = false
			if err := s.kv.endBatch(true); err != nil {
				return fmt.Errorf("sync store %s: %w", Redact(s.dsn), s.batchLostLocked(err))
			}
			s.afterWriteLocked()
		}
		// The batch's commits (and those Write made when a batch grew
		// past its bound) did not wait for the disk: one fsync for all.
		if err := s.bolt.Sync(); err != nil {
			return fmt.Errorf("sync store %s: %w", Redact(s.dsn), err)
		}
		return nil
	}
	if s.pg.batchOpen() {
		if writes, err := s.pg.endBatch(context.Background(), true, true); err != nil || writes > 0 {
			if err != nil {
				return fmt.Errorf("sync store %s: %w", Redact(s.dsn), s.batchLostLocked(err))
			}
			// The batch's commit waited for its WAL, and with it for
			// that of the commits before it.
			return nil
		}
	}
	if err := s.pg.sync(context.Background()); err != nil {
		return fmt.Errorf("sync store %s: %w", Redact(s.dsn), err)
	}
	return nil
}

// Committed reports whether every Write so far is committed: no batch
// holds writes not yet committed. Under group commit a batch that passes
// a bound is committed by the Write that passes it (see SetGroupCommit),
// not yet durable: a later ErrBatchLost does not take its writes.
func (s *Store) Committed() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return !s.inBatchLocked() && !s.pg.batchOpen()
}

// inBatchLocked reports whether a batch's transaction is open.
func (s *Store) inBatchLocked() bool { return s.kv != nil && s.kv.batch != nil }

// beginBatchLocked opens a batch's transaction for the next Write when
// group commit is on and none is open (bbolt).
func (s *Store) beginBatchLocked() error {
	if !s.group.on || s.kv == nil || s.kv.batch != nil {
		return nil
	}
	return s.kv.beginBatch()
}

// abortBatchLocked rolls the open batch back, when err, a write's error,
// left it broken, and returns err wrapped with ErrBatchLost; otherwise it
// returns err.
func (s *Store) abortBatchLocked(err error) error {
	if s.pg != nil {
		return s.abortPGBatchLocked(err)
	}
	if err == nil || !s.inBatchLocked() || !s.kv.broken {
		return err
	}
	s.resident.open = false
	_ = s.kv.endBatch(false)
	return s.batchLostLocked(err)
}

// batchLostLocked forgets the writes of a batch rolled back
// (forgetWritesLocked) and returns err wrapped with ErrBatchLost.
func (s *Store) batchLostLocked(err error) error {
	if ferr := s.forgetWritesLocked(); ferr != nil {
		err = fmt.Errorf("%w (and reopening the store: %v)", err, ferr)
	}
	return fmt.Errorf("%w: %w", ErrBatchLost, err)
}

// forgetWritesLocked resets what a store keeps in memory of writes whose
// transaction was rolled back: the inference cache, and on bbolt Cayley's
// cache of value ids, which holds the ids the transaction gave its new
// values — ids later writes give to other values, so that a quad written
// through the stale cache would name a value that is not its own. (A
// PostgreSQL batch's end drops its read cache itself, see endBatch.)
func (s *Store) forgetWritesLocked() error {
	if s.cache != nil {
		s.cache = newInferCache()
	}
	if s.kv == nil {
		return nil
	}
	qs, err := kv.New(s.kv, kvOptions)
	if err != nil {
		return err
	}
	s.qs = qs
	return nil
}
