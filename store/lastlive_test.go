package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestRestateReadsDoNotGrow: a restatement reads the fact's evidence
// record, which every earlier restatement rewrote; on bbolt Cayley keeps
// each replaced record's id in its index, dead, so reading the record by
// a forward scan read every earlier one (a fact restated 300 times: ~300
// more reads than one restated 10 times). The write's reads must not
// grow with the restatements, and the record read must be the live one.
func TestRestateReadsDoNotGrow(t *testing.T) {
	ctx := context.Background()
	reads := func(k int) int {
		dsn := filepath.Join(t.TempDir(), "db")
		s, err := Open(ctx, dsn, Options{})
		require.NoError(t, err)
		require.NoError(t, s.SetGroupCommit(true))
		for a := range k {
			_, err := s.Write(ctx, restateBatch(a, 1), t0.Add(time.Duration(a)*time.Second))
			require.NoError(t, err)
		}
		require.NoError(t, s.Close())
		// Reopened: the write cache, which holds the records of recent
		// writes, is empty, as for a fact last stated long ago.
		s, err = Open(ctx, dsn, Options{})
		require.NoError(t, err)
		defer s.Close()
		id := restateBatch(0, 1).Facts[0].ComputeID()
		r := reader{qs: s.qs, kv: s.kv}
		last, err := r.lastOut(ctx, FactIRI(id), pRecord)
		require.NoError(t, err)
		all, err := r.some(ctx, FactIRI(id), pRecord)
		require.NoError(t, err)
		require.Len(t, all[pRecord], 1, "one live record")
		require.Equal(t, all[pRecord][0], last)

		s.kv.touched = func() {}
		s.kv.touches = 0
		_, err = s.Write(ctx, restateBatch(k, 1), t0.Add(time.Duration(k)*time.Second))
		require.NoError(t, err)
		counted := s.kv.touches
		f, err := s.Fact(ctx, id)
		require.NoError(t, err)
		require.Len(t, f.Sources, k+1)
		return counted
	}
	few, many := reads(10), reads(300)
	require.Less(t, many, few+40, "reads of a restating write: %d after 10 restatements, %d after 300", few, many)
}

// TestLastOutElsewhere: on memory lastOut reads as eachWith does.
func TestLastOutElsewhere(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, MemoryDSN, Options{})
	require.NoError(t, err)
	defer s.Close()
	for a := range 5 {
		_, err := s.Write(ctx, restateBatch(a, 1), t0.Add(time.Duration(a)*time.Second))
		require.NoError(t, err)
	}
	id := restateBatch(0, 1).Facts[0].ComputeID()
	r := reader{qs: s.qs}
	last, err := r.lastOut(ctx, FactIRI(id), pRecord)
	require.NoError(t, err)
	all, err := r.some(ctx, FactIRI(id), pRecord)
	require.NoError(t, err)
	require.Len(t, all[pRecord], 1)
	require.Equal(t, all[pRecord][0], last)
	none, err := r.lastOut(ctx, FactIRI("no-such-fact"), pRecord)
	require.NoError(t, err)
	require.Nil(t, none)
}
