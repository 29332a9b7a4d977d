package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/timex"
)

// Pattern strengths (see doc.go).
const (
	confVerb     = 0.9
	confChange   = 0.85
	confTitle    = 0.7
	confAppos    = 0.65
	confNominal  = 0.6
	confNominate = 0.8
)

// formerWords mark a title as no longer held.
// "Ousted", "deposed", "toppled" and "overthrown" tell a term ended too.
var formerWords = map[string]bool{"former": true, "ex-": true, "outgoing": true, "then-": true, "then": true, "late": true, "ex": true,
	"ousted": true, "deposed": true, "toppled": true, "overthrown": true}

// absorb is a stretch of units folded into one keeper unit.
type absorb struct {
	from, to int // unit indices [from, to)
	keep     int
}

var (
	// "Trump's national security adviser pick, Michael Waltz"
	rePick1 = compile(`(?P<nom><P\d+>) 's (?:(?:<[CG]\d+>|[a-z]+) )?(?P<off><O\d+>) (?:pick|nominee|choice|candidate) (?:, )?(?P<per><P\d+>)(?: ,)?`)
	// "Michael Waltz, Trump's pick for national security adviser,"
	rePick2 = compile(`(?P<per><P\d+>) , (?P<nom><P\d+>) 's (?:pick|nominee|choice|candidate) (?:for|as) (?:the )?(?:(?:post|position|role|job) of )?(?:(?:<[CG]\d+>) (?:'s )?)?(?P<off><O\d+>)(?: ,)?`)
	// "Trump's pick for national security adviser, Michael Waltz"
	rePick3 = compile(`(?P<nom><P\d+>) 's (?:pick|nominee|choice|candidate) (?:for|as) (?:the )?(?:(?:<[CG]\d+>) (?:'s )?)?(?P<off><O\d+>) (?:, )?(?P<per><P\d+>)(?: ,)?`)
	// "former NATO chief Jens Stoltenberg", "Indian Prime Minister Narendra Modi"
	// "Peru's deposed president Pedro Castillo": a deposing word after
	// the country (never before a title alone, where it may be the verb:
	// "soldiers ousted President X"); "Jordan's Deputy Prime Minister and
	// Foreign Minister Ayman Safadi": the title next to the name is read,
	// the whole phrase folded.
	reTitle = compile(`(?:(?P<former>former|ex-|ex|outgoing|then-|then|late) )?(?:(?P<aff1><[CG]\d+>) (?:'s )?(?:(?P<former3>ousted|deposed|toppled|overthrown) )?)?(?:(?P<former2>former|outgoing|acting|interim|caretaker|then-|incoming) )?(?:<O\d+> and )?(?P<off><O\d+>|chief|head|leader|boss)(?: of (?:the )?(?P<aff2><[CG]\d+>))? (?P<per><P\d+>)`)
	// "Prime Minister Anna Berg of Sweden", "acting President Lars Nowak of
	// Poland": the country or organization after the name (checked by
	// titleNameOf).
	reTitleNameOf = need(compile(`(?:(?P<former>former|ex-|ex|outgoing|then-|then|late) )?(?:(?P<former2>acting|interim|caretaker|incoming) )?(?P<off><O\d+>) (?P<per><P\d+>) of (?:the )?(?P<aff2><[CG]\d+>)`), []string{"<O"}, []string{" of <", " of the <"})
	// "deputy", "vice", "shadow" before a title name another office.
	reLesserTitle = lazyRegexp(`(?:^|\s)(?:deputy|vice|assistant|associate|junior|shadow|under|state) $`)
	// "to" before a title written with a comma and a name: the title is
	// what another post serves ("Parliamentary Secretary to the Minister").
	reToBefore = lazyRegexp(`(?:^|\s)to (?:the )?$`)
	// "incoming" before a title: the office is not held yet.
	reIncoming = lazyRegexp(`(?:^|\s)(?:incoming|designated|future|would-be) $`)
	// "Russia's foreign minister, Sergei Lavrov," (or at the sentence's
	// end); "Kenya's Prime Cabinet Secretary and Foreign Minister, X,"
	// states the first of two titles.
	reTitleComma = compile(`(?:(?P<former>former|outgoing|then-) )?(?P<aff1><[CG]\d+>) 's (?:(?P<former2>former|outgoing|ousted|deposed|toppled|overthrown|new|acting|interim|caretaker|incoming|current|incumbent|sitting) )?(?:(?:top|chief|longtime|veteran) )?(?P<off><O\d+>|chief|head|leader)(?: and <O\d+>)? , (?P<per><P\d+>)(?: ,| \.|$)`)
	// "the British foreign secretary, David Lammy,"
	reTheTitleComma = compile(`(?:(?:the|a) )?(?:(?P<former>former|outgoing|then-) )?(?P<aff1><C\d+>) (?:(?P<former2>former|outgoing|ousted|deposed|toppled|overthrown|new|acting|interim|caretaker|incoming|current) )?(?P<off><O\d+>) , (?P<per><P\d+>)(?: ,| \.|$)`)
	// "the Speaker of the National Assembly, Farah Malik,": a post whose
	// country, if it needs one, is the article's (implicit.go).
	reBareTitleComma = compile(`(?:^|\bthe )(?:(?P<former2>outgoing|new|acting|interim|caretaker|current) )?(?P<off><O\d+>) , (?P<per><P\d+>) ,`)
	// "the current prime minister of Japan, Shigeru Ishiba,"
	reTitleOfComma = need(compile(`(?:(?:the|a) )?(?:(?P<former>former|ousted|deposed|toppled|overthrown|then-|current|incumbent|sitting|present|new) )?(?P<off><O\d+>) of (?:the )?(?P<aff2><[CG]\d+>) , (?P<per><P\d+>)(?: ,| \.|$)`), []string{"<O"}, []string{" of <", " of the <"}, []string{" , <P"})
	// "Rutte, the former Dutch prime minister," / "Kallas, the EU's foreign policy chief,"
	reAppos = compile(`(?P<per><P\d+>) , (?:(?:the|a|an) )?(?:(?P<former>former|outgoing|then-|current|incumbent|ex-|sitting|ousted|deposed|toppled|overthrown) )?(?:(?P<aff1><[CG]\d+>) (?:'s )?)?(?:(?P<former2>former|outgoing|ousted|deposed|toppled|overthrown|new|acting|interim|caretaker|newly appointed|newly elected|newly named|recently appointed|incoming) )?(?:(?:first|female|\d+(?:st|nd|rd|th)|top|longtime|long-serving|veteran) ){0,2}(?P<off><O\d+>|chief|head|leader)(?: of (?:the )?(?P<aff2><[CG]\d+>))?(?: (?P<d><D\d+>))?(?: (?:who|and)|(?P<close> ,)| \.|$)`)
	// "Kim Jong Un, general secretary of the WPK and president of the
	// State Affairs of the DPRK,": the title after "and" is the same
	// person's too.
	reApposSecond = need(compile(`(?P<per><P\d+>) , (?:(?:the|a|an) )?(?:<O\d+>|[a-z\-]+(?: [a-z\-]+){0,2}) of (?:the )?<[CGX]\d+> and (?:the )?(?P<off><O\d+>)(?: of (?:the )?(?P<aff2><[CG]\d+>))?(?: ,| \.|$)`), []string{" and <O", " and the <O"})
	// "Hegseth, a former television host," / "Stoltenberg, 65,"
	reGenericAppos = compile(`<P(\d+)> , (?:(?:a|an|the) (?:[^,;<"]|<[A-Z]\d+>)*?|\d+) ,`)
	// "his German counterpart Boris Pistorius" / "her counterpart, Wang Yi,"
	reCounterpart = compile(`(?:his|her|their|its) (?:(?P<aff><C\d+>) )?(?:[a-z\-]+ )?counterparts? (?:, )?(?P<per><P\d+>)`)
	// "Grossi, who has led the agency since 2019," (folded after states are read)
	// and the parentheses "Macron, on a visit to China, met Xi" and
	// "Putin, speaking in Moscow, said".
	reRelative = compile(`<[PCG]\d+> , (?:who|whom|whose|which|on|during|in|at|speaking|writing|meeting|while|after|following|fresh from|visiting|appointed|named|elected|re-elected|installed|newly|recently) (?:[^,;<"]|<[A-Z]\d+>)*? ,` +
		// "Kim Jong Un, general secretary of the Workers' Party of Korea
		// and president of the State Affairs of the DPRK, received …":
		// a person's offices in lower case, told as an apposition.
		`|<P\d+> , (?:[a-z\-]+ ){1,3}of (?:[^,;<"]|<[A-Z]\d+>)*? ,`)
)

