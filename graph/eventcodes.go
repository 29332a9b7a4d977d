package graph

// CAMEO's codes of a visit told from either side (its 042 "make a visit"
// and 043 "host a visit"), and PLOVER's CONSULT modes for them.
const (
	cameoVisit Code = "042"
	cameoHost  Code = "043"
	modeVisit  Code = "visit"
	modeHost   Code = "host"
)

// EventCodes returns the CAMEO code, the PLOVER event type and the PLOVER
// mode of event fact f as its subject acted: its predicate's (the
// predicate table), except for a meeting the text tells one side hosted
// (Host): CAMEO 043 and mode host when the subject is the host, 042 and
// mode visit when the subject is the guest. A fact of an unknown
// predicate has none (None).
func (f *Fact) EventCodes() (cameo, plover, mode Code) {
	p, ok := PredicateInfo(f.Predicate)
	if !ok {
		return None, None, None
	}
	cameo, plover, mode = p.CAMEO, p.PLOVER, p.PLOVERMode
	if f.Predicate != Met || f.Host == "" {
		return cameo, plover, mode
	}
	switch f.Host {
	case f.Subject:
		return cameoHost, plover, modeHost
	case f.Object:
		return cameoVisit, plover, modeVisit
	}
	return cameo, plover, mode
}
