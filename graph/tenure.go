package graph

import (
	"strings"
	"time"
)

// Tenure reconstruction: states that compete for one place — the holders
// of a role of a country or organization, the holders of an office, the
// successive targets of one kind an organization sets — form a group, and
// an open term in a group ends where the next one begins. InferEnds
// computes those ends from the set of facts alone, so the answer does not
// depend on the order the facts arrived in; Store.Write runs it over every
// group a batch touches, in the batch's transaction.

// singleHolderOffices are the holds_position objects (by the slug of their
// name) that one person holds at a time. A position entity names an office
// without its country, so only offices whose name alone says whose they are
// are listed; "Foreign Minister" or "Vice President" exist in many
// countries and are never closed by a new holder (only by an explicit
// "succeeded"). An office named "<title> of <country or organization>" is
// single-holder when its title is in singleHolderTitles.
var singleHolderOffices = map[string]bool{
	"national-security-adviser":      true,
	"secretary-of-state":             true,
	"secretary-of-defense":           true,
	"secretary-of-the-treasury":      true,
	"secretary-of-homeland-security": true,
	"secretary-of-commerce":          true,
	"chair-of-the-federal-reserve":   true,
	"speaker-of-the-house":           true,
	"chancellor-of-the-exchequer":    true,
	"high-representative-of-the-union-for-foreign-affairs-and-security-policy": true,
}

// singleHolderTitles are titles that make "<title> of <X>" a single-holder
// office ("prime-minister-of-norway", "governor-of-the-bank-of-japan").
var singleHolderTitles = []string{
	"president", "prime-minister", "chancellor", "king", "queen", "emir", "supreme-leader",
	"secretary-general", "director-general", "managing-director", "chairperson", "chair",
	"governor", "central-bank-governor", "national-security-adviser", "foreign-minister",
	"defense-minister", "finance-minister", "interior-minister", "leader",
}

// multiHolderRoleWords mark leads roles several people hold at once; such
// roles are never closed by a new holder.
var multiHolderRoleWords = []string{"co-", "deputy", "vice", "member", "senator", "representative",
	"commissioner", "ambassador", "judge"}

// IsSingleHolder reports whether the state fact f belongs to a group whose
// members replace one another: a leads role (head of state or government,
// secretary general, party leader…) unless the role is one several people
// share; a holds_position office from the documented single-holder list;
// and an organization's target of one kind (a new "% of GDP" target
// replaces the old one). member_of is never single-holder.
func IsSingleHolder(f *Fact) bool {
	switch f.Predicate {
	case Leads:
		role := Slug(f.Role)
		if role == "" {
			return false
		}
		for _, w := range multiHolderRoleWords {
			if strings.Contains(role, w) {
				return false
			}
		}
		return true
	case HoldsPosition:
		return singleHolderOffice(f.Object)
	case HasTarget:
		return true
	}
	return false
}

// Supersedes reports whether the term of state g replaced the term of
// state f by day d under the single-holder rule: both are in one group
// (GroupKey) whose members replace one another (IsSingleHolder), another
// holder's term g started by d, and after f's term started (or f's start
// is unknown) — or, g's start unknown, g was first reported in office by d
// and after f was (reportedAfter). It is the rule InferEnds closes open terms by, asked of one
// pair at one day, for callers that hold facts whose ends were not
// inferred over their whole group.
func Supersedes(g, f *Fact, d Date) bool {
	if g.Subject == f.Subject {
		return false
	}
	if k := GroupKey(f); k == "" || k != GroupKey(g) || !IsSingleHolder(f) {
		return false
	}
	if g.Start.IsZero() {
		r, ok := reportedAfter(g, f)
		return ok && !d.Time().Before(r.Time())
	}
	if d.Time().Before(g.Start.Time()) {
		return false
	}
	return f.Start.IsZero() || after(g.Start, f.Start)
}

