package extract

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// Appointments and nominations. "X nominated Y as ..." is always a
// nomination, and so are "picked", "tapped", "selected" and "designated":
// they name a choice that still has to take effect. "X appointed Y ...",
// "installed" and "reappointed" are appointments that take effect
// (holds_position or leads from that date), and so are "named" and
// "chose" ("Starmer named Lammy foreign secretary"), except that any of
// them is a nomination when the appointer has not taken office yet (a
// president-elect or prime minister-designate, an "incoming" leader, or a
// person whose start of office the article dates after the appointment),
// and "named" and "chose" are nominations to an office filled by
// confirmation (offices.tsv: Secretary of State, UN ambassador, ...).

// nominates reports whether an appointment match (reChangeObj, or the
// nomination rule with "named" or "chose") is a nomination.
func (d *doc) nominates(m *match, st *sentence) bool {
	v := m.group("v")
	switch v {
	case "appointed", "installed", "reappointed", "named", "chose":
	default:
		return false
	}
	by := m.one("by")
	if m.re.SubexpIndex("by") < 0 {
		by = m.one("s") // the nomination rule: s is the appointer
	}
	if by != nil && by.kind == kPerson && by.ref != nil {
		var when graph.Date
		if u := nearestDate(m.units, m.span(), st.text, nil); u != nil {
			when = u.expr.Value
		}
		if d.notYetInOffice(m.units, by, when) {
			return true
		}
	}
	if v == "appointed" || v == "installed" || v == "reappointed" {
		return false
	}
	off := m.one("off")
	return off != nil && off.off != nil && off.off.confirm
}

// notYetInOffice reports whether the person of unit by had not taken
// office at date when (zero: unknown): the article calls them
// president-elect or "incoming" and dates no start before when, or dates
// their start after when.
func (d *doc) notYetInOffice(units []*unit, by *unit, when graph.Date) bool {
	var start graph.Date
	if !when.IsZero() {
		d.readAnchorSrcs(false)
	}
	if a := d.anchors[by.ref.name]; a != nil {
		start = a.date[anchorOffice]
	}
	if !when.IsZero() && !start.IsZero() {
		return !when.Last().After(start.Time())
	}
	return d.elect[by.ref.name] || electBefore(units, by)
}

// electBefore reports whether the words before person u make them a leader
// who has not taken office: "President-elect Donald Trump", "incoming
// Prime Minister X", "Germany's incoming chancellor, Friedrich Merz".
func electBefore(units []*unit, u *unit) bool {
	k := -1
	for i, v := range units {
		if v == u {
			k = i
			break
		}
	}
	j := k - 1
	if j >= 0 && units[j].text == "," {
		j--
	}
	if j < 0 || units[j].kind != kOffice || units[j].off == nil {
		return false
	}
	if units[j].off.elect {
		return true
	}
	j--
	if j >= 1 && units[j].text == "'s" && (units[j-1].kind == kCountry || units[j-1].kind == kOrg) {
		j -= 2 // "Germany's incoming chancellor"
	} else if j >= 0 && (units[j].kind == kCountry || units[j].kind == kOrg) {
		j-- // "incoming German Chancellor"
	}
	return j >= 0 && units[j].kind == kWord && incomingWords[units[j].lower()]
}

// incomingWords before a title say the office is not held yet.
var incomingWords = toSet("incoming designated future would-be")

// readElect records the people a sentence calls president-elect or
// incoming leader ("President-elect Donald Trump", "Trump, the
// president-elect,"), for appointments in later sentences.
func (d *doc) readElect(units []*unit) {
	for k, u := range units {
		if u.kind != kPerson || u.ref == nil {
			continue
		}
		if electBefore(units, u) {
			d.elect[u.ref.name] = true
			continue
		}
		j := k + 1
		if j >= len(units) || units[j].text != "," {
			continue
		}
		j++
		if j < len(units) && units[j].kind == kWord && units[j].lower() == "the" {
			j++
		}
		if j < len(units) && units[j].kind == kOffice && units[j].off != nil && units[j].off.elect {
			d.elect[u.ref.name] = true
		}
	}
}

// addNomination states that per was nominated to the office of match m.
func (d *doc) addNomination(m *match, per *unit, base float64, st *sentence, sentIdx int) {
	off := m.one("off")
	if off == nil || off.off == nil || off.off.elect {
		return
	}
	d.add(&cand{pred: graph.NominatedAs, subj: per.ref, subjText: per.text,
		obj: &ref{graph.Position, nominationName(m, off, d), 1}, objText: off.text,
		base: base, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate})
}

