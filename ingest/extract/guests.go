package extract

// guestWords mark the guest of a meeting before their name ("received
// the visiting Kazakh President", "met visiting Saudi minister"): words
// of courtesy in state media and readouts, not part of who is met.
var guestWords = toSet("visiting")

// dropGuestWords removes "visiting" (and the article before it) where an
// actor follows, so that "met the visiting Saudi Minister Adel al-Jubeir"
// reads as "met Adel al-Jubeir", as the event rules expect.
func dropGuestWords(units []*unit) []*unit {
	var out []*unit // nil until a word is dropped
	for k, u := range units {
		drop := false
		if u.kind == kWord && k+1 < len(units) {
			next := units[k+1]
			switch {
			case guestWords[u.lower()]:
				drop = actorKind(next.kind)
			case u.lower() == "the" && guestWords[next.lower()] && next.kind == kWord:
				drop = k+2 < len(units) && actorKind(units[k+2].kind)
			}
		}
		if drop && out == nil {
			out = append(make([]*unit, 0, len(units)), units[:k]...)
		}
		if out != nil && !drop {
			out = append(out, u)
		}
	}
	if out == nil {
		return units
	}
	return out
}

// actorKind reports whether a unit of kind k names a person, a country or
// an organization.
func actorKind(k byte) bool {
	return k == kPerson || k == kCountry || k == kOrg
}
