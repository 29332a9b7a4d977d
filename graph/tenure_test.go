package graph

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// d parses a date of a test table.
func d(s string) Date {
	v, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

// claimed returns a source of article stating c.
func claimed(article string, c Claim) Source {
	if c.Confidence == 0 {
		c.Confidence = 0.7
	}
	return Source{Article: article, Sentence: "s " + article, Claim: c}
}

func TestDeriveBounds(t *testing.T) {
	cases := []struct {
		name   string
		claims []Source
		want   string
	}{
		{"one", []Source{claimed("a", Claim{Start: d("2024-10")})}, "2024-10"},
		{"most precise agreeing", []Source{claimed("a", Claim{Start: d("2024")}), claimed("b", Claim{Start: d("2024-10-01")}),
			claimed("c", Claim{Start: d("2024-10")})}, "2024-10-01"},
		{"unknown ignored", []Source{claimed("a", Claim{}), claimed("b", Claim{Start: d("2024-10")})}, "2024-10"},
		{"conflict: more articles win", []Source{claimed("a", Claim{Start: d("2024-10-01")}), claimed("b", Claim{Start: d("2024-10-01")}),
			claimed("c", Claim{Start: d("2024-10-03")})}, "2024-10-01"},
		{"conflict: agreeing coarse claims count", []Source{claimed("a", Claim{Start: d("2024-10-01")}), claimed("b", Claim{Start: d("2024-10-03")}),
			claimed("c", Claim{Start: d("2024-10")})}, "2024-10-01"},
		{"conflict: support beats precision", []Source{claimed("a", Claim{Start: d("2023")}), claimed("b", Claim{Start: d("2023")}),
			claimed("c", Claim{Start: d("2024-10-01")})}, "2023"},
		{"conflict: confidence breaks a tie", []Source{claimed("a", Claim{Start: d("2024-10-05"), Confidence: 0.5}),
			claimed("b", Claim{Start: d("2024-10-03"), Confidence: 0.9})}, "2024-10-03"},
		{"conflict: precision breaks a tie", []Source{claimed("a", Claim{Start: d("2023")}), claimed("b", Claim{Start: d("2024-10")})}, "2024-10"},
		{"conflict: earlier breaks the last tie", []Source{claimed("b", Claim{Start: d("2024-10-05")}), claimed("a", Claim{Start: d("2024-10-03")})}, "2024-10-03"},
		{"two sentences of one article count once", []Source{claimed("a", Claim{Start: d("2024-10-05")}),
			{Article: "a", Sentence: "other", Claim: Claim{Start: d("2024-10-05"), Confidence: 0.7}},
			claimed("b", Claim{Start: d("2024-10-03")})}, "2024-10-03"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Derive(Fact{Predicate: Leads, Sources: c.claims})
			assert.Equal(t, c.want, f.Start.String())
			// The order of the sources does not matter.
			rev := append([]Source(nil), c.claims...)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			assert.Equal(t, f.Start, Derive(Fact{Predicate: Leads, Sources: rev}).Start)
		})
	}

	f := Derive(Fact{Predicate: Met, Sources: []Source{
		claimed("a", Claim{Date: d("2024-11-29"), Location: "Palm Beach", Confidence: 0.6}),
		claimed("b", Claim{Date: d("2024-11"), Ended: true, Location: "Mar-a-Lago", Confidence: 0.9}),
		claimed("c", Claim{Location: "Palm Beach", Confidence: 0.5}),
	}})
	assert.Equal(t, "2024-11-29", f.Date.String())
	assert.Equal(t, "Palm Beach", f.Location, "most articles")
	assert.Equal(t, 0.9, f.Confidence)
	assert.True(t, f.Ended)
}

func TestMergeClaimCommutes(t *testing.T) {
	cs := []Claim{{Start: d("2024-10")}, {Start: d("2024-10-02"), Confidence: 0.4}, {Start: d("2024-10-01"), Ended: true, Location: "B"},
		{End: d("2025"), Location: "A", Confidence: 0.9}}
	for _, a := range cs {
		for _, b := range cs {
			assert.Equal(t, MergeClaim(a, b), MergeClaim(b, a))
		}
	}
	assert.Equal(t, "2024-10-01", MergeClaim(cs[1], cs[2]).Start.String())
}

