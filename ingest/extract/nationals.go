package extract

import (
	"regexp"
	"strings"

	"github.com/geokg/geokg/graph"
)

// confNational is the strength of a person's country read from the
// adjective or possessive before their role: weaker than a title, as the
// words between are many.
const confNational = 0.6

// nationalRoles are nouns that name a person by what they are or do
// ("leader", "official", "ambassador", "lawmaker", "journalist",
// "citizen"): after a country's adjective or possessive ("Palestinian
// leader Yasser Arafat", "Iraq's ambassador Faisal Ahmed") the person is
// that country's, as event data codes actors (CAMEO's PSE, IRQ).
var nationalRoles = toSet("leader leaders official diplomat ambassador envoy emissary negotiator spokesman spokeswoman " +
	"spokesperson lawmaker legislator parliamentarian deputy mp senator congressman congresswoman politician figure " +
	"activist dissident journalist reporter general commander officer militant cleric businessman businesswoman " +
	"tycoon oligarch billionaire national citizen member representative delegate consul judge prosecutor " +
	"strongman ruler dictator chief head commissioner")

// nationalMods are words that may stand between the country and the role
// noun, or before the country: rank ("senior", "deputy"), standing
// ("former", "exiled"), field ("nuclear", "opposition") and faith ("Shia"). The sector
// nouns of sectors.tsv ("army", "parliament") may stand there too. Any
// other word ("war against Hamas leader") breaks the phrase.
// participleMods are the nationalMods that tell a person's state; they
// come first ("the exiled former president").
var participleMods = toSet("exiled jailed detained imprisoned")

var nationalMods = toSet("deputy vice assistant junior senior top chief acting interim caretaker former veteran " +
	"longtime long-time leading prominent exiled jailed detained imprisoned opposition government army military " +
	"police rebel intelligence parliamentary foreign nuclear peace trade security defence defense finance energy " +
	"health ruling high " +
	// a faith ("the Iraqi Shia cleric", "a Lebanese Christian lawmaker")
	"shia shiite sunni muslim christian catholic orthodox protestant evangelical coptic jewish buddhist hindu sikh druze alawite")

var (
	// "Palestinian leader Yasser Arafat", "Iraq's ambassador to Sweden,
	// Faisal Ahmed", "Syrian parliament member Ahmed Saleh", "a senior
	// Iraqi official, Ali Hassan,".
	reNationalBefore = compile(`(?P<aff><C\d+>) (?P<poss>'s )?(?P<mods>(?:[a-z\-]+ ){0,3})(?P<role><O\d+>|[a-z]+)(?: to (?:the )?<[CG]\d+>)? (?P<comma>, )?(?P<per><P\d+>)(?P<end> ,| \.|$)?`)
	// "Ali Hassan, a senior Iraqi official,", "Kim Jong Un, North Korea's
	// leader,", "Ahmed Saleh, the Syrian deputy who".
	reNationalAppos = compile(`(?P<per><P\d+>) , (?:(?:the|a|an) )?(?P<mods0>(?:[a-z\-]+ ){0,2})(?P<aff><C\d+>) (?P<poss>'s )?(?P<mods>(?:[a-z\-]+ ){0,3})(?P<role><O\d+>|[a-z]+)(?: to (?:the )?<[CG]\d+>)?(?: ,| \.| who|$)`)
	// "Mohammed Mamoun, a member of the Syrian parliament,", "Ali Hassan,
	// an official of Iraq,".
	reNationalOf = need(compile(`(?P<per><P\d+>) , (?:the|a|an) (?P<mods>(?:[a-z\-]+ ){0,2})(?P<role>[a-z]+) of (?:the )?(?P<aff><C\d+>) (?P<poss>'s )?(?:(?P<sec>[a-z]+) )?(?:,|\.|who\b|$)`), []string{" of <", " of the <"})
	// "the Ambassador of Qatar to Russia, Ahmed Al Thani,", "the High
	// Commissioner of Ghana, Kwame Mensah,": the role of a country, then
	// the person in apposition.
	reNationalRoleOf = need(compile(`(?:^|\b(?:the|a|an) )(?P<mods>(?:[a-z\-]+ ){0,2})(?P<role>[a-z]+) of (?:the )?(?P<aff><C\d+>)(?: to (?:the )?<[CG]\d+>)? , (?P<per><P\d+>)(?P<end> ,| \.|$)`), []string{" of <", " of the <"})
	// "Ambassador Faisal Ahmed of Iraq": a title that is no known office
	// (a known one is reTitleNameOf's).
	// "Jordan's King Abdullah II", "Qatar's Emir Sheikh Tamim bin Hamad":
	// a person named right after the country's possessive, an office
	// and an honorific between at most.
	reNationalPossessed = need(compile(`(?P<aff><C\d+>) (?P<poss>'s )(?:(?P<role><O\d+>) (?:(?P<hon>[a-z]+) )?)?(?P<per><P\d+>)`), []string{" 's <"})
	reNationalNameOf    = need(compile(`(?P<role><O\d+>|[a-z]+) (?P<per><P\d+>) of (?:the )?(?P<aff><C\d+>)`), []string{" of <", " of the <"})
	// "Assimi Goita of Mali met …", "talks with Colonel Assimi Goita of
	// Mali": a name with no title, of a country.
	reNationalBareOf = need(compile(`(?P<per><P\d+>) of (?:the )?(?P<aff><C\d+>)`), []string{" of <", " of the <"})
)

