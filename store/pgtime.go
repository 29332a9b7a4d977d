package store

import (
	"context"
	"fmt"

	"github.com/lib/pq"
)

// The timeline index on PostgreSQL (timeindex.go): a table of (entity,
// key) rows whose primary key, in byte order (COLLATE "C"), makes an
// entity's timeline a range in time order.

// createTimelineSQL creates the timeline index's table.
const createTimelineSQL = `CREATE TABLE IF NOT EXISTS ` + timelineTable + ` (
	entity TEXT NOT NULL,
	key TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (entity, key)
)`

// insertAdjMarkerSQL adds the rows that say the timeline index has
// adjacency rows (adjacency.go) and undated rows (restatecands.go).
const insertAdjMarkerSQL = `INSERT INTO ` + timelineTable + ` VALUES (chr(1) || 'adjacency', ''), (chr(2) || 'undated', '') ON CONFLICT DO NOTHING`

// timelineRowsSQL defines geokg_timeline_rows(add entities, add keys, del
// entities, del keys), which removes and adds rows of the timeline index
// when the database has one, in one statement (see addNamesSQL).
const timelineRowsSQL = `CREATE OR REPLACE FUNCTION geokg_timeline_rows(ae TEXT[], ak TEXT[], de TEXT[], dk TEXT[]) RETURNS VOID LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	IF to_regclass('` + timelineTable + `') IS NOT NULL THEN
		DELETE FROM ` + timelineTable + ` t USING unnest(de, dk) AS d(e, k) WHERE t.entity = d.e AND t.key = d.k;
		INSERT INTO ` + timelineTable + ` (entity, key) SELECT * FROM unnest(ae, ak) ON CONFLICT DO NOTHING;
	END IF;
END $$`

// writeTimeRows removes and adds rows of the timeline index in
// transaction tx, when the database has the index.
func writeTimeRows(ctx context.Context, tx pgExec, rows timeRows) error {
	if rows.empty() {
		return nil
	}
	cols := func(rs []timeRow) (ents, keys []string) {
		ents, keys = make([]string, len(rs)), make([]string, len(rs))
		for i, r := range rs {
			ents[i], keys[i] = r.entity, r.key
		}
		return ents, keys
	}
	ae, ak := cols(rows.add)
	de, dk := cols(rows.del)
	_, err := tx.ExecContext(ctx, `SELECT geokg_timeline_rows($1, $2, $3, $4)`, pq.Array(ae), pq.Array(ak), pq.Array(de), pq.Array(dk))
	if err != nil {
		return fmt.Errorf("timeline index: %w", err)
	}
	return nil
}

// hasTimeline reports whether the database has the timeline index's
// table.
func (p *pgStore) hasTimeline(ctx context.Context) (bool, error) {
	var ok bool
	err := p.q().QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, timelineTable).Scan(&ok)
	return ok, err
}

// timeKeys calls fn with the keys of the first n rows (0: all) of entity
// in the timeline index, in order; ok is false when the database has no
// timeline index.
func (p *pgStore) timeKeys(ctx context.Context, entity string, n int, fn func(k string)) (ok bool, err error) {
	if ok, err = p.hasTimeline(ctx); err != nil || !ok {
		return ok, err
	}
	q := `SELECT key FROM ` + timelineTable + ` WHERE entity = $1 ORDER BY key`
	args := []any{entity}
	if n > 0 {
		q += ` LIMIT $2`
		args = append(args, n)
	}
	// The rows are read whole before fn sees them: on a batch's
	// connection no other query may run while they are read.
	rows, err := p.q().QueryContext(ctx, q, args...)
	if err != nil {
		return true, err
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return true, err
		}
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return true, err
	}
	for _, k := range keys {
		fn(k)
	}
	return true, nil
}

// timeKeysRange returns the keys of entity's rows in the timeline index
// from (included) to to (excluded), in order; ok is false when the
// database has no timeline index.
func (p *pgStore) timeKeysRange(ctx context.Context, entity, from, to string) (keys []string, ok bool, err error) {
	if ok, err = p.hasTimeline(ctx); err != nil || !ok {
		return nil, ok, err
	}
	rows, err := p.q().QueryContext(ctx, `SELECT key FROM `+timelineTable+` WHERE entity = $1 AND key >= $2 AND key < $3 ORDER BY key`, entity, from, to)
	if err != nil {
		return nil, true, err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, true, err
		}
		keys = append(keys, k)
	}
	return keys, true, rows.Err()
}

// reindexTimeline replaces the timeline index, creating its table when
// missing, with rows, in one transaction (under the write lock, see
// Reindex).
func (p *pgStore) reindexTimeline(ctx context.Context, rows []timeRow) error {
	return p.replaceIndex(ctx, createTimelineSQL, timelineTable, func(tx *pgTx) error {
		return writeTimeRows(ctx, tx, timeRows{add: rows})
	})
}
