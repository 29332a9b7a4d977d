package store

import (
	"context"
	"database/sql"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// This file holds pgStore's write transactions (pgTx): begun with the
// write lock (lockWrites) or on their own, and committed with the change
// counter's bump, which the read cache (pgcache.go) follows.

// pgExec is what the write statements need of a connection.
type pgExec interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// pgTx is one write transaction, on the write lock's connection when this
// process holds the lock (else on a connection of the pool), begun and
// ended by hand so that BEGIN carries the commit mode and COMMIT the
// change counter's bump: one round trip each.
type pgTx struct {
	p      *pgStore
	ctx    context.Context
	conn   *sql.Conn
	locked bool
	done   bool
}

// ExecContext runs a statement in the transaction.
func (t *pgTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return t.conn.ExecContext(ctx, query, args...)
}

// QueryContext runs a query in the transaction.
func (t *pgTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return t.conn.QueryContext(ctx, query, args...)
}

// begin starts a write transaction; under group commit (setAsync) its
// commit does not wait for the WAL to reach the disk.
func (p *pgStore) begin(ctx context.Context) (*pgTx, error) {
	p.mu.Lock()
	async := p.async
	p.mu.Unlock()
	t := &pgTx{p: p, ctx: ctx}
	p.lockMu.Lock()
	begun := false
	if p.locked && p.conn != nil {
		t.conn, t.locked = p.conn, true
		begun, p.inTx = p.inTx, true
	}
	p.lockMu.Unlock()
	if begun {
		return t, nil // by lockWrites
	}
	if t.conn == nil {
		conn, err := p.db.Conn(ctx)
		if err != nil {
			return nil, err
		}
		t.conn = conn
	}
	if _, err := t.conn.ExecContext(ctx, beginSQL(async)); err != nil {
		t.lost()
		return nil, err
	}
	return t, nil
}

// beginSQL begins a transaction; under group commit (async), one whose
// commit does not wait for the WAL to reach the disk.
func beginSQL(async bool) string {
	if async {
		return "BEGIN; SET LOCAL synchronous_commit = off"
	}
	return "BEGIN"
}

// commit removes the values dropped that have no reference left, bumps the
// change counter and commits, in one round trip; added and removed are the
// quads the transaction added and removed (values names their values),
// which the read cache's answers take in.
//
// In an open batch (pgbatch.go) it commits nothing: it removes the values
// dropped (when there are any, in one round trip) and leaves the bump and
// COMMIT to the batch's end; the read cache takes the quads in at once,
// its counter unchanged.
func (t *pgTx) commit(dropped []refs.ValueHash, added, removed []refs.QuadHash, values map[refs.ValueHash]quad.Value) error {
	t.done = true
	p := t.p
	if t.locked {
		p.lockMu.Lock()
		b, seen := p.batch, p.seen
		p.lockMu.Unlock()
		if b != nil {
			if len(dropped) > 0 {
				if _, err := t.conn.ExecContext(t.ctx, dropSQL(dropped)); err != nil {
					t.broke()
					return err
				}
			}
			p.lockMu.Lock()
			b.writes++
			p.lockMu.Unlock()
			if p.cache != nil {
				p.cache.wrote(added, removed, values, seen, seen)
			}
			return nil
		}
	}
	if _, err := t.conn.ExecContext(t.ctx, dropSQL(dropped)+"UPDATE geokg_writes SET n = n + 1 WHERE id = 1; COMMIT"); err != nil {
		t.lost()
		return err
	}
	if t.locked {
		p.lockMu.Lock()
		p.inTx = false
		p.lockMu.Unlock()
	}
	if !t.locked {
		t.conn.Close()
		// Another process may have written since this one last looked.
		p.lockMu.Lock()
		p.seen = -1
		p.lockMu.Unlock()
		if p.cache != nil {
			p.cache.wrote(nil, nil, nil, -1, -1)
		}
		return nil
	}
	p.lockMu.Lock()
	from := p.seen
	if p.seen >= 0 {
		p.seen++
	}
	n := p.seen
	p.lockMu.Unlock()
	if p.cache != nil {
		p.cache.wrote(added, removed, values, from, n)
	}
	return nil
}

// rollback ends the transaction without its changes.
//
// In an open batch it leaves the transaction to the batch's end, marked
// broken: its statements so far cannot be undone alone.
func (t *pgTx) rollback() {
	if t.done {
		return
	}
	t.done = true
	if t.broke() {
		return
	}
	if _, err := t.conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.lost()
		return
	}
	if t.locked {
		t.p.lockMu.Lock()
		t.p.inTx = false
		t.p.lockMu.Unlock()
	}
	if !t.locked {
		t.conn.Close()
	}
}

// lost gives up the transaction's connection, whose state is unknown: the
// session ends (which rolls back what it did not commit, and releases the
// write lock when it is the lock's), and what this process cached is no
// longer known to be the store's.
func (t *pgTx) lost() {
	t.done = true
	p := t.p
	if t.locked {
		p.lockMu.Lock()
		if p.conn == t.conn {
			p.dropConn()
		}
		p.seen = -1
		p.lockMu.Unlock()
	} else {
		discard(t.conn)
	}
	if p.cache != nil {
		p.cache.wrote(nil, nil, nil, -1, -1)
	}
}

// broke marks the open batch broken when t is its transaction, and
// reports whether it is.
func (t *pgTx) broke() bool {
	if !t.locked {
		return false
	}
	t.done = true
	p := t.p
	p.lockMu.Lock()
	defer p.lockMu.Unlock()
	if p.batch == nil {
		return false
	}
	p.batch.broken = true
	return true
}