// readNationals reads a person's country from the country's adjective or
// possessive before their role (see the patterns above) into national_of
// facts, over the template of the sentence before titles are folded, and
// returns the matches read, for the caller to fold into the person. It
// states nothing a title of the sentence already ties to the country
// (cands, the sentence's candidates: "Israeli Prime Minister Ehud Barak"
// leads Israel) and never a leads fact. A wrong country is worse than
// none, so it gives up when the phrase is not plainly one country's:
// another country or name before the adjective ("Bosnian Serb leader",
// "Turkish Cypriot leader"), an adjective coordinated with another one
// ("Hungarian and Romanian officials"), an adjective that is not a
// country's demonym, a word between that is neither rank nor field.
func (d *doc) readNationals(units []*unit, tpl string, pos []int, cands []*cand, st *sentence, sentIdx int) []*match {
	var read []*match
	for _, re := range []*regexp.Regexp{reNationalBefore, reNationalAppos, reNationalOf, reNationalNameOf, reNationalRoleOf, reNationalPossessed, reNationalBareOf} {
		for _, m := range d.findAll(re, tpl, units, pos) {
			per, aff := m.one("per"), m.one("aff")
			if per == nil || per.kind != kPerson || per.ref == nil || aff == nil || !d.nationalAff(m, units, aff) {
				continue
			}
			if m.group("comma") != "" && m.group("end") == "" {
				continue // "met the Iraqi envoy, Smith said"
			}
			if !d.nationalRole(m) {
				continue
			}
			read = append(read, m)
			if diplomatRole(m) {
				per.envoyOf = aff.ref
			}
			if tiedTo(cands, per.ref.name, aff.ref.name) {
				continue
			}
			d.add(&cand{pred: graph.NationalOf, subj: per.ref, subjText: per.text, obj: aff.ref, objText: aff.text,
				base: confNational, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundNone})
		}
	}
	return read
}

// nationalAff checks the country unit of a match: a country (not a
// sector phrase), named by its adjective, or by its name or capital with
// "'s", or by its name after "of"; nothing that makes it part of a
// longer name or of a list stands before it.
func (d *doc) nationalAff(m *match, units []*unit, aff *unit) bool {
	if aff.kind != kCountry || aff.ref == nil || aff.ref.typ != graph.Country || aff.sector != "" {
		return false
	}
	poss := m.group("poss") != ""
	switch m.re {
	case reNationalRoleOf:
		if !d.namesItself(aff) || strings.HasPrefix(m.tpl[m.loc[1]:], " 's") {
			return false // "the envoy of Iraq's ruling party, X"
		}
	case reNationalNameOf, reNationalBareOf:
		if !d.namesItself(aff) || strings.HasPrefix(m.tpl[m.loc[1]:], " 's") {
			return false // "Ambassador X of Iraq's ruling party"
		}
	case reNationalOf:
		// "of the Syrian parliament", "of Iraq's army", "of Iraq".
		_, sector := d.g.sectors[m.group("sec")]
		switch {
		case aff.demonym && poss:
			return false
		case aff.demonym || poss:
			if !sector {
				return false // "a member of the Syrian delegation's staff"
			}
		case m.group("sec") != "" || !d.namesItself(aff):
			return false
		}
	default:
		if aff.demonym == poss && !(!poss && isAcronym(aff.text) && aff.ref.typ == graph.Country && diplomatRole(m)) {
			// "Iraq official", "Iraqi's"; but a country's initials stand
			// for its adjective before a diplomat's title ("US Ambassador
			// Linda Carter", "UK envoy X").
			return false
		}
	}
	k := indexOf(units, aff)
	if k <= 0 {
		return true
	}
	switch prev := units[k-1]; {
	case prev.kind == kCountry || prev.kind == kOrg || prev.kind == kPerson || prev.kind == kOther:
		return false // "Bosnian Serb leader", "Turkish Cypriot leader"
	case isCoord(prev) || prev.kind == kWord && prev.lower() == "or":
		return k < 2 || units[k-2].kind != kCountry // "Hungarian and Romanian officials"
	}
	return true
}