// readTitles runs the first layer of rules: titles, appositions and "pick"
// phrases. It records their facts and returns the units with each of those
// phrases folded into the person it describes.
func (d *doc) readTitles(units []*unit, st *sentence, sentIdx int) []*unit {
	tpl, pos := template(units)
	d.readGenderNouns(units, tpl, pos)
	var abs []absorb
	taken := make([]bool, len(units))
	claim := func(m *match, keep *unit) bool {
		a, b := m.unitRange()
		for k := a; k < b; k++ {
			if taken[k] {
				return false
			}
		}
		for k := a; k < b; k++ {
			taken[k] = true
		}
		for k := a; k < b; k++ {
			if units[k] == keep {
				abs = append(abs, absorb{a, b, k})
			}
		}
		return true
	}
	for _, re := range []*regexp.Regexp{rePick1, rePick2, rePick3} {
		for _, m := range d.findAll(re, tpl, units, pos) {
			per, off := m.one("per"), m.one("off")
			if per == nil || off == nil {
				continue
			}
			claim(m, per)
			d.add(&cand{pred: graph.NominatedAs, subj: per.ref, subjText: per.text,
				obj: &ref{graph.Position, off.off.name, 1}, objText: off.text, base: confNominal,
				span: m.span(), sent: st, sentIdx: sentIdx, bound: boundNone})
		}
	}
	var namedOf map[*unit]bool     // persons whose title reTitleNameOf read
	designated := map[*unit]bool{} // persons titled "-designate", read once
	for _, re := range []*regexp.Regexp{reAppos, reApposSecond, reTitleComma, reTheTitleComma, reBareTitleComma, reTitleOfComma, reTitleNameOf, reTitle} {
		for _, m := range d.findAll(re, tpl, units, pos) {
			per := m.one("per")
			if per == nil || per.kind != kPerson {
				continue
			}
			if re == reTitleNameOf && !d.titleNameOf(m) || re == reTitle && namedOf[per] {
				continue // "Foreign Minister Ewa Lind of Sweden" is not also the bare title's
			}
			if (re == reTitle || re == reTitleNameOf) && lesserTitle(tpl[:m.loc[0]], m.one("off")) {
				continue // "Deputy Defense Secretary Wolfowitz" is not the secretary
			}
			if re != reTitle && re != reAppos && re != reApposSecond && re != reTitleNameOf && reToBefore.MatchString(tpl[:m.loc[0]]) {
				// "the Parliamentary Secretary to the Minister of Foreign
				// Affairs, Rob Oliphant,": the name may be the secretary's
				// as well as the minister's, so it is neither.
				continue
			}
			if reIncoming.MatchString(tpl[:m.loc[0]]) || m.group("former2") == "incoming" {
				claim(m, per) // "incoming Prime Minister Mark Carney" does not hold the office yet
				continue
			}
			former := formerWords[m.group("former")] || formerWords[m.group("former2")] || formerWords[m.group("former3")]
			if (re == reTitle || re == reTitleNameOf) && ousterBefore(tpl[:m.loc[0]]) {
				former = true // "Ousted President X of Peru"
			}
			if off := m.one("off"); off != nil && off.off != nil && off.off.designate != nil {
				// "Prime Minister-designate Nawaf Salam of Lebanon":
				// nominated to the office, not holding it.
				if !former && !designated[per] {
					d.addDesignate(m, per, off, st, sentIdx)
				}
				designated[per] = true
				claim(m, per)
				continue
			}
			base := confTitle
			if re != reTitle {
				base = confAppos
			}
			c := d.stateFromOffice(m, per, former, base, st, sentIdx)
			if c != nil {
				c.outgoing = m.group("former") == "outgoing" || m.group("former2") == "outgoing"
			}
			if c == nil && re == reTitle {
				if h := d.bareHead(m, per, former, base, st, sentIdx); h != nil {
					if du := inPowerSince(units, per); du != nil && !former {
						h.bound, h.date, h.dated, h.fixed, h.dateFrom = boundStart, du.expr.Value, true, true, []*sentence{st}
					}
					if c := d.underCountry(m); c != nil {
						// "served as Slovenia's finance minister under
						// Prime Minister X": X led the country the
						// sentence names, some time in its period, which
						// dates neither end of the term.
						h.obj = c
						d.add(h)
						claim(m, per)
						continue
					}
					// Kept aside until the article's country is known;
					// the title stays unfolded, as for any title read
					// with no country.
					h.under = afterUnder(m)
					d.implicit.heads = append(d.implicit.heads, h)
					if claim(m, per) {
						per.titled = true // "to protest President Assad's failure": a titled name acts
					}
					continue
				}
			}
			if c == nil {
				// "North Korean leader Kim Jong Un", "President-elect
				// Lars Nowak": fold the title, state nothing ("Prime
				// Minister-designate X" was read above: addDesignate).
				off := m.one("off")
				if re == reTitle && (m.group("aff1") != "" && off == nil || off != nil && off.off.elect) {
					claim(m, per)
				}
				continue
			}
			if du := inPowerSince(units, per); du != nil && c.pred == graph.Leads && m.one("d") == nil {
				// "President Yoweri Museveni, in power since 1986,"
				c.bound, c.date, c.dated, c.fixed, c.dateFrom = boundStart, du.expr.Value, true, true, []*sentence{st}
			}
			if du := m.one("d"); du != nil && du.expr != nil && !du.expr.Value.IsZero() {
				// "Tusk, Poland's prime minister since December 2023,"
				switch du.expr.Kind {
				case timex.Since:
					c.bound, c.date, c.dated, c.fixed, c.dateFrom = boundStart, du.expr.Value, true, true, []*sentence{st}
				case timex.Until:
					c.bound, c.date, c.dated, c.fixed, c.dateFrom = boundEnd, du.expr.Value, true, true, []*sentence{st}
				}
			}
			claim(m, per)
			if re == reTitleNameOf {
				if namedOf == nil {
					namedOf = map[*unit]bool{}
				}
				namedOf[per] = true
			}
			d.add(c)
		}
	}
	// "Palestinian leader Samir Khalil", "Ambassador Lind of Sweden":
	// the person, whose country is now known, acts.
	for _, m := range d.readNationals(units, tpl, pos, d.sentenceCands(st), st, sentIdx) {
		claim(m, m.one("per"))
	}
	d.readCounterparts(units, tpl, pos, st, sentIdx)
	abs = foldPhrases(reGenericAppos, tpl, pos, taken, abs, false)
	abs = foldPhrases(reCounterpart, tpl, pos, taken, abs, true)
	return applyFolds(units, abs)
}

