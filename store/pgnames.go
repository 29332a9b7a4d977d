package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/lib/pq"
)

// The name index on PostgreSQL (names.go): a table of (key, entity) rows
// whose primary key, in byte order (COLLATE "C"), makes a prefix a range.

// createNamesSQL creates the name index's table.
const createNamesSQL = `CREATE TABLE IF NOT EXISTS ` + namesTable + ` (
	key TEXT COLLATE "C" NOT NULL,
	entity TEXT NOT NULL,
	PRIMARY KEY (key, entity)
)`

// insertMarkerSQL adds the rows that say the name index has sorted rows
// (namesorted.go) and cards (namecards.go).
const insertMarkerSQL = `INSERT INTO ` + namesTable + ` VALUES (chr(1) || 'sorted', ''), (chr(1) || 'cards', '') ON CONFLICT DO NOTHING`

// maxKeyRune follows every character a key may hold: a range ending with
// it after a prefix holds every key that starts with the prefix.
const maxKeyRune = "\U0010FFFF"

// hasNames reports whether the database has the name index's table.
func (p *pgStore) hasNames(ctx context.Context, q pgExec) (bool, error) {
	var name sql.NullString
	rows, err := q.QueryContext(ctx, `SELECT to_regclass($1)::text`, namesTable)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(&name); err != nil {
			return false, err
		}
	}
	return name.Valid, rows.Err()
}

// addNamesSQL defines geokg_add_names(keys, entities), which adds rows to
// the name index when the database has one, in one statement: a write
// needs no round trip to learn whether it has (Reindex may create it
// while another process writes).
const addNamesSQL = `CREATE OR REPLACE FUNCTION geokg_add_names(k TEXT[], e TEXT[]) RETURNS VOID LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	IF to_regclass('` + namesTable + `') IS NOT NULL THEN
		INSERT INTO ` + namesTable + ` (key, entity) SELECT * FROM unnest(k, e) ON CONFLICT DO NOTHING;
	END IF;
END $$`

// insertNames adds rows to the name index in transaction tx, when the
// database has the index (a row already there counts once).
func insertNames(ctx context.Context, tx pgExec, rows []nameRow) error {
	if len(rows) == 0 {
		return nil
	}
	keys, ents := make([]string, len(rows)), make([]string, len(rows))
	for i, r := range rows {
		keys[i], ents[i] = r.key, r.entity
	}
	_, err := tx.ExecContext(ctx, `SELECT geokg_add_names($1, $2)`, pq.Array(keys), pq.Array(ents))
	if err != nil {
		return fmt.Errorf("name index: %w", err)
	}
	return nil
}

// namesByPrefix calls add with the entity of every row whose key starts
// with one of keys; ok is false when the database has no name index.
func (p *pgStore) namesByPrefix(ctx context.Context, keys []string, add func(id string)) (ok bool, err error) {
	q := p.q()
	if ok, err = p.hasNames(ctx, q); err != nil || !ok {
		return ok, err
	}
	for _, k := range keys {
		// The rows are read whole before add sees them: on a batch's
		// connection no other query may run while they are read.
		rows, err := q.QueryContext(ctx, `SELECT entity FROM `+namesTable+` WHERE key >= $1 AND key < $2`, k, k+maxKeyRune)
		if err != nil {
			return true, err
		}
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return true, err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return true, err
		}
		for _, id := range ids {
			add(id)
		}
	}
	return true, nil
}

// reindexNames replaces the name index, creating its table when missing,
// with rows, in one transaction (under the write lock, see Reindex).
func (p *pgStore) reindexNames(ctx context.Context, rows []nameRow) error {
	return p.replaceIndex(ctx, createNamesSQL, namesTable, func(tx *pgTx) error {
		return insertNames(ctx, tx, rows)
	})
}

// replaceIndex empties the index table (creating it with createSQL when
// missing) and fills it again with fill, in one transaction: on an error
// the index is left as it was.
func (p *pgStore) replaceIndex(ctx context.Context, createSQL, table string, fill func(tx *pgTx) error) (err error) {
	tx, err := p.begin(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, createSQL+`; TRUNCATE `+table); err != nil {
		return err
	}
	if err := fill(tx); err != nil {
		return err
	}
	return tx.commit(nil, nil, nil, nil)
}

// namesFrom returns the keys of up to n rows of the name index, in order,
// from the key from on, that start with prefix.
func (p *pgStore) namesFrom(ctx context.Context, from, prefix string, n int) ([]string, error) {
	rows, err := p.q().QueryContext(ctx, `SELECT key FROM `+namesTable+` WHERE key >= $1 AND key < $2 ORDER BY key LIMIT $3`, from, prefix+maxKeyRune, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}
