package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	// The PostgreSQL dialect of Cayley's SQL backend; CockroachDB speaks the
	// same wire protocol and SQL for what geokg uses.
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"
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
//   - A change counter (table geokg_writes), bumped by every locked write
//     before it changes anything, tells a process whether another one has
//     written since its own last write; while none has, what the process's
//     writes read (inferCache) stays valid and is kept, as on bbolt.
//   - ApplyDeltas writes a whole batch in a few statements (one per kind
//     of change: values, quads added, quads removed, references), not one
//     statement per value and per quad as Cayley's does, and counts each
//     value's references exactly (Cayley's also counts a quad already
//     stored).
//   - Values are read in batches (ValuesOf: one query for all the values
//     of a scan) and kept in memory: a value's row is named by the hash of
//     its content, so what a hash names never changes and needs no
//     invalidation.
//   - Group commit (setAsync, sync) lets the bulk path commit without
//     waiting for the WAL flush, and flushes once per batch.
type pgStore struct {
	*csql.QuadStore
	db *sql.DB

	// lockMu guards conn, locked and seen.
	lockMu sync.Mutex
	// conn is the connection that takes the advisory lock (nil until the
	// first write); locked is set between lockWrites and unlockWrites.
	conn   *sql.Conn
	locked bool
	// seen is the change counter after this process's last locked write
	// (-1: none yet).
	seen int64

	// mu guards async and values.
	mu sync.Mutex
	// async is set under group commit.
	async bool
	// values maps a value's hash to the value.
	values map[refs.ValueHash]quad.Value
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
	p := &pgStore{db: db, seen: -1, values: map[refs.ValueHash]quad.Value{}}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if !readOnly {
		if err := p.init(ctx, addr); err != nil {
			db.Close()
			return nil, err
		}
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
// has none, under the write lock.
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
	_, err = conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS geokg_writes (id INT PRIMARY KEY, n BIGINT NOT NULL);
INSERT INTO geokg_writes VALUES (1, 0) ON CONFLICT DO NOTHING;`)
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

// lockWrites waits for the write lock (until ctx ends) and bumps the
// change counter; it reports whether another process wrote since this
// one's last locked write, when what this process cached of the store is
// stale. unlockWrites must follow.
//
// The lock is taken on a connection the store keeps for it, whose session
// commits without waiting for the disk: the counter's bump need not be
// durable by itself, since the write's own commit comes later in the WAL
// and flushes it (and a bump lost in a crash with the write it announced
// loses nothing).
func (p *pgStore) lockWrites(ctx context.Context) (othersWrote bool, err error) {
	p.lockMu.Lock()
	defer p.lockMu.Unlock()
	if p.locked {
		return false, fmt.Errorf("write lock taken twice")
	}
	if p.conn == nil {
		conn, err := p.db.Conn(ctx)
		if err != nil {
			return false, fmt.Errorf("take the write lock: %w", err)
		}
		if _, err := conn.ExecContext(ctx, "SET synchronous_commit = off"); err != nil {
			discard(conn)
			return false, fmt.Errorf("take the write lock: %w", err)
		}
		p.conn = conn
	}
	if _, err := p.conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", pgWriteLock); err != nil {
		p.dropConn()
		return false, fmt.Errorf("take the write lock: %w", err)
	}
	var n int64
	if err := p.conn.QueryRowContext(ctx, "UPDATE geokg_writes SET n = n + 1 WHERE id = 1 RETURNING n").Scan(&n); err != nil {
		p.dropConn()
		return false, fmt.Errorf("count the write: %w", err)
	}
	p.locked = true
	othersWrote = p.seen < 0 || n != p.seen+1
	p.seen = n
	return othersWrote, nil
}

// unlockWrites releases the write lock. When that fails the connection is
// dropped, which releases it too.
func (p *pgStore) unlockWrites() {
	p.lockMu.Lock()
	defer p.lockMu.Unlock()
	if !p.locked {
		return
	}
	p.locked = false
	if _, err := p.conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1)", pgWriteLock); err != nil {
		p.dropConn()
	}
}

// dropConn closes the lock's connection for good (which releases the lock
// if it holds it); the next lockWrites opens another.
func (p *pgStore) dropConn() {
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

// OptimizeShape lets Cayley's SQL optimizer turn s into SQL queries; the
// shape it returns builds its iterators on Cayley's store, which the SQL
// shapes require (they refuse any other store, this one included).
func (p *pgStore) OptimizeShape(ctx context.Context, s shape.Shape) (shape.Shape, bool) {
	s, ok := p.QuadStore.OptimizeShape(ctx, s)
	return pgShape{Shape: s, qs: p.QuadStore}, ok
}

// pgShape is a shape optimized by Cayley's SQL store, built on it.
type pgShape struct {
	shape.Shape
	qs *csql.QuadStore
}

// BuildIterator builds the shape on Cayley's SQL store.
func (s pgShape) BuildIterator(cayleygraph.QuadStore) iterator.Shape {
	return s.Shape.BuildIterator(s.qs)
}

// Optimize leaves an optimized shape as it is.
func (s pgShape) Optimize(context.Context, shape.Optimizer) (shape.Shape, bool) {
	return s, false
}

// NameOf returns the value ref names.
func (p *pgStore) NameOf(ref cayleygraph.Ref) (quad.Value, error) {
	vs, err := p.ValuesOf(context.Background(), []cayleygraph.Ref{ref})
	if err != nil {
		return nil, err
	}
	return vs[0], nil
}

// RefsOf returns the refs of values, which are their hashes.
func (p *pgStore) RefsOf(ctx context.Context, values []quad.Value) ([]cayleygraph.Ref, error) {
	out := make([]cayleygraph.Ref, len(values))
	for i, v := range values {
		r, err := p.ValueOf(v)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// ValuesOf returns the values refs name (nil for a ref naming none), with
// one query for all those not in memory.
func (p *pgStore) ValuesOf(ctx context.Context, rs []cayleygraph.Ref) ([]quad.Value, error) {
	out := make([]quad.Value, len(rs))
	var missing [][]byte
	at := map[refs.ValueHash][]int{}
	p.mu.Lock()
	for i, r := range rs {
		var h refs.ValueHash
		switch r := r.(type) {
		case nil:
			continue
		case refs.PreFetchedValue:
			out[i] = r.NameOf()
			continue
		case csql.NodeHash:
			h = r.ValueHash
		case refs.ValueHash:
			h = r
		default:
			p.mu.Unlock()
			return nil, fmt.Errorf("unexpected value ref %T", r)
		}
		if !h.Valid() {
			continue
		}
		if v, ok := p.values[h]; ok {
			out[i] = v
			continue
		}
		if _, ok := at[h]; !ok {
			missing = append(missing, append([]byte(nil), h[:]...))
		}
		at[h] = append(at[h], i)
	}
	p.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	rows, err := p.db.QueryContext(ctx, `SELECT hash, value, value_string, datatype, language, iri, bnode,
	value_int, value_bool, value_float, value_time FROM nodes WHERE hash = ANY($1)`, pq.ByteaArray(missing))
	if err != nil {
		return nil, fmt.Errorf("read values: %w", err)
	}
	defer rows.Close()
	found := map[refs.ValueHash]quad.Value{}
	for rows.Next() {
		var hash []byte
		var c nodeColumns
		if err := rows.Scan(&hash, &c.data, &c.str, &c.typ, &c.lang, &c.iri, &c.bnode, &c.vint, &c.vbool, &c.vfloat, &c.vtime); err != nil {
			return nil, fmt.Errorf("read values: %w", err)
		}
		v, err := c.value()
		if err != nil {
			return nil, fmt.Errorf("read values: %w", err)
		}
		var h refs.ValueHash
		copy(h[:], hash)
		for _, i := range at[h] {
			out[i] = v
		}
		found[h] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read values: %w", err)
	}
	p.remember(found)
	return out, nil
}

// remember keeps values in memory, dropping a quarter of those kept when
// there are too many.
func (p *pgStore) remember(values map[refs.ValueHash]quad.Value) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.values)+len(values) > pgValueCacheMax {
		evictQuarter(p.values)
	}
	for h, v := range values {
		p.values[h] = v
	}
}

// nodeColumns is a row of Cayley's nodes table: one value, in the column
// of its kind.
type nodeColumns struct {
	data              []byte
	str, typ, lang    sql.NullString
	iri, bnode, vbool sql.NullBool
	vint              sql.NullInt64
	vfloat            sql.NullFloat64
	vtime             sql.NullTime
}

// value decodes the row as Cayley's SQL store writes it.
func (c nodeColumns) value() (quad.Value, error) {
	switch {
	case c.str.Valid:
		s := unescapeNull(c.str.String)
		switch {
		case c.iri.Bool:
			return quad.IRI(c.str.String), nil
		case c.bnode.Bool:
			return quad.BNode(c.str.String), nil
		case c.lang.Valid:
			return quad.LangString{Value: quad.String(s), Lang: c.lang.String}, nil
		case c.typ.Valid:
			return quad.TypedString{Value: quad.String(s), Type: quad.IRI(c.typ.String)}, nil
		}
		return quad.String(s), nil
	case c.vint.Valid:
		return quad.Int(c.vint.Int64), nil
	case c.vbool.Valid:
		return quad.Bool(c.vbool.Bool), nil
	case c.vfloat.Valid:
		return quad.Float(c.vfloat.Float64), nil
	case c.vtime.Valid:
		return quad.Time(c.vtime.Time.UTC()), nil
	}
	return pquads.UnmarshalValue(c.data)
}

// unescapeNull undoes Cayley's escaping of NUL bytes in strings.
func unescapeNull(s string) string {
	return strings.ReplaceAll(s, `\x00`, "\x00")
}

// eachOut calls fn for the object of every quad "node pred ?" whose pred
// is one of preds, with one query.
func (p *pgStore) eachOut(ctx context.Context, node quad.Value, preds []quad.IRI, fn func(pred quad.IRI, v quad.Value) error) error {
	hashes := make([][]byte, len(preds))
	byHash := map[refs.ValueHash]quad.IRI{}
	for i, pred := range preds {
		h := refs.HashOf(pred)
		hashes[i] = append([]byte(nil), h[:]...)
		byHash[h] = pred
	}
	nh := refs.HashOf(node)
	rows, err := p.db.QueryContext(ctx, "SELECT predicate_hash, object_hash FROM quads WHERE subject_hash = $1 AND predicate_hash = ANY($2)",
		nh[:], pq.ByteaArray(hashes))
	if err != nil {
		return err
	}
	var ps []quad.IRI
	var objs []cayleygraph.Ref
	for rows.Next() {
		var ph, oh csql.NodeHash
		if err := rows.Scan(&ph, &oh); err != nil {
			rows.Close()
			return err
		}
		ps = append(ps, byHash[ph.ValueHash])
		objs = append(objs, oh)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	vals, err := p.ValuesOf(ctx, objs)
	if err != nil {
		return err
	}
	for i, v := range vals {
		if v == nil {
			continue
		}
		if err := fn(ps[i], v); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Quad returns the quad ref names, its values read with one query at
// most.
func (p *pgStore) Quad(ref cayleygraph.Ref) (quad.Quad, error) {
	h, ok := ref.(csql.QuadHashes)
	if !ok {
		return p.QuadStore.Quad(ref)
	}
	var rs []cayleygraph.Ref
	for _, dir := range quad.Directions {
		rs = append(rs, csql.NodeHash{ValueHash: h.Get(dir)})
	}
	vs, err := p.ValuesOf(context.Background(), rs)
	if err != nil {
		return quad.Quad{}, err
	}
	return quad.Quad{Subject: vs[0], Predicate: vs[1], Object: vs[2], Label: vs[3]}, nil
}