// appointedHead reads "President Emmanuel Macron appointed Michel Barnier
// as prime minister": a head of government appointed, without a country,
// by the leader of a country in another role leads the appointer's
// country, and so does an acting, interim or caretaker president ("the
// Supreme Leader named Mohammad Mokhber acting president"). The appointer's country is the one the article or the gazetteer
// says the appointer leads.
func (d *doc) appointedHead(m *match, per *unit, base float64, st *sentence, sentIdx int) *cand {
	offU, by := m.one("off"), m.one("by")

	if offU == nil || !offU.off.head || offU.off.elect || m.one("aff1") != nil || m.one("aff2") != nil ||
		by == nil || by.kind != kPerson || by.ref == nil {
		return nil
	}
	if !sameRole(offU.off.name, "Prime Minister") && !sameRole(offU.off.name, "Chancellor") &&
		!(m.group("acting") != "" && sameRole(offU.off.name, "President")) {
		return nil // a head of government, or an acting head of state ("named X acting president")
	}
	country, role := d.ledCountry(by.ref.name)
	if country == nil || country.typ != graph.Country || role == "" || sameRole(role, offU.off.name) {
		return nil
	}
	return &cand{pred: graph.Leads, subj: per.ref, subjText: per.text, obj: country, role: offU.off.name,
		base: base * 0.9, span: m.span(), sent: st, sentIdx: sentIdx}
}

// electedByPeople reads "Bolivians elected Rodrigo Paz as president":
// a country's people electing a head of state or government without a
// country make the elected one its head.
func (d *doc) electedByPeople(m *match, per *unit, base float64, st *sentence, sentIdx int) *cand {
	offU, by := m.one("off"), m.one("by")
	if offU == nil || offU.off == nil || !offU.off.head || offU.off.elect || m.one("aff1") != nil || m.one("aff2") != nil ||
		by == nil || by.kind != kCountry || by.ref == nil || by.ref.typ != graph.Country || !by.demonym ||
		!strings.Contains(m.group("v"), "elected") {
		return nil
	}
	if !sameRole(offU.off.name, "President") && !sameRole(offU.off.name, "Prime Minister") {
		return nil
	}
	return &cand{pred: graph.Leads, subj: per.ref, subjText: per.text, obj: by.ref, role: offU.off.name,
		base: base * 0.9, span: m.span(), sent: st, sentIdx: sentIdx}
}

// ledCountry returns the country the article or, failing that, the
// gazetteer says person leads, and the role, or nil.
func (d *doc) ledCountry(person string) (*ref, string) {
	if c := d.latestState(person); c != nil && c.pred == graph.Leads && c.obj != nil && c.obj.typ == graph.Country {
		return c.obj, c.role
	}
	if l := d.leaderOf(person); l != nil && l.affil != "" {
		return d.entityRef(l.affil), l.role
	}
	return nil, ""
}

// appointedNational gives an office every country has, appointed without
// a country by the leader of one, the appointer's country: "Starmer
// appointed David Lammy as foreign secretary" is the Foreign Minister of
// the United Kingdom. c is the holds_position candidate of match m.
func (d *doc) appointedNational(m *match, c *cand) {
	offU, by := m.one("off"), m.one("by")
	if c.pred != graph.HoldsPosition || offU == nil || offU.off == nil || offU.off.national == "" ||
		c.obj == nil || c.obj.name != offU.off.name || m.one("aff1") != nil || m.one("aff2") != nil ||
		by == nil || by.kind != kPerson || by.ref == nil {
		return
	}
	if country, role := d.ledCountry(by.ref.name); country != nil && country.typ == graph.Country && role != "" {
		c.obj, c.objText = &ref{graph.Position, nationalOffice(offU.off, country.name), 1}, ""
		c.base *= 0.9
	}
}

// nominatorsOffice names the office of a nomination by by (the subject of
// "X nominated Y to be foreign minister"): as nominationName does, but an
// office every country has, named without a country, is the one of the
// country the article says the nominator leads ("President Lars Nowak of
// Poland nominated Anna Berg to be foreign minister": Foreign Minister of
// Poland); a leader known only from the gazetteer, who may not be in
// office yet (a president-elect), names none.
func (d *doc) nominatorsOffice(m *match, off *unit, by *unit) string {
	name := nominationName(m, off, d)
	if off.off.national == "" || name != off.off.name || m.one("aff1") != nil || m.one("aff2") != nil ||
		by == nil || by.kind != kPerson || by.ref == nil {
		return name
	}
	if c := d.latestState(by.ref.name); c != nil && c.pred == graph.Leads && !c.ended && c.obj != nil && c.obj.typ == graph.Country {
		return nationalOffice(off.off, c.obj.name)
	}
	return name
}

