package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	// The PostgreSQL dialect of Cayley's SQL backend; CockroachDB speaks the
	// same wire protocol and SQL for what geokg uses.
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"
)

// sqlBackend is the Cayley backend name for PostgreSQL and CockroachDB.
const sqlBackend = "postgres"

// pgWriteLock is the key of the PostgreSQL advisory lock the geokg
// processes writing one database take around each write (and around
// creating the tables): the bytes of "geokgw".
const pgWriteLock int64 = 0x67656f6b6777

// pgValueCacheMax bounds the values a pgStore keeps in memory; past it a
// quarter is dropped. A value takes some 100 bytes.
const pgValueCacheMax = 200_000

// openSQL opens (creating its tables when needed) the Cayley SQL store in
// the PostgreSQL database at addr; dsn is the name the user gave it, used
// in errors. Several processes may share such a store: the database
// serialises their transactions. CockroachDB (cockroach) gets Cayley's
// store as it is; PostgreSQL gets a pgStore around it, whose writers take
// turns (see pgStore).
func openSQL(ctx context.Context, dsn, addr string, readOnly, cockroach bool) (cayleygraph.QuadStore, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	wrap := func(err error) error { return fmt.Errorf("open store %s: %w", Redact(dsn), err) }
	if cockroach {
		if !readOnly {
			err := cayleygraph.InitQuadStore(sqlBackend, addr, nil)
			if err != nil && !errors.Is(err, cayleygraph.ErrDatabaseExists) {
				return nil, wrap(err)
			}
		}
		qs, err := cayleygraph.NewQuadStore(sqlBackend, addr, nil)
		if err != nil {
			return nil, wrap(err)
		}
		return qs, nil
	}
	p, err := openPG(ctx, addr, readOnly)
	if err != nil {
		return nil, wrap(err)
	}
	return p, nil
}

// pgStore is Cayley's PostgreSQL quad store with what geokg's writes need
// of a database several processes write at once:
//
//   - Writes take turns: Store.Write holds a PostgreSQL advisory lock
//     (lockWrites) from its first read to its commit, so that two
//     processes never merge into the same fact from the same stale reads
//     (which would leave a fact with two values of a qualifier, or two
//     nodes for one source).
//   - A change counter (table geokg_writes), bumped in the transaction of
//     every write, tells a process whether another one has written since
//     its own last write; while none has, what the process's writes read
//     (inferCache) stays valid and is kept, as on bbolt, and so do the
//     answers of its per-node reads (the read cache, pgcache.go).
//   - ApplyDeltas writes a whole batch in a few round trips (values and
//     quads added, quads removed, references, then values left unused with
//     the commit), not one statement per value and per quad as Cayley's
//     does, and counts each value's references exactly (Cayley's also
//     counts a quad already stored).
//   - Values are read in batches (ValuesOf: one query for all the values
//     of a scan) and kept in memory: a value's row is named by the hash of
//     its content, so what a hash names never changes and needs no
//     invalidation.
//   - Group commit (setAsync, sync) lets the bulk path commit without
//     waiting for the WAL flush, and flushes once per batch.
type pgStore struct {
	*csql.QuadStore
	db *sql.DB

	// lockMu guards conn, locked, held, inTx, batch and seen.
	lockMu sync.Mutex
	// conn is the connection that takes the advisory lock (nil until the
	// first write); locked is set between lockWrites and unlockWrites,
	// and held while conn holds the advisory lock (which a batch keeps
	// between its writes).
	conn   *sql.Conn
	locked bool
	held   bool
	// inTx is set while conn is in a write transaction, which lockWrites
	// begins (see pgTx).
	inTx bool
	// batch is the open batch under group commit, else nil (pgbatch.go);
	// hold is how long a batch may hold the write lock (pgBatchHold).
	batch *pgBatch
	hold  time.Duration
	// seen is the change counter after this process's last locked write
	// (-1: none yet).
	seen int64

	// cache is the read cache (nil when read-only); queries counts the
	// queries its reads sent (for tests).
	cache   *pgCache
	queries atomic.Int64

	// mu guards async and values.
	mu sync.Mutex
	// async is set under group commit.
	async bool
	// values maps a value's hash to the value.
	values map[refs.ValueHash]quad.Value

	// names are the name index's rows of the deltas ApplyDeltas writes,
	// in the same transaction (set by the Store, see applyDeltas).
	names []nameRow
	// times are the timeline index's rows of the same deltas.
	times timeRows
}

