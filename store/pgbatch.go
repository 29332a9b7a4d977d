package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/cayleygraph/cayley/graph/refs"
)

// This file holds pgStore's batches: under group commit the Writes between
// two Syncs share one transaction, as on bbolt (see Store.SetGroupCommit).
//
// The first Write of a batch takes the write lock, reads the change
// counter and begins the transaction (lockWrites); the lock and the
// transaction then outlive the Write, and the next Writes of the batch
// take neither again. Each Write's statements run in the transaction
// without a COMMIT; every read of the store the process makes while the
// batch is open goes through the transaction's connection (pgStore.q),
// so that it sees the batch's earlier writes, and the read cache stays
// consistent without reading the counter (no other process writes while
// the lock is held). Sync bumps the counter once, commits (waiting for
// the WAL to reach the disk) and releases the lock, in one round trip. A
// batch that has held the lock for pgBatchHold, or holds pgBatchMax
// writes, is committed by the Write that passes the bound, without
// waiting for the disk, and the lock released, so that other processes
// writing the database wait no longer than that for their turn.

// pgBatchHold and pgBatchMax bound how long a batch holds the write lock
// and how many writes it holds (see above).
const (
	pgBatchHold = 250 * time.Millisecond
	pgBatchMax  = 500
)

// pgBatch is an open batch: its writes so far, when it began, and whether
// a statement of its transaction failed (the transaction is then aborted
// and only a rollback can follow).
//
// refs sums the changes of the values' reference counts its writes made,
// written at its end: counted per write, a value every write names (a
// predicate, a class) had its row updated once per write, and in one
// transaction each update adds a row version that the next one walks
// past (none can be pruned before the commit).
type pgBatch struct {
	writes int
	since  time.Time
	broken bool
	refs   map[refs.ValueHash]int
}

// deferRefs adds n to the open batch's reference counts when t is its
// transaction, and reports whether it is.
func (t *pgTx) deferRefs(n map[refs.ValueHash]int) bool {
	if !t.locked {
		return false
	}
	p := t.p
	p.lockMu.Lock()
	defer p.lockMu.Unlock()
	b := p.batch
	if b == nil {
		return false
	}
	if b.refs == nil {
		b.refs = map[refs.ValueHash]int{}
	}
	for h, d := range n {
		b.refs[h] += d
	}
	return true
}

