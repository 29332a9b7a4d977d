package queries

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

func answerNames(as []AskAnswer) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func TestParseDates(t *testing.T) {
	cases := []struct {
		q               string
		at, from, to    string
		now             bool
		form            Form
		subject, object string
	}{
		{q: "who led NATO on 1 June 2024?", at: "2024-06-01", form: FormHolders, object: "NATO"},
		{q: "who led NATO in June 2024?", from: "2024-06", to: "2024-06", form: FormHolders, object: "NATO"},
		{q: "who led NATO on 2024-06-01", at: "2024-06-01", form: FormHolders, object: "NATO"},
		{q: "who led NATO 2024-06-01", at: "2024-06-01", form: FormHolders, object: "NATO"},
		{q: "who led Japan in 2023?", from: "2023", to: "2023", form: FormHolders, object: "Japan"},
		{q: "who leads NATO now?", at: "2026-01-15", now: true, form: FormHolders, object: "NATO"},
		{q: "who currently leads the alliance", at: "2026-01-15", now: true, form: FormHolders, object: "alliance"},
		{q: "who leads NATO", form: FormHolders, object: "NATO"},
		{q: "who did Trump meet between March and May 2025?", from: "2025-03", to: "2025-05", form: FormInteractions, subject: "Trump"},
		{q: "who did Trump meet between 1 March 2025 and 2025-05-31", from: "2025-03-01", to: "2025-05-31", form: FormInteractions, subject: "Trump"},
		{q: "who did Trump meet from January to March 2025", from: "2025-01", to: "2025-03", form: FormInteractions, subject: "Trump"},
		{q: "who did Trump meet last month", from: "2025-12", to: "2025-12", form: FormInteractions, subject: "Trump"},
		{q: "who did Trump meet since 2025", from: "2025", form: FormInteractions, subject: "Trump"},
		{q: "who was the prime minister in Japan", form: FormPositionHolders, object: "prime minister in Japan"},
		{q: "what is the connection between Trump and Rutte", form: FormPath, subject: "Trump", object: "Rutte"},
		{q: "who was president of the United States as of 1 December 2024", at: "2024-12-01", form: FormHolders, object: "United States"},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			p, err := ParseQuestion(c.q, askToday)
			require.NoError(t, err)
			require.Equal(t, c.form, p.Form)
			require.Equal(t, c.at, p.Time.At.String(), "at")
			require.Equal(t, c.from, p.Time.From.String(), "from")
			require.Equal(t, c.to, p.Time.To.String(), "to")
			require.Equal(t, c.now, p.Time.Now, "now")
			require.Equal(t, c.subject, p.Subject, "subject")
			require.Equal(t, c.object, p.Object, "object")
		})
	}
}

func TestParseUnreadable(t *testing.T) {
	for _, q := range []string{"tell me a joke", "purple monkey dishwasher", "", "why did NATO expand?", "who"} {
		_, err := ParseQuestion(q, askToday)
		var pe *ParseError
		require.ErrorAs(t, err, &pe, q)
		require.ErrorIs(t, err, ErrNotUnderstood)
		require.Len(t, pe.Suggestions, 3)
	}
	_, err := ParseQuestion("who NATO led in 2024", askToday)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	require.Contains(t, pe.Suggestions[0]+pe.Suggestions[1]+pe.Suggestions[2], "who led NATO", "closest forms share words")
}