// nationalRole checks the words of a match between the country and the
// person: rank and field words, then a role noun or an office.
func (d *doc) nationalRole(m *match) bool {
	for _, g := range []string{"mods0", "mods"} {
		for k, w := range strings.Fields(m.group(g)) {
			if _, ok := d.g.sectors[w]; !ok && !nationalMods[w] {
				return false
			}
			if k > 0 && participleMods[w] {
				// "Georgian police detained opposition leader X": past
				// a noun, "detained" is the verb, not the leader's state
				// ("jailed opposition leader X").
				return false
			}
		}
	}
	if h := m.group("hon"); h != "" && !rankWords[h] {
		return false
	}
	if role := m.one("role"); role != nil {
		return role.kind == kOffice && role.off != nil
	}
	if m.re == reNationalBareOf {
		// A name no office stands before (an office's is
		// reNationalNameOf's or the titles'), known as a person.
		per := m.one("per")
		if per == nil || per.ref == nil || per.ref.conf < 0.9 || per.titled {
			return false
		}
		if k := indexOf(m.units, per); k > 0 && (m.units[k-1].kind == kOffice || m.units[k-1].kind == kCountry) {
			return false // "Prime Minister X of …", "Swedish X of …"
		}
		return true
	}
	if m.re == reNationalPossessed {
		// "Jordan's King Abdullah II": the person is the country's; a
		// lone capitalized word known as no one ("Afghanistan's Khost
		// province", "Canada's Permanent Representative") is no person.
		per := m.one("per")
		return per != nil && per.ref != nil && per.ref.conf >= 0.9
	}
	return nationalRoles[m.group("role")]
}

// rankWords are the words of rank that may stand between an office
// and the name ("Qatar's Emir Sheikh Tamim").
var rankWords = toSet("sheikh sheikha prince princess king queen sultan emir crown")

// diplomatRoles are the role nouns of a country's diplomats; a
// commissioner is one only as a high commissioner.
var diplomatRoles = toSet("ambassador envoy diplomat emissary consul attache attaché charge chargé commissioner")

// diplomatRole reports whether the role of a national match names one of
// the country's diplomats ("the French ambassador, X", "Ghana's High
// Commissioner X", "the Ambassador of Qatar to Russia, X").
func diplomatRole(m *match) bool {
	role := m.group("role")
	if u := m.one("role"); u != nil && u.kind == kOffice && u.off != nil {
		role = u.off.national
		if role == "" {
			role = u.off.name
		}
	}
	role = strings.ToLower(role)
	if strings.HasPrefix(role, "high commissioner") {
		return true
	}
	if k := strings.IndexByte(role, ' '); k >= 0 {
		role = role[:k]
	}
	if role == "commissioner" {
		return strings.Contains(" "+m.group("mods"), " high ")
	}
	return diplomatRoles[role]
}

// tiedTo reports whether one of cands already ties person to country: a
// leads fact of the country, or a holds_position of the country's office
// ("Foreign Minister of Sweden").
func tiedTo(cands []*cand, person, country string) bool {
	for _, c := range cands {
		if c.subj == nil || c.obj == nil || c.subj.name != person {
			continue
		}
		switch c.pred {
		case graph.Leads:
			if c.obj.name == country {
				return true
			}
		case graph.HoldsPosition:
			if strings.HasSuffix(c.obj.name, " of "+countryPhrase(country)) {
				return true
			}
		}
	}
	return false
}

// sentenceCands returns the candidates found so far in sentence st (the
// last ones added).
func (d *doc) sentenceCands(st *sentence) []*cand {
	k := len(d.cands)
	for k > 0 && d.cands[k-1].sent == st {
		k--
	}
	return d.cands[k:]
}

// indexOf returns the index of u in units, or -1.
func indexOf(units []*unit, u *unit) int {
	for k, v := range units {
		if v == u {
			return k
		}
	}
	return -1
}