func TestKnownAt(t *testing.T) {
	t1, t2 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)
	s1 := claimed("a", Claim{Start: d("2024")})
	s1.RecordedAt = t1
	s2 := claimed("b", Claim{Start: d("2024-10-01"), End: d("2025-01-20")})
	s2.RecordedAt = t2
	f := Derive(Fact{Predicate: Leads, Sources: []Source{s1, s2}})
	require.Equal(t, "2024-10-01", f.Start.String())

	_, ok := f.KnownAt(t1.Add(-time.Second))
	assert.False(t, ok, "not yet recorded")
	k, ok := f.KnownAt(t1)
	require.True(t, ok)
	assert.Equal(t, "2024", k.Start.String(), "bounds from the known claims only")
	assert.True(t, k.End.IsZero())
	assert.Len(t, k.Sources, 1)
	k, _ = f.KnownAt(t2)
	assert.Equal(t, "2025-01-20", k.End.String())
}

// term returns a state fact with its id and one source published on pub.
func term(subj, pred, obj, role, start, end string, ended bool, pub string) Fact {
	f := Fact{Subject: subj, Predicate: pred, Object: obj, Role: role, Start: d(start), End: d(end), Ended: ended,
		Sources: []Source{{Article: "x", Published: d(pub)}}}
	f.ComputeID()
	return f
}

// ends maps subject (or object, for targets) to "end<-from subject" after
// InferEnds, with " by" after an end that is only a bound (EndBy).
func ends(facts []Fact) map[string]string {
	byID := map[string]Fact{}
	for _, f := range facts {
		byID[f.ID] = f
	}
	out := map[string]string{}
	for _, f := range InferEnds(facts) {
		who := f.Subject
		if f.Predicate == HasTarget {
			who = f.Object
		}
		if f.Predicate == Succeeded {
			continue
		}
		v := f.End.String()
		if f.EndInferredFrom != "" {
			src := byID[f.EndInferredFrom]
			from := src.Subject
			if src.Predicate == HasTarget {
				from = src.Object
			}
			v += "<-" + from
			if src.Predicate == Succeeded {
				v += "(event)"
			}
		}
		if f.EndBy {
			v += " by"
		}
		out[who] = v
	}
	return out
}

// reported gives event f one source published on pub.
func reported(f Fact, pub string) Fact {
	f.Sources = []Source{{Article: "y", Published: d(pub)}}
	return f
}

