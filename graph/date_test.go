package graph

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestNewDateRange(t *testing.T) {
	for _, c := range []struct {
		y    int
		m    time.Month
		d    int
		p    Precision
		want string
		err  error
	}{
		{2024, 10, 1, DayPrecision, "2024-10-01", nil},
		{1, 1, 1, DayPrecision, "0001-01-01", nil},
		{9999, 12, 31, DayPrecision, "9999-12-31", nil},
		{9999, 12, 32, DayPrecision, "", ErrDateRange}, // normalizes to 10000-01-01
		{10000, 1, 2, DayPrecision, "", ErrDateRange},
		{0, 12, 31, DayPrecision, "", ErrDateRange},
		{-1, 1, 1, YearPrecision, "", ErrDateRange},
		{10000, 1, 1, MonthPrecision, "", ErrDateRange},
		{2024, 13, 1, MonthPrecision, "", ErrBadDate},
		{2024, 2, 1, Precision(9), "", ErrBadDate},
		{2024, 2, 30, YearPrecision, "2024", nil},
		{0, 0, 0, NoPrecision, "", nil},
	} {
		got, err := NewDate(c.y, c.m, c.d, c.p)
		if c.err != nil {
			assert.ErrorIs(t, err, c.err, "%d-%d-%d", c.y, c.m, c.d)
			assert.True(t, got.IsZero())
			continue
		}
		assert.NoError(t, err)
		assert.Equal(t, c.want, got.String())
		assert.True(t, got.Valid())
	}
}

func TestDateValid(t *testing.T) {
	assert.True(t, Date{}.Valid())
	assert.True(t, YearOf(9999).Valid())
	assert.False(t, YearOf(10000).Valid())
	assert.False(t, YearOf(0).Valid())
	assert.False(t, DateFromTime(time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 2)).Valid())
	assert.False(t, Date{Year: 2024, Month: 2, Day: 30, Precision: DayPrecision}.Valid(), "a day that does not exist")
	assert.False(t, Date{Year: 2024, Precision: YearPrecision}.Valid(), "month 0")
	assert.False(t, Date{Year: 2024, Month: 1, Day: 1}.Valid(), "fields without a precision")
}

// Every date ParseDate accepts writes and reads back.
func TestParseDateRoundTrip(t *testing.T) {
	for _, s := range []string{"0000", "0000-01", "0000-12-31", "0000-01-01T00:00:00Z"} {
		_, err := ParseDate(s)
		assert.ErrorIs(t, err, ErrDateRange, s)
	}
	for _, s := range []string{"0001", "0001-01-01", "9999-12-31", "9999", "2024-02-29"} {
		d, err := ParseDate(s)
		assert.NoError(t, err, s)
		back, err := ParseDate(d.String())
		assert.NoError(t, err, s)
		assert.Equal(t, d, back, s)
	}
}

func TestBatchDropBadDates(t *testing.T) {
	f := Fact{Subject: "person/a", Predicate: Met, Object: "person/b",
		Date:    DayOf(10000, 1, 2),
		Sources: []Source{{Article: "x", Sentence: "s", Claim: Claim{Date: DayOf(10000, 1, 2)}}}}
	f.ComputeID()
	b := Batch{Article: Article{ID: "x", Published: YearOf(0)}, Facts: []Fact{f, {Subject: "person/a", Predicate: Met, Object: "person/c", Date: DayOf(2024, 1, 2)}}}
	assert.ErrorIs(t, b.CheckDates(), ErrDateRange)
	assert.Equal(t, DayOf(10000, 1, 2), b.Facts[0].Date, "CheckDates changes nothing")

	errs := b.DropBadDates()
	assert.Len(t, errs, 3)
	assert.True(t, b.Article.Published.IsZero())
	assert.True(t, b.Facts[0].Date.IsZero())
	assert.True(t, b.Facts[0].Sources[0].Date.IsZero())
	assert.NotEqual(t, f.ID, b.Facts[0].ID, "the id follows the key")
	assert.Equal(t, DayOf(2024, 1, 2), b.Facts[1].Date)
	assert.NoError(t, b.CheckDates())
	assert.Empty(t, b.DropBadDates())
}