// inPowerSince returns the date of an apposition "in power since DATE"
// or "in office since DATE" right after the person per ("President
// Yoweri Museveni, in power since 1986, …"), or nil.
func inPowerSince(units []*unit, per *unit) *unit {
	k := slices.Index(units, per)
	if k < 0 || k+5 >= len(units) || !isComma(units[k+1]) || units[k+2].lower() != "in" ||
		units[k+3].lower() != "power" && units[k+3].lower() != "office" || !isComma(units[k+5]) {
		return nil
	}
	du := units[k+4]
	if du.kind != kDate || du.expr == nil || du.expr.Kind != timex.Since || du.expr.Value.IsZero() {
		return nil
	}
	return du
}

// titleNameOf checks a match of reTitleNameOf: the unit after "of" names
// a country or organization as such, not by its capital ("Mayor Anna
// Berg of Warsaw" is Warsaw's), and is not a possessive ("President Lars
// Nowak of Poland's ruling party").
// lesserTitle reports whether the template before a title ends in a word
// that makes it another office (reLesserTitle: "Deputy Defense
// Secretary", "Under Secretary"). "under" does so only before a
// secretary: "under Prime Minister X" is the preposition, the time of X's
// term.
func lesserTitle(before string, off *unit) bool {
	w := reLesserTitle.FindString(before)
	if w == "" {
		return false
	}
	if strings.TrimSpace(w) != "under" {
		return true
	}
	return off == nil || off.off == nil || strings.Contains(strings.ToLower(off.off.name), "secretary")
}

