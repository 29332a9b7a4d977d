package export

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/store"
)

// paths returns the paths and table names of jobs, for comparison.
func paths(jobs []Job) [][2]string {
	var out [][2]string
	for _, j := range jobs {
		out = append(out, [2]string{j.Path, j.What})
	}
	return out
}

func TestPlan(t *testing.T) {
	csv, err := Lookup("csv")
	require.NoError(t, err)
	gexf, err := Lookup("gexf")
	require.NoError(t, err)
	dir := t.TempDir()
	file := filepath.Join(dir, "out.csv")
	fresh := filepath.Join(dir, "new", "sub") + string(os.PathSeparator)

	cases := []struct {
		name     string
		f        Format
		out      string
		entities bool
		want     [][2]string
	}{
		{"stdout", csv, "", false, [][2]string{{"", "facts"}}},
		{"stdout dash, entities", csv, "-", true, [][2]string{{"", "entities"}}},
		{"file", csv, file, false, [][2]string{{file, "facts"}}},
		{"file, entities", csv, file, true, [][2]string{{file, "entities"}}},
		{"existing dir", csv, dir, false, [][2]string{{filepath.Join(dir, "facts.csv"), "facts"}, {filepath.Join(dir, "entities.csv"), "entities"}}},
		{"dir, entities only", csv, dir, true, [][2]string{{filepath.Join(dir, "entities.csv"), "entities"}}},
		{"dir, no entity table", gexf, dir, false, [][2]string{{filepath.Join(dir, "graph.gexf"), "facts"}}},
		{"new dir by trailing slash", csv, fresh, false, [][2]string{{filepath.Join(fresh, "facts.csv"), "facts"}, {filepath.Join(fresh, "entities.csv"), "entities"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			jobs, err := Plan(c.f, c.out, c.entities)
			require.NoError(t, err)
			assert.Equal(t, c.want, paths(jobs))
			for _, j := range jobs {
				assert.NotNil(t, j.Table)
			}
		})
	}
	fi, err := os.Stat(fresh)
	require.NoError(t, err, "a path ending in a separator is created")
	assert.True(t, fi.IsDir())

	_, err = Plan(gexf, dir, true)
	require.ErrorIs(t, err, ErrNoEntityTable)
	assert.Contains(t, err.Error(), "gexf")
}

func TestWriteFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "facts.jsonl")
	entries := func() []string {
		es, err := os.ReadDir(dir)
		require.NoError(t, err)
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		return names
	}

	n, err := WriteFile(ctx, path, func(w io.Writer) (int, error) {
		_, err := io.WriteString(w, "one\ntwo\n")
		return 2, err
	})
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "one\ntwo\n", string(got))
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), fi.Mode().Perm())
	assert.Equal(t, []string{"facts.jsonl"}, entries(), "no temporary file left")

	// A failing write leaves the old file whole and no temporary file.
	boom := errors.New("boom")
	_, err = WriteFile(ctx, path, func(w io.Writer) (int, error) {
		io.WriteString(w, "partial")
		return 1, boom
	})
	require.ErrorIs(t, err, boom)
	got, err = os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "one\ntwo\n", string(got), "the previous file is untouched")
	assert.Equal(t, []string{"facts.jsonl"}, entries())

	// A cancelled export writes nothing.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	other := filepath.Join(dir, "other.jsonl")
	_, err = WriteFile(cctx, other, func(w io.Writer) (int, error) { return 0, nil })
	require.ErrorIs(t, err, context.Canceled)
	assert.NoFileExists(t, other)
	assert.Equal(t, []string{"facts.jsonl"}, entries())
}

func TestJobRun(t *testing.T) {
	ctx := context.Background()
	s, _ := fixture(t, store.MemoryDSN)
	sel, err := NewSelection(s, Filter{})
	require.NoError(t, err)
	f, err := Lookup("jsonl")
	require.NoError(t, err)

	var stdout bytes.Buffer
	n, err := Job{Table: f.Facts, What: "facts"}.Run(ctx, &stdout, sel)
	require.NoError(t, err)
	assert.Equal(t, len(fixtureFacts), n)
	assert.Equal(t, n, bytes.Count(stdout.Bytes(), []byte("\n")))

	path := filepath.Join(t.TempDir(), "facts.jsonl")
	stdout.Reset()
	n2, err := Job{Path: path, Table: f.Facts, What: "facts"}.Run(ctx, &stdout, sel)
	require.NoError(t, err)
	assert.Equal(t, n, n2)
	assert.Zero(t, stdout.Len(), "a job with a path leaves stdout alone")
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, n, bytes.Count(got, []byte("\n")))

	boom := errors.New("boom")
	_, err = Job{Table: func(context.Context, io.Writer, *Selection) (int, error) { return 0, boom }, What: "entities"}.Run(ctx, &stdout, sel)
	require.ErrorIs(t, err, boom)
	assert.Equal(t, "export entities: boom", err.Error())
	_, err = Job{Table: func(context.Context, io.Writer, *Selection) (int, error) { return 0, ErrUnknownEntity }}.Run(ctx, &stdout, sel)
	assert.Equal(t, ErrUnknownEntity, err, "an unknown entity is reported as it is")
}