func TestAsk(t *testing.T) {
	e := New(askStore(t))
	ctx := context.Background()
	cases := []struct {
		q      string
		interp string
		want   []string
		notes  string
		check  func(t *testing.T, r AskResult)
	}{
		// who leads / led / was the ROLE of ORG [on DATE]
		{q: "who led NATO in June 2024?", interp: "leaders of NATO during 2024-06", want: []string{"Jens Stoltenberg"}},
		{q: "who leads NATO?", interp: "leaders of NATO at 2026-01-15", want: []string{"Mark Rutte"}},
		{q: "who was the Secretary General of NATO on 1 June 2024?", interp: "holders of Secretary General of NATO at 2024-06-01", want: []string{"Jens Stoltenberg"}},
		{q: "who was the secretary general of the alliance on 2024-10-01", want: []string{"Mark Rutte"}},
		{q: "who was president of the U.S. on 2024-12-01", interp: "holders of President of United States at 2024-12-01", want: []string{"Joe Biden"}},
		{q: "who is Japan's prime minister now?", interp: "holders of Prime Minister of Japan at 2026-01-15", want: []string{"Sanae Takaichi"}},
		{q: "who was prime minister of Japan in 2024", interp: "during 2024", want: []string{"Fumio Kishida", "Shigeru Ishiba"}},
		{q: "who led Japan between March and May 2025", interp: "leaders of Japan between 2025-03 and 2025-05", want: []string{"Shigeru Ishiba"}},
		{q: "who was the leader of Britain in 2020", want: []string{"Boris Johnson"}},
		{q: "who was NATO secretary general in 2020", interp: "holders of Secretary General of NATO during 2020", want: []string{"Jens Stoltenberg"}},
		{q: "who was the president of Atlantis in 2020", check: func(t *testing.T, r AskResult) {}},
		// who held / was POSITION [on DATE]
		{q: "who held National Security Adviser in March 2025?", interp: "holders of National Security Adviser during 2025-03", want: []string{"Michael Waltz"},
			check: func(t *testing.T, r AskResult) {
				require.Equal(t, "2025-01-20", r.Answers[0].Start.String())
				require.Equal(t, "2025-05-01", r.Answers[0].End.String())
			}},
		{q: "who was the national security adviser on 1 June 2025", want: []string{}},
		{q: "who was the finance minister of Norway in February 2025", want: []string{"Jens Stoltenberg"}},
		// what positions has PERSON held
		{q: "what positions has Jens Stoltenberg held?", interp: "positions held by Jens Stoltenberg",
			want: []string{"Prime Minister of Norway", "Secretary General of NATO", "Finance Minister of Norway"}},
		{q: "what positions has Waltz held", want: []string{"National Security Adviser"}},
		// when did PERSON become / stop being ROLE
		{q: "when did Mark Rutte become Secretary General of NATO?", interp: "start of Mark Rutte as Secretary General of NATO", want: []string{"Secretary General of NATO"},
			check: func(t *testing.T, r AskResult) { require.Equal(t, "2024-10-01", r.Answers[0].Date.String()) }},
		{q: "when did Stoltenberg stop being NATO secretary general", interp: "end of Jens Stoltenberg", want: []string{"Secretary General of NATO"},
			check: func(t *testing.T, r AskResult) { require.Equal(t, "2024-10-01", r.Answers[0].Date.String()) }},
		{q: "when did Stoltenburg become Norway's finance minister", notes: `read "Stoltenburg" as Jens Stoltenberg`, want: []string{"Finance Minister of Norway"},
			check: func(t *testing.T, r AskResult) { require.Equal(t, "2025-02-04", r.Answers[0].Date.String()) }},
		{q: "when did Waltz stop being national security adviser", want: []string{"National Security Adviser"},
			check: func(t *testing.T, r AskResult) { require.Equal(t, "2025-05-01", r.Answers[0].Date.String()) }},
		// who did X meet / speak with / sanction / threaten / criticize
		{q: "who did Trump meet in February 2025?", interp: "whom Donald Trump met during 2025-02",
			want: []string{"Shigeru Ishiba", "Narendra Modi", "Volodymyr Zelensky"}},
		{q: "who did Donald Trump meet between March and May 2025?", want: []string{}},
		{q: "whom did Donald Trump meet most?", interp: "(most often first)", want: []string{"Volodymyr Zelensky", "Mark Rutte", "Shigeru Ishiba", "Narendra Modi"},
			check: func(t *testing.T, r AskResult) {
				require.Equal(t, 3, r.Answers[0].Count)
				require.Len(t, r.Answers[0].Facts, 3)
			}},
		{q: "who met Zelenskiy?", notes: `read "Zelenskiy" as Volodymyr Zelensky`, want: []string{"Donald Trump"}},
		{q: "who did Trump speak with between 1 February and 15 February 2025", want: []string{"Vladimir Putin"}},
		{q: "who did the EU sanction in 2025", interp: "whom European Union sanctioned during 2025", want: []string{"Russia"}},
		{q: "who sanctioned Russia?", interp: "who sanctioned Russia", want: []string{"European Union", "United States"}},
		{q: "who did Trump criticize in 2025", want: []string{"Volodymyr Zelensky"}},
		{q: "who did Trump threaten", want: []string{}},
		// which countries were members of ORG; what is ORG's TARGET
		{q: "which countries were members of NATO on 1 January 2023?", interp: "members of NATO at 2023-01-01", want: []string{"Norway", "United States"}},
		{q: "which countries were members of NATO in June 2023", want: []string{"Finland", "Norway", "United States"}},
		{q: "what is NATO's spending target?", interp: "targets of NATO at 2026-01-15", want: []string{"5% of GDP"}},
		{q: "what was NATO's target in 2024", want: []string{"2% of GDP"}},
		// what happened with X; what links X and Y
		{q: "what happened with Finland in 2023?", interp: "timeline of Finland during 2023", want: []string{"Finland member_of NATO"}},
		{q: "what happened with Waltz", want: []string{"Mark Rutte met Michael Waltz", "Michael Waltz holds_position National Security Adviser"}},
		{q: "how is Waltz connected to Trump?", interp: "shortest paths from Michael Waltz to Donald Trump (at most 4 hops)",
			want: []string{"Michael Waltz –[←met 2024-11-29]→ Mark Rutte –[←met 2024-11-29]→ Donald Trump", "Michael Waltz –[←met 2024-11-29]→ Mark Rutte –[←met 2025-06-24]→ Donald Trump"},
			check: func(t *testing.T, r AskResult) {
				require.Len(t, r.Answers[0].Facts, 2)
				require.Equal(t, "palm-beach", r.Answers[0].Facts[0].Fact.Sources[0].Article)
			}},
		{q: "what links Finland and Sweden", check: func(t *testing.T, r AskResult) {
			require.Len(t, r.Answers, 1)
			require.Equal(t, "Finland –[member_of from 2023-04-04]→ NATO –[←member_of from 2024-03-07]→ Sweden", r.Answers[0].Name)
		}},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			r, err := e.Ask(ctx, AskQuery{Question: c.q, Today: askToday})
			if c.q == "who was the president of Atlantis in 2020" {
				require.ErrorIs(t, err, ErrUnknownEntity)
				return
			}
			require.NoError(t, err)
			require.Contains(t, r.Interpretation, c.interp)
			if c.want != nil {
				require.Equal(t, c.want, answerNames(r.Answers))
			}
			if c.notes != "" {
				require.Contains(t, r.Notes, c.notes)
			}
			for _, a := range r.Answers {
				require.NotEmpty(t, a.Facts, "every answer is sourced")
				require.NotEmpty(t, a.Facts[0].Fact.Sources)
			}
			if c.check != nil {
				c.check(t, r)
			}
		})
	}
}

