package store

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// maxParams bounds the parameters of one statement (PostgreSQL allows
// 65,535).
const maxParams = 60_000

// nodeColumnNames are the columns of Cayley's nodes table that hold a
// value, in the order pgStore writes them.
var nodeColumnNames = []string{"hash", "value", "value_string", "datatype", "language", "iri", "bnode",
	"value_int", "value_bool", "value_float", "value_time"}

// ApplyDeltas writes the deltas in one transaction, in three round trips
// (four when it deletes quads, more only past some 4,000 rows; under the
// write lock, lockWrites has begun the transaction): the values of the
// added quads (created with no reference when new) and the added quads in
// one statement; the deleted quads; the changed reference counts; the
// values left with none, the change counter's bump and COMMIT in one
// query. A
// quad added twice, or an added quad already stored, counts once; opts
// say whether either, or deleting a quad that is not stored, is an error
// (graph.ErrQuadExists, graph.ErrQuadNotExist in a graph.DeltaError).
func (p *pgStore) ApplyDeltas(in []cayleygraph.Delta, opts cayleygraph.IgnoreOpts) (err error) {
	ctx := context.Background()
	values := map[refs.ValueHash]quad.Value{}
	var adds, dels []refs.QuadHash
	seen := map[refs.QuadHash]cayleygraph.Procedure{}
	for _, d := range in {
		var qh refs.QuadHash
		for _, dir := range quad.Directions {
			if v := d.Quad.Get(dir); v != nil {
				h := refs.HashOf(v)
				qh.Set(dir, h)
				values[h] = v
			}
		}
		if d.Action != cayleygraph.Add && d.Action != cayleygraph.Delete {
			return fmt.Errorf("apply deltas: unknown action %v", d.Action)
		}
		if a, ok := seen[qh]; ok && a == d.Action {
			if a == cayleygraph.Add && !opts.IgnoreDup {
				return &cayleygraph.DeltaError{Delta: d, Err: cayleygraph.ErrQuadExists}
			}
			continue
		}
		seen[qh] = d.Action
		if d.Action == cayleygraph.Add {
			adds = append(adds, qh)
		} else {
			dels = append(dels, qh)
		}
	}
	tx, err := p.begin(ctx)
	if err != nil {
		return fmt.Errorf("apply deltas: %w", err)
	}
	defer func() {
		if err != nil {
			tx.rollback()
		}
	}()
	added, err := insert(ctx, tx, adds, values, opts.IgnoreDup)
	if err != nil {
		return err
	}
	deleted, err := deleteQuads(ctx, tx, dels)
	if err != nil {
		return err
	}
	if len(deleted) < len(dels) && !opts.IgnoreMissing {
		return &cayleygraph.DeltaError{Err: cayleygraph.ErrQuadNotExist}
	}
	refsBy := map[refs.ValueHash]int{}
	for _, qs := range []struct {
		quads []refs.QuadHash
		n     int
	}{{added, 1}, {deleted, -1}} {
		for _, q := range qs.quads {
			for _, h := range q.Dirs() {
				if h.Valid() {
					refsBy[h] += qs.n
				}
			}
		}
	}
	// In an open batch the counts wait for its end (pgBatch.refs).
	var dropped []refs.ValueHash
	if !tx.deferRefs(refsBy) {
		if dropped, err = updateRefs(ctx, tx, refsBy); err != nil {
			return err
		}
	}
	if err := insertNames(ctx, tx, p.names); err != nil {
		return err
	}
	if err := writeTimeRows(ctx, tx, p.times); err != nil {
		return err
	}
	if err := tx.commit(dropped, added, deleted, values); err != nil {
		return fmt.Errorf("apply deltas: commit: %w", err)
	}
	p.remember(values)
	return nil
}

// placeholders appends to b the row "(prefix$n, …)" of width parameters
// numbered from n+1, each followed by cast.
func placeholders(b *strings.Builder, n, width int, prefix, cast string) {
	b.WriteString("(")
	b.WriteString(prefix)
	for i := 0; i < width; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$")
		b.WriteString(strconv.Itoa(n + i + 1))
		b.WriteString(cast)
	}
	b.WriteString(")")
}

// chunks calls fn for the successive ranges [i, j) of n rows of width
// parameters each that fit in one statement.
func chunks(n, width int, fn func(i, j int) error) error {
	per := maxParams / width
	for i := 0; i < n; i += per {
		if err := fn(i, min(n, i+per)); err != nil {
			return err
		}
	}
	return nil
}

