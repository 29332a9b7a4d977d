package queries

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// officesWorld is a second ask fixture: nominations and appointments,
// meetings with their places, the Dutch premiers, and the foreign
// ministers of two countries besides an office stored with no country.
func officesStore(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, "memory", store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	var (
		trump    = ent(graph.Person, "Donald Trump", "Trump")
		rutte    = ent(graph.Person, "Mark Rutte", "Rutte")
		waltz    = ent(graph.Person, "Michael Waltz", "Waltz")
		rubio    = ent(graph.Person, "Marco Rubio", "Rubio")
		hegseth  = ent(graph.Person, "Pete Hegseth", "Hegseth")
		zel      = ent(graph.Person, "Volodymyr Zelensky", "Zelensky")
		balk     = ent(graph.Person, "Jan Peter Balkenende", "Balkenende")
		schoof   = ent(graph.Person, "Dick Schoof", "Schoof")
		lammy    = ent(graph.Person, "David Lammy", "Lammy")
		cooper   = ent(graph.Person, "Yvette Cooper", "Cooper")
		wang     = ent(graph.Person, "Wang Yi")
		lavrov   = ent(graph.Person, "Sergey Lavrov", "Lavrov")
		nl       = ent(graph.Country, "Netherlands", "Holland")
		nsa      = ent(graph.Position, "National Security Adviser")
		sos      = ent(graph.Position, "Secretary of State")
		defense  = ent(graph.Position, "Secretary of Defense")
		fmUK     = ent(graph.Position, "Foreign Minister of the United Kingdom")
		fmChina  = ent(graph.Position, "Foreign Minister of China")
		fmBare   = ent(graph.Position, "Foreign Minister")
		entities = []graph.Entity{trump, rutte, waltz, rubio, hegseth, zel, balk, schoof, lammy, cooper, wang, lavrov,
			nl, nsa, sos, defense, fmUK, fmChina, fmBare}
	)
	at := func(f graph.Fact, place string) graph.Fact { f.Location = place; return f }
	articles := []struct {
		id, published string
		facts         []graph.Fact
	}{
		{"picks", "2024-11-23", []graph.Fact{
			event(rubio, graph.NominatedAs, sos, "2024-11-13", "Trump nominated Marco Rubio as secretary of state on Wednesday."),
			event(waltz, graph.NominatedAs, nsa, "2024-11-22", "Trump picked Michael Waltz as his national security adviser."),
			event(hegseth, graph.NominatedAs, defense, "2024-11-12", "Senators questioned Pete Hegseth, nominated for defense secretary."),
		}},
		{"nsa", "2025-05-02", []graph.Fact{
			state(waltz, graph.HoldsPosition, nsa, "", "2025-01-20", "2025-05-01", "Trump appointed Michael Waltz national security adviser in January."),
			state(rubio, graph.HoldsPosition, nsa, "", "2025-05-01", "", "Trump named Marco Rubio interim national security adviser on Thursday."),
		}},
		{"meetings", "2025-10-23", []graph.Fact{
			at(event(trump, graph.Met, rutte, "2024-11-29", "Trump met Rutte at his Florida resort."), "Palm Beach"),
			at(event(trump, graph.Met, rutte, "2025-06-24", "Trump met Rutte at the summit."), "The Hague"),
			event(rutte, graph.Met, trump, "2025-10-22", "Rutte met Trump on Wednesday."),
			at(event(trump, graph.Met, zel, "2025-02-28", "Trump met Zelensky in the Oval Office."), "White House"),
		}},
		{"dutch", "2024-07-02", []graph.Fact{
			state(balk, graph.Leads, nl, "Prime Minister", "2002-07-22", "2010-10-14", "Balkenende was prime minister from 2002 to 2010."),
			state(rutte, graph.Leads, nl, "Prime Minister", "2010-10-14", "2024-07-02", "Rutte led the Netherlands from 2010."),
			state(schoof, graph.Leads, nl, "Prime Minister", "2024-07-02", "", "Dick Schoof was sworn in as prime minister on Tuesday."),
		}},
		{"foreign", "2025-09-06", []graph.Fact{
			state(lammy, graph.HoldsPosition, fmUK, "", "2024-07-05", "2025-09-05", "David Lammy, the British foreign secretary, met Wang Yi."),
			state(cooper, graph.HoldsPosition, fmUK, "", "2025-09-05", "", "Yvette Cooper was appointed foreign secretary on Friday."),
			state(wang, graph.HoldsPosition, fmChina, "", "2023-07-25", "", "Chinese Foreign Minister Wang Yi met Lammy."),
			state(lavrov, graph.HoldsPosition, fmBare, "", "2004-03-09", "", "Foreign Minister Sergey Lavrov spoke to reporters."),
		}},
	}
	for i, a := range articles {
		b := graph.Batch{Article: graph.Article{ID: a.id, Published: day(a.published), Hash: "h" + a.id, Title: a.id}, Entities: entities}
		for _, f := range a.facts {
			f.Sources[0].Article = a.id
			f.Sources[0].Claim = graph.ClaimOf(&f)
			f.ComputeID()
			b.Facts = append(b.Facts, f)
		}
		_, err := s.Write(ctx, b, time.Date(2026, 1, 1, 0, i, 0, 0, time.UTC))
		require.NoError(t, err)
	}
	return s
}

