package simworld

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Term is one person's time in a role: a head of government, of an
// organization, or a minister.
type Term struct {
	// Person is the holder's full name.
	Person string
	// Of is the country or organization the role belongs to.
	Of string
	// Role is the role as the gazetteer names it: "President", "Prime
	// Minister", "Chancellor", "Secretary General", "Foreign Minister"…
	Role string
	// Start is the first day in office; End the first day out of it
	// (exclusive), zero while the term runs past the world's end.
	Start, End time.Time
}

// Post reports whether the term is a minister's post (a holds_position
// fact about Office) rather than the lead of Of (a leads fact).
func (t Term) Post() bool {
	for _, m := range ministries {
		if m.office == t.Role {
			return true
		}
	}
	return false
}

// Office names the post as geokg stores it ("Foreign Minister of
// Sweden"), or "" for a leads role.
func (t Term) Office() string {
	if !t.Post() {
		return ""
	}
	of := t.Of
	switch of {
	case "Netherlands", "Czech Republic", "Philippines":
		of = "the " + of
	}
	return t.Role + " of " + of
}

// InForce reports whether the term runs on day d.
func (t Term) InForce(d time.Time) bool {
	return !d.Before(t.Start) && (t.End.IsZero() || d.Before(t.End))
}

// Membership is a country's membership of an organization from Start on.
type Membership struct {
	Country, Org string
	Start        time.Time
}

// Target is an organization's target in force from Start to End
// (exclusive; zero while it lasts).
type Target struct {
	Org, Value string
	Start, End time.Time
}

// Event is something that happened on one day: Subject Predicate Object
// (geokg's predicate names), with the place when one was given.
type Event struct {
	Predicate, Subject, Object string
	Date                       time.Time
	Location                   string
}

// Statement is one fact an article states, as the generator meant it.
type Statement struct {
	// Article is the id of the article.
	Article string
	// Predicate, Subject, Object and Role are in geokg's terms.
	Predicate, Subject, Object, Role string
	// Start, End and Date are the bounds or the day stated, at the
	// first day of their precision; zero when not stated.
	Start, End, Date time.Time
	// Precision is how precisely the dates were written: "day",
	// "month" or "year".
	Precision string
	// Ended is true when the statement says the state is over
	// ("former prime minister").
	Ended bool
}

// Truth is everything that happened in a world and what its articles
// say.
type Truth struct {
	Terms       []Term
	Memberships []Membership
	Targets     []Target
	Events      []Event
	Stated      []Statement

	// byRole and byPerson index Terms by (Of, Role) and by Person, for
	// the first indexed terms; index rebuilds them when Terms grew.
	byRole   map[[2]string][]int
	byPerson map[string][]int
	indexed  int
}

// index (re)builds the indexes of Terms when they do not cover all of
// them.
func (t *Truth) index() {
	if t.byRole != nil && t.indexed == len(t.Terms) {
		return
	}
	t.byRole, t.byPerson = map[[2]string][]int{}, map[string][]int{}
	for i, term := range t.Terms {
		k := [2]string{term.Of, term.Role}
		t.byRole[k] = append(t.byRole[k], i)
		t.byPerson[term.Person] = append(t.byPerson[term.Person], i)
	}
	t.indexed = len(t.Terms)
}

// HolderAt returns who held role of of (a country or organization) on day
// d, and false when nobody did.
func (t *Truth) HolderAt(of, role string, d time.Time) (string, bool) {
	t.index()
	for _, i := range t.byRole[[2]string{of, role}] {
		if t.Terms[i].InForce(d) {
			return t.Terms[i].Person, true
		}
	}
	return "", false
}

// termOf returns the term person is in on day d, the first in Terms
// order when there are several.
func (t *Truth) termOf(person string, d time.Time) (Term, bool) {
	t.index()
	for _, i := range t.byPerson[person] {
		if t.Terms[i].InForce(d) {
			return t.Terms[i], true
		}
	}
	return Term{}, false
}

// TermsOf returns the terms of role of of, in time order.
func (t *Truth) TermsOf(of, role string) []Term {
	var out []Term
	for _, term := range t.Terms {
		if term.Of == of && term.Role == role {
			out = append(out, term)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}

// predecessor returns the term before Terms[i] in the same role.
func (t *Truth) predecessor(i int) (Term, bool) {
	cur := t.Terms[i]
	var best Term
	found := false
	for _, term := range t.Terms {
		if term.Of == cur.Of && term.Role == cur.Role && term.End.Equal(cur.Start) {
			best, found = term, true
		}
	}
	return best, found
}

// Entry is one line of a person's timeline: a term or an event.
type Entry struct {
	// Term is set for a term; Event for an event.
	Term  *Term
	Event *Event
}

// When places an entry in time: a term's start, an event's day.
func (e Entry) When() time.Time {
	if e.Term != nil {
		return e.Term.Start
	}
	return e.Event.Date
}

// Timeline returns the terms and events of person (or of a country or
// organization, as a party to events), in time order.
func (t *Truth) Timeline(person string) []Entry {
	var out []Entry
	for i := range t.Terms {
		if t.Terms[i].Person == person {
			out = append(out, Entry{Term: &t.Terms[i]})
		}
	}
	for i := range t.Events {
		if t.Events[i].Subject == person || t.Events[i].Object == person {
			out = append(out, Entry{Event: &t.Events[i]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].When().Before(out[j].When()) })
	return out
}

// Check verifies that the truth is consistent: no two terms of one role
// overlap, each term after the first starts the day its predecessor's
// ends, and every event's people held an office on its day. It returns
// the problems found.
func (t *Truth) Check() []string {
	var problems []string
	roles := map[[2]string]bool{}
	for _, term := range t.Terms {
		if !term.End.IsZero() && !term.End.After(term.Start) {
			problems = append(problems, fmt.Sprintf("%s as %s of %s: ends %s before it starts %s", term.Person, term.Role, term.Of, term.End.Format(time.DateOnly), term.Start.Format(time.DateOnly)))
		}
		roles[[2]string{term.Of, term.Role}] = true
	}
	for k := range roles {
		ts := t.TermsOf(k[0], k[1])
		for i := 1; i < len(ts); i++ {
			prev, cur := ts[i-1], ts[i]
			if prev.End.IsZero() || !prev.End.Equal(cur.Start) {
				problems = append(problems, fmt.Sprintf("%s of %s: %s starts %s but %s ends %v", k[1], k[0], cur.Person, cur.Start.Format(time.DateOnly), prev.Person, prev.End))
			}
		}
	}
	held := func(p string, d time.Time) bool {
		for _, term := range t.Terms {
			if term.Person == p && term.InForce(d) {
				return true
			}
		}
		return false
	}
	for _, e := range t.Events {
		for _, side := range []string{e.Subject, e.Object} {
			if isPersonName(side) && !held(side, e.Date) && e.Predicate != "succeeded" {
				problems = append(problems, fmt.Sprintf("%s %s %s on %s: %s held no office", e.Subject, e.Predicate, e.Object, e.Date.Format(time.DateOnly), side))
			}
		}
	}
	sort.Strings(problems)
	return problems
}

// isPersonName reports whether name is one the namer makes (countries and
// organizations are the package's tables).
func isPersonName(name string) bool {
	for _, c := range countries {
		if c.name == name {
			return false
		}
	}
	for _, o := range orgs {
		if o.name == name {
			return false
		}
	}
	return strings.Contains(name, " ")
}
