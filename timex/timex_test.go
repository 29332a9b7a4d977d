package timex

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

func day(s string) graph.Date {
	d, err := graph.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// show writes expressions as "text=value" (with ":since"/":until" and "~"
// for relative ones) to compare them in one string.
func show(exprs []Expr) string {
	var parts []string
	for _, e := range exprs {
		s := e.Text + "=" + e.Value.String()
		if e.Kind != Point {
			s += ":" + e.Kind.String()
		}
		if e.Relative {
			s += "~"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " | ")
}

func TestFind(t *testing.T) {
	tue := day("2025-02-04") // a Tuesday
	cases := []struct {
		name string
		ref  graph.Date
		text string
		want string
	}{
		// written and ISO dates
		{"month day year", tue, "The talks opened on January 20, 2025 in Geneva.", "on January 20, 2025=2025-01-20"},
		{"day month year", tue, "He took office 20 January 2025.", "20 January 2025=2025-01-20"},
		{"abbreviated", tue, "Signed Jan. 20, 2025, the deal holds.", "Jan. 20, 2025=2025-01-20"},
		{"ordinal", tue, "It began on the 3rd of March 2022.", "3rd of March 2022=2022-03-03"},
		{"ordinal month first", tue, "It began on March 3rd, 2022.", "on March 3rd, 2022=2022-03-03"},
		{"iso", tue, "Filed 2025-01-20 at noon.", "2025-01-20=2025-01-20"},
		{"iso slash", tue, "Filed 2025/01/20.", "2025/01/20=2025-01-20"},
		{"weekday and date", tue, "On Friday, Jan. 31, 2025, the vote passed.", "On Friday, Jan. 31, 2025=2025-01-31"},
		{"month year", tue, "Elections were held in October 2024.", "in October 2024=2024-10"},
		{"month of year", tue, "Troops left in October of 2024.", "in October of 2024=2024-10"},
		{"abbreviated month year", tue, "Since Oct. 2023 prices rose.", "Since Oct. 2023=2023-10:since"},
		{"invalid day", tue, "on February 30, 2025 nothing", ""},
		// days and months without a year
		{"month day past", tue, "On Jan. 20 he spoke.", "On Jan. 20=2025-01-20~"},
		{"sept abbreviation", tue, "The ceasefire of Sept. 3 failed.", "Sept. 3=2024-09-03~"},
		{"month day near future", tue, "Talks resume on April 7.", "on April 7=2025-04-07~"},
		{"bare month this year", tue, "The summit is due in May.", "in May=2025-05~"},
		{"bare month last year", tue, "He was arrested in August.", "in August=2024-08~"},
		{"december from january", day("2025-01-10"), "Fighting flared in December.", "in December=2024-12~"},
		{"january from december", day("2024-12-28"), "Talks are set for January 5.", "January 5=2025-01-05~"},
		{"month list", tue, "Strikes in June and July hurt.", "in June=2024-06~ | July=2024-07~"},
		// years
		{"in year", tue, "In 2014, Russia annexed Crimea.", "In 2014=2014"},
		{"since year", tue, "He has led the party since 2014.", "since 2014=2014:since"},
		{"by year", tue, "Emissions will halve by 2030.", "by 2030=2030"},
		{"until year", tue, "He served until 2019.", "until 2019=2019:until"},
		{"till year", tue, "He stayed till 2019 in Kyiv.", "till 2019=2019:until"},
		{"through month", tue, "The mandate runs through March 2026.", "through March 2026=2026-03:until"},
		{"from year", tue, "From 2019 he chaired the council.", "From 2019=2019:since"},
		{"early year", tue, "Early 2023 saw a counteroffensive.", "Early 2023=2023"},
		{"mid year", tue, "By mid-2014 the rebels held Donetsk.", "By mid-2014=2014"},
		{"end of year", tue, "It ends at the end of 2025.", "at the end of 2025=2025"},
		{"of year", tue, "the pandemic of 2009-2010 and the expedition of 1957-58",
			"2009=2009:since | 2010=2010:until | 1957=1957:since | 58=1958:until"},
		{"from to", tue, "He was president from 2010 to 2014.", "from 2010=2010:since | to 2014=2014:until"},
		{"between and", tue, "between 2010 and 2014 the war", "between 2010=2010:since | and 2014=2014:until"},
		{"attributive", tue, "a 2010 commando raid and Russia's 2014 annexation", "2010=2010 | 2014=2014"},
		{"season", tue, "In the summer of 2014, talks failed.", "In the summer of 2014=2014"},
		{"year past tense", tue, "who in 2011 removed the tumour", "in 2011=2011"},
		// numbers that are not years
		{"vote count", tue, "The bill passed 51-50 in the Senate.", ""},
		{"thousands", tue, "They sent 2,000 troops.", ""},
		{"count of tanks", tue, "Russia lost 1500 tanks in the war.", ""},
		{"count after in", tue, "an increase in 2000 troops", ""},
		{"bare number", tue, "The index rose to 2014 points.", ""},
		{"money", tue, "It cost $2014 in 2015.", "in 2015=2015"},
		{"decade", tue, "since the 1990s", ""},
		{"the count", tue, "the 2000 troops and the 2000 people", ""},
		{"time", tue, "at 1500 GMT", ""},
		// may and march the verbs
		{"may verb", tue, "Talks may resume; the army may 2 times retreat.", ""},
		{"march verb", tue, "Protesters will march on Sunday.", "on Sunday=2025-02-09~"},
		{"may month", tue, "In May the talks resumed.", "In May=2025-05~"},
		{"may with day", tue, "They met May 5, 2023.", "May 5, 2023=2023-05-05"},
		{"march with year", tue, "since March 2022", "since March 2022=2022-03:since"},
		{"lowercase may day", tue, "you may 20 times", ""},
		// weekdays
		{"weekday same day", tue, "Tuesday's talks", "Tuesday=2025-02-04~"},
		{"weekday on", tue, "On Friday the envoy arrived.", "On Friday=2025-01-31~"},
		{"every weekday is a habit", tue, "She has met the minister every Monday since January.", "since January=2025-01:since~"},
		{"each weekday is a habit", tue, "The two envoys speak by phone each Friday morning.", ""},
		{"weekday after every other word", tue, "Every delegate arrived on Friday.", "on Friday=2025-01-31~"},
		{"last weekday", tue, "last Friday", "last Friday=2025-01-31~"},
		{"last same weekday", tue, "last Tuesday", "last Tuesday=2025-01-28~"},
		{"late on", tue, "late on Friday he resigned", "late on Friday=2025-01-31~"},
		{"morning", tue, "on Friday morning and Saturday morning", "on Friday morning=2025-01-31~ | Saturday morning=2025-02-01~"},
		{"next weekday", tue, "next Monday", "next Monday=2025-02-10~"},
		{"next same weekday", tue, "next Tuesday", "next Tuesday=2025-02-11~"},
		{"this coming", tue, "this coming Monday", "this coming Monday=2025-02-10~"},
		{"this weekday", tue, "this Thursday", "this Thursday=2025-02-06~"},
		{"saturday ref", day("2024-11-30"), "Friday", "Friday=2024-11-29~"},
		// relative
		{"today", tue, "today and tonight", "today=2025-02-04~ | tonight=2025-02-04~"},
		{"yesterday", tue, "Yesterday evening he left.", "Yesterday evening=2025-02-03~"},
		{"tomorrow", tue, "tomorrow", "tomorrow=2025-02-05~"},
		{"last night", tue, "last night", "last night=2025-02-03~"},
		// a front-line report's night and day up to the reference day
		{"overnight", tue, "Drones struck the port overnight.", "overnight=2025-02-04~"},
		{"the overnight attack", tue, "The overnight attack killed two.", "overnight=2025-02-04~"},
		{"overnight weekday", tue, "They shelled the town overnight Sunday.", "Sunday=2025-02-02~"},
		{"overnight into", tue, "Fighting raged overnight into Monday.", "Monday=2025-02-03~"},
		{"past day", tue, "Troops attacked 38 times over the past day.", "the past day=2025-02-04~"},
		{"last 24 hours", tue, "Drones hit the city in the last 24 hours, officials said.", "in the last 24 hours=2025-02-04~"},
		{"last day of", tue, "on the last day of the summit", ""},
		{"past day or two", tue, "over the past day or two", ""},
		{"day before yesterday", tue, "the day before yesterday", "the day before yesterday=2025-02-02~"},
		{"last month", tue, "last month", "last month=2025-01~"},
		{"this month", tue, "earlier this month", "earlier this month=2025-02~"},
		{"next month", tue, "next month", "next month=2025-03~"},
		{"last year", tue, "late last year", "late last year=2024~"},
		{"this year", tue, "This year's budget", "This year=2025~"},
		{"next year", tue, "early next year", "early next year=2026~"},
		{"last month new year", day("2025-01-02"), "last month", "last month=2024-12~"},
		// "in" before a deictic date is a verb's particle, not the date's
		{"sworn in last month", tue, "He was sworn in last month.", "last month=2025-01~"},
		{"stepped in earlier this year", tue, "She stepped in earlier this year.", "earlier this year=2025~"},
		{"in before a month", tue, "He was sworn in in January.", "in January=2025-01~"},
		{"next month december", day("2024-12-20"), "next month", "next month=2025-01~"},
		{"last named month", day("2013-03-21"), "last May and late last July", "last May=2012-05~ | late last July=2012-07~"},
		{"last january", day("2013-03-21"), "last January", "last January=2013-01~"},
		{"next named month", day("2013-03-21"), "next March", "next March=2014-03~"},
		{"days ago", tue, "two days ago", "two days ago=2025-02-02~"},
		{"weeks ago", tue, "three weeks ago", "three weeks ago=2025-01-14~"},
		{"months ago", tue, "3 months ago", "3 months ago=2024-11~"},
		{"year ago", tue, "a year ago", "a year ago=2024~"},
		{"years ago", day("2013-03-21"), "four years ago", "four years ago=2009~"},
		{"last week", day("2025-02-13"), "last week", "last week=2025-02~"},
		{"last week straddling", tue, "last week", "last week=2025~"},
		{"this may verb", tue, "this may be raised; the previous year; in the next month", ""},
		{"this May month", tue, "this May", "this May=2025-05~"},
		{"not anchored", tue, "in the past three months; four months after the vote; a year earlier", ""},
		// zero reference
		{"zero ref relative", graph.Date{}, "On Friday, in October, since 2014", "On Friday=~ | in October=~ | since 2014=2014:since"},
		{"month ref", day("2025-02"), "in May; on Friday", "in May=2025-05~ | on Friday=~"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := show(Find(c.text, c.ref)); got != c.want {
				t.Errorf("Find(%q, %s)\n got: %s\nwant: %s", c.text, c.ref, got, c.want)
			}
		})
	}
}

// TestWeekdaysEveryRef checks "Friday", "last Friday" and "next Friday"
// from a reference on each day of one week.
func TestWeekdaysEveryRef(t *testing.T) {
	// 2025-02-03 is a Monday; Fridays are 01-31, 02-07 and 02-14.
	want := map[string][3]string{
		"2025-02-03": {"2025-01-31", "2025-01-31", "2025-02-07"},
		"2025-02-04": {"2025-01-31", "2025-01-31", "2025-02-07"},
		"2025-02-05": {"2025-01-31", "2025-01-31", "2025-02-07"},
		"2025-02-06": {"2025-01-31", "2025-01-31", "2025-02-07"},
		"2025-02-07": {"2025-02-07", "2025-01-31", "2025-02-14"},
		"2025-02-08": {"2025-02-07", "2025-02-07", "2025-02-14"},
		"2025-02-09": {"2025-02-07", "2025-02-07", "2025-02-14"},
	}
	for ref, w := range want {
		for k, phrase := range []string{"Friday", "last Friday", "next Friday"} {
			got := Find(phrase, day(ref))
			if len(got) != 1 || got[0].Value.String() != w[k] {
				t.Errorf("ref %s %q: got %s, want %s", ref, phrase, show(got), w[k])
			}
		}
	}
}

func TestSpans(t *testing.T) {
	text := "Ukraine’s parliament voted on Friday, and since January 2025 — until 2019."
	for _, e := range Find(text, day("2025-02-04")) {
		if text[e.Start:e.End] != e.Text {
			t.Errorf("span %d-%d is %q, Text %q", e.Start, e.End, text[e.Start:e.End], e.Text)
		}
	}
	got := Find(text, day("2025-02-04"))
	if len(got) != 3 || got[0].Prep != "on" || got[1].Prep != "since" || got[2].Prep != "until" {
		t.Errorf("got %+v", got)
	}
}

func TestResolve(t *testing.T) {
	ref := day("2025-02-04")
	cases := []struct {
		phrase string
		want   string
	}{
		{"2024", "2024"},
		{"2024-06", "2024-06"},
		{"2024-06-01", "2024-06-01"},
		{"1 June 2024", "2024-06-01"},
		{"June 2024", "2024-06"},
		{"June 1, 2024", "2024-06-01"},
		{"  since June 2024 ", "2024-06"},
		{"last month", "2025-01"},
		{"yesterday", "2025-02-03"},
		{"May", "2025-05"},
		{"2024-06-01T08:00:00Z", "2024-06-01"},
		{"soon", ""},
		{"June 2024 and 2025", ""},
		{"", ""},
	}
	for _, c := range cases {
		got, ok := Resolve(c.phrase, ref)
		if ok != (c.want != "") || got.String() != c.want {
			t.Errorf("Resolve(%q) = %s, %v; want %q", c.phrase, got, ok, c.want)
		}
	}
	if _, ok := Resolve("yesterday", graph.Date{}); ok {
		t.Errorf("Resolve(yesterday) with a zero ref should fail")
	}
}

func ExampleFind() {
	ref := graph.DayOf(2025, 2, 4)
	for _, e := range Find("Since 2014 he has met Xi twice, most recently on Friday.", ref) {
		fmt.Println(e.Text, e.Value, e.Kind)
	}
	// Output:
	// Since 2014 2014 since
	// on Friday 2025-01-31 point
}

func TestParseOption(t *testing.T) {
	today := day("2026-01-15")
	cases := []struct {
		v     string
		today graph.Date
		want  string // "" with err: an error
		err   bool
	}{
		{"", today, "", false},
		{"2024", today, "2024", false},
		{"2024-06", today, "2024-06", false},
		{"2024-06-01", today, "2024-06-01", false},
		{"June 2024", today, "2024-06", false},
		{"1 October 2024", today, "2024-10-01", false},
		{"2024-10-01T08:00:00Z", today, "2024-10-01", false},
		{"last month", today, "2025-12", false},
		{"last month", graph.Date{}, "", true},
		{"31 February 2024", today, "", true},
		{"2024-02-31", today, "", true},
		{"someday", today, "", true},
	}
	for _, c := range cases {
		got, err := ParseOption("--at", c.v, c.today)
		if c.err {
			if err == nil || !errors.Is(err, ErrNotDate) || !strings.Contains(err.Error(), fmt.Sprintf("--at %q", c.v)) {
				t.Errorf("ParseOption(%q) = %v, %v; want an ErrNotDate naming the flag and value", c.v, got, err)
			}
			continue
		}
		if err != nil || got.String() != c.want {
			t.Errorf("ParseOption(%q) = %v, %v; want %s", c.v, got, err, c.want)
		}
	}
}
