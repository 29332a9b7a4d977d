package extract

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// Event data codes a bare agent noun ("police", "the government",
// "protesters", "rebels") as the country the story is about with the
// agent's CAMEO code (COP, GOV, CVL, REB…), the way wire copy names its
// own country's bodies without naming the country. agents.tsv lists the
// nouns; agentActors reads them for the general coder.

var (
	// agentPreps before a country right after an agent noun make it the
	// agent's country: "police in Nairobi", "the army of Chad", "students
	// throughout Indonesia".
	agentPreps = toSet("in of from throughout across inside at near outside through")
	// scenePreps before a country elsewhere in the sentence name the
	// scene of the event: "fired on protesters in Caracas".
	scenePreps = toSet("in throughout across inside at near outside through")
	// sideWords may stand between such a preposition and the country:
	// "in southern Lebanon", "in the north of", "in the capital city of",
	// "in neighbouring Niger".
	sideWords = toSet("the north south east west northern southern eastern western central capital city of neighbouring neighboring")
	// armedCodes are the agents that often act abroad: a sentence naming
	// one never gives a bare agent the country it names ("Russian troops
	// shelled villages, killing civilians" says nothing of whose).
	armedCodes = toSet("MIL REB")
	// possessivePronouns own the noun after them.
	possessivePronouns = toSet("its their his her our")
)

// agentActors returns units with each bare agent noun phrase ("riot
// police", "protesters", "the government") read as its context's country
// carrying the agent's code (agents.tsv), as sectorActors reads "Kenyan
// police"; a phrase whose country the context does not give stays words.
// The context is, in order: a country right after the phrase ("police in
// Nairobi"); then, for a government, the dateline's country, which wire
// copy leaves unnamed; a country named as the scene of the sentence ("in
// Caracas"); the dateline's country; for people acted on, the country
// whose part acts on them, when the sentence names no other country and
// no armed forces ("Egyptian police dispersed demonstrators"); when the
// sentence names no country and the agent is not armed, the country of
// the previous sentence's scene, so read ("Kenyan police fired on
// protesters in Nairobi. Police arrested 40 people."). It records the
// sentence's scene for the next one; a sentence that names no country
// keeps the scene it was given.
func (d *doc) agentActors(units []*unit, st *sentence) []*unit {
	prev := d.scene
	if countryNamed(units) {
		d.scene = sceneOf(units)
	}
	if len(d.g.agents) == 0 {
		return units
	}
	defer func() { d.noteArmy(units) }()
	units = ethnicGroups(units, st)
	var out []*unit // nil until a phrase is read
	for k := 0; k < len(units); k++ {
		n, code := d.agentAt(units, k)
		var r *ref
		if n > 0 {
			r = d.agentCountry(units, k, k+n, code, prev)
		}
		if r == nil {
			if out != nil {
				out = append(out, units[k])
			}
			continue
		}
		if out == nil {
			out = append(make([]*unit, 0, len(units)), units[:k]...)
		}
		if j := k + n; j < len(units) && units[j].kind == kWord && units[j].lower() == "of" {
			// "the Foreign Ministry of the DPRK", "the army of Chad": the
			// country is part of the phrase, which acts as one.
			for j++; j < len(units) && units[j].kind == kWord && sideWords[units[j].lower()]; j++ {
			}
			// Not when the country owns what follows ("Opponents of
			// Rwanda's Senate"): the phrase is then about that.
			if j < len(units) && units[j].kind == kCountry && units[j].ref == r && !possessed(units, j) {
				n = j + 1 - k
			}
		}
		c := *r
		first, last := units[k], units[k+n-1]
		out = append(out, &unit{kind: kCountry, text: st.text[first.start:last.end], start: first.start, end: last.end,
			ref: &c, sector: code, region: regionalBody(units, k, k+n, code)})
		k += n - 1
	}
	if out == nil {
		return units
	}
	return out
}

// ethnicGroups returns units with each people named "ethnic" ("ethnic
// Albanians", "ethnic Albanian guerrillas") read as event data codes an
// ethnic group: the country it lives in, the sentence's scene ("in
// Serbia"), with the sector its noun names (CVL for the people itself);
// with no scene it is no actor, never the country of its adjective.
func ethnicGroups(units []*unit, st *sentence) []*unit {
	var out []*unit // nil until a group is read
	for k := 0; k+1 < len(units); k++ {
		g := units[k+1]
		if units[k].kind != kWord || units[k].lower() != "ethnic" || g.kind != kCountry || g.ref == nil || !g.demonym && g.sector == "" {
			continue
		}
		if out == nil {
			out = slices.Clone(units)
		}
		scene := scenePlace(units)
		if scene == nil || scene.name == g.ref.name {
			out[k+1] = &unit{kind: kWord, text: g.text, start: g.start, end: g.end}
			continue
		}
		sector := g.sector
		if sector == "" {
			sector = "CVL"
		}
		r := *scene
		out[k+1] = &unit{kind: kCountry, text: st.text[units[k].start:g.end], start: units[k].start, end: g.end, ref: &r, sector: sector}
	}
	if out == nil {
		return units
	}
	return out
}

