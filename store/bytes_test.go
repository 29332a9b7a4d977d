package store

import (
	"encoding/binary"
	"encoding/json"
	"math/rand"
	"path/filepath"
	"testing"

	"github.com/hidal-go/hidalgo/kv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"
)

// TestStoreBytes checks that StoreBytesOf accounts for every quad and
// fact of a bbolt store, that every record is written short, and that
// the log takes fewer pages for its bytes than with bbolt's default fill
// (3.0 times its bytes on this history before, 2.3 now: the values that
// updates remove leave holes that no fill avoids).
func TestStoreBytes(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	s := openBoltDir(t, dir)
	ingest(t, s, randomHistory(rand.New(rand.NewSource(5)), 150))
	st, err := s.Stats(ctx)
	require.NoError(t, err)
	quads, err := s.qs.Stats(ctx, true)
	require.NoError(t, err)
	require.NoError(t, s.Close())

	sb, err := StoreBytesOf(dir)
	require.NoError(t, err)
	assert.Equal(t, st.Facts, sb.Facts)
	var live, data int64
	for _, p := range sb.Predicates {
		live += int64(p.Quads)
	}
	assert.Equal(t, quads.Quads.Value, live, "live quads by predicate")
	logs := map[string]BucketBytes{}
	for _, b := range sb.Buckets {
		data += b.Bytes
		logs[b.Name] = b
		assert.Positive(t, b.Pages, b.Name)
	}
	assert.Equal(t, sb.Data, data)
	assert.Equal(t, int(live), logs["log: quads"].Keys)
	assert.LessOrEqual(t, sb.Data, sb.Usage.InUse)
	var logBytes, logPages int64
	for _, name := range []string{"log: values", "log: quads", "log: deleted quads"} {
		logBytes += logs[name].Bytes
		logPages += logs[name].Pages
	}
	assert.Less(t, float64(logPages), 2.6*float64(logBytes), "the log's pages are filled")
}

// TestBoltKVFill checks the fill of pages split in the buckets written
// in key order: whole in the log, nine tenths in the subject index, half
// (bbolt's default) elsewhere.
func TestBoltKVFill(t *testing.T) {
	ctx := t.Context()
	db, err := bolt.Open(filepath.Join(t.TempDir(), "kv.bolt"), 0o600, &bolt.Options{NoSync: true})
	require.NoError(t, err)
	defer db.Close()
	d := &boltKV{db: db}
	var id uint64
	for range 200 {
		require.NoError(t, d.Update(ctx, func(tx kv.Tx) error {
			for range 30 {
				id++
				k := binary.BigEndian.AppendUint64(nil, id)
				for _, b := range []string{"log", "sp", "ops"} {
					if err := tx.Put(ctx, kv.Key{[]byte(b), k}, make([]byte, 40+id%100)); err != nil {
						return err
					}
				}
			}
			return nil
		}))
	}
	require.NoError(t, db.View(func(tx *bolt.Tx) error {
		for _, c := range []struct {
			bucket   string
			min, max float64
		}{{"log", 0.95, 1}, {"sp", 0.85, 0.92}, {"ops", 0.45, 0.55}} {
			st := tx.Bucket([]byte(c.bucket)).Stats()
			fill := float64(st.LeafInuse) / float64(st.LeafAlloc)
			assert.GreaterOrEqual(t, fill, c.min, c.bucket)
			assert.LessOrEqual(t, fill, c.max, c.bucket)
		}
		return nil
	}))
}

// TestRecordShort checks that evidence records are written short (see
// shorten) and read back as written whole: a write of the parsed record
// gives the same text, and a record with a zero instant is written whole.
func TestRecordShort(t *testing.T) {
	ctx := t.Context()
	s := openMemory(t)
	ingest(t, s, randomHistory(rand.New(rand.NewSource(8)), 60))
	var short, long int
	for _, f := range allFacts(t, s, FactFilter{Withdrawn: true}) {
		require.NoError(t, s.read(ctx, func(r reader) error {
			p, err := r.some(ctx, FactIRI(f.ID), pRecord)
			if err != nil || len(p[pRecord]) == 0 {
				return err
			}
			text := stringOf(p[pRecord][0])
			rec, err := parseRecord(text)
			require.NoError(t, err)
			again, err := marshalRecord(rec)
			require.NoError(t, err)
			assert.Equal(t, text, again, f.ID)
			whole, err := json.Marshal(rec)
			require.NoError(t, err)
			short, long = short+len(text), long+len(whole)
			return nil
		}))
	}
	t.Logf("records: %d bytes short, %d whole", short, long)
	assert.Less(t, float64(short), 0.85*float64(long), "records written short")

	r := &factRecord{Subject: "a", Predicate: "met", Object: "b", Count: 1, RecordedAt: t0,
		Sources: []sourceRecord{{Article: "x", Sentence: "A met B."}}}
	text, err := marshalRecord(r)
	require.NoError(t, err)
	back, err := parseRecord(text)
	require.NoError(t, err)
	assert.Equal(t, r, back, "a zero instant is kept")
}