func (d *doc) titleNameOf(m *match) bool {
	aff := m.one("aff2")
	return aff != nil && !strings.HasPrefix(m.tpl[m.loc[1]:], " 's") && d.namesItself(aff)
}

// namesItself reports whether unit u names its country or organization
// by a name or alias, not by an adjective or a capital ("Amman" stands for
// Jordan, but is a place too).
func (d *doc) namesItself(u *unit) bool {
	if u.ref == nil || u.demonym || u.sector != "" {
		return false
	}
	for _, h := range d.g.phrases[strings.ToLower(u.text)] {
		if h.kind == hitEntity && h.ent != nil && h.ent.name == u.ref.name {
			return true
		}
	}
	return false
}

// foldRelatives folds ", who ... ," clauses (and parentheses such as ", on
// a visit to China,") into the person before them,
// once the states they state have been read: "Grossi, who has led the
// agency since 2019, visited Iran" reads as "Grossi visited Iran".
// tpl and pos are the units' template. It also returns the byte spans
// of the clauses folded.
func foldRelatives(units []*unit, tpl string, pos []int) ([]*unit, [][2]int) {
	abs := foldPhrases(reRelative, tpl, pos, make([]bool, len(units)), nil, false)
	var spans [][2]int
	for _, ab := range abs {
		spans = append(spans, [2]int{units[ab.from+1].start, units[ab.to-1].end})
	}
	return applyFolds(units, abs), spans
}