// agentAt returns the length in units and the code of the longest bare
// agent phrase at units[k], or 0: the phrase's words (or a capitalized
// one read as a name, "Police" opening a sentence) are in agents.tsv, no
// actor owns it (ownedAgent) and it heads its noun phrase (agentEnds).
func (d *doc) agentAt(units []*unit, k int) (int, string) {
	if d.ownedAgent(units, k) {
		return 0, ""
	}
	best, code := 0, ""
	var parts []string
	for n := 1; n <= d.g.agentLen && k+n <= len(units); n++ {
		w := units[k+n-1]
		// A capitalized word opening a clause may have been read as a
		// name: "Police", "Riot police" after a dateline's dash; a body
		// named by its office's words is read as a body of no name: "the
		// Foreign Office", "the Ministry of Foreign Affairs".
		weakName := w.kind == kOther || n == 1 && w.kind == kPerson && w.ref != nil && w.ref.conf <= 0.7 && !w.titled && !strings.Contains(w.text, " ")
		if w.kind != kWord && !weakName {
			break
		}
		parts = append(parts, w.lower())
		if first, _, _ := strings.Cut(parts[0], " "); n == 1 && !d.g.agentFirst[first] {
			break
		}
		if c, ok := d.g.agents[strings.Join(parts, " ")]; ok {
			best, code = n, c
		}
	}
	if best == 0 || !d.agentEnds(units, k, k+best) {
		return 0, ""
	}
	if countNouns[parts[best-1]] && k+best < len(units) && units[k+best].kind == kWord && units[k+best].lower() == "of" {
		// "thousands of soldiers": the noun after "of" is the agent;
		// "thousands rallied" are a crowd.
		return 0, ""
	}
	return best, code
}

// countNouns are agent nouns that count a crowd ("thousands rallied").
var countNouns = toSet("thousands hundreds")

// agentFunctionWords may follow a noun that heads its phrase: "police in
// …", "protesters who …", "troops and …".
var agentFunctionWords = toSet("in of on at to from for with by against into near across through throughout " +
	"inside outside over under after before during since until and or but who which that whose as if unless when while because where " +
	"has have had is are was were will would shall should can could may might must did do does " +
	"not also again later then now still had reportedly allegedly")

// agentEnds reports whether an agent phrase, units[k:j], may end before
// units[j]: at the end of the sentence, before punctuation (a comma and a
// name is an apposition: "police spokesman, Ali Said") or a date, or
// before a word that does not make it a modifier of a noun ("the
// opposition newspaper", "army bases"): a function word, an adverb or a
// verb form — but not a verb's bare form after an object's slot ("pledged
// military aid", "to send more police support"), a noun there.
func (d *doc) agentEnds(units []*unit, k, j int) bool {
	if j >= len(units) {
		return true
	}
	switch u := units[j]; u.kind {
	case kPunct:
		return !isComma(u) || j+1 >= len(units) || units[j+1].kind != kPerson
	case kDate:
		return true
	case kWord:
		// A verb form in -s after the noun is a plural noun it modifies
		// ("army positions"), unless it reports ("the government says").
		w := u.lower()
		lem := d.coder.lemma(w)
		verb := lem != "" && (!strings.HasSuffix(w, "s") || reportVerbs[w])
		if verb && lem == w && k > 0 && d.objectSlot(units[k-1]) {
			verb = false
		}
		return !sectorVeto[w] && (agentFunctionWords[w] || strings.HasSuffix(w, "ly") || verb)
	}
	return false
}

// quantityWords stand before a noun an object names: "more troops",
// "further military aid".
var quantityWords = toSet("more new further additional extra fresh")

// objectSlot reports whether the word u, before a noun phrase, makes it
// an object: a verb that does not report (after "said" a clause starts:
// "said police arrest …") or a word of quantity.
func (d *doc) objectSlot(u *unit) bool {
	if u.kind != kWord {
		return false
	}
	w := u.lower()
	return quantityWords[w] || d.coder.lemma(w) != "" && !reportVerbs[w]
}

