package ingest

import (
	"bytes"
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/store"
)

// TestGeneratedStoreQuadsComplete ingests a generated corpus, in which
// facts are restated and their claims and inferred ends rewritten many
// times, and checks that every stored quad still has all its values: a
// quad whose object value was lost cannot be exported or re-imported.
func TestGeneratedStoreQuadsComplete(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 400 generated articles")
	}
	ex, err := extract.New()
	require.NoError(t, err)
	ctx := context.Background()
	corpus := genCorpus(t, t.TempDir(), 400)
	for _, backend := range []string{"memory", "bbolt"} {
		t.Run(backend, func(t *testing.T) {
			dsn := store.MemoryDSN
			if backend == "bbolt" {
				dsn = filepath.Join(t.TempDir(), "db")
			}
			st, err := store.Open(ctx, dsn, store.Options{})
			require.NoError(t, err)
			defer st.Close()
			sum, err := (&Pipeline{Store: st, Extractor: ex}).Run(ctx, []string{corpus}, nil, ReadOptions{})
			require.NoError(t, err)
			require.Equal(t, 400, sum.New)
			var n, broken int
			require.NoError(t, st.DumpQuads(ctx, func(q quad.Quad) error {
				n++
				if q.Subject == nil || q.Predicate == nil || q.Object == nil {
					broken++
					if broken <= 3 {
						t.Errorf("quad with a lost value: %v", q)
					}
				}
				return nil
			}))
			require.Zero(t, broken, "of %d quads", n)

			// The N-Quads export holds every stored quad, imports into a
			// fresh store, and exports again to the same lines.
			first := nquadsOf(t, st)
			require.Equal(t, n, len(first), "one line per stored quad")
			back, err := store.Open(ctx, store.MemoryDSN, store.Options{})
			require.NoError(t, err)
			defer back.Close()
			loaded, err := back.LoadQuads(ctx, export.ReadNQuads(strings.NewReader(strings.Join(first, "\n")+"\n")))
			require.NoError(t, err)
			require.Equal(t, n, loaded)
			require.Equal(t, first, nquadsOf(t, back))
		})
	}
}

// nquadsOf returns the sorted lines of st's N-Quads export.
func nquadsOf(t *testing.T, st *store.Store) []string {
	t.Helper()
	f, err := export.Lookup("nquads")
	require.NoError(t, err)
	sel, err := export.NewSelection(st, export.Filter{})
	require.NoError(t, err)
	var buf bytes.Buffer
	_, err = f.Facts(context.Background(), &buf, sel)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	sort.Strings(lines)
	return lines
}
