package queries

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/resolve"
	"github.com/geokg/geokg/store"
)

// pipelineStore ingests files through the real pipeline into memory.
func pipelineStore(t *testing.T, paths ...string) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, "memory", store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	ex, err := extract.New()
	require.NoError(t, err)
	res, err := resolve.New()
	require.NoError(t, err)
	p := &ingest.Pipeline{Store: s, Extractor: ex, Resolver: res, Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }}
	sum, err := p.Run(ctx, paths, nil, ingest.ReadOptions{MaxBytes: 10 << 20})
	require.NoError(t, err)
	require.Zero(t, sum.Errors)
	return s
}

// TestAskDevSet asks questions written by reading the development
// articles (../shared/eval/dev) and checks the answers that must and
// must not come back.
func TestAskDevSet(t *testing.T) {
	file := filepath.Join("..", "..", "shared", "eval", "dev", "articles.jsonl")
	if _, err := os.Stat(file); err != nil {
		t.Skip("../shared/eval is absent: no development set to check against")
	}
	e := New(pipelineStore(t, file))
	ctx := context.Background()
	cases := []struct {
		q              string
		expect, forbid []string
	}{
		{"who led NATO on 15 December 2024?", []string{"Mark Rutte"}, []string{"Jens Stoltenberg"}},
		{"who was the secretary general of NATO in November 2024?", []string{"Mark Rutte"}, []string{"Jens Stoltenberg"}},
		{"who led Japan on 1 March 2025?", []string{"Shigeru Ishiba"}, []string{"Fumio Kishida", "Sanae Takaichi"}},
		{"who was the prime minister of Japan on 1 December 2025?", []string{"Sanae Takaichi"}, []string{"Shigeru Ishiba"}},
		{"who led Japan on 2024-06-01", []string{"Fumio Kishida"}, []string{"Shigeru Ishiba"}},
		{"who was the president of the U.S. on 1 December 2024?", []string{"Joe Biden"}, []string{"Donald Trump"}},
		{"who led the United States in June 2025?", []string{"Donald Trump"}, []string{"Joe Biden"}},
		{"which countries were members of NATO on 1 January 2023?", nil, []string{"Finland"}},
		{"which countries were members of NATO in June 2023?", []string{"Finland"}, nil},
		{"who did Trump meet in February 2025?", []string{"Narendra Modi"}, nil},
		{"who did Trump meet between November and December 2024?", []string{"Mark Rutte"}, []string{"Narendra Modi"}},
		{"who met Modi?", []string{"Donald Trump"}, nil},
		{"who did the EU sanction in 2025?", []string{"Russia"}, nil},
		{"what positions has Stoltenberg held?", []string{"Secretary General of NATO"}, nil},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			r, err := e.Ask(ctx, AskQuery{Question: c.q, Today: day("2026-01-15")})
			require.NoError(t, err)
			got := answerNames(r.Answers)
			for _, want := range c.expect {
				require.Contains(t, got, want, "%s (%s)", c.q, r.Interpretation)
			}
			for _, bad := range c.forbid {
				require.NotContains(t, got, bad, "%s (%s)", c.q, r.Interpretation)
			}
		})
	}
	// When did someone take an office: the start date of the tenure.
	r, err := e.Ask(ctx, AskQuery{Question: "when did Stoltenberg become Norway's finance minister?", Today: day("2026-01-15")})
	require.NoError(t, err)
	require.Len(t, r.Answers, 1, r.Interpretation)
	require.Equal(t, "2025-02-04", r.Answers[0].Date.String())
	r, err = e.Ask(ctx, AskQuery{Question: "when did Rutte become NATO secretary general?", Today: day("2026-01-15")})
	require.NoError(t, err)
	require.NotEmpty(t, r.Answers, r.Interpretation)
	require.Equal(t, "2024-10", r.Answers[0].Date.String())
	// Paths and timelines: each answer is sourced from the dev articles.
	r, err = e.Ask(ctx, AskQuery{Question: "how is Waltz connected to Trump?", Today: day("2026-01-15")})
	require.NoError(t, err)
	require.NotEmpty(t, r.Answers, r.Interpretation)
	require.True(t, strings.HasPrefix(r.Answers[0].Name, "Michael Waltz"), r.Answers[0].Name)
	r, err = e.Ask(ctx, AskQuery{Question: "what happened with Finland in 2023?", Today: day("2026-01-15")})
	require.NoError(t, err)
	require.NotEmpty(t, r.Answers)
	require.True(t, slices.ContainsFunc(r.Answers, func(a AskAnswer) bool { return a.Facts[0].Fact.Sources[0].Article == "d08" }))
}

// TestAskPipeline runs questions over articles written for the test and
// ingested through the real extractor, with loose assertions (the
// extractor's details change; the questions' answers must not).
func TestAskPipeline(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "news.jsonl")
	require.NoError(t, os.WriteFile(file, []byte(strings.Join([]string{
		`{"id": "p-rutte", "title": "Rutte takes over at NATO", "published": "2024-10-01", "text": "BRUSSELS — Mark Rutte took office as NATO Secretary General on Tuesday, succeeding Jens Stoltenberg, who had led the alliance since October 2014."}`,
		`{"id": "p-modi", "title": "Modi meets Trump", "published": "2025-02-14", "text": "WASHINGTON — Indian Prime Minister Narendra Modi met President Donald Trump at the White House on Thursday."}`,
		`{"id": "p-sweden", "title": "Sweden joins NATO", "published": "2024-03-07", "text": "WASHINGTON — Sweden became the 32nd member of NATO on Thursday, ending two centuries of neutrality."}`,
	}, "\n")+"\n"), 0o644))
	e := New(pipelineStore(t, file))
	ctx := context.Background()
	ask := func(q string) []string {
		r, err := e.Ask(ctx, AskQuery{Question: q, Today: day("2026-01-15")})
		require.NoError(t, err, q)
		return answerNames(r.Answers)
	}
	require.Contains(t, ask("who leads NATO?"), "Mark Rutte")
	require.Contains(t, ask("who led NATO in June 2024?"), "Jens Stoltenberg")
	require.NotContains(t, ask("who led NATO in June 2024?"), "Mark Rutte")
	require.Contains(t, ask("who did Trump meet in February 2025?"), "Narendra Modi")
	require.Contains(t, ask("which countries were members of NATO in 2025?"), "Sweden")
	require.NotContains(t, ask("which countries were members of NATO on 1 January 2024?"), "Sweden")
}
