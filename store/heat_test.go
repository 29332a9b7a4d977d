package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// blocks returns a bit set of 128 blocks with the given ones set.
func blocks(on ...int) []uint64 {
	b := make([]uint64, 2)
	for _, i := range on {
		b[i/64] |= 1 << (i % 64)
	}
	return b
}

// setBits lists the blocks set in b.
func setBits(b []uint64) []int {
	var on []int
	for i := range len(b) * 64 {
		if b[i/64]&(1<<(i%64)) != 0 {
			on = append(on, i)
		}
	}
	return on
}

// TestChunkHeatPlan follows blocks through a series of releases: a block
// resident at keepAfter releases in a row is kept for keepFor of them,
// then released once and kept again only if read again; a block read once
// is not kept; at most maxKeep are kept, the most seen first.
func TestChunkHeatPlan(t *testing.T) {
	for _, c := range []struct {
		name    string
		present [][]int // the blocks resident at each release
		maxKeep int
		kept    [][]int // the blocks kept at each release
	}{
		{
			name:    "read once is not kept",
			present: [][]int{{3}, {}, {3}, {}},
			maxKeep: 10,
			kept:    [][]int{nil, nil, nil, nil},
		},
		{
			name: "read at every release: kept keepFor releases, released once, kept again",
			// Once kept, the block is resident at each release whether
			// read or not; after its lease it is released, and the read
			// that follows earns the next one.
			present: [][]int{{5}, {5}, {5}, {5}, {5}, {5}, {5}, {5}, {5}, {5}},
			maxKeep: 10,
			kept:    [][]int{nil, {5}, {5}, {5}, {5}, nil, {5}, {5}, {5}, {5}},
		},
		{
			name:    "a block that stops being read leaves after its lease",
			present: [][]int{{7}, {7}, {7}, {7}, {7}, {}, {}},
			maxKeep: 10,
			kept:    [][]int{nil, {7}, {7}, {7}, {7}, nil, nil},
		},
		{
			name: "at most maxKeep, the most seen first",
			// Block 1 is seen at three releases in a row, the others
			// at two: 1 is kept first, then the lowest of the others.
			present: [][]int{{1}, {1, 70, 9, 100}, {1, 70, 9, 100}},
			maxKeep: 2,
			kept:    [][]int{nil, {1}, {1, 9}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			var h chunkHeat
			for r, p := range c.present {
				got := setBits(h.plan(blocks(p...), c.maxKeep))
				assert.Equal(t, c.kept[r], got, fmt.Sprintf("release %d", r))
			}
		})
	}
}

// TestResidentOver checks when a store's resident memory calls for a
// release: a reader past its budget of file pages; a writer only when its
// whole resident memory, with what the file's pages grew by between two
// checks (the largest recent growth, decaying), would pass the ceiling,
// and its file's pages have grown by the floor since the last release.
func TestResidentOver(t *testing.T) {
	const mb = 1 << 20
	reader := residentState{budget: residentBudget, base: 30 * mb, last: 30 * mb}
	assert.False(t, reader.over(70*mb, 150*mb), "a reader under its budget")
	assert.True(t, reader.over(90*mb, 10*mb), "a reader past its budget")

	w := residentState{base: 30 * mb, last: 30 * mb}
	w.forWriting(0)
	assert.False(t, w.over(130*mb, 40*mb), "a writer 100 MB past the old budget, with room under the ceiling")
	w.observe(130*mb, 40*mb) // grew by 100 MB since the last check
	assert.Equal(t, int64(100*mb), w.step)
	assert.True(t, w.over(140*mb, 50*mb), "the next check's growth would pass the ceiling")
	w.observe(140*mb, 20*mb) // grew by 10: the step decays by an eighth
	assert.Equal(t, int64(100*mb-(90*mb)/8), w.step)
	assert.Equal(t, int64(40*mb-(20*mb)/8), w.anon, "the heap's recent largest, decaying")
	assert.True(t, w.over(155*mb, 20*mb), "the heap was larger a check ago: it may be again")
	for range 40 {
		w.observe(155*mb, 20*mb)
	}
	assert.False(t, w.over(155*mb, 20*mb), "a smaller heap for a while leaves room again")

	h := residentState{base: 30 * mb, last: 30 * mb}
	h.forWriting(0)
	assert.False(t, h.over(40*mb, 300*mb), "a heap past the ceiling alone: not before the floor's growth")
	assert.True(t, h.over(30*mb+residentFloor+1, 300*mb), "past the floor")

	big := residentState{base: 30 * mb, last: 1490 * mb}
	big.forWriting(2 << 30)
	assert.False(t, big.over(1500*mb, 150*mb), "a writer under a raised ceiling")
	big.last = 1990 * mb
	assert.True(t, big.over(2000*mb, 150*mb), "a writer past a raised ceiling")
	none := residentState{base: 30 * mb, last: 30 * mb}
	none.forWriting(-1)
	assert.False(t, none.over(100<<30, 1<<30), "no ceiling: never")
	assert.Zero(t, none.keep, "nothing to keep when nothing is released")
}

// TestOpenResidentCeiling checks that Options.ResidentCeiling reaches a
// writing bbolt store: 0 the default, a value that bound, negative none,
// and that a reader keeps its budget whatever it says.
func TestOpenResidentCeiling(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "db")
	for _, c := range []struct {
		opt, want int64
	}{{0, DefaultResidentCeiling}, {1 << 30, 1 << 30}, {-1, 0}} {
		s, err := Open(ctx, dir, Options{ResidentCeiling: c.opt})
		require.NoError(t, err)
		assert.Equal(t, c.want, s.resident.ceiling, "ResidentCeiling %d", c.opt)
		require.NoError(t, s.Close())
	}
	r, err := Open(ctx, dir, Options{ReadOnly: true, ResidentCeiling: 1 << 30})
	require.NoError(t, err)
	assert.Zero(t, r.resident.ceiling, "a reader")
	assert.Equal(t, int64(residentBudget), r.resident.budget)
	require.NoError(t, r.Close())
}