func TestAskErrors(t *testing.T) {
	e := New(askStore(t))
	ctx := context.Background()
	_, err := e.Ask(ctx, AskQuery{Question: "who did Jonhson meet?", Today: askToday})
	require.ErrorIs(t, err, ErrAmbiguous)
	require.ErrorContains(t, err, "did you mean Boris Johnson (person) or Mike Johnson (person)?")

	_, err = e.Ask(ctx, AskQuery{Question: "what happened with Qwertyuiop", Today: askToday})
	require.ErrorIs(t, err, ErrUnknownEntity)

	_, err = e.Ask(ctx, AskQuery{Question: "sing me a song", Today: askToday})
	require.True(t, errors.Is(err, ErrNotUnderstood))
}

func TestAskUsesConsoleDate(t *testing.T) {
	e := New(askStore(t))
	ctx := context.Background()
	r, err := e.Ask(ctx, AskQuery{Question: "who leads NATO", Today: askToday, At: day("2020-01-01")})
	require.NoError(t, err)
	require.Equal(t, []string{"Jens Stoltenberg"}, answerNames(r.Answers))
	r, err = e.Ask(ctx, AskQuery{Question: "who leads NATO now", Today: askToday, At: day("2020-01-01")})
	require.NoError(t, err)
	require.Equal(t, []string{"Mark Rutte"}, answerNames(r.Answers), `"now" beats the console's date`)
	r, err = e.Ask(ctx, AskQuery{Question: "who led NATO on 2025-01-01", Today: askToday, At: day("2020-01-01")})
	require.NoError(t, err)
	require.Equal(t, []string{"Mark Rutte"}, answerNames(r.Answers), "a written date beats the console's date")
}

func TestNamesSearch(t *testing.T) {
	s := askStore(t)
	e := New(s)
	ctx := context.Background()
	names, err := LoadNames(ctx, s)
	require.NoError(t, err)
	ms, err := e.SearchEntities(ctx, names, "rut", 0)
	require.NoError(t, err)
	require.Len(t, ms, 1)
	require.Equal(t, "Mark Rutte", ms[0].Entity.Name)
	require.Equal(t, 1, ms[0].Aliases)
	require.Equal(t, graph.Person, ms[0].Entity.Type)

	ms, err = e.SearchEntities(ctx, nil, "Jo", 0)
	require.NoError(t, err)
	got := []string{}
	for _, m := range ms {
		got = append(got, m.Entity.Name)
	}
	require.Equal(t, []string{"Boris Johnson", "Joe Biden", "Mike Johnson"}, got)

	ms, err = e.SearchEntities(ctx, names, "Stoltenburg", 0)
	require.NoError(t, err)
	require.Len(t, ms, 1)
	require.Equal(t, "Jens Stoltenberg", ms[0].Entity.Name)
	require.Equal(t, 1, ms[0].Distance)

	require.Equal(t, []string{"Mark Rutte"}, names.Complete("mark r", 0))
	require.Contains(t, names.Complete("N", 0), "NATO")
}

func TestAskSuggestsNames(t *testing.T) {
	e := New(askStore(t))
	_, err := e.Ask(context.Background(), AskQuery{Question: "who did Vladimir meet?", Today: askToday})
	require.ErrorIs(t, err, ErrUnknownEntity)
	require.ErrorContains(t, err, "did you mean Vladimir Putin (person)?")
}