var (
	// reListCue is the word that makes a list of people and offices a
	// list of nominations (the first group) or of appointments (the
	// second): "announced his picks for the top posts: X for ...".
	reListCue = lazyRegexp(`\b(?:(picks|nominees|nominations|choices|nominated|nominating|tapped|picked|selected)|(appointed|appointments|named|naming|reshuffled|reshuffle))\b`)
	// reListItem is one item of such a list: "Marco Rubio for secretary
	// of state", "Anna Berg as foreign minister".
	reListItem = compile(`(?:^|: |, |and |[a-z]+ )(?P<s><P\d+>) (?:as|for) (?:the )?(?:(?:post|position|role|job) of (?:the )?)?%OFF%`)
)

// readOfficeList reads a list of appointments or nominations, two items
// or more after the word that says which they are: "Trump has announced
// his picks for the top cabinet posts: Marco Rubio for secretary of
// state, Pete Hegseth for defense secretary and Pam Bondi for attorney
// general" (nominations), "Prime Minister Anna Berg named her cabinet on
// Monday: Lars Nowak as foreign minister and Eva Lind as defence
// minister" (appointments, which take effect; as with "named" alone, an
// office filled by confirmation, or an appointer not yet in office, makes
// them nominations). An appointment to an office every country has is of
// the country the appointer leads.
func (d *doc) readOfficeList(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	var items []*match
	for _, m := range d.findAll(reListItem, tpl, units, pos) {
		rest := tpl[m.loc[1]:]
		if rest == "" || strings.HasPrefix(rest, " ,") || strings.HasPrefix(rest, " and ") ||
			strings.HasPrefix(rest, " .") || strings.HasPrefix(rest, " ;") {
			items = append(items, m)
		}
	}
	if len(items) < 2 {
		return
	}
	first := items[0].loc[2*reListItem.SubexpIndex("s")] // the first item's person
	cues := reListCue.FindAllStringSubmatchIndex(tpl[:first], -1)
	if len(cues) == 0 {
		return
	}
	cue := cues[len(cues)-1]
	nominate, named := cue[2] >= 0, cue[4] >= 0 && strings.HasPrefix(tpl[cue[4]:], "nam")
	var by *unit // the appointer: the first person before the cue
	for k := 0; k < unitAt(pos, cue[0]); k++ {
		if units[k].kind == kPerson && units[k].ref != nil {
			by = units[k]
			break
		}
	}
	if by != nil && d.notYetInOffice(units, by, graph.Date{}) {
		nominate = true
	}
	for _, m := range items {
		per, off := m.one("s"), m.one("off")
		if per == nil || per.kind != kPerson || per.ref == nil || off == nil || off.off == nil || off.off.elect {
			continue
		}
		if nominate || named && off.off.confirm {
			d.add(&cand{pred: graph.NominatedAs, subj: per.ref, subjText: per.text,
				obj: &ref{graph.Position, d.nominatorsOffice(m, off, by), 1}, objText: off.text,
				base: confNominate * 0.9, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate})
			continue
		}
		c := d.stateFromOffice(m, per, false, confChange*0.9, st, sentIdx)
		if c == nil {
			continue
		}
		if c.bareOff != nil && by != nil {
			if country, role := d.ledCountry(by.ref.name); country != nil && country.typ == graph.Country && role != "" {
				c.obj, c.objText = &ref{graph.Position, nationalOffice(c.bareOff, country.name), 1}, ""
			}
		}
		c.bound = boundStart
		d.add(c)
	}
}

var (
	// "accepted the resignation of Foreign Minister Diana Mondino"
	reResignAccepted = compile(`accepted (?:the )?resignations? of (?:(?:his|her|their|the) )?(?P<s><P\d+>)`)
	// "named Gerardo Werthein to replace her", "appointed Ana Ruiz to
	// succeed Luis Gil as interior minister"
	reToReplace = compile(`(?P<v>named|appointed|chose|nominated|picked|tapped|selected) (?P<s><P\d+>) (?:(?:to replace|to succeed|as a replacement for|in place of) (?P<o><P\d+>|him|her)|as (?P<pron>his|her) (?:replacement|successor))(?: as (?:the |his |her )?%OFF%)?`)
)

