package graph

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestRestatesEvent(t *testing.T) {
	pub := DayOf(2024, time.December, 2)
	cases := []struct {
		name      string
		published Date
		date      Date
		want      bool
	}{
		{"days before", pub, DayOf(2024, time.November, 29), true},
		{"same day", pub, pub, true},
		{"a week before", pub, DayOf(2024, time.November, 25), true},
		{"more than a week before", pub, DayOf(2024, time.November, 24), false},
		{"after publication", pub, DayOf(2024, time.December, 3), false},
		{"month of publication", pub, MonthOf(2024, time.December), true},
		{"year ended long before", pub, YearOf(2023), false},
		{"publication known to a month", MonthOf(2024, time.December), DayOf(2024, time.November, 29), false},
		{"no date", pub, Date{}, false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, RestatesEvent(c.published, c.date), c.name)
	}
	d, ok := RestatedEvent(pub, []Date{DayOf(2024, time.November, 26), DayOf(2024, time.November, 29), DayOf(2024, time.December, 5)})
	assert.True(t, ok)
	assert.Equal(t, "2024-11-29", d.String(), "the latest qualifying meeting")
	_, ok = RestatedEvent(pub, []Date{DayOf(2024, time.October, 1)})
	assert.False(t, ok)
}

func TestArticleUpdates(t *testing.T) {
	old := Article{ID: "a", Hash: "h1"}
	dated := Article{ID: "a", Hash: "h1", Published: DayOf(2024, time.November, 30)}
	cases := []struct {
		name     string
		new, old Article
		want     bool
	}{
		{"same", old, old, false},
		{"new text", Article{ID: "a", Hash: "h2"}, old, true},
		{"new date", dated, old, true},
		{"changed date", Article{ID: "a", Hash: "h1", Published: DayOf(2024, time.December, 1)}, dated, true},
		{"date left out", old, dated, false},
		{"no hash", Article{ID: "a"}, old, false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, c.new.Updates(c.old), c.name)
	}
}

func TestKnownAtWithdrawn(t *testing.T) {
	t0 := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	f := Fact{Subject: "person/a", Predicate: Leads, Object: "country/b", Sources: []Source{
		{Article: "x", Published: DayOf(2024, time.May, 1), RecordedAt: t0, WithdrawnAt: t0.Add(48 * time.Hour),
			Claim: Claim{Start: DayOf(2024, time.May, 1), Confidence: 0.9}},
		{Article: "y", Published: DayOf(2024, time.June, 1), RecordedAt: t0.Add(24 * time.Hour),
			Claim: Claim{Start: MonthOf(2024, time.June), Confidence: 0.6}},
	}}
	k, ok := f.KnownAt(t0)
	assert.True(t, ok)
	assert.Equal(t, "2024-05-01", k.Start.String())
	assert.True(t, k.Sources[0].WithdrawnAt.IsZero(), "not withdrawn as then known")
	k, ok = f.KnownAt(t0.Add(72 * time.Hour))
	assert.True(t, ok)
	assert.Equal(t, "2024-06", k.Start.String(), "the withdrawn claim no longer counts")
	assert.Len(t, k.Sources, 1)

	d := Derive(f)
	assert.Equal(t, "2024-06", d.Start.String(), "qualifiers come from live sources")
	assert.Equal(t, 1, IndependentSources(f))
	assert.Equal(t, "2024-06-01", FirstPublished(&f).String())
	live, ok := f.Live()
	assert.True(t, ok)
	assert.Len(t, live.Sources, 1)
	f.Sources = f.Sources[:1]
	_, ok = f.Live()
	assert.False(t, ok, "no live source")
	_, ok = f.KnownAt(t0.Add(time.Hour))
	assert.True(t, ok)
}

func TestRestatesLater(t *testing.T) {
	nov29, nov25 := DayOf(2024, time.November, 29), DayOf(2024, time.November, 25)
	cases := []struct {
		name           string
		published      Date
		d, later       Date
		want, mayLater bool
	}{
		{"undated, later qualifies", DayOf(2024, time.December, 2), Date{}, nov29, true, false},
		{"undated, published before later", DayOf(2024, time.November, 28), Date{}, nov29, false, false},
		{"undated, more than a week after", DayOf(2024, time.December, 7), Date{}, nov29, false, false},
		{"earlier meeting to later one", DayOf(2024, time.November, 30), nov25, nov29, true, true},
		{"published between the two", DayOf(2024, time.November, 27), nov25, nov29, false, true},
		{"month to its day", DayOf(2024, time.December, 2), MonthOf(2024, time.November), nov29, true, true},
		{"the later is the earlier", DayOf(2024, time.November, 30), nov29, nov25, false, false},
		{"same date", DayOf(2024, time.November, 30), nov29, nov29, false, false},
		{"weeks apart", DayOf(2024, time.November, 30), DayOf(2024, time.November, 1), nov29, true, false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, RestatesLater(c.published, c.d, c.later), c.name)
		assert.Equal(t, c.mayLater, MayRestateLater(c.d, c.later), c.name)
	}
}
