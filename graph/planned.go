package graph

// A planned event is not the event. An act told as a plan ("is scheduled
// to visit", "are due to meet", "will hold talks", "plans to travel", "is
// to sign") or dated after the article that tells it ("visits Germany on
// October 27" in a paper of October 15) has not happened when the article
// is written; the graph keeps it as the intent PLOVER codes for it, dated
// on the planned day, and leaves the act to the article that reports it
// done. The two rules below are the date half of that: extraction reads
// the wording half (ingest/extract).

// PlannedFor reports whether an event dated date in an article published
// on pub is still to come when the article is written: the whole period
// of date (a day, a month, a year) lies after the day of publication. A
// month or a year that holds the publication day is not ahead ("later
// this month"), nor is any date when either is unknown.
func PlannedFor(date, pub Date) bool {
	if date.IsZero() || pub.IsZero() {
		return false
	}
	return !date.Time().Before(pub.Last())
}

// PlannedAs returns the predicate a plan of an act of predicate pred is
// stored as, and whether such a plan states anything: an intent to
// cooperate (CAMEO 02–09: meetings, visits, calls, signing, support, aid,
// concessions, withdrawals, inquiries) is pledged, PLOVER's AGREE; an
// intent to protest, mobilize, sanction, coerce or use force (CAMEO 13–20)
// is threatened; an agreement or pledge is itself an intent and stays.
// A plan of an act two sides do together (a meeting, talks, a call, a
// signing, cooperation: a symmetric predicate) is agreed_with, whichever
// side the sentence names first and whether it names one side as the
// subject ("X meets Y on Friday", "X will hold talks with Y") or both
// ("X and Y are due to meet"): it is arranged by both, and one coding
// keeps the two wordings one fact.
// A nomination or a succession (no CAMEO code: no interaction) is
// announced ahead and dated on the day it takes effect, and stays. Acts
// with no intent form (demands, criticism, accusations, rejections,
// statements) give "" and false: a plan of them states no event.
func PlannedAs(pred string) (string, bool) {
	p, ok := PredicateInfo(pred)
	switch {
	case !ok || !p.IsEvent():
		return "", false
	case p.CAMEO == None || len(p.CAMEO) < 2:
		return pred, true
	}
	switch root := p.CAMEO[:2]; {
	case root == "03":
		return pred, true
	case root >= "02" && root <= "09" && p.Symmetric:
		return AgreedWith, true
	case root >= "02" && root <= "09":
		return Pledged, true
	case root >= "13" && root <= "20":
		return Threatened, true
	}
	return "", false
}