// reportedAfter returns the first report of g, a term with an unknown
// start and no stated end that its sources present as current, when it
// comes after the first report of f, a term they also present as current
// (and after f's start): in a single-holder group g then held the place by
// that day, and f's term, reported earlier, was over by it at the latest.
// ok is false otherwise. Like the rest of inference it reads of the
// sources only their first publication (FirstPublished).
func reportedAfter(g, f *Fact) (Date, bool) {
	if !g.Start.IsZero() || g.Ended || (!g.End.IsZero() && g.EndInferredFrom == "") || f.Ended {
		return Date{}, false
	}
	first, anchor := FirstPublished(g), FirstPublished(f)
	if first.IsZero() || anchor.IsZero() || !after(first, anchor) || (!f.Start.IsZero() && !after(first, f.Start)) {
		return Date{}, false
	}
	return first, true
}

// singleHolderOffice reports whether the position entity id names an office
// one person holds at a time.
func singleHolderOffice(id string) bool {
	slug := id[strings.IndexByte(id, '/')+1:]
	if singleHolderOffices[slug] {
		return true
	}
	for _, t := range singleHolderTitles {
		if strings.HasPrefix(slug, t+"-of-") {
			return true
		}
	}
	return false
}

// GroupKey returns the key of the group of states f competes in, or "" for
// events and member_of: predicate, object and role for leads and
// holds_position; subject and the kind of target for has_target (the
// target's name without its figures, so "2% of GDP" and "3.5% of GDP" are
// one kind).
func GroupKey(f *Fact) string {
	switch f.Predicate {
	case Leads, HoldsPosition:
		return f.Predicate + "|" + f.Object + "|" + Slug(f.Role)
	case HasTarget:
		return f.Predicate + "|" + f.Subject + "|" + targetKind(f.Object)
	}
	return ""
}

// GroupAnchor returns the entity by which the group of f (GroupKey) is
// found, and whether it is the members' subject rather than their object:
// the organization or office of leads and holds_position (object), the
// organization setting a target (subject). Every member of the group has
// f's predicate and this entity on that side.
func GroupAnchor(f *Fact) (id string, subject bool) {
	if f.Predicate == HasTarget {
		return f.Subject, true
	}
	return f.Object, false
}

// targetKind strips the figures from a target entity id.
func targetKind(id string) string {
	var b strings.Builder
	for _, r := range id[strings.IndexByte(id, '/')+1:] {
		if (r >= '0' && r <= '9') || r == '.' {
			continue
		}
		b.WriteRune(r)
	}
	return strings.Trim(b.String(), "-")
}

// FirstPublished returns the earliest publication date of f's live
// sources.
func FirstPublished(f *Fact) Date {
	var first Date
	for _, s := range f.Sources {
		if !s.IsWithdrawn() && !s.Published.IsZero() && (first.IsZero() || s.Published.Before(first)) {
			first = s.Published
		}
	}
	return first
}

// after reports whether a starts strictly after b (both known).
func after(a, b Date) bool { return a.Time().After(b.Time()) }