func TestInferEnds(t *testing.T) {
	const japan, nato, fm, nsa = "country/japan", "organization/nato", "position/foreign-minister", "position/national-security-adviser"
	const usa = "country/united-states"
	succeeded := func(s, o, date string) Fact {
		f := Fact{Subject: s, Predicate: Succeeded, Object: o, Date: d(date)}
		f.ComputeID()
		return f
	}
	cases := []struct {
		name  string
		facts []Fact
		want  map[string]string
	}{
		{"new holder of a head role ends the open term", []Fact{
			term("kishida", Leads, japan, "Prime Minister", "2021-10-04", "", false, "2024-01-01"),
			term("ishiba", Leads, japan, "Prime Minister", "2024-10-01", "", false, "2024-10-01"),
			term("takaichi", Leads, japan, "Prime Minister", "2025-10-21", "", false, "2025-10-21"),
		}, map[string]string{"kishida": "2024-10-01<-ishiba", "ishiba": "2025-10-21<-takaichi", "takaichi": ""}},
		{"a stated end is kept", []Fact{
			term("kishida", Leads, japan, "Prime Minister", "2021-10-04", "2024-09-30", true, "2024-01-01"),
			term("ishiba", Leads, japan, "Prime Minister", "2024-10-01", "", false, "2024-10-01"),
		}, map[string]string{"kishida": "2024-09-30", "ishiba": ""}},
		{"other roles do not compete", []Fact{
			term("naruhito", Leads, japan, "Emperor", "2019-05-01", "", false, "2024-01-01"),
			term("ishiba", Leads, japan, "Prime Minister", "2024-10-01", "", false, "2024-10-01"),
		}, map[string]string{"naruhito": "", "ishiba": ""}},
		{"former holder with unknown start ends where the holder in office when reported began", []Fact{
			term("rasmussen", Leads, nato, "Secretary General", "2009-08-01", "", false, "2010-01-01"),
			term("stoltenberg", Leads, nato, "Secretary General", "", "", true, "2025-02-04"),
			term("rutte", Leads, nato, "Secretary General", "2024-10", "", false, "2024-10-03"),
		}, map[string]string{"rasmussen": "2024-10<-rutte", "stoltenberg": "2024-10<-rutte", "rutte": ""}},
		{"current holder with unknown start ends at the next start after the report", []Fact{
			term("stoltenberg", Leads, nato, "Secretary General", "", "", false, "2020-05-01"),
			term("rasmussen", Leads, nato, "Secretary General", "2009-08-01", "2014-10-01", false, "2010-01-01"),
			term("rutte", Leads, nato, "Secretary General", "2024-10", "", false, "2024-10-03"),
		}, map[string]string{"stoltenberg": "2024-10<-rutte", "rasmussen": "2014-10-01", "rutte": ""}},
		{"shared offices are never closed by a new holder", []Fact{
			term("hayashi", HoldsPosition, fm, "", "2021-11-10", "", false, "2022-01-01"),
			term("haavisto", HoldsPosition, fm, "", "2023-01-01", "", false, "2023-01-01"),
		}, map[string]string{"hayashi": "", "haavisto": ""}},
		{"a single-holder office is", []Fact{
			term("sullivan", HoldsPosition, nsa, "", "2021-01-20", "", false, "2022-01-01"),
			term("waltz", HoldsPosition, nsa, "", "2025-01-20", "", false, "2025-01-20"),
		}, map[string]string{"sullivan": "2025-01-20<-waltz", "waltz": ""}},
		{"an explicit succession closes a shared office", []Fact{
			term("hayashi", HoldsPosition, fm, "", "2021-11-10", "", false, "2022-01-01"),
			term("kamikawa", HoldsPosition, fm, "", "2023-09-13", "", false, "2023-09-13"),
			term("haavisto", HoldsPosition, fm, "", "2023-01-01", "", false, "2023-01-01"),
			succeeded("kamikawa", "hayashi", "2023-09-13"),
		}, map[string]string{"hayashi": "2023-09-13<-kamikawa", "kamikawa": "", "haavisto": ""}},
		{"a succession without the successor's start uses the event's date", []Fact{
			term("hayashi", HoldsPosition, fm, "", "2021-11-10", "", false, "2022-01-01"),
			term("kamikawa", HoldsPosition, fm, "", "", "", false, "2023-09-13"),
			succeeded("kamikawa", "hayashi", "2023-09-13"),
		}, map[string]string{"hayashi": "2023-09-13<-kamikawa(event)", "kamikawa": ""}},
		{"an undated succession whose successor's start is unknown ends the term by its report", []Fact{
			term("vidmar", Leads, "country/slovenia", "Prime Minister", "2019-06-14", "", false, "2026-03-12"),
			term("horvat", Leads, "country/slovenia", "Prime Minister", "", "", false, "2026-03-12"),
			reported(succeeded("horvat", "vidmar", ""), "2026-03-12"),
		}, map[string]string{"vidmar": "2026-03-12<-horvat(event) by", "horvat": ""}},
		{"of a bound and an exact end of two successions, the earlier", []Fact{
			term("hayashi", HoldsPosition, fm, "", "2021-11-10", "", false, "2022-01-01"),
			term("kamikawa", HoldsPosition, fm, "", "", "", false, "2023-09-13"),
			term("iwaya", HoldsPosition, fm, "", "2024-10-01", "", false, "2024-10-01"),
			reported(succeeded("kamikawa", "hayashi", ""), "2023-09-20"),
			succeeded("iwaya", "hayashi", "2024-10-01"),
		}, map[string]string{"hayashi": "2023-09-20<-kamikawa(event) by", "kamikawa": "", "iwaya": ""}},
		{"of a bound and an exact end on one day, the exact", []Fact{
			term("hayashi", HoldsPosition, fm, "", "2021-11-10", "", false, "2022-01-01"),
			term("kamikawa", HoldsPosition, fm, "", "", "", false, "2023-09-13"),
			term("iwaya", HoldsPosition, fm, "", "2023-09-20", "", false, "2023-09-20"),
			reported(succeeded("kamikawa", "hayashi", ""), "2023-09-20"),
			succeeded("iwaya", "hayashi", "2023-09-20"),
		}, map[string]string{"hayashi": "2023-09-20<-iwaya", "kamikawa": "", "iwaya": ""}},
		{"an undated succession names no end when the successor holds no term in the group", []Fact{
			term("hayashi", HoldsPosition, fm, "", "2021-11-10", "", false, "2022-01-01"),
			reported(succeeded("kamikawa", "hayashi", ""), "2023-09-20"),
		}, map[string]string{"hayashi": ""}},
		{"a new target replaces the old one of its kind", []Fact{
			term("organization/nato", HasTarget, "value/2pct-of-gdp", "", "2014-09", "", false, "2015-01-01"),
			term("organization/nato", HasTarget, "value/5pct-of-gdp", "", "2025-06-25", "", false, "2025-06-25"),
		}, map[string]string{"value/2pct-of-gdp": "2025-06-25<-value/5pct-of-gdp", "value/5pct-of-gdp": ""}},
		{"membership is never closed", []Fact{
			term("country/finland", MemberOf, nato, "", "2023-04-04", "", false, "2023-04-04"),
			term("country/sweden", MemberOf, nato, "", "2024-03-07", "", false, "2024-03-07"),
		}, map[string]string{"country/finland": "", "country/sweden": ""}},
		{"a holder first reported after every report of an undated one ends it", []Fact{
			term("biden", Leads, usa, "President", "", "", false, "2024-07-05"),
			term("trump", Leads, usa, "President", "", "", false, "2025-03-14"),
		}, map[string]string{"biden": "2025-03-14<-trump by", "trump": ""}},
		{"a later report ends a term with a known start too", []Fact{
			term("kishida", Leads, japan, "Prime Minister", "2021-10-04", "", false, "2023-01-01"),
			term("ishiba", Leads, japan, "Prime Minister", "", "", false, "2024-11-01"),
		}, map[string]string{"kishida": "2024-11-01<-ishiba by", "ishiba": ""}},
		{"a successor's start before the later report wins", []Fact{
			term("biden", Leads, usa, "President", "", "", false, "2024-07-05"),
			term("trump", Leads, usa, "President", "", "", false, "2025-03-14"),
			term("vance", Leads, usa, "President", "2025-01-20", "", false, "2025-01-20"),
		}, map[string]string{"biden": "2025-01-20<-vance", "trump": "", "vance": "2025-03-14<-trump by"}},
		{"a successor's start on the day of the later report: the exact end", []Fact{
			term("biden", Leads, usa, "President", "", "", false, "2024-07-05"),
			term("trump", Leads, usa, "President", "", "", false, "2025-03-14"),
			term("vance", Leads, usa, "President", "2025-03-14", "", false, "2025-03-20"),
		}, map[string]string{"biden": "2025-03-14<-vance", "trump": "", "vance": ""}},
		{"a former holder's report ends nobody", []Fact{
			term("biden", Leads, usa, "President", "", "", false, "2024-07-05"),
			term("obama", Leads, usa, "President", "", "", true, "2025-03-14"),
		}, map[string]string{"biden": "", "obama": ""}},
		{"a shared role is not ended by a report", []Fact{
			term("a", Leads, usa, "Deputy Secretary", "", "", false, "2024-07-05"),
			term("b", Leads, usa, "Deputy Secretary", "", "", false, "2025-03-14"),
		}, map[string]string{"a": "", "b": ""}},
		{"same start: nothing to infer", []Fact{
			term("a", Leads, japan, "Prime Minister", "2024-10", "", false, "2024-10-01"),
			term("b", Leads, japan, "Prime Minister", "2024-10", "", false, "2024-10-01"),
		}, map[string]string{"a": "", "b": ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, ends(c.facts))
			// Input order does not matter, and inferring again changes nothing.
			rev := append([]Fact(nil), c.facts...)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			assert.Equal(t, c.want, ends(rev))
			assert.Equal(t, c.want, ends(InferEnds(c.facts)))
		})
	}
}

