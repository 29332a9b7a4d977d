package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/export"
)

// TestVersion: -ldflags "-X main.version=…" sets what --version prints and
// what the Parquet footer names as its writer.
func TestVersion(t *testing.T) {
	old := version
	t.Cleanup(func() { version = old })
	version = "v9.8.7"
	var out, errOut bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"--version"}, nil, &out, &errOut))
	require.True(t, strings.HasPrefix(out.String(), "geokg v9.8.7"), out.String())

	dir := t.TempDir()
	news := filepath.Join(dir, "a.jsonl")
	require.NoError(t, os.WriteFile(news, []byte(`{"id":"v1","published":"2024-11-30","text":"Mark Rutte met Donald Trump in Palm Beach on Friday."}`+"\n"), 0o644))
	db := filepath.Join(dir, "db")
	require.NoError(t, run(context.Background(), []string{"--db", db, "ingest", news}, nil, &out, &errOut), errOut.String())
	pq := filepath.Join(dir, "facts.parquet")
	require.NoError(t, run(context.Background(), []string{"--db", db, "export", "--format", "parquet", "-o", pq}, nil, &out, &errOut), errOut.String())
	f, err := os.Open(pq)
	require.NoError(t, err)
	defer f.Close()
	st, err := f.Stat()
	require.NoError(t, err)
	pf, err := parquet.OpenFile(f, st.Size())
	require.NoError(t, err)
	_, build := buildInfo()
	require.Equal(t, export.CreatedBy("v9.8.7", build), pf.Metadata().CreatedBy)
	require.Contains(t, pf.Metadata().CreatedBy, "geokg version v9.8.7")
}