// valueHashes returns the distinct hashes of the values of quads.
func valueHashes(quads []refs.QuadHash) []refs.ValueHash {
	var hashes []refs.ValueHash
	want := map[refs.ValueHash]bool{}
	for _, q := range quads {
		for _, h := range q.Dirs() {
			if h.Valid() && !want[h] {
				want[h] = true
				hashes = append(hashes, h)
			}
		}
	}
	return hashes
}

// valuesSQL returns the statement creating the rows of the values hashes
// that have none, with no reference yet, its parameters numbered after
// those of args, and args with its own.
func valuesSQL(hashes []refs.ValueHash, values map[refs.ValueHash]quad.Value, args []any) (string, []any, error) {
	width := len(nodeColumnNames)
	var b strings.Builder
	b.WriteString("INSERT INTO nodes (refs, " + strings.Join(nodeColumnNames, ", ") + ") VALUES ")
	for k, h := range hashes {
		kind, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: h}, values[h])
		if err != nil {
			return "", nil, fmt.Errorf("apply deltas: value %v: %w", values[h], err)
		}
		row := make([]any, width)
		row[0] = vals[0]
		for c, name := range kind.Columns() {
			for n, col := range nodeColumnNames {
				if col == name {
					row[n] = vals[c+1]
				}
			}
		}
		if k > 0 {
			b.WriteString(", ")
		}
		placeholders(&b, len(args), width, "0, ", "")
		args = append(args, row...)
	}
	b.WriteString(" ON CONFLICT (hash) DO NOTHING")
	return b.String(), args, nil
}

// insertValues creates the rows of the values hashes that have none, with
// no reference yet.
func insertValues(ctx context.Context, tx pgExec, hashes []refs.ValueHash, values map[refs.ValueHash]quad.Value) error {
	return chunks(len(hashes), len(nodeColumnNames), func(i, j int) error {
		q, args, err := valuesSQL(hashes[i:j], values, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("apply deltas: insert values: %w", err)
		}
		return nil
	})
}

// quadArgs appends the four hashes of q (nil for no label).
func quadArgs(args []any, q refs.QuadHash) []any {
	for _, h := range q.Dirs() {
		args = append(args, csql.NodeHash{ValueHash: h}.SQLValue())
	}
	return args
}

