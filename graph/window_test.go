package graph

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWindowApply(t *testing.T) {
	leads := Fact{Predicate: Leads, Start: d("2024-10"), End: d("2025-03")}
	dayStart := Fact{Predicate: Leads, Start: d("2024-10-01")}
	open := Fact{Predicate: MemberOf}
	ended := Fact{Predicate: Leads, Start: d("2020-01-01"), Ended: true,
		Sources: []Source{{Published: d("2023-05-01")}, {Published: d("2022-03-10")}}}
	met := Fact{Predicate: Met, Date: d("2024-11")}
	metDay := Fact{Predicate: Met, Date: d("2024-11-29")}
	undated := Fact{Predicate: Met}
	twice := Fact{Predicate: Leads, Start: d("2025-01-20"),
		EarlierTerms: []Term{{Start: d("2017-01-20"), End: d("2021-01-20")}}}
	empty := Fact{Predicate: Leads, Start: d("2024-06-01"), End: d("2024-06-01")}
	// former: "former prime minister" in a 2025 article, nothing else known.
	former := Fact{Predicate: Leads, Ended: true, Sources: []Source{{Published: d("2025-02-01"), Claim: Claim{Ended: true}}}}
	// formerPlaced: the same, its end inferred from a successor's start.
	formerPlaced := former
	formerPlaced.End, formerPlaced.EndInferredFrom = d("2024-07-02"), "fact/successor"
	// formerStated: called over by one source, its end stated by another.
	formerStated := former
	formerStated.End = d("2024-07-02")
	// reportedThenOver: "President" in May 2024, succeeded as reported in
	// March 2025.
	reportedThenOver := Fact{Predicate: Leads, Ended: true, Sources: []Source{{Published: d("2024-05-10")},
		{Published: d("2025-03-20"), Claim: Claim{Ended: true}}}}
	// againAfterFormer: "former" in 2023, sworn in again in 2025.
	againAfterFormer := Fact{Predicate: Leads, Start: d("2025-01-20"),
		EarlierTerms: []Term{{End: d("2023-05-01"), Over: true}}}
	// againAfterEnd: served until 2021-01-20, start unknown; again from 2025.
	againAfterEnd := Fact{Predicate: Leads, Start: d("2025-01-20"),
		EarlierTerms: []Term{{End: d("2021-01-20")}}}
	// endBy: reported current in July and September 2024, start unknown;
	// over by 2025-03-14, when another holder was first reported (EndBy).
	endBy := Fact{Predicate: Leads, End: d("2025-03-14"), EndInferredFrom: "fact/next", EndBy: true,
		Sources: []Source{{Published: d("2024-09-10")}, {Published: d("2024-07-05")}}}
	endExact := endBy
	endExact.EndBy = false
	endByStart := endBy
	endByStart.Start = d("2021-01-20")
	byTerm, byStartTerm := Term{End: d("2025-03-14")}, Term{Start: d("2021-01-20"), End: d("2025-03-14")}

	cases := []struct {
		name          string
		w             Window
		f             Fact
		in, uncertain bool
		term          Term
	}{
		{"open window holds every fact", Window{}, leads, true, false, Term{Start: d("2024-10"), End: d("2025-03")}},
		{"open window holds an undated event", Window{}, undated, true, false, Term{}},

		// A state at a day: start inclusive at its first day, end exclusive.
		{"before a month start", Window{At: d("2024-09-15")}, leads, false, false, Term{}},
		{"first day of the start month", Window{At: d("2024-10-01")}, leads, true, true, Term{Start: d("2024-10"), End: d("2025-03")}},
		{"inside the start month", Window{At: d("2024-10-15")}, leads, true, true, Term{Start: d("2024-10"), End: d("2025-03")}},
		{"after the start month", Window{At: d("2024-12-01")}, leads, true, false, Term{Start: d("2024-10"), End: d("2025-03")}},
		{"end month is exclusive from its first day", Window{At: d("2025-03-10")}, leads, false, false, Term{}},
		{"the day before the end month", Window{At: d("2025-02-28")}, leads, true, false, Term{Start: d("2024-10"), End: d("2025-03")}},
		{"day start is certain", Window{At: d("2024-10-01")}, dayStart, true, false, Term{Start: d("2024-10-01")}},
		{"open bounds", Window{At: d("1999-01-01")}, open, true, false, Term{}},
		{"ended: in force before its first publication", Window{At: d("2022-03-09")}, ended, true, false, Term{Start: d("2020-01-01")}},
		{"ended: over by its first publication", Window{At: d("2022-03-10")}, ended, false, false, Term{}},
		{"empty term is never in force", Window{At: d("2024-06-01")}, empty, false, false, Term{}},

		// A term called over whose start is unknown: placed only by an end
		// other than its report, and then uncertainly.
		{"former only: not at a day before its report", Window{At: d("2024-09-15")}, former, false, false, Term{}},
		{"former only: not in a range before its report", Window{From: d("2020-01-01"), To: d("2024-12-31")}, former, false, false, Term{}},
		{"former only: not after its report", Window{At: d("2025-03-01")}, former, false, false, Term{}},
		{"former with an inferred end: before it, uncertain", Window{At: d("2024-06-01")}, formerPlaced, true, true, Term{End: d("2024-07-02")}},
		{"former with an inferred end: not from it", Window{At: d("2024-09-15")}, formerPlaced, false, false, Term{}},
		{"former with an inferred end: a range before it", Window{From: d("2024-01-01"), To: d("2024-12-31")}, formerPlaced, true, true, Term{End: d("2024-07-02")}},
		{"former with a stated end: before it, uncertain", Window{At: d("2024-06-01")}, formerStated, true, true, Term{End: d("2024-07-02")}},
		{"reported current, later over: in force between", Window{At: d("2024-06-01")}, reportedThenOver, true, false, Term{}},
		{"reported current, later over: over by that report", Window{At: d("2025-03-20")}, reportedThenOver, false, false, Term{}},
		{"earlier term known only from former", Window{At: d("2020-06-01")}, againAfterFormer, false, false, Term{}},
		{"the latest term after a former", Window{At: d("2025-06-01")}, againAfterFormer, true, false, Term{Start: d("2025-01-20")}},
		{"earlier term with a stated end", Window{At: d("2020-06-01")}, againAfterEnd, true, false, Term{End: d("2021-01-20")}},

		// An end that is only a bound: sure up to the last report of the
		// term as current, possible after it until the bound.
		{"end by: before the first report, uncertain", Window{At: d("2024-06-01")}, endBy, true, true, byTerm},
		{"end by: on the first report", Window{At: d("2024-07-05")}, endBy, true, false, byTerm},
		{"end by: between reports", Window{At: d("2024-08-01")}, endBy, true, false, byTerm},
		{"end by: on the last report", Window{At: d("2024-09-10")}, endBy, true, false, byTerm},
		{"end by: after the last report, uncertain", Window{At: d("2024-12-01")}, endBy, true, true, byTerm},
		{"end by: the day before the bound, uncertain", Window{At: d("2025-03-13")}, endBy, true, true, byTerm},
		{"end by: not from the bound", Window{At: d("2025-03-14")}, endBy, false, false, Term{}},
		{"end by: a range reaching a report", Window{From: d("2024-09-01"), To: d("2024-12-31")}, endBy, true, false, byTerm},
		{"end by: a range after the last report", Window{From: d("2024-10-01"), To: d("2024-12-31")}, endBy, true, true, byTerm},
		{"end by: a month after the last report", Window{At: d("2025-01")}, endBy, true, true, byTerm},
		{"exact inferred end: sure until it", Window{At: d("2024-12-01")}, endExact, true, false, byTerm},
		{"end by, start known: sure after the start", Window{At: d("2022-06-01")}, endByStart, true, false, byStartTerm},
		{"end by, start known: after the last report, uncertain", Window{At: d("2024-12-01")}, endByStart, true, true, byStartTerm},

		// An event at a day, month or year.
		{"event in its month", Window{At: d("2024-11-15")}, met, true, true, Term{}},
		{"event outside its month", Window{At: d("2024-12-01")}, met, false, false, Term{}},
		{"day event asked by month", Window{At: d("2024-11")}, metDay, true, false, Term{}},
		{"day event on its day", Window{At: d("2024-11-29")}, metDay, true, false, Term{}},
		{"day event on another day", Window{At: d("2024-11-28")}, metDay, false, false, Term{}},
		{"undated event is never in force", Window{At: d("2024-11-28")}, undated, false, false, Term{}},

		// Several terms: the term in force, with its own bounds.
		{"before both terms", Window{At: d("2016-06-01")}, twice, false, false, Term{}},
		{"in the earlier term", Window{At: d("2019-06-01")}, twice, true, false, Term{Start: d("2017-01-20"), End: d("2021-01-20")}},
		{"earlier term's end is exclusive", Window{At: d("2021-01-20")}, twice, false, false, Term{}},
		{"in the gap", Window{At: d("2023-06-01")}, twice, false, false, Term{}},
		{"in the latest term", Window{At: d("2025-01-20")}, twice, true, false, Term{Start: d("2025-01-20")}},
		{"range inside the earlier term", Window{From: d("2018-01-01"), To: d("2018-12-31")}, twice, true, false, Term{Start: d("2017-01-20"), End: d("2021-01-20")}},
		{"range in the gap", Window{From: d("2022-01-01"), To: d("2024-12-31")}, twice, false, false, Term{}},
		{"range over both terms: the latest", Window{From: d("2018-01-01"), To: d("2025-12-31")}, twice, true, false, Term{Start: d("2025-01-20")}},

		// A state in a range: in force on some day of it, both ends inclusive.
		{"range before the start", Window{From: d("2024-01-01"), To: d("2024-09-30")}, leads, false, false, Term{}},
		{"range ending in the start month", Window{From: d("2024-09-01"), To: d("2024-10-15")}, leads, true, true, Term{Start: d("2024-10"), End: d("2025-03")}},
		{"range ending after the start month", Window{From: d("2024-09-01"), To: d("2024-11-15")}, leads, true, false, Term{Start: d("2024-10"), End: d("2025-03")}},
		{"range starting on the exclusive end", Window{From: d("2025-03-01")}, leads, false, false, Term{}},
		{"range with an open start", Window{To: d("2024-10-01")}, leads, true, true, Term{Start: d("2024-10"), End: d("2025-03")}},
		{"range with an open end", Window{From: d("2025-02-28")}, leads, true, false, Term{Start: d("2024-10"), End: d("2025-03")}},
		{"ended state before its first publication", Window{From: d("2022-01-01"), To: d("2022-12-31")}, ended, true, false, Term{Start: d("2020-01-01")}},
		{"ended state after its first publication", Window{From: d("2022-03-10"), To: d("2022-12-31")}, ended, false, false, Term{}},
		{"empty term is in no range", Window{From: d("2024-01-01"), To: d("2024-12-31")}, empty, false, false, Term{}},
		{"inverted range holds nothing", Window{From: d("2025-01-01"), To: d("2024-01-01")}, open, false, false, Term{}},

		// An event in a range.
		{"event month inside the range", Window{From: d("2024-11-01"), To: d("2024-11-30")}, met, true, false, Term{}},
		{"event month reaches past the range", Window{From: d("2024-11-10"), To: d("2024-11-20")}, met, true, true, Term{}},
		{"event month before the range", Window{From: d("2024-12-01")}, met, false, false, Term{}},
		{"event month after the range", Window{To: d("2024-10-31")}, met, false, false, Term{}},
		{"day event on the range's last day", Window{From: d("2024-11-01"), To: d("2024-11-29")}, metDay, true, false, Term{}},
		{"day event the day after the range", Window{To: d("2024-11-28")}, metDay, false, false, Term{}},
		{"At wins over From/To", Window{At: d("2024-11-29"), From: d("2020-01-01"), To: d("2020-01-02")}, metDay, true, false, Term{}},
	}
	for _, c := range cases {
		g, v := c.w.Apply(c.f)
		assert.Equal(t, c.in, v.In, c.name)
		assert.Equal(t, c.uncertain, v.Uncertain, c.name)
		assert.Equal(t, c.term, v.Term, c.name)
		assert.Equal(t, c.in, c.w.Holds(c.f), c.name)
		if v.In && !c.w.IsOpen() {
			assert.Empty(t, g.EarlierTerms, c.name)
			assert.Equal(t, v.Term.Start, g.Start, c.name)
			assert.Equal(t, v.Term.End, g.End, c.name)
		}
		if !v.In {
			assert.Equal(t, c.f, g, "%s: a fact not in force comes back unchanged", c.name)
		}
	}
}

