package queries

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// filterLog is a Store that records the fact filters it is asked for
// and how many facts it yields for each.
type filterLog struct {
	*store.Store
	filters []store.FactFilter
	yielded []int
}

// Facts records ff and passes it on.
func (l *filterLog) Facts(ctx context.Context, ff store.FactFilter, fn func(graph.Fact) error) error {
	l.filters = append(l.filters, ff)
	l.yielded = append(l.yielded, 0)
	n := len(l.yielded) - 1
	return l.Store.Facts(ctx, ff, func(f graph.Fact) error {
		l.yielded[n]++
		return fn(f)
	})
}

// TestReadsWhatAnswersNeed checks what the store is asked for by answers
// read with their evidence: every read asks for the evidence only (none
// reads whole facts with all their sources), and holders — asked
// directly or through ask — reads the facts of the terms' predicates, not
// every fact naming the organization (its meetings and targets).
func TestReadsWhatAnswersNeed(t *testing.T) {
	ctx := context.Background()
	s := askStore(t)
	names, err := LoadNames(ctx, s)
	require.NoError(t, err)
	cases := []struct {
		name string
		run  func(e *Engine) error
	}{
		{"holders", func(e *Engine) error {
			_, err := e.Holders(ctx, HoldersQuery{Org: "NATO", At: day("2025-07-01")})
			return err
		}},
		{"ask who led", func(e *Engine) error {
			_, err := e.Ask(ctx, AskQuery{Question: "who led NATO on 1 July 2025?", Today: day("2026-01-15"), Names: names})
			return err
		}},
		{"ask who was president", func(e *Engine) error {
			_, err := e.Ask(ctx, AskQuery{Question: "who was the president of the United States in March 2025?", Today: day("2026-01-15"), Names: names})
			return err
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := &filterLog{Store: s}
			require.NoError(t, c.run(NewWithOptions(l, Options{Evidence: true})))
			require.NotEmpty(t, l.filters)
			for i, ff := range l.filters {
				require.True(t, ff.Evidence, "read %d (%+v) reads every source", i, ff)
				if len(ff.Objects) > 0 && len(ff.Subjects) == 0 {
					require.Contains(t, []string{graph.Leads, graph.HoldsPosition}, ff.Predicate, "read %d (%+v) reads every fact of the object", i, ff)
				}
			}
		})
	}
}
