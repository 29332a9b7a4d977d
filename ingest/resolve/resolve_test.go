package resolve

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// fakeStore resolves names through the same alias keys as store.Store.
type fakeStore struct {
	ents  []graph.Entity
	calls int
	err   error
}

func (s *fakeStore) Resolve(_ context.Context, name string) ([]graph.Entity, error) {
	s.calls++
	if s.err != nil {
		return nil, s.err
	}
	k := store.AliasKey(name)
	var out []graph.Entity
	for _, e := range s.ents {
		hit := store.AliasKey(e.Name) == k || e.ID == name
		for _, a := range e.Aliases {
			hit = hit || store.AliasKey(a) == k
		}
		if hit {
			out = append(out, e)
		}
	}
	return out, nil
}

func person(name string, aliases ...string) graph.Entity {
	return graph.Entity{ID: graph.EntityID(graph.Person, name), Name: name, Type: graph.Person, Aliases: aliases}
}

func stored() *fakeStore {
	return &fakeStore{ents: []graph.Entity{
		person("Michael Waltz", "Waltz", "U.S. Representative Michael Waltz"),
		person("Donald Trump", "Trump"),
		person("Mark Rutte", "Rutte"),
		person("António Costa", "Costa"),
		person("William Burns", "Burns"),
		person("Antony Blinken", "Blinken"),
		person("Kim Jong Un"),
		person("Kim Yo Jong"),
		person("Li Qiang", "Li"),
		person("Li Shangfu", "Li"),
		{ID: "organization/nato", Name: "NATO", Type: graph.Organization, Aliases: []string{"Rutte"}},
	}}
}

func TestBatchPersonResolution(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"Mike Waltz", "person/michael-waltz"},      // nickname
		{"Waltz", "person/michael-waltz"},           // lone surname, unique
		{"Bill Burns", "person/william-burns"},      // nickname
		{"Tony Blinken", "person/antony-blinken"},   // nickname
		{"Antonio Costa", "person/antonio-costa"},   // diacritics: same id already
		{"Donald Tusk", "person/donald-tusk"},       // same first name, other surname
		{"Mark Carney", "person/mark-carney"},       // same first name, other surname
		{"Melania Trump", "person/melania-trump"},   // same surname, other first name
		{"Michael Carney", "person/michael-carney"}, // nickname table needs the surname too
		{"Li", "person/li"},                         // ambiguous lone surname
		{"Kim Jong-un", "person/kim-jong-un"},       // same alias key as the stored name
		{"Rutte", "person/mark-rutte"},              // the organization with that alias is not a person
	}
	for _, tc := range tests {
		s := stored()
		e := person(tc.in)
		other := graph.Entity{ID: "country/japan", Name: "Japan", Type: graph.Country}
		b := graph.Batch{Article: graph.Article{ID: "a1"}, Entities: []graph.Entity{e, other},
			Facts: []graph.Fact{{Subject: e.ID, Predicate: graph.Visited, Object: other.ID, Confidence: 0.9}}}
		if _, err := r.Batch(context.Background(), s, &b); err != nil {
			t.Fatal(err)
		}
		if got := b.Facts[0].Subject; got != tc.want {
			t.Errorf("%q resolved to %s, want %s", tc.in, got, tc.want)
		}
		if tc.want != e.ID {
			if b.Facts[0].ID == "" {
				t.Errorf("%q: fact id not recomputed", tc.in)
			}
			var found bool
			for _, en := range b.Entities {
				if en.ID == tc.want {
					found = true
					if en.Aliases[0] != tc.in {
						t.Errorf("%q: aliases %v do not start with the batch name", tc.in, en.Aliases)
					}
				}
				if en.ID == e.ID {
					t.Errorf("%q: old entity %s still in batch", tc.in, e.ID)
				}
			}
			if !found {
				t.Errorf("%q: entity %s not in batch", tc.in, tc.want)
			}
		}
	}
}

func TestBatchWithinAndMerge(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	mike, michael, joe := person("Mike Pence"), person("Michael Pence"), person("Joe Biden")
	b := graph.Batch{Article: graph.Article{ID: "a1"}, Entities: []graph.Entity{mike, michael, joe},
		Facts: []graph.Fact{
			{Subject: mike.ID, Predicate: graph.Met, Object: joe.ID, Confidence: 0.6,
				Sources: []graph.Source{{Sentence: "Mike Pence met Joe Biden."}}},
			{Subject: michael.ID, Predicate: graph.Met, Object: joe.ID, Confidence: 0.9,
				Sources: []graph.Source{{Sentence: "Michael Pence met Biden."}}},
			{Subject: mike.ID, Predicate: graph.Met, Object: michael.ID, Confidence: 0.9},
		}}
	st, err := r.Batch(context.Background(), &fakeStore{}, &b)
	if err != nil {
		t.Fatal(err)
	}
	if st.Merged != 1 {
		t.Errorf("merged %d, want 1", st.Merged)
	}
	if len(b.Facts) != 1 {
		t.Fatalf("facts %+v, want one merged fact", b.Facts)
	}
	f := b.Facts[0]
	if f.Subject != michael.ID || f.Confidence != 0.9 || len(f.Sources) != 2 {
		t.Errorf("merged fact %+v", f)
	}
}