func TestWindowEarlierTermShown(t *testing.T) {
	f := Fact{Predicate: Leads, Start: d("2025-01-20"), Ended: true, End: d("2026-01-01"), EndInferredFrom: "fact/x",
		EarlierTerms: []Term{{Start: d("2017-01-20"), End: d("2021-01-20")}}}
	g, v := Window{At: d("2019-01-01")}.Apply(f)
	require.True(t, v.In)
	assert.Equal(t, Fact{Predicate: Leads, Start: d("2017-01-20"), End: d("2021-01-20")}, g,
		"an earlier term is shown with its own bounds, not ended, no inferred end")
	g, _ = Window{}.Apply(f)
	assert.Equal(t, f, g, "an open window leaves the terms as they are")
}

func TestWindowAsKnown(t *testing.T) {
	rec := func(s string) time.Time { return d(s).Time().Add(15 * time.Hour) }
	f := Fact{ID: "fact/1", Predicate: Leads, Sources: []Source{
		{Article: "a", RecordedAt: rec("2024-06-01"), Claim: Claim{Start: d("2024"), Confidence: 0.6}},
		{Article: "b", RecordedAt: rec("2024-09-01"), Claim: Claim{Start: d("2024-03-04"), Confidence: 0.9}},
	}}
	f = Derive(f)
	require.Equal(t, d("2024-03-04"), f.Start)

	cases := []struct {
		name    string
		asKnown string
		known   bool
		start   Date
		in      bool
		unsure  bool
	}{
		{"before any source", "2024-05-31", false, Date{}, false, false},
		{"the first source's day counts to its end", "2024-06-01", true, d("2024"), true, true},
		{"only the first source", "2024-08-31", true, d("2024"), true, true},
		{"both sources", "2024-09-01", true, d("2024-03-04"), true, false},
	}
	for _, c := range cases {
		w := Window{At: d("2024-03-10"), AsKnown: d(c.asKnown)}
		assert.True(t, w.MayHold(f), "%s: any fact may hold as known", c.name)
		k, ok := w.Known(f)
		require.Equal(t, c.known, ok, c.name)
		if !ok {
			continue
		}
		assert.Equal(t, c.start, k.Start, c.name)
		_, v := w.Apply(k)
		assert.Equal(t, c.in, v.In, c.name)
		assert.Equal(t, c.unsure, v.Uncertain, c.name)
	}
	now := Window{At: d("2024-03-10")}
	k, ok := now.Known(f)
	assert.True(t, ok)
	assert.Equal(t, f, k, "without AsKnown a fact is as stored")
	assert.True(t, now.KnownCutoff().IsZero())
	assert.Equal(t, time.Date(2024, 6, 1, 23, 59, 59, 999999999, time.UTC), Window{AsKnown: d("2024-06-01")}.KnownCutoff())
	assert.False(t, Window{At: d("2023-01-01")}.MayHold(f), "without AsKnown only a fact in force may hold")
}