// InferEnds returns facts with the inferred ends of their open terms
// recomputed; the input is not modified. Ends inferred before
// (EndInferredFrom set) are cleared first, so running it twice changes
// nothing. For a state with no stated End, in this order:
//
//  1. Explicit succession: a "succeeded" event "S succeeded P" among facts
//     ends P's term in every group where S has a term too, at S's start
//     (else at the event's date; else, S's term being in the group, by the
//     event's first publication, an upper bound with EndBy set), when that
//     comes after P's start. The event's Role, when it has one, must match
//     the term's. This closes any role, shared ones included.
//  2. A new holder: in a single-holder group (IsSingleHolder) the term
//     ends where another member's term starts: the earliest start after
//     this term's start; for a term with an unknown start that sources
//     present as current, the earliest start after its first publication;
//     for one they call over ("former"), the latest start by its first
//     publication (the holder who was in office when it was reported). A
//     term its sources present as current also ends, at the latest, where
//     another holder whose start is unknown is first reported in office
//     after its own first report (Joe Biden "President" in 2024, Donald
//     Trump "President" from 2025: Biden's term was over by Trump's first
//     report); the end is then that report's publication date, an upper
//     bound like the end of a term called over, and EndBy is set. Of an
//     exact end and a bound on the same day, the exact one is kept.
//
// A term of a single-holder group whose start no source states and that
// its sources present as current also gets a lower bound on its start,
// StartAfter: the latest day before the term's first report on which
// another holder was in office — that holder's start, or its last report
// as current (when before this term's first report). This term was in force
// continuously from its start up to its report, so it began on that day
// or later (President X first reported in 2022 was not president in 2018
// when Y took office in 2017, nor in 2021 when an article called Y
// president).
//
// The end is the successor's start at its precision; EndInferredFrom names
// the fact it came from. facts should hold whole groups (every fact of the
// group) plus the "succeeded" events between their subjects.
func InferEnds(facts []Fact) []Fact {
	out := make([]Fact, len(facts))
	copy(out, facts)
	groups := map[string][]*Fact{}
	succ := map[string][]*Fact{} // "succeeded" events by predecessor
	for i := range out {
		f := &out[i]
		if f.EndInferredFrom != "" {
			f.End, f.EndInferredFrom, f.EndBy = Date{}, "", false
		}
		f.StartAfter = Date{}
		if f.Predicate == Succeeded {
			succ[f.Object] = append(succ[f.Object], f)
		}
		if k := GroupKey(f); k != "" {
			groups[k] = append(groups[k], f)
		}
	}
	type set struct {
		f   *Fact
		end InferredEnd
	}
	var sets []set
	for _, members := range groups {
		for i, e := range GroupEnds(members, succ) {
			if !e.End.IsZero() || !e.StartAfter.IsZero() {
				sets = append(sets, set{members[i], e})
			}
		}
	}
	for _, s := range sets {
		if !s.end.End.IsZero() {
			s.f.End, s.f.EndInferredFrom, s.f.EndBy = s.end.End, s.end.From, s.end.By
		}
		s.f.StartAfter = s.end.StartAfter
	}
	return out
}

// InferredEnd is an end InferEnds inferred and the id of the fact it came
// from; zero when there is none.
type InferredEnd struct {
	// End is the inferred end (exclusive).
	End Date
	// From is the id of the fact the end was inferred from.
	From string
	// By marks an end that is only an upper bound: another holder's first
	// report, by which the term was over (see Fact.EndBy).
	By bool
	// StartAfter is the lower bound of a term with an unknown start (see
	// Fact.StartAfter and InferEnds); it is not an end, and is set
	// whether or not End is.
	StartAfter Date
}

// GroupEnds returns the inferred end of each member of one group whose
// end no source states (an end inferred before counts as unstated); succ
// holds the "succeeded" events by predecessor. It reads the members' starts
// only, never their ends, so the results may be set in any order.
func GroupEnds(members []*Fact, succ map[string][]*Fact) []InferredEnd {
	out := make([]InferredEnd, len(members))
	// starts maps a subject to its term's start and id (the last member
	// with a known start, when it has several).
	starts := map[string]InferredEnd{}
	for _, g := range members {
		if !g.Start.IsZero() {
			starts[g.Subject] = InferredEnd{End: g.Start, From: g.ID}
		} else if _, ok := starts[g.Subject]; !ok {
			starts[g.Subject] = InferredEnd{}
		}
	}
	for i, f := range members {
		if !f.End.IsZero() && f.EndInferredFrom == "" {
			continue
		}
		e := succession(f, starts, succ[f.Subject])
		if e.End.IsZero() && IsSingleHolder(f) {
			e = newHolder(members, i)
		}
		out[i] = e
	}
	for i, f := range members {
		if IsSingleHolder(f) {
			out[i].StartAfter = startAfter(members, i)
		}
	}
	return out
}

