package queries

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// formerBatches are articles that tell of leaders only as "former" or as
// undated current holders, written for these tests.
func formerBatches() []graph.Batch {
	nl, no, us := ent(graph.Country, "Netherlands"), ent(graph.Country, "Norway"), ent(graph.Country, "United States", "US")
	rutte, schoof := ent(graph.Person, "Mark Rutte", "Rutte"), ent(graph.Person, "Dick Schoof", "Schoof")
	stol := ent(graph.Person, "Jens Stoltenberg", "Stoltenberg")
	biden, trump := ent(graph.Person, "Joe Biden", "Biden"), ent(graph.Person, "Donald Trump", "Trump")
	all := []graph.Entity{nl, no, us, rutte, schoof, stol, biden, trump}
	b := func(id, pub string, facts ...graph.Fact) graph.Batch {
		for i := range facts {
			facts[i].Sources = []graph.Source{{Article: id, Sentence: "sentence of " + id, Claim: graph.Claim{Ended: facts[i].Ended}}}
			facts[i].Confidence = 0.8
		}
		return graph.Batch{Article: graph.Article{ID: id, Published: day(pub), Hash: "h-" + id}, Entities: all, Facts: facts}
	}
	leads := func(s, o graph.Entity, role, start string, ended bool) graph.Fact {
		return graph.Fact{Subject: s.ID, Predicate: graph.Leads, Object: o.ID, Role: role, Start: day(start), Ended: ended}
	}
	return []graph.Batch{
		b("f1", "2025-02-04", leads(rutte, nl, "Prime Minister", "", true), leads(stol, no, "Prime Minister", "", true)),
		b("f2", "2024-07-05", leads(biden, us, "President", "", false)),
		b("f3", "2025-03-14", leads(trump, us, "President", "", false)),
		b("f4", "2025-06-01", leads(trump, us, "President", "", false), leads(schoof, nl, "Prime Minister", "2024-07-02", false)),
	}
}

func TestAskFormerAndUndatedHolders(t *testing.T) {
	e := New(historyStore(t, "memory", formerBatches()))
	ctx := context.Background()
	cases := []struct {
		q         string
		want      []string
		uncertain []bool
	}{
		// Known only from "former" (2025): not placed at an earlier date.
		{"who led Norway on 1 October 2024?", []string{}, nil},
		{"who led Norway in 2010?", []string{}, nil},
		// A former holder placed by a successor's start: before it, uncertainly.
		{"who led the Netherlands in September 2024?", []string{"Dick Schoof"}, []bool{false}},
		{"who led the Netherlands on 1 June 2024?", []string{"Mark Rutte"}, []bool{true}},
		// Two undated presidents: the one reported later holds now.
		{"who leads the United States?", []string{"Donald Trump"}, []bool{false}},
		{"who led the United States on 1 June 2025?", []string{"Donald Trump"}, []bool{false}},
		{"who led the United States on 1 August 2024?", []string{"Donald Trump", "Joe Biden"}, nil},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			r, err := e.Ask(ctx, AskQuery{Question: c.q, Today: day("2026-01-15")})
			require.NoError(t, err)
			assert.ElementsMatch(t, c.want, answerNames(r.Answers))
			for i, u := range c.uncertain {
				require.NotEmpty(t, r.Answers[i].Facts)
				assert.Equal(t, u, r.Answers[i].Facts[0].Uncertain, "answer %d", i)
			}
		})
	}
}
