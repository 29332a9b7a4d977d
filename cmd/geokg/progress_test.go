package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/ingest"
)

// Without a terminal, a progress line goes to stderr every interval.
func TestProgressLinesWithoutTerminal(t *testing.T) {
	var stderr bytes.Buffer
	w := &lockedWriter{w: &stderr}
	p := &ingest.Pipeline{}
	stop := progressLines(w, p, 5*time.Millisecond)
	p.OnArticle(ingest.Summary{Read: 3, New: 2, Errors: 1})
	time.Sleep(40 * time.Millisecond)
	stop()
	require.Contains(t, stderr.String(), "ingesting: 3 articles read, 2 new, 1 errors")

	// And ingest wires it: a run slower than the interval prints it.
	dir := t.TempDir()
	var lines []string
	for range 50 {
		lines = append(lines, `{"text":"Pedro Sanchez visited Rabat on 1 February 2023. `+strings.Repeat("Then more words followed. ", 20)+`"}`)
	}
	in := filepath.Join(dir, "a.jsonl")
	require.NoError(t, os.WriteFile(in, []byte(strings.Join(lines, "\n")), 0o644))
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"--db", filepath.Join(dir, "db"), "ingest", "--progress-every", "1ms", in}, nil, &out, &errOut)
	require.NoError(t, err)
	require.Contains(t, errOut.String(), "ingesting: ")
}