// scanQuads reads rows of four hashes.
func scanQuads(rows *sql.Rows) ([]refs.QuadHash, error) {
	defer rows.Close()
	var out []refs.QuadHash
	for rows.Next() {
		var hs [4]csql.NodeHash
		if err := rows.Scan(&hs[0], &hs[1], &hs[2], &hs[3]); err != nil {
			return nil, err
		}
		var q refs.QuadHash
		for i, dir := range quad.Directions {
			q.Set(dir, hs[i].ValueHash)
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// quadsSQL returns the statement adding quads and returning those it
// stored, its parameters numbered after those of args, and args with its
// own.
func quadsSQL(quads []refs.QuadHash, ignoreDup bool, args []any) (string, []any) {
	var b strings.Builder
	b.WriteString("INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts) VALUES ")
	for k, q := range quads {
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(")
		for d := 0; d < 4; d++ {
			fmt.Fprintf(&b, "$%d, ", len(args)+d+1)
		}
		b.WriteString("now())")
		args = quadArgs(args, q)
	}
	if ignoreDup {
		b.WriteString(" ON CONFLICT DO NOTHING")
	}
	b.WriteString(" RETURNING subject_hash, predicate_hash, object_hash, label_hash")
	return b.String(), args
}

// insert creates the rows of the values of quads that have none and adds
// quads, returning those it stored (not those already stored, which are an
// error unless ignoreDup): in one statement when its parameters allow.
func insert(ctx context.Context, tx pgExec, quads []refs.QuadHash, values map[refs.ValueHash]quad.Value, ignoreDup bool) ([]refs.QuadHash, error) {
	if len(quads) == 0 {
		return nil, nil
	}
	hashes := valueHashes(quads)
	if len(hashes)*len(nodeColumnNames)+4*len(quads) > maxParams {
		if err := insertValues(ctx, tx, hashes, values); err != nil {
			return nil, err
		}
		return insertQuads(ctx, tx, quads, ignoreDup)
	}
	vq, args, err := valuesSQL(hashes, values, nil)
	if err != nil {
		return nil, err
	}
	qq, args := quadsSQL(quads, ignoreDup, args)
	// The quads' foreign keys are checked at the end of the statement,
	// when the values its first part creates are there.
	rows, err := tx.QueryContext(ctx, "WITH v AS ("+vq+") "+qq, args...)
	if err != nil {
		return nil, insertError(err)
	}
	added, err := scanQuads(rows)
	if err != nil {
		return nil, insertError(err)
	}
	return added, nil
}

// insertQuads adds quads and returns those it stored (not those already
// stored, which are an error unless ignoreDup).
func insertQuads(ctx context.Context, tx pgExec, quads []refs.QuadHash, ignoreDup bool) ([]refs.QuadHash, error) {
	var added []refs.QuadHash
	err := chunks(len(quads), 4, func(i, j int) error {
		q, args := quadsSQL(quads[i:j], ignoreDup, nil)
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return insertError(err)
		}
		got, err := scanQuads(rows)
		if err != nil {
			return insertError(err)
		}
		added = append(added, got...)
		return nil
	})
	return added, err
}

// insertError names a unique violation as Cayley does.
func insertError(err error) error {
	var pe *pq.Error
	if errors.As(err, &pe) && pe.Code == "23505" {
		return &cayleygraph.DeltaError{Err: cayleygraph.ErrQuadExists}
	}
	return fmt.Errorf("apply deltas: insert quads: %w", err)
}

// deleteQuads removes quads and returns those that were stored.
func deleteQuads(ctx context.Context, tx pgExec, quads []refs.QuadHash) ([]refs.QuadHash, error) {
	var deleted []refs.QuadHash
	err := chunks(len(quads), 4, func(i, j int) error {
		var b strings.Builder
		b.WriteString("DELETE FROM quads AS q USING (VALUES ")
		args := make([]any, 0, (j-i)*4)
		for k, q := range quads[i:j] {
			if k > 0 {
				b.WriteString(", ")
			}
			placeholders(&b, len(args), 4, "", "::bytea")
			args = quadArgs(args, q)
		}
		b.WriteString(`) AS d (s, p, o, l) WHERE q.subject_hash = d.s AND q.predicate_hash = d.p AND q.object_hash = d.o
	AND q.label_hash IS NOT DISTINCT FROM d.l RETURNING q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash`)
		rows, err := tx.QueryContext(ctx, b.String(), args...)
		if err != nil {
			return fmt.Errorf("apply deltas: delete quads: %w", err)
		}
		got, err := scanQuads(rows)
		if err != nil {
			return fmt.Errorf("apply deltas: delete quads: %w", err)
		}
		deleted = append(deleted, got...)
		return nil
	})
	return deleted, err
}

// updateRefs adds n[h] to the reference count of each value h, and
// returns the values that gained none, to be removed when they have none
// left (lost, or created for a quad the batch also deleted; see
// pgTx.commit).
func updateRefs(ctx context.Context, tx pgExec, n map[refs.ValueHash]int) ([]refs.ValueHash, error) {
	var hashes, dropped []refs.ValueHash
	for h, d := range n {
		if d <= 0 {
			dropped = append(dropped, h)
		}
		if d != 0 {
			hashes = append(hashes, h)
		}
	}
	err := chunks(len(hashes), 2, func(i, j int) error {
		var b strings.Builder
		b.WriteString("UPDATE nodes SET refs = nodes.refs + d.n FROM (VALUES ")
		args := make([]any, 0, (j-i)*2)
		for k, h := range hashes[i:j] {
			if k > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "($%d::bytea, $%d::int)", len(args)+1, len(args)+2)
			args = append(args, csql.NodeHash{ValueHash: h}.SQLValue(), n[h])
		}
		b.WriteString(") AS d (h, n) WHERE nodes.hash = d.h")
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("apply deltas: count references: %w", err)
		}
		return nil
	})
	return dropped, err
}

// dropSQL returns the statement removing the values hashes that have no
// reference left, its hashes written as literals (it goes with COMMIT in
// one query, which takes no parameters); "" for no hashes.
func dropSQL(hashes []refs.ValueHash) string {
	if len(hashes) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("DELETE FROM nodes WHERE refs <= 0 AND hash IN (")
	for i, h := range hashes {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`E'\\x`)
		b.WriteString(hex.EncodeToString(h[:]))
		b.WriteString(`'::bytea`)
	}
	b.WriteString("); ")
	return b.String()
}

// lockShared takes the write lock of a store other processes write at
// once (PostgreSQL) and drops what the cache holds when another process
// has written since this one last did; the function it returns releases
// the lock. On other backends it does nothing. It is called under s.mu.
func (s *Store) lockShared(ctx context.Context) (func(), error) {
	if s.pg == nil {
		return func() {}, nil
	}
	others, err := s.pg.lockWrites(ctx, false)
	if err != nil {
		return nil, err
	}
	if others && s.cache != nil {
		s.cache = newInferCache()
	}
	return s.pg.unlockWrites, nil
}