// TestAskForms reads each question to its form and checks its answers
// on the offices fixture.
func TestAskForms(t *testing.T) {
	e := New(officesStore(t))
	ctx := context.Background()
	cases := []struct {
		q      string
		today  string // "" is askToday
		form   Form
		interp string
		want   []string
		dates  []string // the answers' Date, when checked
		notes  string
	}{
		// nominations
		{q: "who was nominated as national security adviser?", form: FormNominated, interp: "nominations to National Security Adviser",
			want: []string{"Michael Waltz"}, dates: []string{"2024-11-22"}},
		{q: "who did Trump nominate?", form: FormNominated, interp: "nominations whose sources name Donald Trump",
			want: []string{"Marco Rubio as Secretary of State", "Michael Waltz as National Security Adviser"}},
		{q: "who was nominated?", form: FormNominated,
			want: []string{"Pete Hegseth as Secretary of Defense", "Marco Rubio as Secretary of State", "Michael Waltz as National Security Adviser"}},
		{q: "who was nominated for defense secretary in November 2024", form: FormNominated, interp: "during 2024-11", want: []string{"Pete Hegseth"}},
		{q: "who was Trump's pick for secretary of state?", form: FormNominated, want: []string{"Marco Rubio"}},
		{q: "who did Trump nominate in December 2024?", form: FormNominated, want: []string{}},
		// appointments
		{q: "who was appointed national security adviser?", form: FormAppointed, interp: "appointments (starts of terms) to National Security Adviser",
			want: []string{"Michael Waltz", "Marco Rubio"}, dates: []string{"2025-01-20", "2025-05-01"}},
		{q: "who did Trump appoint?", form: FormAppointed, interp: "whose sources name Donald Trump",
			want: []string{"Michael Waltz as National Security Adviser", "Marco Rubio as National Security Adviser"}},
		{q: "who was named national security adviser in 2025", form: FormAppointed, want: []string{"Michael Waltz", "Marco Rubio"}},
		// a past question with no date: the former holders, latest first
		{q: "who was the prime minister of the Netherlands?", form: FormHolders, interp: "former holders of Prime Minister of Netherlands before 2026-01-15 (most recent first)",
			want: []string{"Mark Rutte", "Jan Peter Balkenende"}},
		{q: "who led the Netherlands", form: FormHolders, interp: "former leaders of Netherlands", want: []string{"Mark Rutte", "Jan Peter Balkenende"}},
		{q: "who was the prime minister of the Netherlands?", today: "2012-01-01", form: FormHolders, want: []string{"Jan Peter Balkenende"}},
		{q: "who is the prime minister of the Netherlands?", form: FormHolders, want: []string{"Dick Schoof"}},
		{q: "who was the prime minister of the Netherlands in 2020", form: FormHolders, want: []string{"Mark Rutte"}},
		{q: "who was national security adviser?", form: FormPositionHolders, interp: "former holders of National Security Adviser", want: []string{"Michael Waltz"}},
		// where / when
		{q: "where did Trump meet Rutte?", form: FormWhere, interp: "places where Donald Trump met Mark Rutte",
			want: []string{"Palm Beach", "The Hague"}, dates: []string{"2024-11-29", "2025-06-24"}, notes: "1 more with no place stated (2025-10-22)"},
		{q: "where did Trump and Rutte meet in 2025?", form: FormWhere, want: []string{"The Hague"}},
		{q: "where did Zelensky meet Trump", form: FormWhere, want: []string{"White House"}},
		{q: "when did Trump meet Rutte?", form: FormWhen, interp: "dates when Donald Trump met Mark Rutte",
			want:  []string{"Donald Trump met Mark Rutte in Palm Beach", "Donald Trump met Mark Rutte in The Hague", "Mark Rutte met Donald Trump"},
			dates: []string{"2024-11-29", "2025-06-24", "2025-10-22"}},
		// an office of a country, however the country is named, and never
		// another country's (or a country-less) office
		{q: "who is the foreign minister of the United Kingdom?", today: "2025-06-01", form: FormHolders,
			interp: "holders of Foreign Minister of the United Kingdom at 2025-06-01", want: []string{"David Lammy"}},
		{q: "who is Britain's foreign secretary?", today: "2025-06-01", form: FormHolders, want: []string{"David Lammy"}},
		{q: "who is the UK foreign minister?", today: "2025-06-01", form: FormPositionHolders, want: []string{"David Lammy"}},
		{q: "who is the British foreign secretary now", form: FormPositionHolders, want: []string{"Yvette Cooper"}},
		{q: "who is China's foreign minister?", form: FormHolders, want: []string{"Wang Yi"}},
		{q: "who is the Chinese foreign minister?", form: FormPositionHolders, want: []string{"Wang Yi"}},
		{q: "who is the foreign minister of France?", form: FormHolders, interp: "holders of Foreign Minister of France", want: []string{}},
		{q: "who was the foreign minister of the UK in 2024", form: FormHolders, want: []string{"David Lammy"}},
	}
	for _, c := range cases {
		t.Run(c.q+" "+c.today, func(t *testing.T) {
			today := askToday
			if c.today != "" {
				today = day(c.today)
			}
			r, err := e.Ask(ctx, AskQuery{Question: c.q, Today: today})
			require.NoError(t, err)
			require.Equal(t, c.form, r.Parsed.Form)
			require.Contains(t, r.Interpretation, c.interp)
			require.Equal(t, c.want, answerNames(r.Answers))
			if c.dates != nil {
				var got []string
				for _, a := range r.Answers {
					got = append(got, a.Date.String())
				}
				require.Equal(t, c.dates, got)
			}
			if c.notes != "" {
				require.Contains(t, r.Notes, c.notes)
			}
			for _, a := range r.Answers {
				require.NotEmpty(t, a.Facts, "every answer is sourced")
			}
		})
	}
}

// TestAskImpossibleDate checks that a day no calendar has is an error
// naming it, not part of a name.
func TestAskImpossibleDate(t *testing.T) {
	e := New(officesStore(t))
	for q, bad := range map[string]string{
		"who led the Netherlands on 31 February 2024?":     `"31 February 2024"`,
		"who led the Netherlands on February 30, 2023":     `"February 30, 2023"`,
		"who led the Netherlands on 2024-02-30":            `"2024-02-30"`,
		"who led the Netherlands on 2024-13-01":            `"2024-13-01"`,
		"who did Trump meet between 31 April and May 2025": `"31 April"`,
	} {
		_, err := e.Ask(context.Background(), AskQuery{Question: q, Today: askToday})
		require.ErrorIs(t, err, ErrInvalidDate, q)
		require.ErrorContains(t, err, bad, q)
	}
	r, err := e.Ask(context.Background(), AskQuery{Question: "who led the Netherlands on 29 February 2024?", Today: askToday})
	require.NoError(t, err, "a leap day")
	require.Equal(t, []string{"Mark Rutte"}, answerNames(r.Answers))
}
