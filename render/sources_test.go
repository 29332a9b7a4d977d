package render

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/schedule"
)

func TestWriteSources(t *testing.T) {
	now := time.Date(2025, 3, 1, 10, 0, 0, 0, time.Local)
	rows := []schedule.SourceStatus{
		{Name: "wire", Kind: "jsonl", Schedule: "every 15m0s", Configured: true, LastRun: now.Add(-time.Minute),
			LastSuccess: now.Add(-time.Minute), NextRun: now.Add(14 * time.Minute), Items: 5, Stored: 4},
		{Name: "gone", Errors: 2, LastError: strings.Repeat("x", 120)},
	}
	var buf bytes.Buffer
	require.NoError(t, WriteSources(&buf, rows, now))
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 3)
	require.Regexp(t, `^NAME\s+KIND\s+SCHEDULE\s+LAST RUN\s+LAST SUCCESS\s+NEXT RUN\s+ITEMS\s+STORED\s+ERRORS\s+LAST ERROR$`, lines[0])
	require.Regexp(t, `^wire\s+jsonl\s+every 15m0s\s+2025-03-01 09:59:00\s+2025-03-01 09:59:00\s+2025-03-01 10:14:00 \(in 14m0s\)\s+5\s+4\s+0\s+-$`, lines[1])
	require.Regexp(t, `^gone\s+-\s+\(not configured\)\s+never\s+never\s+-\s+0\s+0\s+2\s+x{97}\.\.\.$`, lines[2])

	buf.Reset()
	require.NoError(t, WriteSources(&buf, nil, now))
	require.Contains(t, buf.String(), "no sources configured")
}

func TestResultAndRunLines(t *testing.T) {
	retry := time.Date(2025, 3, 1, 10, 5, 0, 0, time.Local)
	ok := schedule.Result{Source: "wire", Summary: ingest.Summary{Read: 2, New: 2}}
	bad := schedule.Result{Source: "gone", Err: errors.New("no such file"), Retry: retry}
	require.Equal(t, "source wire: "+ok.Summary.String(), ResultLine(ok))
	require.Equal(t, "source gone: failed: no such file (retry at 2025-03-01 10:05:00)", ResultLine(bad))
	require.Equal(t, "source feed: not modified", ResultLine(schedule.Result{Source: "feed", NotModified: true}))
	require.Equal(t, "source wire: interrupted after 3 articles",
		ResultLine(schedule.Result{Source: "wire", Err: context.Canceled, Summary: ingest.Summary{Read: 3}}))
	require.Equal(t, "sources 2, failed 1; "+ok.Summary.String(), RunLine([]schedule.Result{ok, bad}))
}