// foldPhrases adds a fold for every match of re over units not taken yet;
// the kept unit is the first of the match, or the last when keepLast.
func foldPhrases(re *regexp.Regexp, tpl string, pos []int, taken []bool, abs []absorb, keepLast bool) []absorb {
	if !mayMatch(re, tpl) {
		return abs
	}
	for _, loc := range re.FindAllStringSubmatchIndex(tpl, -1) {
		a, b := unitAt(pos, loc[0]), unitAt(pos, loc[1]-1)+1
		ok := true
		for k := a; k < b; k++ {
			ok = ok && !taken[k]
		}
		if ok {
			for k := a; k < b; k++ {
				taken[k] = true
			}
			keep := a
			if keepLast {
				keep = b - 1
			}
			abs = append(abs, absorb{a, b, keep})
		}
	}
	return abs
}

// applyFolds replaces each folded stretch of units by its kept unit.
func applyFolds(units []*unit, abs []absorb) []*unit {
	if len(abs) == 0 {
		return units
	}
	var out []*unit
	for k := 0; k < len(units); k++ {
		folded := false
		for _, ab := range abs {
			if k == ab.from {
				out = append(out, units[ab.keep])
				k = ab.to - 1
				folded = true
				break
			}
		}
		if !folded {
			out = append(out, units[k])
		}
	}
	return out
}

// stateFromOffice builds the leads / holds_position candidate a title or
// change-of-office match states about per. It returns nil when the office
// cannot be tied to a country or organization where one is needed.
func (d *doc) stateFromOffice(m *match, per *unit, former bool, base float64, st *sentence, sentIdx int) *cand {
	offU := m.one("off")
	aff := m.one("aff2")
	if aff == nil {
		aff = m.one("aff1")
	}
	if aff == nil {
		aff = itsCountry(m, offU)
	}
	if aff == nil && offU != nil && offU.off.of != "" {
		// "Taoiseach Mary Byrne": a title only one country uses names
		// that country's office.
		if r := d.entityRef(offU.off.of); r != nil {
			aff = &unit{kind: kCountry, text: offU.text, start: offU.start, end: offU.end, ref: r}
		}
	}
	if deputyOf(m) || m.one("aff2") != nil && partOfBody(m) {
		return nil
	}
	c := &cand{subj: per.ref, subjText: per.text, ended: former, base: base,
		span: m.span(), sent: st, sentIdx: sentIdx}
	switch {
	case offU != nil && offU.off.elect:
		return nil
	case offU != nil && !offU.off.head:
		c.pred = graph.HoldsPosition
		c.obj, c.objText = &ref{graph.Position, offU.off.name, 1}, offU.text
		if aff != nil && aff.kind == kOrg {
			c.objText = ""
		}
		if offU.off.national == "" {
			return c
		}
		var country *ref
		if aff != nil && aff.kind == kCountry {
			country = aff.ref // "Sweden's foreign minister", "Chinese Foreign Minister Wang Yi"
		} else if aff == nil {
			// A bare title: the country of the gazetteer's holder, if the office fits.
			// A person of people.tsv (no role) is a minister of their own
			// country: "Defence Minister Andrei Belousov".
			if l := d.leaderOf(per.ref.name); l != nil && (sameRole(l.role, offU.off.name) || l.role == "") {
				if r := d.entityRef(l.affil); r != nil && r.typ == graph.Country {
					country, c.base = r, c.base*0.9
				}
			}
		}
		if country == nil && offU.off.to != "" {
			return nil // "the ambassador to Washington": whose, the text does not say
		}
		if country == nil && aff == nil {
			c.bareOff = offU.off
		}
		if country != nil {
			// The office's own name, not the bare title that names every
			// country's office, is its surface.
			c.obj, c.objText = &ref{graph.Position, nationalOffice(offU.off, country.name), 1}, ""
		}
		return c
	case offU != nil && aff != nil && aff.kind == kCountry && d.g.headPosts[offU.off.name] != nil &&
		!d.g.headCountries[offU.off.name][aff.ref.name]:
		// "British Chancellor Rachel Reeves": the country has no head of
		// that title, so the title is the post's.
		c.pred = graph.HoldsPosition
		c.obj, c.objText = &ref{graph.Position, d.g.headPosts[offU.off.name].name, 1}, ""
		return c
	case offU != nil:
		c.pred, c.role = graph.Leads, offU.off.name
	default: // chief / head / leader: for organizations, with their head role
		if aff != nil && aff.kind == kCountry && m.group("off") == "leader" {
			return d.countryLeader(c, per, aff)
		}
		if aff == nil || aff.kind != kOrg {
			return nil
		}
		c.pred = graph.Leads
		if e := d.g.entities[aff.ref.name]; e != nil {
			c.role = e.headRole
		}
		if c.role == "" {
			c.role = "Leader"
		}
	}
	if aff == nil {
		// A bare title: take the country from the gazetteer leader, if the
		// role fits, else from the article's.
		l := d.leaderOf(per.ref.name)
		if l == nil || l.affil == "" || !sameRole(l.role, c.role) {
			if offU != nil && offU.off.head && (l == nil || l.role == "") {
				return d.articleHead(c, per)
			}
			return nil
		}
		c.obj = d.entityRef(l.affil)
		if c.obj == nil {
			return nil
		}
		c.base *= 0.9
		return c
	}
	if aff.kind == kOrg && offU != nil {
		if e := d.g.entities[aff.ref.name]; e != nil && e.headRole != "" && sameRole(e.headRole, offU.off.name) {
			c.role = e.headRole
		}
	}
	c.obj, c.objText = aff.ref, aff.text
	return c
}