func TestSingleHolder(t *testing.T) {
	for _, c := range []struct {
		f    Fact
		want bool
	}{
		{Fact{Predicate: Leads, Role: "Prime Minister"}, true},
		{Fact{Predicate: Leads, Role: "Deputy Leader"}, false},
		{Fact{Predicate: Leads, Role: "Co-Chair"}, false},
		{Fact{Predicate: Leads}, false},
		{Fact{Predicate: HoldsPosition, Object: "position/national-security-adviser"}, true},
		{Fact{Predicate: HoldsPosition, Object: "position/prime-minister-of-norway"}, true},
		{Fact{Predicate: HoldsPosition, Object: "position/minister-of-finance"}, false},
		{Fact{Predicate: HoldsPosition, Object: "position/vice-president"}, false},
		{Fact{Predicate: MemberOf}, false},
		{Fact{Predicate: HasTarget}, true},
	} {
		assert.Equal(t, c.want, IsSingleHolder(&c.f), "%+v", c.f)
	}
}

func TestSupersedes(t *testing.T) {
	pm := func(subj, start string) Fact {
		return Fact{Subject: subj, Predicate: Leads, Object: "country/japan", Role: "Prime Minister", Start: d(start)}
	}
	pub := func(f Fact, on string) Fact {
		f.Sources = []Source{{Article: "x", Published: d(on)}}
		return f
	}
	deputy := func(subj, start string) Fact {
		f := pm(subj, start)
		f.Role = "Deputy Prime Minister"
		return f
	}
	cases := []struct {
		name string
		g, f Fact
		at   string
		want bool
	}{
		{"a later holder who started by the day", pm("b", "2024-10-01"), pm("a", "2021-10-04"), "2024-12-01", true},
		{"on the successor's first day", pm("b", "2024-10-01"), pm("a", "2021-10-04"), "2024-10-01", true},
		{"the successor had not started yet", pm("b", "2024-10-01"), pm("a", "2021-10-04"), "2024-09-30", false},
		{"an earlier holder does not supersede", pm("a", "2021-10-04"), pm("b", "2024-10-01"), "2025-01-01", false},
		{"an unknown start is superseded by any starter", pm("b", "2024-10-01"), pm("a", ""), "2025-01-01", true},
		{"a successor with an unknown start supersedes nobody", pm("b", ""), pm("a", "2021-10-04"), "2025-01-01", false},
		{"the same holder", pm("a", "2024-10-01"), pm("a", "2021-10-04"), "2025-01-01", false},
		{"reported in office after every report of an undated holder", pub(pm("b", ""), "2025-03-14"), pub(pm("a", ""), "2024-07-05"), "2025-06-01", true},
		{"on the day of that report", pub(pm("b", ""), "2025-03-14"), pub(pm("a", ""), "2024-07-05"), "2025-03-14", true},
		{"before that report", pub(pm("b", ""), "2025-03-14"), pub(pm("a", ""), "2024-07-05"), "2025-03-13", false},
		{"reported before the other", pub(pm("b", ""), "2024-07-05"), pub(pm("a", ""), "2025-03-14"), "2025-06-01", false},
		{"another role is another group", deputy("b", "2024-10-01"), pm("a", "2021-10-04"), "2025-01-01", false},
		{"a shared role is never superseded", deputy("b", "2024-10-01"), deputy("a", "2021-10-04"), "2025-01-01", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, Supersedes(&c.g, &c.f, d(c.at)), c.name)
	}
}

