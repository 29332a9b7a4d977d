package render

import "github.com/geokg/geokg/graph"

// When renders a fact's valid time for a table: as Period, but a term
// known from one side only reads "from START" or "until END".
func When(f graph.Fact) string {
	if !graph.IsEvent(f.Predicate) {
		s, e := f.Start.String(), f.End.String()
		switch {
		case s == "" && e != "":
			return "until " + e
		case s != "" && e == "" && !f.Ended:
			return "from " + s
		}
	}
	return Period(f)
}

// Period renders a fact's valid time as the query commands' tables do:
// an event's date; a term's "START – END", an unknown side left empty and
// a term known to be over without an end date ending "(ended)".
func Period(f graph.Fact) string {
	if graph.IsEvent(f.Predicate) {
		return f.Date.String()
	}
	s, e := f.Start.String(), f.End.String()
	switch {
	case s == "" && e == "" && f.Ended:
		return "(ended)"
	case s == "" && e == "":
		return ""
	case e == "" && f.Ended:
		return s + " – (ended)"
	}
	return s + " – " + e
}
