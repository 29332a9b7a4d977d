package extract

// pronounReportVerbs report a clause whose subject, "it" or "they", is the
// one reporting it ("NATO said on Thursday it would tighten …", "Ecuador
// announced that it would sever …", "the rebels vowed they would …").
// Claims and allegations are left out: what they report is said of
// another (see claimWords).
var pronounReportVerbs = toSet("said says announced announces confirmed confirms declared declares stated states " +
	"insisted insists added adds warned warns vowed vows pledged pledges promised promises indicated indicates")

// reportedPronoun returns a copy of units in which the pronoun opening a
// reported clause stands for its reporter, so that the phrasing rules
// (verbs.tsv, the event rules) read "Ecuador said it would sever
// relations with Mexico" as they read "Ecuador would sever relations
// with Mexico", as the general coder already does. The reporter is the
// actor, or the list of actors ("Britain and France said they …"),
// opening the clause right before the verb of saying, with at most a date
// between them ("NATO on Thursday said it …"); "it" stands for one
// country or organization, "they" for any of them or a list; a person is
// "he" or "she", which coreference reads. The copies take the pronoun's
// place in the text, so a statement read through them spans the reported
// clause, not the saying. It returns nil when no pronoun of units is read
// so.
func reportedPronoun(units []*unit) []*unit {
	var out []*unit
	from := 0 // units before it are copied into out already
	for k := 2; k < len(units); k++ {
		p := units[k]
		if p.kind != kWord || p.lower() != "it" && p.lower() != "they" {
			continue
		}
		j := k - 1
		if units[j].kind == kWord && units[j].lower() == "that" {
			j--
		}
		if j > 0 && units[j].kind == kDate {
			j-- // "said on Thursday it would …"
		}
		if j < 1 || units[j].kind != kWord || !pronounReportVerbs[units[j].lower()] {
			continue
		}
		if j--; j > 0 && units[j].kind == kDate {
			j-- // "NATO on Thursday said it …"
		}
		if !reporterActor(units[j]) {
			continue
		}
		a := j
		for a >= 2 && (units[a-1].lower() == "and" || units[a-1].text == ",") && reporterActor(units[a-2]) {
			a -= 2
		}
		if a != j && p.lower() == "it" {
			continue // "Britain and France said it …": not the two
		}
		if a > 0 && units[a-1].kind != kPunct && !clauseJoiners[units[a-1].lower()] {
			continue // "officials in Iran said it …": Iran does not report
		}
		out = append(out, units[from:k]...)
		for _, u := range units[a : j+1] {
			c := *u
			c.start, c.end = p.start, p.end
			out = append(out, &c)
		}
		from = k + 1
	}
	if out == nil {
		return nil
	}
	return append(out, units[from:]...)
}

// clauseJoiners open a clause whose subject may follow them ("…, and
// Iran said it …").
var clauseJoiners = toSet("and but while as whereas meanwhile")

// reporterActor reports whether u is an actor that "it" or "they" may
// stand for: a country, an organization or a country's part, not a person
// (a person is "he" or "she").
func reporterActor(u *unit) bool {
	return (u.kind == kCountry || u.kind == kOrg) && coderActor(u)
}