// ownedAgent reports whether an actor owns the agent noun at units[k]: a
// possessive or an actor stands before it, alone or before words that
// modify the noun ("Hamas militants", "NATO peacekeeping troops",
// "Kenya's riot police"), or a possessive pronoun does ("its troops"),
// which then are that actor's.
func (d *doc) ownedAgent(units []*unit, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		switch p := units[j]; p.kind {
		case kWord:
			w := p.lower()
			if w == "'s" || w == "-" {
				return true
			}
			if possessivePronouns[w] {
				return true // "its troops": the subject's
			}
			if coderDeterminers[w] || agentFunctionWords[w] || d.coder.lemma(w) != "" || strings.HasSuffix(w, "ly") {
				return false
			}
			if j == k-1 && j > 0 && units[j-1].kind != kPunct && p.text[0] >= 'A' && p.text[0] <= 'Z' {
				return true // "… and Basque separatists": a name no gazetteer knows says whose they are
			}
		case kPunct, kDate:
			return false
		default:
			return true
		}
	}
	return false
}

// agentPhrase returns the lower-cased words of an agent phrase's units.
func agentPhrase(units []*unit) string {
	parts := make([]string, len(units))
	for k, u := range units {
		parts[k] = u.lower()
	}
	return strings.Join(parts, " ")
}

// agentCountry returns the country of the bare agent phrase of code at
// units[k:e] (see agentActors), or nil; prev is the previous sentence's
// scene.
func (d *doc) agentCountry(units []*unit, k, e int, code string, prev *ref) *ref {
	if r := countryAfter(units, e, agentPreps); r != nil {
		return r
	}
	if d.section != nil && !d.otherActorBefore(units, k, d.section) {
		return d.section // "UGANDA - … accused the security forces"
	}
	if dl := d.datelineCountry(); code == "GOV" && dl != nil && !d.otherActorBefore(units, k, dl) {
		return dl
	}
	if d.g.agentHome[agentPhrase(units[k:e])] {
		return nil // "the Foreign Office condemned the attack in Mali" is not Mali's
	}
	if r := scenePlace(units); r != nil {
		return r
	}
	if d.dateline != nil {
		if r := placesCountry(units); r != nil && r.name != d.dateline.name {
			// "NAIROBI … - The RSF shelled the city of El Fasher, killing
			// 20 civilians": a regional wire's dateline is not the scene
			// of what the sentence places elsewhere.
			return r
		}
		if d.otherActorBefore(units, k, d.dateline) {
			return nil
		}
		return d.dateline
	}
	switch {
	case countryNamed(units):
		if peopleCodes[code] {
			return actingCountry(units, k)
		}
		return nil
	case armedCodes[code]:
		if code == "MIL" && d.army != nil && k > 0 && units[k-1].kind == kWord && units[k-1].lower() == "the" {
			// "Sudan's army clashed with the RSF. The RSF accused the
			// army of …": the army the article last named.
			return d.army
		}
		return nil
	}
	if prev != nil && d.otherActorBefore(units, k, prev) {
		return nil
	}
	return prev
}

// regionBodyWords before a government or a legislature say it is a region's
// or a town's, not the country's.
var regionBodyWords = toSet("regional provincial local municipal devolved autonomous county")

// stateBodies are the nouns "state" before makes a region's ("the state
// government", "state lawmakers" in a federation); "state authorities"
// are as often the country's.
var stateBodies = toSet("government legislature parliament lawmakers legislators")

// regionalBody reports whether the government or legislature (code GOV
// or LEG) at units[k:e] is a region's: named with a word that says so
// ("the regional government", "provincial authorities") or of a place
// of places.tsv ("the government of Catalonia", "the parliament of
// Scotland"). Event data codes it as its country's government ("the
// government of Sindh province" ordered patrols: Pakistan, GOV), but
// the country it acts on is then the country's own state, not its
// people ("… criticized Spain"), which it cannot code (unit.region).
func regionalBody(units []*unit, k, e int, code string) bool {
	if code != "GOV" && code != "LEG" {
		return false
	}
	if k > 0 && units[k-1].kind == kWord {
		w := units[k-1].lower()
		if regionBodyWords[w] || w == "state" && stateBodies[units[e-1].lower()] {
			return true
		}
	}
	j := e
	if j >= len(units) || units[j].kind != kWord || units[j].lower() != "of" {
		return false
	}
	for j++; j < len(units) && units[j].kind == kWord && sideWords[units[j].lower()]; j++ {
	}
	return j < len(units) && units[j].kind == kPlace && units[j].in != nil
}

// otherActorBefore reports whether an actor before units[k] is of a
// country other than c ("Bosnian Serb leader Milorad Dodik criticized the
// court", written in Nicosia or after a sentence about Cyprus): the bare
// noun after it may be that actor's country's as well as c's, and is left
// unresolved, no fact rather than a wrong one.
func (d *doc) otherActorBefore(units []*unit, k int, c *ref) bool {
	for _, u := range units[:k] {
		if r := d.actorCountry(u); r != nil && r.name != c.name {
			return true
		}
	}
	return false
}