// openPG opens the PostgreSQL database at addr as a pgStore,
// creating Cayley's tables and the change counter first unless readOnly
// (under the write lock, so that processes opening a new database at once
// do not race to create them).
func openPG(ctx context.Context, addr string, readOnly bool) (*pgStore, error) {
	addr, err := oneRoundTrip(addr)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("postgres", addr)
	if err != nil {
		return nil, err
	}
	p := &pgStore{db: db, seen: -1, values: map[refs.ValueHash]quad.Value{}, hold: pgBatchHold}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if !readOnly {
		if err := p.init(ctx, addr); err != nil {
			db.Close()
			return nil, err
		}
		p.cache = newPGCache()
	}
	qs, err := cayleygraph.NewQuadStore(sqlBackend, addr, nil)
	if err != nil {
		db.Close()
		return nil, err
	}
	p.QuadStore = qs.(*csql.QuadStore)
	return p, nil
}

// oneRoundTrip returns the URL addr with lib/pq's binary_parameters on
// (unless addr sets it): a query with parameters then takes one round trip
// to the server instead of two (parse, then bind and execute), and hashes
// travel as bytes rather than hex.
func oneRoundTrip(addr string) (string, error) {
	u, err := url.Parse(addr)
	if err != nil {
		return "", err
	}
	q := u.Query()
	if q.Get("binary_parameters") == "" {
		q.Set("binary_parameters", "yes")
		u.RawQuery = q.Encode()
	}
	return u.String(), nil
}

// init creates Cayley's tables and the change counter when the database
// has none, and (re)defines geokg_lock_writes, under the write lock.
//
// geokg_lock_writes(k) takes the advisory lock k and then returns the
// change counter, in one round trip: its second statement reads the
// counter after the lock is held (each statement of a PL/pgSQL function
// reads what was committed when it starts), never as it was while the
// lock was awaited.
func (p *pgStore) init(ctx context.Context, addr string) error {
	conn, err := p.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", pgWriteLock); err != nil {
		return fmt.Errorf("take the write lock: %w", err)
	}
	defer conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1)", pgWriteLock) //nolint:errcheck // closing the connection releases it too
	err = cayleygraph.InitQuadStore(sqlBackend, addr, nil)
	if err != nil && !errors.Is(err, cayleygraph.ErrDatabaseExists) {
		return err
	}
	if err == nil {
		// A new database keeps the name and timeline indexes from its
		// first write (one written before them has none until Reindex).
		if _, err := conn.ExecContext(ctx, createNamesSQL+";"+createTimelineSQL+";"+createTimeCountsSQL+";"+insertMarkerSQL+";"+insertAdjMarkerSQL); err != nil {
			return fmt.Errorf("create the name index: %w", err)
		}
	}
	_, err = conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS geokg_writes (id INT PRIMARY KEY, n BIGINT NOT NULL);
INSERT INTO geokg_writes VALUES (1, 0) ON CONFLICT DO NOTHING;
CREATE OR REPLACE FUNCTION geokg_lock_writes(k BIGINT) RETURNS BIGINT LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	PERFORM pg_advisory_lock(k);
	RETURN (SELECT n FROM geokg_writes WHERE id = 1);