// TestWindowFormerOnlyBeforeReport: a term known only from "former" was in
// force at some time before its first report, so a window open to the past
// that reaches the report holds it, uncertainly; no other window does.
func TestWindowFormerOnlyBeforeReport(t *testing.T) {
	f := Fact{Subject: "person/mark-rutte", Predicate: Leads, Object: "country/netherlands", Role: "Prime Minister", Ended: true,
		Sources: []Source{{Article: "a", Published: DayOf(2025, 6, 26), Sentence: "Former Dutch prime minister Mark Rutte spoke.", Claim: Claim{Ended: true}}}}
	f = Derive(f)
	for _, c := range []struct {
		name       string
		w          Window
		in, unsure bool
	}{
		{"to after the report", Window{To: DayOf(2025, 8, 1)}, true, true},
		{"to before the report", Window{To: DayOf(2025, 1, 1)}, false, false},
		{"a closed range", Window{From: DayOf(2020, 1, 1), To: DayOf(2025, 8, 1)}, false, false},
		{"a day", Window{At: DayOf(2024, 9, 1)}, false, false},
	} {
		_, v := c.w.Apply(f)
		if v.In != c.in || v.In && v.Uncertain != c.unsure {
			t.Errorf("%s: in %v uncertain %v, want %v %v", c.name, v.In, v.Uncertain, c.in, c.unsure)
		}
	}
}

