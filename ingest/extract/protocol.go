package extract

// dualTitles folds a first title joined by "and" to a titled person into
// that person ("Deputy Prime Minister and Minister of Foreign Affairs Bui
// Thanh Son", "his counterpart, Deputy Prime Minister and Minister of
// Foreign Affairs of Laos X"), as readouts name one holder of two posts,
// so the event rules see the person where the titles stand. A title
// after "the" or "a" is left: "the Prime Minister and Foreign Minister
// X" may be two people.
func dualTitles(units []*unit) []*unit {
	var out []*unit
	for k := 0; k < len(units); k++ {
		u := units[k]
		if u.kind == kOffice && k+2 < len(units) && units[k+1].kind == kWord && units[k+1].lower() == "and" &&
			units[k+2].kind == kPerson && units[k+2].ref != nil && units[k+2].start > units[k+1].end+1 &&
			(k == 0 || !articles[units[k-1].lower()]) {
			if out == nil {
				out = append(make([]*unit, 0, len(units)), units[:k]...)
			}
			k++ // the person comes next, with the title it was folded from
			continue
		}
		if out != nil {
			out = append(out, u)
		}
	}
	if out == nil {
		// The titles may have been folded by readTitles in the same
		// pass as "his counterpart" was read ("his counterpart, Deputy
		// Prime Minister and Foreign Minister of Laos X").
		return counterpartNamed(units)
	}
	return counterpartNamed(out)
}

// counterpartNamed folds "his counterpart, X" into X once dualTitles, or
// a title folded in the pass that read the counterpart, has put X right
// after it (reCounterpart folds the others in readTitles).
func counterpartNamed(units []*unit) []*unit {
	for k := 0; k+1 < len(units); k++ {
		w := units[k]
		if w.kind != kWord || w.lower() != "counterpart" && w.lower() != "counterparts" {
			continue
		}
		j := k + 1
		if isComma(units[j]) && j+1 < len(units) {
			j++
		}
		if units[j].kind != kPerson || units[j].ref == nil {
			continue
		}
		i := k - 1
		if i >= 0 && (units[i].kind == kCountry || units[i].kind == kWord && units[i].demonym) {
			i-- // "his Lao counterpart"
		}
		if i < 0 || units[i].kind != kWord || !possessives[units[i].lower()] {
			continue
		}
		return append(units[:i:i], units[j:]...)
	}
	return units
}

// possessives open "his counterpart".
var possessives = toSet("his her their its")

// articles are the words that make a title before "and" someone's own.
var articles = toSet("the a an")

// theVisitedCountry makes "the country" or "the Kingdom" after "visit
// to" the country of the article's dateline ("ABU DHABI … received King
// Abdullah II, who is on a working visit to the country"), as agency
// reports name the host: a visit to it, not to a country unnamed. Only
// in the first sentence, or anywhere in a report whose dateline is dated
// (a readout's).
func (d *doc) theVisitedCountry(units []*unit, sentIdx int) []*unit {
	if sentIdx > 0 && d.datelineDay.IsZero() {
		return units // far from an undated dateline, "the country" may be another
	}
	for k := 0; k+2 < len(units); k++ {
		if units[k].lower() != "visit" || units[k+1].lower() != "to" {
			continue
		}
		a, b := k+2, k+2 // the host noun's units: "the country", or "Kingdom" read as a name
		if units[a].lower() == "the" && a+1 < len(units) {
			b = a + 1
		}
		if h := units[b]; h.kind != kWord && h.kind != kOther || !hostNouns[h.lower()] || a == b && h.kind == kWord {
			continue
		}
		c := d.dateline
		if c == nil {
			c = datelineOf(units)
		}
		if c == nil {
			c = d.leadPlace
		}
		if c == nil {
			return units
		}
		r := *c
		u := &unit{kind: kCountry, text: r.name, start: units[a].start, end: units[b].end, ref: &r}
		return append(append(append(make([]*unit, 0, len(units)), units[:a]...), u), units[b+1:]...)
	}
	return units
}

// hostNouns name the host country after "visit to the".
var hostNouns = toSet("country kingdom sultanate emirate")

// whoAfterCountry drops the country of a person named "X of Jordan, who
// …" for the event rules, so that the relative clause is the person's
// ("received His Majesty King Abdullah II of the Hashemite Kingdom of
// Jordan, who is on a working visit to the country": the King visits,
// not Jordan).
func whoAfterCountry(units []*unit) []*unit {
	for k := 0; k+4 < len(units); k++ {
		if units[k].kind == kPerson && units[k+1].lower() == "of" && units[k+2].kind == kCountry &&
			isComma(units[k+3]) && units[k+4].lower() == "who" {
			return append(append(make([]*unit, 0, len(units)-2), units[:k+1]...), units[k+3:]...)
		}
	}
	return units
}