// ousters are participles that, before a title, tell its holder's term
// is over ("ousted President X"); after a subject they are the verb that
// ended it ("soldiers ousted President X", read by reRemovedBy).
var ousters = toSet("ousted deposed toppled overthrown")

// ousterSubjects are the words that, before an ouster, make it a verb.
var ousterSubjects = toSet("army military soldiers troops officers generals mutineers rebels junta parliament lawmakers " +
	"legislators deputies senators congress senate court judges voters protesters who that which has had have")

// ousterBefore reports whether tpl, the template before a title, ends
// with an ouster used as an adjective: at the start of the sentence or
// after a word that is no subject of it ("Ousted President X", "met
// deposed President X"), not after a name or a subject ("the army
// ousted President X").
func ousterBefore(tpl string) bool {
	w := strings.Fields(tpl)
	if len(w) == 0 || !ousters[w[len(w)-1]] {
		return false
	}
	if len(w) == 1 {
		return true
	}
	prev := w[len(w)-2]
	return !ousterSubjects[prev] && !strings.HasPrefix(prev, "<")
}

// addDesignate states what a title not held yet says of per ("Prime
// Minister-designate X of Lebanon", "Lebanon's prime minister-designate,
// X,"): X is nominated as that office, of the country the title names
// when it names one; the day of the nomination is not told.
func (d *doc) addDesignate(m *match, per *unit, off *unit, st *sentence, sentIdx int) {
	if per.ref == nil {
		return
	}
	o := off.off.designate
	name := o.name
	aff := m.one("aff2")
	if aff == nil {
		aff = m.one("aff1")
	}
	if aff != nil && aff.ref != nil && (aff.ref.typ == graph.Country || o.head) {
		switch {
		case o.head:
			n := aff.ref.name
			if aff.ref.typ == graph.Country {
				n = countryPhrase(n)
			}
			name = o.name + " of " + n
		case o.national != "":
			name = nationalOffice(o, aff.ref.name)
		}
	}
	d.add(&cand{pred: graph.NominatedAs, subj: per.ref, subjText: per.text,
		obj: &ref{graph.Position, name, 1}, objText: off.text, base: confNominal,
		span: m.span(), sent: st, sentIdx: sentIdx, bound: boundNone})
}