// pgQuery is what a read needs of the database: the pool, or the batch's
// connection.
type pgQuery interface {
	pgExec
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// q returns where a read goes: the open batch's connection, whose
// transaction holds the batch's writes, or else the pool.
func (p *pgStore) q() pgQuery {
	p.lockMu.Lock()
	defer p.lockMu.Unlock()
	if p.batch != nil && p.conn != nil && p.inTx {
		return p.conn
	}
	return p.db
}

// batchOpen reports whether a batch is open (nil p: no).
func (p *pgStore) batchOpen() bool {
	if p == nil {
		return false
	}
	p.lockMu.Lock()
	defer p.lockMu.Unlock()
	return p.batch != nil
}

// batchFull reports whether the open batch has passed its time (hold,
// pgBatchHold) or pgBatchMax.
func (p *pgStore) batchFull() bool {
	p.lockMu.Lock()
	defer p.lockMu.Unlock()
	b := p.batch
	return b != nil && (b.writes >= pgBatchMax || time.Since(b.since) >= p.hold)
}

// endBatch ends the open batch: commit bumps the change counter and
// commits (durably when durable: the commit waits for the WAL to reach
// the disk), else the transaction is rolled back; then the write lock is
// released, in the same round trip (after the batch's reference counts,
// and the removal of the values left with none). It returns how many writes the batch
// held. On an error, or a rollback, the connection's session may be gone
// and what this process cached is no longer known to be the store's: it
// is dropped.
func (p *pgStore) endBatch(ctx context.Context, commit, durable bool) (writes int, err error) {
	p.lockMu.Lock()
	defer p.lockMu.Unlock()
	b := p.batch
	if b == nil {
		return 0, nil
	}
	p.batch = nil
	writes = b.writes
	if p.conn == nil || !p.inTx {
		// The connection was lost (pgTx.lost): its session, and the
		// batch with it, are gone.
		p.dropConn()
		p.forgetLocked()
		if commit && writes > 0 {
			return writes, fmt.Errorf("commit: the connection was lost")
		}
		return writes, nil
	}
	unlock := fmt.Sprintf("SELECT pg_advisory_unlock(%d)", pgWriteLock)
	q := "ROLLBACK; " + unlock
	if commit && !b.broken {
		if dropped, err := updateRefs(ctx, p.conn, b.refs); err != nil {
			b.broken = true
		} else {
			q = dropSQL(dropped) + "UPDATE geokg_writes SET n = n + 1 WHERE id = 1; COMMIT; " + unlock
			if durable {
				q = "SET LOCAL synchronous_commit = on; " + q
			}
		}
	}
	p.inTx, p.held = false, false
	if _, err := p.conn.ExecContext(ctx, q); err != nil {
		p.dropConn()
		p.forgetLocked()
		return writes, fmt.Errorf("commit: %w", err)
	}
	if !commit || b.broken {
		p.forgetLocked()
		if commit {
			return writes, fmt.Errorf("commit: a statement of the batch failed")
		}
		return writes, nil
	}
	from := p.seen
	if p.seen >= 0 {
		p.seen++
	}
	if p.cache != nil {
		p.cache.wrote(nil, nil, nil, from, p.seen)
	}
	return writes, nil
}

// forgetLocked drops what this process knows of the store's state: the
// change counter it saw and the read cache (under lockMu).
func (p *pgStore) forgetLocked() {
	p.seen = -1
	if p.cache != nil {
		p.cache.wrote(nil, nil, nil, -1, -1)
	}
}

// probe reports whether the open batch's transaction still takes
// statements (a failed statement aborts a PostgreSQL transaction); it
// marks the batch broken when not.
func (p *pgStore) probe(ctx context.Context) bool {
	p.lockMu.Lock()
	defer p.lockMu.Unlock()
	b := p.batch
	if b == nil || b.broken {
		return false
	}
	if p.conn == nil || !p.inTx {
		b.broken = true
		return false
	}
	if _, err := p.conn.ExecContext(ctx, "SELECT 1"); err != nil {
		b.broken = true
		return false
	}
	return true
}

// lockWrite takes the write lock for a Write (lockShared): under group
// commit on PostgreSQL the Write joins the open batch, or opens one.
func (s *Store) lockWrite(ctx context.Context) (func(), error) {
	if s.pg == nil || !s.group.on {
		return s.lockShared(ctx)
	}
	others, err := s.pg.lockWrites(ctx, true)
	if err != nil {
		return nil, err
	}
	if others && s.cache != nil {
		s.cache = newInferCache()
	}
	return s.pg.unlockWrites, nil
}

// endFullBatchLocked commits the open PostgreSQL batch, without waiting
// for the disk, when it has passed its bounds (see pgBatchHold); its error
// wraps ErrBatchLost.
func (s *Store) endFullBatchLocked() error {
	if s.pg == nil || !s.pg.batchFull() {
		return nil
	}
	if _, err := s.pg.endBatch(context.Background(), true, false); err != nil {
		return s.batchLostLocked(err)
	}
	return nil
}

// abortPGBatchLocked ends the open PostgreSQL batch after err, a Write's
// error, when err left its transaction broken: the batch is rolled back,
// and err wraps ErrBatchLost when it held writes of earlier articles.
// An error that left the transaction whole (the write's own statements
// had not begun) leaves the batch open.
func (s *Store) abortPGBatchLocked(err error) error {
	if err == nil || !s.pg.batchOpen() || s.pg.probe(context.Background()) {
		return err
	}
	writes, _ := s.pg.endBatch(context.Background(), false, false)
	if writes == 0 {
		if s.cache != nil {
			s.cache = newInferCache()
		}
		return err
	}
	return s.batchLostLocked(err)
}
