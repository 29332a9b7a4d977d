package console

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
)

// factAnswers are a coarse-start term (an uncertain answer) stated by two
// articles and an event stated by one.
func factAnswers() []queries.Answer {
	rutte := graph.Entity{ID: "person/mark-rutte", Name: "Mark Rutte", Type: graph.Person}
	nato := graph.Entity{ID: "organization/nato", Name: "NATO", Type: graph.Organization}
	trump := graph.Entity{ID: "person/donald-trump", Name: "Donald Trump", Type: graph.Person}
	term := graph.Fact{ID: "fact/1", Subject: rutte.ID, Predicate: graph.Leads, Object: nato.ID, Role: "Secretary General",
		Start: date("2024-10"), Confidence: 0.6, Sources: []graph.Source{
			{Article: "a1", Published: date("2024-10-01"), Sentence: "Rutte took over at NATO."},
			{Article: "a2", Published: date("2024-10-02"), Sentence: "Mark Rutte is NATO's new secretary general."},
		}}
	met := graph.Fact{ID: "fact/2", Subject: trump.ID, Predicate: graph.Met, Object: rutte.ID, Date: date("2024-11-29"),
		Confidence: 0.8, Sources: []graph.Source{{Article: "a3", Published: date("2024-11-30"), Sentence: "Trump met Rutte."}}}
	return []queries.Answer{
		{Fact: term, Subject: rutte, Object: nato, Uncertain: true},
		{Fact: met, Subject: trump, Object: rutte},
	}
}

func TestFactTable(t *testing.T) {
	var console, query, none bytes.Buffer
	require.NoError(t, WriteFacts(&console, factAnswers()))
	require.Equal(t, ""+
		"#  SUBJECT       PREDICATE  OBJECT      ROLE               WHEN          SOURCE\n"+
		"1  Mark Rutte    leads      NATO        Secretary General  from 2024-10  a1 (2024-10-01) +1\n"+
		"2  Donald Trump  met        Mark Rutte                     2024-11-29    a3 (2024-11-30)\n", console.String())

	// The query commands' layout: no numbers, periods, "?" on uncertain
	// answers, their own source column.
	tbl := FactTable{When: Period, MarkUncertain: true, SourceHeader: "SOURCES",
		Source: func(f graph.Fact) string { return "[" + f.Sources[0].Article + "]" }}
	require.NoError(t, tbl.Write(&query, factAnswers()))
	require.Equal(t, ""+
		"SUBJECT       PREDICATE  OBJECT      ROLE               WHEN          SOURCES\n"+
		"Mark Rutte    leads      NATO        Secretary General  2024-10 –  ?  [a1]\n"+
		"Donald Trump  met        Mark Rutte                     2024-11-29    [a3]\n", query.String())

	require.NoError(t, tbl.Write(&none, nil))
	require.Equal(t, "no facts match\n", none.String())
}

func TestWhenAndPeriod(t *testing.T) {
	cases := []struct {
		f            graph.Fact
		when, period string
	}{
		{graph.Fact{Predicate: graph.Met, Date: date("2024-11-29")}, "2024-11-29", "2024-11-29"},
		{graph.Fact{Predicate: graph.Leads, Start: date("2024-10"), End: date("2025-03-01")}, "2024-10 – 2025-03-01", "2024-10 – 2025-03-01"},
		{graph.Fact{Predicate: graph.Leads, Start: date("2024-10")}, "from 2024-10", "2024-10 – "},
		{graph.Fact{Predicate: graph.Leads, End: date("2025-03-01")}, "until 2025-03-01", " – 2025-03-01"},
		{graph.Fact{Predicate: graph.Leads, Start: date("2024-10"), Ended: true}, "2024-10 – (ended)", "2024-10 – (ended)"},
		{graph.Fact{Predicate: graph.Leads, Ended: true}, "(ended)", "(ended)"},
		{graph.Fact{Predicate: graph.Leads}, "", ""},
	}
	for _, c := range cases {
		require.Equal(t, c.when, When(c.f))
		require.Equal(t, c.period, Period(c.f))
	}
}

func TestFactRecords(t *testing.T) {
	as := factAnswers()
	recs := FactRecords(as)
	require.Len(t, recs, 2)
	require.True(t, recs[0].Uncertain)
	require.False(t, recs[1].Uncertain)

	// Each record carries the fact's combined confidence beside its
	// confidence: two independent articles raise 0.6 to 0.8.
	var buf bytes.Buffer
	require.NoError(t, WriteJSON(&buf, recs))
	require.Contains(t, buf.String(), "\"confidence\": 0.6,\n    \"combined_confidence\": 0.8,")
	require.Contains(t, buf.String(), "\"confidence\": 0.8,\n    \"combined_confidence\": 0.8,")
	var got []map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
	require.Equal(t, graph.CombinedConfidence(as[0].Fact), got[0]["combined_confidence"])

	buf.Reset()
	require.NoError(t, WriteJSON(&buf, FactRecords(nil)))
	require.Equal(t, "[]\n", buf.String())

	// Answers to English questions are not marked (their JSON never was).
	require.False(t, NewAskJSON(queries.AskResult{Answers: []queries.AskAnswer{{Facts: as}}}).Answers[0].Facts[0].Uncertain)
}