// TestWindowUnknownStartBeforeFirstReport: a term whose start nobody states
// is certainly in force only from its first report on; a window before
// that holds it uncertainly.
func TestWindowUnknownStartBeforeFirstReport(t *testing.T) {
	f := Derive(Fact{Subject: "person/donald-trump", Predicate: Leads, Object: "country/united-states", Role: "President",
		Sources: []Source{{Article: "a", Published: DayOf(2025, 3, 14), Sentence: "President Donald Trump spoke."}}})
	for _, c := range []struct {
		name   string
		w      Window
		unsure bool
	}{
		{"a day after the report", Window{At: DayOf(2025, 6, 1)}, false},
		{"a day before the report", Window{At: DayOf(2025, 3, 1)}, true},
		{"a range reaching the report", Window{From: DayOf(2025, 1, 1), To: DayOf(2025, 4, 1)}, false},
		{"a range before the report", Window{From: DayOf(2025, 1, 1), To: DayOf(2025, 2, 1)}, true},
		{"a range open to the future", Window{From: DayOf(2024, 1, 1)}, false},
	} {
		_, v := c.w.Apply(f)
		if !v.In || v.Uncertain != c.unsure {
			t.Errorf("%s: in %v uncertain %v, want in, uncertain %v", c.name, v.In, v.Uncertain, c.unsure)
		}
	}
}

