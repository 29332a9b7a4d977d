package render

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
)

// The evidence of an answer names, under each source's sentence, the
// sentences its dates came from.
func TestWriteEvidenceTimeSentences(t *testing.T) {
	rutte := graph.Entity{ID: "person/mark-rutte", Name: "Mark Rutte", Type: graph.Person}
	nato := graph.Entity{ID: "organization/nato", Name: "NATO", Type: graph.Organization}
	f := graph.Fact{Subject: rutte.ID, Predicate: graph.Leads, Object: nato.ID, Role: "Secretary General",
		Start: date("2024-10"), Confidence: 0.8, Sources: []graph.Source{
			{Article: "a1", Published: date("2024-10-03"), Sentence: "Rutte is NATO's secretary general.",
				TimeSentences: []string{"He took office in October."}},
			{Article: "a2", Sentence: "Rutte took office in October 2024."},
		}}
	var buf bytes.Buffer
	require.NoError(t, WriteEvidence(&buf, queries.AskAnswer{Facts: []queries.Answer{{Fact: f, Subject: rutte, Object: nato}}}))
	require.Equal(t, `Mark Rutte leads NATO (Secretary General) [from 2024-10] confidence 0.80
  - "Rutte is NATO's secretary general." (a1, 2024-10-03)
    dated by "He took office in October."
  - "Rutte took office in October 2024." (a2)
`, buf.String())
}
