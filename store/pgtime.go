package store

import (
	"context"
	"database/sql"
	"errors"
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

// createTimeCountsSQL creates the table of the timeline counts
// (timecount.go).
const createTimeCountsSQL = `CREATE TABLE IF NOT EXISTS ` + timeCountsTable + ` (
	entity TEXT PRIMARY KEY,
	n BIGINT NOT NULL
)`

// insertAdjMarkerSQL adds the rows that say the timeline index has
// adjacency rows (adjacency.go), undated rows (restatecands.go) and state
// rows (timecount.go).
const insertAdjMarkerSQL = `INSERT INTO ` + timelineTable + ` VALUES (chr(1) || 'adjacency', ''), (chr(2) || 'undated', ''), (chr(3) || 'states', '') ON CONFLICT DO NOTHING`

// timelineRowsSQL defines geokg_timeline_rows(add entities, add keys, del
// entities, del keys), which removes and adds rows of the timeline index
// when the database has one, in one statement (see addNamesSQL), and
// changes the counts by the timeline rows it removed and added, when the
// database keeps them (a row added again or removed when missing counts
// nothing).
const timelineRowsSQL = `CREATE OR REPLACE FUNCTION geokg_timeline_rows(ae TEXT[], ak TEXT[], de TEXT[], dk TEXT[]) RETURNS VOID LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	IF to_regclass('` + timelineTable + `') IS NULL THEN
		RETURN;
	END IF;
	IF to_regclass('` + timeCountsTable + `') IS NULL THEN
		DELETE FROM ` + timelineTable + ` t USING unnest(de, dk) AS d(e, k) WHERE t.entity = d.e AND t.key = d.k;
		INSERT INTO ` + timelineTable + ` (entity, key) SELECT * FROM unnest(ae, ak) ON CONFLICT DO NOTHING;
		RETURN;
	END IF;
	WITH gone AS (DELETE FROM ` + timelineTable + ` t USING unnest(de, dk) AS d(e, k) WHERE t.entity = d.e AND t.key = d.k RETURNING t.entity)
	INSERT INTO ` + timeCountsTable + ` AS c (entity, n) SELECT entity, -count(*) FROM gone
		WHERE strpos(entity, chr(1)) = 0 AND strpos(entity, chr(2)) = 0 AND strpos(entity, chr(3)) = 0 GROUP BY entity
		ON CONFLICT (entity) DO UPDATE SET n = c.n + excluded.n;
	WITH added AS (INSERT INTO ` + timelineTable + ` (entity, key) SELECT * FROM unnest(ae, ak) ON CONFLICT DO NOTHING RETURNING entity)
	INSERT INTO ` + timeCountsTable + ` AS c (entity, n) SELECT entity, count(*) FROM added
		WHERE strpos(entity, chr(1)) = 0 AND strpos(entity, chr(2)) = 0 AND strpos(entity, chr(3)) = 0 GROUP BY entity
		ON CONFLICT (entity) DO UPDATE SET n = c.n + excluded.n;
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

// timeCount returns how many timeline rows entity has, from the counts;
// ok is false when the database keeps none.
func (p *pgStore) timeCount(ctx context.Context, entity string) (n int, ok bool, err error) {
	err = p.q().QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL`, timelineTable, timeCountsTable).Scan(&ok)
	if err != nil || !ok {
		return 0, false, err
	}
	err = p.q().QueryRowContext(ctx, `SELECT n FROM `+timeCountsTable+` WHERE entity = $1`, entity).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	return n, true, err
}

// timeKeysSpan calls fn with the keys of entity's rows in the timeline
// index, skipping the first skip of them and then at most n (0: all), in
// order, or from the last backwards when desc is set; ok is false when
// the database has no timeline index.
func (p *pgStore) timeKeysSpan(ctx context.Context, entity string, skip, n int, desc bool, fn func(k string)) (ok bool, err error) {
	if ok, err = p.hasTimeline(ctx); err != nil || !ok {
		return ok, err
	}
	q := `SELECT key FROM ` + timelineTable + ` WHERE entity = $1 ORDER BY key`
	if desc {
		q += ` DESC`
	}
	q += ` OFFSET $2`
	args := []any{entity, skip}
	if n > 0 {
		q += ` LIMIT $3`
		args = append(args, n)
	}
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

// reindexTimeline replaces the timeline index and its counts, creating
// their tables when missing, with rows, in one transaction (under the
// write lock, see Reindex).
func (p *pgStore) reindexTimeline(ctx context.Context, rows []timeRow) error {
	return p.replaceIndex(ctx, createTimelineSQL, timelineTable, func(tx *pgTx) error {
		if _, err := tx.ExecContext(ctx, createTimeCountsSQL+`; TRUNCATE `+timeCountsTable); err != nil {
			return err
		}
		return writeTimeRows(ctx, tx, timeRows{add: rows})
	})
}

// wrongTimeCounts returns the entities whose kept timeline count is not
// the number of their timeline rows (see Store.checkTimeCounts), sorted;
// none when the database keeps no counts.
func (p *pgStore) wrongTimeCounts(ctx context.Context) ([]string, error) {
	var ok bool
	err := p.q().QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL`, timelineTable, timeCountsTable).Scan(&ok)
	if err != nil || !ok {
		return nil, err
	}
	rows, err := p.q().QueryContext(ctx, `SELECT coalesce(r.entity, c.entity) FROM
		(SELECT entity, count(*) AS n FROM `+timelineTable+`
			WHERE strpos(entity, chr(1)) = 0 AND strpos(entity, chr(2)) = 0 AND strpos(entity, chr(3)) = 0 GROUP BY entity) r
		FULL JOIN `+timeCountsTable+` c ON c.entity = r.entity
		WHERE coalesce(r.n, 0) <> coalesce(c.n, 0) ORDER BY coalesce(r.entity, c.entity) COLLATE "C"`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var wrong []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		wrong = append(wrong, e)
	}
	return wrong, rows.Err()
}