END $$;
`+addNamesSQL+";"+timelineRowsSQL)
	if err != nil {
		return fmt.Errorf("create the change counter: %w", err)
	}
	return nil
}

// Close closes both connection pools.
func (p *pgStore) Close() error {
	p.lockMu.Lock()
	p.dropConn()
	p.lockMu.Unlock()
	err := p.QuadStore.Close()
	if e := p.db.Close(); err == nil {
		err = e
	}
	return err
}

// lockWrites waits for the write lock (until ctx ends), reads the change
// counter and begins the write's transaction, in one round trip; it
// reports whether another process wrote since this one's last locked
// write, when what this process cached of the store is stale (the read
// cache is then emptied here). unlockWrites must follow. The lock is taken
// on a connection the store keeps for it, which the write's transaction
// then uses (ApplyDeltas).
//
// With batch set, under group commit (setAsync), the write opens a batch
// that keeps the lock and the transaction after unlockWrites, or joins the
// open one, which takes no round trip (see pgbatch.go).
func (p *pgStore) lockWrites(ctx context.Context, batch bool) (othersWrote bool, err error) {
	p.lockMu.Lock()
	defer p.lockMu.Unlock()
	if p.locked {
		return false, fmt.Errorf("write lock taken twice")
	}
	if p.batch != nil {
		if !batch || p.conn == nil || !p.held || !p.inTx {
			return false, fmt.Errorf("write lock taken with a batch open")
		}
		p.locked = true
		return false, nil
	}
	if p.conn == nil {
		conn, err := p.db.Conn(ctx)
		if err != nil {
			return false, fmt.Errorf("take the write lock: %w", err)
		}
		p.conn = conn
	}
	p.mu.Lock()
	async := p.async
	p.mu.Unlock()
	// One query without parameters (the simple protocol, which takes
	// several statements): the lock and the counter, then the write's
	// transaction begins, whose first statements come after this write's
	// reads.
	q := fmt.Sprintf("SELECT geokg_lock_writes(%d); %s", pgWriteLock, beginSQL(async))
	var n int64
	if err := p.conn.QueryRowContext(ctx, q).Scan(&n); err != nil {
		p.dropConn()
		return false, fmt.Errorf("take the write lock: %w", err)
	}
	p.locked, p.held, p.inTx = true, true, true
	if batch && async {
		p.batch = &pgBatch{since: time.Now()}
	}
	othersWrote = p.seen < 0 || n != p.seen
	p.seen = n
	if p.cache != nil {
		p.cache.at(n)
	}
	return othersWrote, nil
}

// unlockWrites releases the write lock, unless an open batch keeps it
// (and its transaction) for its next write. When that fails the
// connection is dropped, which releases it too.
func (p *pgStore) unlockWrites() {
	p.lockMu.Lock()
	defer p.lockMu.Unlock()
	if !p.locked {
		return
	}
	p.locked = false
	if p.batch != nil && p.conn != nil && p.inTx {
		return
	}
	if p.conn == nil || !p.held {
		return
	}
	p.held = false
	q := fmt.Sprintf("SELECT pg_advisory_unlock(%d)", pgWriteLock)
	if p.inTx {
		q = "ROLLBACK; " + q
		p.inTx = false
	}
	if _, err := p.conn.ExecContext(context.Background(), q); err != nil {
		p.dropConn()
	}
}

// dropConn closes the lock's connection for good (which releases the lock
// if it holds it); the next lockWrites opens another.
func (p *pgStore) dropConn() {
	p.inTx, p.held = false, false
	if p.conn != nil {
		discard(p.conn)
		p.conn = nil
	}
}

// discard closes conn's network connection rather than return it to the
// pool, where its session (a lock it may hold, its settings) would live on.
func discard(conn *sql.Conn) {
	_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	conn.Close()
}

// setAsync turns group commit on or off: while on, a write's commit does
// not wait for its WAL to reach the disk.
func (p *pgStore) setAsync(on bool) {
	p.mu.Lock()
	p.async = on
	p.mu.Unlock()
}

// sync waits until every transaction committed so far is on disk: it
// commits one transaction that has an id, synchronously, and PostgreSQL
// flushes the WAL in order.
func (p *pgStore) sync(ctx context.Context) error {
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "SET LOCAL synchronous_commit = on; SELECT txid_current()"); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Stats counts the quads and nodes. Exact counts are read anew each time
// (Cayley's store keeps them until its own ApplyDeltas, which pgStore
// does not call).
func (p *pgStore) Stats(ctx context.Context, exact bool) (cayleygraph.Stats, error) {
	if !exact {
		return p.QuadStore.Stats(ctx, false)
	}
	st := cayleygraph.Stats{Nodes: refs.Size{Exact: true}, Quads: refs.Size{Exact: true}}
	if err := p.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM quads").Scan(&st.Quads.Value); err != nil {
		return cayleygraph.Stats{}, err
	}
	if err := p.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM nodes").Scan(&st.Nodes.Value); err != nil {
		return cayleygraph.Stats{}, err
	}
	return st, nil
}