// actorCountry returns the country of an actor unit: a country itself,
// or a person the article says leads or is a national of one; nil for
// others.
func (d *doc) actorCountry(u *unit) *ref {
	if u.ref == nil {
		return nil
	}
	switch u.kind {
	case kCountry:
		if u.ref.typ == graph.Country {
			return u.ref
		}
	case kPerson:
		for j := len(d.cands) - 1; j >= 0; j-- {
			c := d.cands[j]
			if c.subj != nil && c.subj.name == u.ref.name && (c.pred == graph.Leads || c.pred == graph.NationalOf) &&
				!c.ended && c.obj != nil && c.obj.typ == graph.Country {
				return c.obj
			}
		}
	}
	return nil
}

// peopleCodes are the agents that are a country's people rather than its
// state: a sentence in which a part of the country acts on them names
// their country ("Egyptian police dispersed demonstrators").
var peopleCodes = toSet("CVL OPP EDU LAB AGR REF MED HLH")

// actingCountry returns the country of a part of a country acting before
// units[k] ("Egyptian police", "Iranian authorities") when the sentence
// names no other country and no armed forces (soleCountry), or nil.
func actingCountry(units []*unit, k int) *ref {
	r := soleCountry(units)
	if r == nil {
		return nil
	}
	for _, u := range units[:k] {
		if u.kind == kCountry && u.sector != "" {
			return r
		}
	}
	return nil
}

// sceneOf returns the country a sentence's events take place in: the one
// it names as a place ("in Caracas"), or the only one it names (see
// soleCountry), or nil.
func sceneOf(units []*unit) *ref {
	if r := scenePlace(units); r != nil {
		return r
	}
	return soleCountry(units)
}

// scenePlace returns the first country units name as a place, after a
// preposition of place ("in Caracas", "across northern Mali") or after
// a part of it ("districts of Aleppo", placeParts), or nil.
func scenePlace(units []*unit) *ref {
	for j := 0; j < len(units); j++ {
		if units[j].kind == kWord && scenePreps[units[j].lower()] {
			if r := countryAfter(units, j, scenePreps); r != nil {
				return r
			}
		}
		if j > 0 && units[j].kind == kWord && units[j].lower() == "of" && placeParts[units[j-1].lower()] {
			if r := countryAfter(units, j, ofPrep); r != nil {
				return r // "shelled government-held districts of Aleppo"
			}
		}
	}
	return nil
}

// placesCountry returns the country of the places (places.tsv) units
// name, when they name some and all lie in one country; else nil.
func placesCountry(units []*unit) *ref {
	var r *ref
	for _, u := range units {
		if u.kind != kPlace || u.in == nil {
			continue
		}
		if r != nil && r.name != u.in.name {
			return nil
		}
		r = u.in
	}
	return r
}

// ofPrep is the preposition of a part of a place ("districts of Aleppo").
var ofPrep = toSet("of")

// countryNamed reports whether units name a country.
func countryNamed(units []*unit) bool {
	for _, u := range units {
		if u.kind == kCountry && u.ref != nil {
			return true
		}
	}
	return false
}

// countryAfter returns the country named at units[j] after one of preps
// and side words ("in southern Lebanon"), or nil: a country named by its
// name or capital, not its adjective, or the country of a place of
// places.tsv ("in eastern Kharkiv").
func countryAfter(units []*unit, j int, preps map[string]bool) *ref {
	if j >= len(units) || units[j].kind != kWord || !preps[units[j].lower()] {
		return nil
	}
	j++
	for j < len(units) && units[j].kind == kWord && sideWords[units[j].lower()] {
		j++
	}
	if j < len(units) && units[j].kind == kCountry && !units[j].demonym && units[j].ref != nil && units[j].sector == "" {
		return units[j].ref
	}
	if j < len(units) && units[j].kind == kPlace && units[j].in != nil {
		return units[j].in
	}
	return nil
}

// soleCountry returns the one country units name, or nil when they name
// none, several, or armed forces or rebels of one (armedCodes).
func soleCountry(units []*unit) *ref {
	var r *ref
	for _, u := range units {
		if u.kind != kCountry || u.ref == nil {
			continue
		}
		if armedCodes[u.sector] || r != nil && r.name != u.ref.name {
			return nil
		}
		r = u.ref
	}
	return r
}

// noteArmy records the country whose armed forces units name, when they
// name one country's only ("Sudan's army"), for "the army" in a later
// sentence that names no country (agentCountry).
func (d *doc) noteArmy(units []*unit) {
	var army *ref
	for _, u := range units {
		if u.kind != kCountry || u.sector != "MIL" || u.ref == nil || u.ref.typ != graph.Country {
			continue
		}
		if army != nil && army.name != u.ref.name {
			return
		}
		army = u.ref
	}
	if army != nil {
		d.army = army
	}
}