// readReplacements reads a resignation accepted, which ends the office
// the article gives the one who resigned on the sentence's date, and an
// appointment "to replace" someone: the appointee succeeded them, takes
// their office (the one named after "as", else the one the article gives
// them) and ends their term; "him" or "her" is the person named last
// before the appointee. "nominated", "picked", "tapped" and "selected"
// only nominate the appointee to that office.
func (d *doc) readReplacements(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	for _, m := range d.findAll(reResignAccepted, tpl, units, pos) {
		per := m.one("s")
		if per == nil || per.kind != kPerson || per.ref == nil {
			continue
		}
		if prev := d.latestState(per.ref.name); prev != nil {
			d.acceptersOffice(m, units, prev)
			end := *prev
			end.bound, end.ended, end.pending, end.link, end.fixed = boundEnd, true, false, nil, false
			end.dated, end.date, end.dateKind, end.anchor, end.dateFrom = false, graph.Date{}, 0, 0, nil
			end.span, end.sent, end.sentIdx, end.base = m.span(), st, sentIdx, confChange*0.9
			d.add(&end)
		}
	}
	for _, m := range d.findAll(reToReplace, tpl, units, pos) {
		per, old := m.one("s"), m.one("o")
		if old == nil { // "him", "her"
			old = d.replacedOne(m, units)
		}
		if per == nil || old == nil || per.kind != kPerson || old.kind != kPerson || per.ref == nil || old.ref == nil ||
			per.ref.name == old.ref.name {
			continue
		}
		var start *cand
		if m.group("off") != "" {
			start = d.stateFromOffice(m, per, false, confChange*0.9, st, sentIdx)
			if start != nil {
				d.acceptersOffice(m, units, start)
			}
		} else if prev := d.latestState(old.ref.name); prev != nil {
			d.acceptersOffice(m, units, prev)
			c := *prev
			c.subj, c.subjText, c.ended, c.pending, c.link, c.fixed, c.outgoing = per.ref, per.text, false, false, nil, false, false
			c.dated, c.date, c.dateKind, c.anchor, c.dateFrom = false, graph.Date{}, 0, 0, nil
			c.span, c.sent, c.sentIdx, c.base = m.span(), st, sentIdx, confChange*0.9
			start = &c
		}
		switch m.group("v") {
		case "nominated", "picked", "tapped", "selected":
			if start != nil && start.obj != nil && start.pred == graph.HoldsPosition {
				d.add(&cand{pred: graph.NominatedAs, subj: per.ref, subjText: per.text, obj: start.obj,
					base: confNominate * 0.9, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate})
			}
			continue
		}
		ev := &cand{pred: graph.Succeeded, subj: per.ref, subjText: per.text, obj: old.ref, objText: old.text,
			base: confVerb * 0.9, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate}
		d.add(ev)
		if start == nil {
			continue
		}
		start.bound, start.anchor = boundStart, anchorOffice+1
		d.add(start)
		end := *start
		end.subj, end.subjText, end.bound, end.ended, end.anchor = old.ref, old.text, boundEnd, true, 0
		d.add(&end)
	}
}

// replacedOne resolves the pronoun of a reToReplace match ("to replace
// her", "as his replacement"): the person of that sex named last before
// the appointee in the sentence, but not the appointer who opens it, else
// the person the last sentences were about ("Interior Minister Carolina
// Toha resigned on Monday. ... Boric named Luis Cordero as her
// replacement."). It returns a unit standing for that person, or nil.
func (d *doc) replacedOne(m *match, units []*unit) *unit {
	pron := m.group("pron")
	if pron == "" {
		pron = m.group("o")
	}
	want := pronounGender(pron)
	a, _ := m.unitRange()
	var by *unit // the appointer: the sentence's first person
	for k := 0; k < a; k++ {
		if units[k].kind == kPerson && units[k].ref != nil {
			by = units[k]
			break
		}
	}
	for k := a - 1; k >= 0; k-- {
		if u := units[k]; u != by && u.kind == kPerson && u.ref != nil && d.fits(u.ref.name, want) {
			return u
		}
	}
	if t := d.topic; t != nil && t.typ == graph.Person && d.fits(t.name, want) && (by == nil || by.ref.name != t.name) {
		return &unit{kind: kPerson, text: t.name, ref: t}
	}
	return nil
}

// acceptersOffice gives c, a holds_position of an office every country
// has named without a country, the country of the first person before
// match m whom the article or the gazetteer says leads one: the leader
// who accepts the resignation or appoints the replacement, as a leader
// accepts the resignations of their own ministers.
func (d *doc) acceptersOffice(m *match, units []*unit, c *cand) {
	if c.bareOff == nil || c.obj == nil || c.obj.name != c.bareOff.name {
		return
	}
	a, _ := m.unitRange()
	for k := 0; k < a; k++ {
		if units[k].kind != kPerson || units[k].ref == nil {
			continue
		}
		if country, role := d.ledCountry(units[k].ref.name); country != nil && country.typ == graph.Country && role != "" {
			c.obj, c.objText = &ref{graph.Position, nationalOffice(c.bareOff, country.name), 1}, ""
			return
		}
	}
}
