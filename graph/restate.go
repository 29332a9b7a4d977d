package graph

import "time"

// RestateWindow is how long after a dated event an article that states
// the same event without a date is still read as restating it (see
// RestatesEvent).
const RestateWindow = 7 * 24 * time.Hour

// RestatesEvent reports whether an undated statement of an event, in an
// article published on published, may be read as restating the stated
// event of the same subject, predicate, object and role dated date: the
// article is dated to the day, the event took place on or before that
// day, and the article came out less than RestateWindow after the
// event's last day (a meeting on 25 November is restated in an article of
// 2 December, not of 3 December). Articles report recent events: an
// undated "Trump met Rutte" published two days after a dated meeting of
// the two is that meeting, while one published a month later may be
// another.
func RestatesEvent(published, date Date) bool {
	if published.Precision != DayPrecision || date.IsZero() {
		return false
	}
	p := published.Time()
	return !date.Time().After(p) && p.Sub(date.Last()) < RestateWindow
}

// RestatedEvent returns, among the dates of stated events of one subject,
// predicate, object and role, the one an undated statement published on
// published restates (RestatesEvent): the latest that qualifies. ok is
// false when none does.
func RestatedEvent(published Date, dates []Date) (Date, bool) {
	var best Date
	for _, d := range dates {
		if RestatesEvent(published, d) && (best.IsZero() || best.Before(d)) {
			best = d
		}
	}
	return best, !best.IsZero()
}

// MayRestateLater reports whether an undated statement read as restating
// the event dated d could instead restate the later event dated later
// (RestatedEvent prefers the latest): some article day on which later
// qualifies (RestatesEvent) still lies within the window of d. A statement
// of an event first stored undated (d zero) restates whatever event its
// article qualifies for; MayRestateLater is false for it, and callers test
// those statements one by one.
func MayRestateLater(d, later Date) bool {
	if d.IsZero() || later.IsZero() || !d.Before(later) {
		return false
	}
	t := later.Time()
	return RestatesEvent(DayOf(t.Year(), t.Month(), t.Day()), d)
}

// RestatesLater reports whether an undated statement published on
// published, now read as restating the event dated d (zero: no event),
// restates instead the event dated later: later qualifies and is the
// latest of the two that does (RestatedEvent).
func RestatesLater(published, d, later Date) bool {
	if d == later {
		return false
	}
	best, ok := RestatedEvent(published, []Date{d, later})
	return ok && best == later
}