// nationalOffice names the office off of country, "Foreign Minister of
// Sweden", "Finance Minister of the United Kingdom", "Ambassador of Canada
// to China".
func nationalOffice(off *office, country string) string {
	if off.to != "" {
		return off.national + " of " + countryPhrase(country) + " to " + countryPhrase(off.to)
	}
	return off.national + " of " + countryPhrase(country)
}

// countryPhrase writes a country's name as it reads after "of": "the
// United Kingdom", "the Netherlands", "Sweden".
func countryPhrase(name string) string {
	if strings.HasPrefix(name, "United ") || strings.HasSuffix(name, "Republic") ||
		strings.HasSuffix(name, "lands") || name == "Philippines" || name == "Bahamas" || name == "Maldives" {
		return "the " + name
	}
	return name
}

func sameRole(a, b string) bool {
	return normRole(a) == normRole(b)
}

func normRole(s string) string {
	switch s {
	case "Premier":
		s = "Prime Minister" // China's premier is its prime minister
	}
	return graph.Slug(s)
}

// countryLeader reads "North Korean leader Kim Jong Un", "Russia's
// leader, Vladimir Putin": "leader" names no office, and is said of
// opposition, rebel and party leaders too, so it states that per leads
// the country only when the gazetteer lists per as the head of that very
// country, with the role it gives. c is the candidate being built.
func (d *doc) countryLeader(c *cand, per, aff *unit) *cand {
	l := d.leaderOf(per.ref.name)
	if l == nil || l.affil != aff.ref.name || l.role == "" {
		return nil
	}
	if off := d.g.offices[l.role]; off == nil || !off.head {
		return nil
	}
	c.pred, c.role, c.obj, c.objText = graph.Leads, l.role, aff.ref, aff.text
	c.base *= 0.9
	return c
}

// deposedWords before a title say its holder has lost the office.
var deposedWords = toSet("ousted deposed toppled overthrown exiled slain assassinated impeached")

// bareHead reads "President Yamandu Orsi", a head of state or government
// titled without a country whom the gazetteer does not know as a head: a
// leads candidate kept out of the article's candidates until
// placeImplicit gives it a country. Its object is nil when the gazetteer
// does not know the person, and the country the gazetteer places them in
// when it does ("Prime Minister Shehbaz Sharif", of Pakistan, whose
// office the gazetteer does not list; placeImplicit keeps to it). It is
// nil for any other title.
func (d *doc) bareHead(m *match, per *unit, former bool, base float64, st *sentence, sentIdx int) *cand {
	off := m.one("off")
	if off == nil || off.off == nil || !off.off.head || off.off.elect || m.one("aff1") != nil || m.one("aff2") != nil ||
		!sameRole(off.off.name, "President") && !sameRole(off.off.name, "Prime Minister") ||
		per.ref == nil || !isCap(off.text) {
		return nil
	}
	var placed *ref
	if l := d.leaderOf(per.ref.name); l != nil {
		if l.role != "" {
			return nil
		}
		if placed = d.entityRef(l.affil); placed == nil || placed.typ != graph.Country {
			return nil
		}
	}
	// "Ousted President Askar Akayev", "Former Socialist Prime Minister X"
	a, b := m.unitRange()
	deposedBy := false // "Soldiers ousted President X": a verb, right before the title
	for k := a - 1; k >= 0 && k >= a-2 && m.units[k].kind == kWord; k-- {
		if w := m.units[k].lower(); deposedWords[w] || formerWords[w] {
			former = true
			deposedBy = deposedBy || k == a-1 && deposedWords[w] && k > 0 && !coderDeterminers[m.units[k-1].lower()]
		}
	}
	c := &cand{pred: graph.Leads, subj: per.ref, subjText: per.text, role: off.off.name, obj: placed, ended: former,
		bareOff: off.off, base: base * 0.9, span: m.span(), sent: st, sentIdx: sentIdx}
	if du := unitAfter(m.units, b); deposedBy && du != nil && du.kind == kDate && du.expr != nil &&
		du.expr.Kind == timex.Point && !du.expr.Value.IsZero() {
		// "Soldiers ousted President X on Wednesday": the term ends then.
		c.bound, c.date, c.dated, c.fixed, c.dateFrom = boundEnd, du.expr.Value, true, true, []*sentence{st}
	}
	return c
}

