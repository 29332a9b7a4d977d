package render

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
)

// date parses an ISO date of any precision, for fixtures.
func date(s string) graph.Date {
	d, err := graph.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

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
	// answers, the same source references under "SOURCES".
	require.NoError(t, WriteQueryFacts(&query, factAnswers()))
	require.Equal(t, ""+
		"SUBJECT       PREDICATE  OBJECT      ROLE               WHEN          SOURCES\n"+
		"Mark Rutte    leads      NATO        Secretary General  2024-10 –  ?  a1 (2024-10-01) +1\n"+
		"Donald Trump  met        Mark Rutte                     2024-11-29    a3 (2024-11-30)\n", query.String())

	require.NoError(t, WriteQueryFacts(&none, nil))
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

	// Answers to English questions are marked too (issue 12: an answer
	// that is only possibly in force says so).
	require.True(t, NewAskJSON(queries.AskResult{Answers: []queries.AskAnswer{{Facts: as}}}).Answers[0].Facts[0].Uncertain)
}

func TestWriteHolders(t *testing.T) {
	ishiba := graph.Entity{ID: "person/shigeru-ishiba", Name: "Shigeru Ishiba", Type: graph.Person}
	kishida := graph.Entity{ID: "person/fumio-kishida", Name: "Fumio Kishida", Type: graph.Person}
	f1 := graph.Fact{Predicate: graph.Leads, Role: "Prime Minister", Start: date("2021-10-04"), End: date("2024-10-01"),
		EndInferredFrom: "fact/2", Sources: []graph.Source{{Article: "k1", Published: date("2021-10-05")}, {Article: "k2"}}}
	f2 := graph.Fact{Predicate: graph.Leads, Role: "Prime Minister", Start: date("2024-10"), Ended: true,
		Sources: []graph.Source{{Article: "i1", Published: date("2024-10-02")}}}
	hs := []queries.Holder{
		{Person: kishida, Role: "Prime Minister", Start: f1.Start, End: f1.End, Facts: []queries.Answer{{Fact: f1}}},
		{Person: ishiba, Role: "Prime Minister", Start: f2.Start, Ended: true, Uncertain: true, Facts: []queries.Answer{{Fact: f2}}},
	}
	var buf bytes.Buffer
	require.NoError(t, WriteHolders(&buf, hs))
	require.Equal(t, ""+
		"PERSON          ROLE            FROM        TO            SOURCES\n"+
		"Fumio Kishida   Prime Minister  2021-10-04  2024-10-01 *  k1 (2021-10-05) +1\n"+
		"Shigeru Ishiba  Prime Minister  2024-10 ?   (ended)       i1 (2024-10-02)\n", buf.String())

	// An unknown start bounded below reads "after" the bound.
	f3 := graph.Fact{Predicate: graph.Leads, Role: "Prime Minister", StartAfter: date("2024-10-01"),
		Sources: []graph.Source{{Article: "t1", Published: date("2025-10-22")}}}
	takaichi := graph.Entity{ID: "person/sanae-takaichi", Name: "Sanae Takaichi", Type: graph.Person}
	buf.Reset()
	require.NoError(t, WriteHolders(&buf, []queries.Holder{{Person: takaichi, Role: "Prime Minister", Uncertain: true, Facts: []queries.Answer{{Fact: f3}}}}))
	require.Equal(t, ""+
		"PERSON          ROLE            FROM                TO  SOURCES\n"+
		"Sanae Takaichi  Prime Minister  after 2024-10-01 ?      t1 (2025-10-22)\n", buf.String())

	buf.Reset()
	require.NoError(t, WriteHolders(&buf, nil))
	require.Equal(t, "no holders found\n", buf.String())

	js := NewHoldersJSON(hs)
	require.Len(t, js, 2)
	require.Equal(t, HolderJSON{Person: "Shigeru Ishiba", PersonID: "person/shigeru-ishiba", Role: "Prime Minister",
		Start: "2024-10", Ended: true, Uncertain: true, Facts: FactRecords(hs[1].Facts)}, js[1])
	require.NotNil(t, NewHoldersJSON(nil))
}

func TestWriteAnswerLine(t *testing.T) {
	var buf bytes.Buffer
	f := factAnswers()[1].Fact
	require.NoError(t, WriteAnswerLine(&buf, "Donald Trump", f))
	require.Equal(t, "  Donald Trump             2024-11-29             a3 (2024-11-30)\n", buf.String())
}