func TestGroupAnchor(t *testing.T) {
	for _, c := range []struct {
		f       Fact
		id      string
		subject bool
	}{
		{Fact{Subject: "person/a", Predicate: Leads, Object: "country/japan"}, "country/japan", false},
		{Fact{Subject: "person/a", Predicate: HoldsPosition, Object: "position/nsa"}, "position/nsa", false},
		{Fact{Subject: "organization/nato", Predicate: HasTarget, Object: "value/2-pct-of-gdp"}, "organization/nato", true},
	} {
		id, subject := GroupAnchor(&c.f)
		assert.Equal(t, c.id, id, c.f.Predicate)
		assert.Equal(t, c.subject, subject, c.f.Predicate)
	}
}

// TestInferStartAfter: a term whose start is unknown and that its sources
// present as current began no earlier than the latest start of another
// holder of its single-holder place before its first report.
func TestInferStartAfter(t *testing.T) {
	const fin, fm = "country/finland", "position/foreign-minister"
	// over makes the source of f state its end: it reports f as over.
	over := func(f Fact) Fact {
		f.Sources[0].End = f.End
		return f
	}
	cases := []struct {
		name  string
		facts []Fact
		want  map[string]string // subject → StartAfter
	}{
		{"another holder's latest report as current before the first report", []Fact{
			term("a", Leads, fin, "President", "2012-03-01", "", false, "2013-01-01"),
			term("b", Leads, fin, "President", "2018-03-01", "", false, "2019-01-01"),
			term("c", Leads, fin, "President", "", "", false, "2022-10-08"),
		}, map[string]string{"a": "", "b": "", "c": "2019-01-01"}},
		{"the latest start before the first report", []Fact{
			term("a", Leads, fin, "President", "2012-03-01", "", false, "2013-01-01"),
			over(term("b", Leads, fin, "President", "2018-03-01", "2020-03-01", false, "2020-04-01")),
			term("c", Leads, fin, "President", "", "", false, "2022-10-08"),
		}, map[string]string{"a": "", "b": "", "c": "2018-03-01"}},
		{"a report after the first report bounds nothing", []Fact{
			term("b", Leads, fin, "President", "2018-03-01", "2020-03-01", false, "2023-04-01"),
			term("c", Leads, fin, "President", "", "", false, "2022-10-08"),
		}, map[string]string{"b": "", "c": "2018-03-01"}},
		{"a start after the first report bounds nothing", []Fact{
			term("c", Leads, fin, "President", "", "", false, "2022-10-08"),
			term("d", Leads, fin, "President", "2024-03-01", "", false, "2024-03-02"),
		}, map[string]string{"c": "", "d": ""}},
		{"a coarse start bounds from its first day", []Fact{
			term("b", Leads, fin, "President", "2018", "", true, "2022-11-01"),
			term("c", Leads, fin, "President", "", "", false, "2022-10-08"),
		}, map[string]string{"b": "", "c": "2018"}},
		{"a term called over is not bounded", []Fact{
			term("b", Leads, fin, "President", "2018-03-01", "", false, "2019-01-01"),
			term("c", Leads, fin, "President", "", "", true, "2022-10-08"),
		}, map[string]string{"b": "", "c": ""}},
		{"other roles do not bound", []Fact{
			term("b", Leads, fin, "Prime Minister", "2018-03-01", "", false, "2019-01-01"),
			term("c", Leads, fin, "President", "", "", false, "2022-10-08"),
		}, map[string]string{"b": "", "c": ""}},
		{"shared offices do not bound", []Fact{
			term("b", HoldsPosition, fm, "", "2018-03-01", "", false, "2019-01-01"),
			term("c", HoldsPosition, fm, "", "", "", false, "2022-10-08"),
		}, map[string]string{"b": "", "c": ""}},
	}
	for _, c := range cases {
		got := map[string]string{}
		for _, f := range InferEnds(c.facts) {
			got[f.Subject] = f.StartAfter.String()
		}
		for k, v := range c.want {
			if got[k] != v {
				t.Errorf("%s: %s starts after %q, want %q", c.name, k, got[k], v)
			}
		}
	}
	// Inferring again, or deriving from the sources, clears the bound.
	facts := InferEnds(cases[0].facts)
	if again := InferEnds(facts); again[2].StartAfter != facts[2].StartAfter {
		t.Errorf("inferring twice: %v, then %v", facts[2].StartAfter, again[2].StartAfter)
	}
	if f := Derive(facts[2]); !f.StartAfter.IsZero() {
		t.Errorf("Derive kept the inferred bound %v", f.StartAfter)
	}
}