// startAfter returns the lower bound of the start of term i in a
// single-holder group: for a term whose start is unknown, that is not
// called over and that a source presents as current, the latest day
// before its first report on which another holder was in office — the
// start of that holder's term, or its last report as current (see
// InferEnds); else the unknown date. Of the sources it reads, like the
// rest of inference, only the bounding publications (FirstPublished,
// lastReported).
func startAfter(members []*Fact, i int) Date {
	f := members[i]
	if !f.Start.IsZero() || f.Ended || !reportedCurrent(f) {
		return Date{}
	}
	first := FirstPublished(f)
	if first.IsZero() {
		return Date{}
	}
	var bound Date
	raise := func(d Date) {
		if d.IsZero() || !d.Time().Before(first.Time()) {
			return
		}
		if bound.IsZero() || after(d, bound) || (d.Time().Equal(bound.Time()) && d.Precision > bound.Precision) {
			bound = d
		}
	}
	for j, g := range members {
		if j == i || g.Subject == f.Subject {
			continue
		}
		raise(g.Start)
		raise(LastReported(g))
	}
	return bound
}

// succession returns the end of term f from an explicit "succeeded" event
// among evs (events naming its holder as predecessor), and the id of the
// fact it came from; starts maps the subjects of f's group to their start
// (see GroupEnds).
func succession(f *Fact, starts map[string]InferredEnd, evs []*Fact) InferredEnd {
	var best InferredEnd
	for _, ev := range evs {
		if ev.Object != f.Subject || ev.Subject == f.Subject {
			continue
		}
		if ev.Role != "" && f.Role != "" && Slug(ev.Role) != Slug(f.Role) {
			continue
		}
		st, shares := starts[ev.Subject]
		e := InferredEnd{End: st.End, From: st.From}
		if e.End.IsZero() {
			// The successor's term is not among the facts: the event alone
			// says the role only when it names it.
			if ev.Role == "" && !shares {
				continue
			}
			e = InferredEnd{End: ev.Date, From: ev.ID}
			if e.End.IsZero() && shares {
				// Neither the successor's start nor the event's day is
				// known ("His successor is Petra Horvat"): the term was
				// over by the event's first report, an upper bound.
				e = InferredEnd{End: FirstPublished(ev), From: ev.ID, By: true}
			}
		}
		d := e.End
		if d.IsZero() || (!f.Start.IsZero() && !after(d, f.Start)) {
			continue
		}
		// The earliest; of an exact end and a bound on one day, the exact.
		if best.End.IsZero() || d.Before(best.End) ||
			d == best.End && (best.By && !e.By || best.By == e.By && e.From < best.From) {
			best = e
		}
	}
	return best
}

// newHolder returns the end of term i in a single-holder group from the
// start of another member's term, and that term's id; or, from another
// holder's first report, an upper bound (By).
func newHolder(members []*Fact, i int) InferredEnd {
	f := members[i]
	anchor, latest := f.Start, false
	if anchor.IsZero() {
		anchor = FirstPublished(f)
		latest = f.Ended
	}
	if anchor.IsZero() {
		return InferredEnd{}
	}
	var end Date
	var from string
	for j, g := range members {
		if j == i || g.Start.IsZero() || (g.Subject == f.Subject && g.Object == f.Object) {
			continue
		}
		if latest {
			// Over by anchor: the holder in office then followed it.
			if g.Start.Time().After(anchor.Last().Add(-time.Nanosecond)) {
				continue
			}
			if end.IsZero() || after(g.Start, end) || (g.Start == end && g.ID < from) {
				end, from = g.Start, g.ID
			}
			continue
		}
		if !after(g.Start, anchor) {
			continue
		}
		if end.IsZero() || g.Start.Before(end) || (g.Start == end && g.ID < from) {
			end, from = g.Start, g.ID
		}
	}
	if latest {
		return InferredEnd{End: end, From: from}
	}
	// A holder whose start is unknown, first reported in office after every
	// report of this term: this term was over by then, at the latest.
	by := false
	for j, g := range members {
		if j == i || g.Subject == f.Subject {
			continue
		}
		if r, ok := reportedAfter(g, f); ok && (end.IsZero() || r.Before(end) || (r == end && by && g.ID < from)) {
			end, from, by = r, g.ID, true
		}
	}
	return InferredEnd{End: end, From: from, By: by}
}