// underCountry returns, for a head's title written after "under" ("under
// Prime Minister X") in a sentence telling an office held under them
// ("served as Slovenia's finance minister"), the one country the sentence
// names, whose head the title names; nil when the title follows another
// word, no office comes before it, the sentence names no country or
// several, or the gazetteer places the person in another.
func (d *doc) underCountry(m *match) *ref {
	if !afterUnder(m) {
		return nil
	}
	a, _ := m.unitRange()
	if !slices.ContainsFunc(m.units[:a-1], func(u *unit) bool { return u.kind == kOffice }) {
		return nil // "relations with Cuba soured under President X": no office held under X
	}
	var c *ref
	for _, u := range m.units {
		if u.kind != kCountry || u.ref == nil || u.ref.typ != graph.Country {
			continue
		}
		if c != nil && c.name != u.ref.name {
			return nil
		}
		c = u.ref
	}
	if c == nil {
		return nil
	}
	if per := m.one("per"); per != nil && per.ref != nil {
		if l := d.leaderOf(per.ref.name); l != nil && l.affil != c.name {
			return nil
		}
	}
	return &ref{graph.Country, c.name, 1}
}

// unitAfter returns units[k], or nil past the end.
func unitAfter(units []*unit, k int) *unit {
	if k < len(units) {
		return units[k]
	}
	return nil
}

// articleHead reads a head's title written without a country before a
// person the article already says leads a country ("Han, acting President
// of South Korea since December, ... has served as Prime Minister since
// 2023"): the title is that country's. It returns the candidate, or nil.
//
// A title only organizations' heads hold ("appointed President X of Ghana
// as Chairman of the Forum") is no country's, and gives nil.
func (d *doc) articleHead(c *cand, per *unit) *cand {
	prev := d.latestState(per.ref.name)
	if prev == nil || prev.pred != graph.Leads || prev.ended || prev.obj == nil || prev.obj.typ != graph.Country ||
		d.g.orgHeadRoles[normRole(c.role)] {
		return nil
	}
	c.obj = prev.obj
	c.base *= 0.9
	return c
}

// itsCountry returns, for an office written after "its" ("Honduras filed
// the case in 2019, when Carlos Mejia was its foreign minister"), the one
// country the sentence names before the match, by its name, which "its"
// stands for; nil when the office follows another word or the sentence
// names no country or several before it.
func itsCountry(m *match, offU *unit) *unit {
	if offU == nil {
		return nil
	}
	k := slices.Index(m.units, offU)
	for k--; k >= 0 && m.units[k].kind == kWord && offModifiers[m.units[k].lower()]; k-- {
	}
	if k < 0 || m.units[k].kind != kWord || m.units[k].lower() != "its" {
		return nil
	}
	a, _ := m.unitRange()
	var c *unit
	for _, u := range m.units[:a] {
		if u.kind != kCountry || u.ref == nil || u.ref.typ != graph.Country || u.demonym {
			continue
		}
		if c != nil && c.ref.name != u.ref.name {
			return nil
		}
		c = u
	}
	return c
}

// offModifiers are the words %OFF% allows between a determiner and the
// office ("its new foreign minister").
var offModifiers = toSet("first new next female woman interim acting permanent sole youngest oldest deputy top")

// afterUnder reports whether the title m matched is written right after
// "under" ("served as foreign minister under Prime Minister X").
func afterUnder(m *match) bool {
	a, _ := m.unitRange()
	return a > 0 && m.units[a-1].kind == kWord && m.units[a-1].lower() == "under"
}

// deputyOf reports whether match m writes its office after "deputy"
// ("deputy head of the UN mission", "deputy secretary general of
// NATO"): the deputy holds another post, not the office.
func deputyOf(m *match) bool {
	i := m.re.SubexpIndex("off")
	if i < 0 || m.loc[2*i] < 0 {
		return false
	}
	return strings.HasSuffix(m.tpl[m.loc[0]:m.loc[2*i]], "deputy ")
}

// bodyParts are nouns that, after "head of the UN", name a part of the
// organization or country the office is of: "head of the UN mission in
// Libya" does not lead the UN.
var bodyParts = toSet("mission missions office delegation team agency programme program panel committee commission operation operations force bureau department unit branch secretariat division observer observers monitoring peacekeeping refugee relief investigation inquiry")

// partOfBody reports whether the word after match m's "of <X>" is one of
// bodyParts.
func partOfBody(m *match) bool {
	rest := strings.TrimLeft(m.tpl[m.loc[1]:], " ")
	w, _, _ := strings.Cut(rest, " ")
	return bodyParts[w]
}