// TestWindowStartAfter: a term whose unknown start is bounded below
// (StartAfter) is in no window that ends before the bound, and in force
// uncertainly from it up to its first report.
func TestWindowStartAfter(t *testing.T) {
	f := Derive(Fact{Subject: "person/c", Predicate: Leads, Object: "country/finland", Role: "President",
		Sources: []Source{{Article: "a", Published: DayOf(2022, 10, 8), Sentence: "Finnish President C met D."}}})
	f.StartAfter = DayOf(2018, 3, 1)
	for _, c := range []struct {
		name       string
		w          Window
		in, unsure bool
	}{
		{"a day before the bound", Window{At: DayOf(2018, 1, 5)}, false, false},
		{"the day before the bound", Window{At: DayOf(2018, 2, 28)}, false, false},
		{"the bound's day", Window{At: DayOf(2018, 3, 1)}, true, true},
		{"between the bound and the report", Window{At: DayOf(2021, 1, 14)}, true, true},
		{"after the report", Window{At: DayOf(2023, 1, 1)}, true, false},
		{"the bound's year", Window{At: YearOf(2018)}, true, true},
		{"a range ending before the bound", Window{From: DayOf(2017, 1, 1), To: DayOf(2018, 2, 28)}, false, false},
		{"a range open to the past, ending before the bound", Window{To: DayOf(2017, 12, 31)}, false, false},
		{"a range reaching past the bound", Window{From: DayOf(2017, 1, 1), To: DayOf(2019, 1, 1)}, true, true},
	} {
		_, v := c.w.Apply(f)
		if v.In != c.in || v.Uncertain != c.unsure {
			t.Errorf("%s: in %v uncertain %v, want in %v uncertain %v", c.name, v.In, v.Uncertain, c.in, c.unsure)
		}
	}
}