func TestBatchLookupError(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	e := person("Mike Waltz")
	b := graph.Batch{Entities: []graph.Entity{e}}
	if _, err := r.Batch(context.Background(), &fakeStore{err: boom}, &b); !errors.Is(err, boom) {
		t.Errorf("err = %v, want boom", err)
	}
	if b.Entities[0].ID != e.ID {
		t.Error("batch changed on error")
	}
}

func TestEquivalent(t *testing.T) {
	n, err := defaultNicknames()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Mike", "Michael", true}, {"Bill", "William", true}, {"Joe", "Joseph", true},
		{"Tony", "Antony", true}, {"Tony", "Anthony", true}, {"Donald", "Donald", true},
		{"Patrick", "Patricia", false}, {"Mark", "Mike", false}, {"Donald", "Doug", false},
	} {
		if got := n.equivalent(tc.a, tc.b); got != tc.want {
			t.Errorf("equivalent(%s, %s) = %v", tc.a, tc.b, got)
		}
	}
}

// Two statements of one source that resolution makes one fact keep the
// sentences each took its date from.
func TestBatchMergeKeepsTimeSentences(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	mike, michael, joe := person("Mike Pence"), person("Michael Pence"), person("Joe Biden")
	const sent = "Pence met Biden two days later."
	b := graph.Batch{Article: graph.Article{ID: "a1"}, Entities: []graph.Entity{mike, michael, joe},
		Facts: []graph.Fact{
			{Subject: mike.ID, Predicate: graph.Met, Object: joe.ID, Confidence: 0.6, Date: graph.DayOf(2024, 5, 3),
				Sources: []graph.Source{{Sentence: sent, TimeSentences: []string{"Mike Pence arrived on 1 May."}}}},
			{Subject: michael.ID, Predicate: graph.Met, Object: joe.ID, Confidence: 0.9, Date: graph.DayOf(2024, 5, 3),
				Sources: []graph.Source{{Sentence: sent, TimeSentences: []string{"Michael Pence flew in on Wednesday.", sent}}}},
			{Subject: mike.ID, Predicate: graph.Met, Object: michael.ID, Confidence: 0.9},
		}}
	if _, err := r.Batch(context.Background(), &fakeStore{}, &b); err != nil {
		t.Fatal(err)
	}
	if len(b.Facts) != 1 || len(b.Facts[0].Sources) != 1 {
		t.Fatalf("facts %+v, want one fact with one source", b.Facts)
	}
	got := b.Facts[0].Sources[0].TimeSentences
	want := []string{"Michael Pence flew in on Wednesday.", "Mike Pence arrived on 1 May."}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("time sentences %q, want %q", got, want)
	}
}

// batchStore is a fakeStore that also looks many names up at once, as
// store.Store.ResolveAll does, counting its calls.
type batchStore struct {
	*fakeStore
	batches int
}

func (s *batchStore) ResolveAll(ctx context.Context, names []string) (map[string][]graph.Entity, error) {
	s.batches++
	out := map[string][]graph.Entity{}
	for _, n := range names {
		ents, err := s.fakeStore.Resolve(ctx, n)
		if err != nil {
			return nil, err
		}
		out[n] = ents
	}
	return out, nil
}

// A store that looks names up in batches is asked once for all the people
// of a batch, and the batch resolves as it does one name at a time; only
// the nickname variants of a name found nowhere are asked one by one.
func TestBatchAsksOnceForAllPeople(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		names []string
		want  []string
		// asked is how many names are then looked up one by one.
		asked int
	}{
		{[]string{"Michael Waltz", "Rutte", "Donald Trump"}, []string{"person/michael-waltz", "person/mark-rutte", "person/donald-trump"}, 0},
		{[]string{"Waltz", "Mike Waltz", "Li"}, []string{"person/michael-waltz", "person/li"}, len(r.nick.variants("Mike"))},
		{[]string{"Bill Smith", "Antonio Costa"}, []string{"person/bill-smith", "person/antonio-costa"}, len(r.nick.variants("Bill"))},
	} {
		var ents []graph.Entity
		var facts []graph.Fact
		for _, n := range tc.names {
			e := person(n)
			ents = append(ents, e)
			facts = append(facts, graph.Fact{Subject: e.ID, Predicate: graph.Visited, Object: "country/japan", Confidence: 0.9})
		}
		ents = append(ents, graph.Entity{ID: "country/japan", Name: "Japan", Type: graph.Country})
		s := &batchStore{fakeStore: stored()}
		b := graph.Batch{Article: graph.Article{ID: "a1"}, Entities: ents, Facts: facts}
		if _, err := r.Batch(context.Background(), s, &b); err != nil {
			t.Fatal(err)
		}
		if s.batches != 1 || s.calls != len(tc.names)+tc.asked {
			t.Errorf("%v: %d batch lookups and %d names looked up, want 1 and %d (one by one: %d)",
				tc.names, s.batches, s.calls, len(tc.names)+tc.asked, tc.asked)
		}
		var got []string
		for _, f := range b.Facts {
			got = append(got, f.Subject)
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%v resolved to %v, want %v", tc.names, got, tc.want)
		}
	}
}
