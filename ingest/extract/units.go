package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/timex"
)

// Unit kinds, also the letters used in templates ("<P3>").
const (
	kWord    = 'W' // a plain word, lower-cased in templates
	kPunct   = 'Q' // punctuation
	kPerson  = 'P' // a person (or a capitalized name taken for one)
	kCountry = 'C'
	kOrg     = 'G'
	kPlace   = 'L'
	kOther   = 'X' // a name that is not a person (company, body, building)
	kOffice  = 'O'
	kDate    = 'D'
)

// ref is the resolved entity behind a unit.
type ref struct {
	typ  graph.EntityType
	name string
	conf float64 // resolution certainty in (0,1]
}

// unit is a token or a run of tokens recognized as one mention.
type unit struct {
	kind       byte
	text       string // surface as written
	start, end int    // byte offsets in the sentence
	ref        *ref
	off        *office
	expr       *timex.Expr
	demonym    bool   // "Dutch", "American"
	pronoun    bool   // "he", "she" resolved to the person it stands for
	pairRef    bool   // "the two leaders" resolved to one side of the last meeting or call
	company    bool   // a name read as a company from the noun before it
	generic    bool   // "the alliance"
	sector     string // a country named with a part of it ("Russian forces"): its CAMEO agent code
	// region marks a country unit that is a region's government or
	// legislature ("the regional government of Catalonia"): Spain, GOV,
	// which cannot act on Spain itself (regionalBody).
	region  bool
	seats   []*ref // a seat that is a town ("Brussels"): the organization it stands for (the EU), then the others seated there (NATO)
	in      *ref   // a place of places.tsv ("Kharkiv") or a seat that is a town ("Brussels"): the country it lies in
	titled  bool   // a person named after an office ("President Mugabe"), for the coder
	envoyOf *ref   // a diplomat named with the country they serve ("the French ambassador, X"): that country
	// low is text in lower case, as of lowOf: a copy of the unit given
	// another text ("the Treasury Department's …") lowers it again.
	low, lowOf string
}

// regionAdjectives are capitalized adjectives of regions, faiths and
// peoples of no one country: alone, they name no one.
var regionAdjectives = toSet("European African Asian Arab Western Eastern Northern Southern Latin Nordic Baltic Balkan " +
	"Caribbean Pacific Atlantic Mediterranean Scandinavian Islamic Muslim Christian Catholic Orthodox Jewish Sunni Shia " +
	"Shiite Hindu Buddhist Sikh Anglo Slavic Central")

// lower returns the unit's template word.
func (u *unit) lower() string {
	if u.lowOf != u.text || (u.low == "" && u.text != "") {
		u.low, u.lowOf = strings.ToLower(u.text), u.text
	}
	return u.low
}

var (
	// nameStop are capitalized words that never start or form a name.
	nameStop = toSet("The A An In On At After Before But And Or This That These Those It He She They We I You His Her Their Its Our " +
		"During Despite Since While When As If Meanwhile However Also Beyond Under Over From For With By Of To Then Yet Still " +
		"Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September " +
		"October November December Mr. Mrs. Ms. Dr. Both Some Many Most Several Other Another Each Every All No Not There Here " +
		"Who What Where Why How Which Speaking Asked According Earlier Later Last Next Former Like Unlike Among Amid Although Though " +
		"Now Today Yesterday Tomorrow Officials Leaders Discussions Talks Analysts Critics GDP CEO Vice Deputy Assistant " +
		"Secretary Minister Ambassador Respected Dear First " +
		// auxiliaries that open a question or an inverted condition
		// ("Had Germany sent …", "Would China invade …")
		"Had Has Have Were Was Is Are Should Would Could Did Does Will Can Might Must Shall")
	// calendarWords are the names of days and months: after a name, the
	// start of a date, not more of the name.
	calendarWords = toSet("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June " +
		"July August September October November December")
	// "H.E." and "Excellency" (His/Her Excellency), "Hon." (Honourable),
	// "Comrade" and "Seyed"/"Sayyid" (a descendant of the Prophet, in
	// Iranian and Gulf names) are the courtesies of state media and
	// regional English.
	// "Highness" (His Highness, His Royal Highness) is the Gulf
	// agencies' courtesy of a ruler or a prince.
	honorifics = toSet("Mr. Mrs. Ms. Dr. Sir Dame Lord Lady Ayatollah Sheikh Gen. General Adm. Admiral Col. Colonel Sen. Rep. Gov. Judge " +
		"H.E. Hon. Excellency Comrade Seyed Seyyed Sayyid Sayyed Hojatoleslam " +
		// the courtesies of monarchs, royals and popes ("His Royal
		// Highness", "H.H. Sheikh", "His Majesty", "His Holiness")
		"Highness Majesty Holiness H.H. H.R.H. H.M. HE HH Sheikha Haji Hajji Hajjah " +
		// Malaysia's and Brunei's titles of honour ("Dato Erywan Pehin Yusof")
		"Dato Datuk Datin " +
		// the ranks the juntas' leaders keep ("Captain Ibrahim Traore")
		"Capt. Captain Lt. Lieutenant Maj. Brig. Brigadier Marshal Field")
	particles = toSet("de da di do dos das del della los las van von der den ter bin ibn al al- el le la du")
	// placeHeads, first in a capitalized run, make it a place, never a person.
	placeHeads = toSet("Lake Mount Mt. Cape")
	// orgWords mark a capitalized run as a body, company or place, never a person.
	orgWords = toSet("Party News Times Post Journal Council Ministry House Senate Parliament Congress Assembly Bank Union Guard Army Navy " +
		"Forces Force Committee Agency Fund Organization Organisation Group Company Corp. Inc. University Airport Palace Street Square " +
		"Beach City Rotunda Capitol Pentagon Department Office Court Commission Federation Republic Kingdom Islands Island Sea Ocean " +
		"River Mountains Hall Center Centre Summit Forum Conference Treaty Agreement Accord Act Plan Program Programme Project Fleet " +
		"Reuters Press Radio Television TV Network Institute Foundation Association Alliance Coalition Movement Front Council Cabinet " +
		"Railway Airlines Energy Oil Gas Motors Industries Holdings Ltd Bureau Service Services Police Parliamentary Democrats Republicans " +
		"Democratic Republican Socialist Conservative Labour Liberal Green Greens Bay Strait Gulf Valley Peninsula Province County State States " +
		"Tower Building Base Headquarters Station Port Harbor Harbour Park Castle Cathedral Church Mosque Temple Hotel Club Games Olympics Cup " +
		"Affairs Government Presidency Treasury Arrangement Declaration Mission Directorate Secretariat Inspectorate Chancellery")
	// agreementNames end the names of agreements, treaties and summits.
	agreementNames = toSet("Agreement Agreements Treaty Accord Accords Arrangement Arrangements Memorandum Pact Protocol Convention Charter Summit " +
		"Talk Talks Meeting Dialogue Consultations") // "a Japan-Philippines Foreign Ministers' Telephone Talk"
	placePreps = toSet("in at near outside inside across")
	// companyNouns before a capitalized name make it a company (an
	// organization after groupNouns).
	companyNouns = toSet("company companies firm firms producer producers bank banks lender lenders giant giants group " +
		"conglomerate exporter exporters maker makers manufacturer manufacturers operator operators refiner refiners " +
		"insurer insurers carrier carriers airline airlines supplier suppliers shipper shippers trader traders miner miners " +
		"automaker automakers chipmaker chipmakers subsidiary subsidiaries")
	groupNouns = toSet("group groups")
	// partyNouns after a capitalized name make it a party or political
	// bloc: an organization ("the Libre bloc", "the Fidesz party").
	partyNouns = toSet("party bloc alliance coalition movement faction")
	// titleHeads end a title written before a name; a capitalized run
	// holding one before its last word is a title and a name, not a name.
	titleHeads = toSet("Minister Ministers Secretary Ambassador Envoy Spokesman Spokeswoman Spokesperson Adviser Advisor " +
		"Commissioner Director Chairman Chairwoman Mayor Governor Senator Minister-President Speaker")
	// headNouns after "the" and a lone capitalized word make that word a
	// people's or a movement's name ("the Kurdish leader"), not a person.
	// Left out are the nouns that follow a leader's surname as often
	// ("the Bush administration", "the Assad regime", "the Netanyahu
	// government").
	headNouns = toSet("leader leaders leadership president premier minister ministers authorities " +
		"chief commander commanders delegation negotiator negotiators side")
	// companyWords ending a capitalized name make it a company.
	companyWords = toSet("Corp Corp. Corporation Inc Inc. Ltd Ltd. LLC PLC plc GmbH AG Airlines Airways Holdings")
)

// toSet returns the set of the words of s. A set declared at package
// level (built while the package loads) is filled by prepare, as the
// rules are: it is empty until the first New; a set built later is
// filled at once.
func toSet(s string) map[string]bool {
	m := map[string]bool{}
	fill := func() {
		for _, w := range strings.Fields(s) {
			m[w] = true
		}
	}
	if loading {
		deferFill(fill)
	} else {
		fill()
	}
	return m
}

// ledBy reads a word "<country>-led" ("the US-led war", "a Saudi-led
// coalition", "NATO-led forces") as the country or organization that
// leads what it modifies, followed by the word "-led": the leader is the
// actor, as event data codes a US-led coalition as the United States. A
// country "-backed" or "-made" is no actor ("Iranian-backed militias"
// are not Iran). It returns nil for any other token.
func (d *doc) ledBy(t token) []*unit {
	pre, ok := strings.CutSuffix(t.text, "-led")
	if !ok || pre == "" || strings.Contains(pre, "-") {
		return nil
	}
	for _, h := range d.g.phrases[strings.ToLower(pre)] {
		if h.exact != "" && h.exact != pre || h.ent == nil || h.kind != hitEntity && h.kind != hitDemonym {
			continue
		}
		kind := byte(kCountry)
		if h.ent.typ == graph.Organization {
			kind = kOrg
		} else if h.ent.typ != graph.Country {
			continue
		}
		mid := t.start + len(pre)
		return []*unit{
			{kind: kind, text: pre, start: t.start, end: mid, ref: &ref{h.ent.typ, h.ent.name, 1}},
			{kind: kWord, text: t.text[len(pre):], start: mid, end: t.end},
		}
	}
	return nil
}

// capAt reports whether the k-th letter of s is upper case.
func capAt(s string, k int) bool {
	for i, r := range []rune(s) {
		if i == k {
			return unicode.IsUpper(r)
		}
	}
	return false
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isWordTok(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// buildUnits recognizes the mentions of one sentence.
func (d *doc) buildUnits(s string, sentIdx int) []*unit {
	toks := tokenize(s)
	d.lows = d.lows[:0]
	for _, t := range toks {
		d.lows = append(d.lows, strings.ToLower(t.text))
	}
	exprs := timex.Find(s, d.pub)
	pastMonths(s, exprs, d.pub)
	d.todayOfDateline(exprs)
	thatYear(s, exprs, d.storyYear)
	storyMonths(s, exprs, d.prevMonth)
	for _, e := range exprs {
		if e.OutOfRange {
			d.dropped = append(d.dropped, e.Text)
		}
	}
	var units []*unit
	i := 0
	for i < len(toks) {
		t := toks[i]
		if u, n := d.listedPersonAt(s, toks, i, sentIdx); u != nil {
			// "He Lifeng", "To Lam", "May Thu": a person the gazetteer
			// lists under several words is read before any rule for the
			// words themselves (pronouns, dates, prepositions).
			if t := arabicNameTail(toks, i+n); t > 0 {
				n += t // "Mohamed bin Zayed Al Nahyan"
				u.end = toks[i+n-1].end
				u.text = s[u.start:u.end]
			}
			d.learnGender(u.ref.name, titleGenderBefore(toks, d.lows, i, u), true)
			units = append(dropHonorific(units, u), u)
			i += n
			continue
		}
		if u, n := d.givenBeforeListed(s, toks, i, sentIdx); u != nil {
			// "Muhammad Shehbaz Sharif": a given name written before a
			// listed person's name is more of it, not a second person.
			d.learnGender(u.ref.name, titleGenderBefore(toks, d.lows, i, u), true)
			n = stretchLineage(s, u, toks, i, n)
			units = append(dropHonorific(units, u), u)
			i += n
			continue
		}
		if us, n := d.twoOf(toks, i, sentIdx); us != nil {
			units = append(units, us...)
			i += n
			continue
		}
		if e := exprAt(exprs, t.start); e != nil && !yearModifier(toks, d.lows, i) {
			j := i
			for j < len(toks) && toks[j].start < e.End {
				j++
			}
			if j == i {
				j = i + 1
			}
			units = append(units, &unit{kind: kDate, text: s[t.start:toks[j-1].end], start: t.start, end: toks[j-1].end, expr: e})
			i = j
			continue
		}
		if continentHalves[t.text] && i+1 < len(toks) && americas[toks[i+1].text] {
			// "Latin American countries", "South America": a part of the
			// continent, not the United States.
			for _, w := range toks[i : i+2] {
				units = append(units, &unit{kind: kWord, text: w.text, start: w.start, end: w.end})
			}
			i += 2
			continue
		}
		if us, n := d.firstActAt(toks, i, units); us != nil {
			units = append(units, us...)
			i += n
			continue
		}
		if r := d.objectPronounRef(units, toks, d.lows, i); r != nil {
			units = append(units, &unit{kind: kPerson, start: t.start, end: t.end, ref: r, pronoun: true})
			i++
			continue
		}
		if pronouns[t.text] {
			if r := d.pronounRef(units, t.text); r != nil {
				units = append(units, &unit{kind: kPerson, start: t.start, end: t.end, ref: r, pronoun: true})
				i++
				continue
			}
		}
		if us := d.ledBy(t); us != nil {
			units = append(units, us...)
			i++
			continue
		}
		if u, n := d.governmentAt(s, toks, i); u != nil {
			units = append(units, u) // "the Bush administration"
			i += n
			continue
		}
		if u, n := d.formalStateAt(s, toks, i, sentIdx); u != nil {
			units = append(units, u) // "the Federal Republic of Somalia"
			i += n
			continue
		}
		if u, n := d.matchGazetteer(s, toks, i, sentIdx); u != nil {
			if u.kind == kPerson {
				d.learnGender(u.ref.name, titleGenderBefore(toks, d.lows, i, u), true)
				units = dropHonorific(units, u)
				n = stretchLineage(s, u, toks, i, n)
			}
			if u.kind == kOffice && i+n < len(toks) && romanNumeral[toks[i+n].text] {
				// "Minister of Foreign Affairs II": Brunei's second
				// foreign minister holds the office.
				n++
				u.end = toks[i+n-1].end
				u.text = s[u.start:u.end]
			}
			if u.kind == kCountry && u.ref.typ == graph.Country && u.sector == "" {
				if t := formalStateTail(toks, i+n); t > 0 {
					// "the Lao People's Democratic Republic", "the
					// Syrian Arab Republic": the state by its formal name
					n += t
					u.end = toks[i+n-1].end
					u.text, u.demonym = s[u.start:u.end], false
				}
			}
			units = append(units, u)
			i += n
			continue
		}
		if isCap(t.text) && isWordTok(t.text) && !nameStop[t.text] {
			if u, n := d.matchName(s, toks, i, units); u != nil {
				if u.kind == kPerson {
					d.learnGender(u.ref.name, titleGenderBefore(toks, d.lows, i, u), true)
					units = dropHonorific(units, u)
					units = dropStyleOpener(units, toks, i, u)
				}
				units = append(units, u)
				i += n
				continue
			}
		}
		k := byte(kWord)
		if !isWordTok(t.text) && t.text != "'s" {
			k = kPunct
		}
		units = append(units, &unit{kind: k, text: t.text, start: t.start, end: t.end})
		i++
	}
	units = waterNames(partyNames(units, s), s)
	// "the United States" reads as "<C>": drop articles before names.
	out := units[:0]
	for k, u := range units {
		if u.kind == kWord && u.lower() == "the" && k+1 < len(units) {
			switch units[k+1].kind {
			case kCountry, kOrg, kPlace, kOther:
				if !units[k+1].generic {
					continue
				}
			}
		}
		out = append(out, u)
	}
	return datelineTag(datelineSeat(facilities(relationAppositions(out))))
}

// appositionNouns, after a possessive and before a name, tell the relation
// of the name to the possessor: "Ghana's neighbour Togo".
var appositionNouns = toSet("neighbour neighbours neighbor neighbors ally allies rival rivals partner partners")

// relationAppositions returns units with the possessor of an apposition
// "X's neighbour Y" ("Ghana's neighbour Togo", "Russia's ally Belarus")
// made a word: the phrase names Y, and X only tells which Y; an act on
// the phrase is an act on Y.
func relationAppositions(units []*unit) []*unit {
	for k := 0; k+3 < len(units); k++ {
		u, n := units[k], units[k+3]
		switch {
		case u.kind != kCountry && u.kind != kOrg && u.kind != kPlace || u.demonym || u.ref == nil:
			continue
		case units[k+1].text != "'s" && units[k+1].text != "’s" || units[k+2].kind != kWord || !appositionNouns[units[k+2].lower()]:
			continue
		case n.kind != kCountry && n.kind != kOrg && n.kind != kPlace && n.kind != kPerson || n.demonym || n.ref == nil:
			continue
		}
		units[k] = &unit{kind: kWord, text: u.text, start: u.start, end: u.end}
	}
	return units
}

// facilityNouns end the name of a site: "the Osirak Nuclear Facility",
// "Bagram Air Base".
var facilityNouns = toSet("facility facilities plant plants reactor base airbase airport complex refinery dam camp prison")

// facilities returns units with each name of a site that the gazetteer
// does not know (read as a name, "Esfahan Uranium Conversion Facilities")
// made the country it lies in when one is named right after it ("(UCF) in
// central Iran", "near Baghdad"): what is done to a site is done to its
// country, as event data codes it. A site with no country after it is a
// place, never an actor.
func facilities(units []*unit) []*unit {
	for k, u := range units {
		if u.kind != kPerson || u.ref == nil || u.ref.conf >= 1 || u.titled || !strings.Contains(u.text, " ") ||
			!facilityNouns[strings.ToLower(u.text[strings.LastIndexByte(u.text, ' ')+1:])] {
			continue
		}
		j := k + 1
		if j+2 < len(units) && units[j].text == "(" && units[j+2].text == ")" {
			j += 3 // an acronym: "(UCF)"
		}
		c := countryAfter(units, j, sitePreps)
		if c == nil {
			units[k] = &unit{kind: kPlace, text: u.text, start: u.start, end: u.end, ref: &ref{graph.Place, u.text, 1}}
			continue
		}
		r := *c
		units[k] = &unit{kind: kCountry, text: u.text, start: u.start, end: u.end, ref: &r}
	}
	return units
}

// datelineSeat makes a place of a seat that stands for an organization
// and is a town too ("Brussels" for the EU, in Belgium) when it opens the
// sentence as a dateline: in capitals or before a dash, or a comma and a
// date ("BRUSSELS, March 3 (Wire) -", "Brussels —"). The dateline names
// where the story was filed, never who acts in it.
func datelineSeat(units []*unit) []*unit {
	if len(units) < 3 || units[0].kind != kOrg || units[0].in == nil {
		return units
	}
	u, next := units[0], units[1]
	dash := next.text == "-" || next.text == "—" || next.text == "–"
	dated := next.text == "," && units[2].kind == kDate
	caps := u.text == strings.ToUpper(u.text) && (next.text == "," || next.text == "(" || dash)
	if !caps && !dash && !dated {
		return units
	}
	units[0] = &unit{kind: kPlace, text: u.text, start: u.start, end: u.end, ref: &ref{graph.Place, u.text, 1}, in: u.in}
	return units
}

// datelineTag makes plain words of the agency tag of a dateline opening
// the sentence ("LIMA, May 2 (Wire) -", "SEOUL (KoreaWire) --"): a
// capitalised place, optionally a comma and a date, a tag in brackets,
// then a dash. The tag names who reported, no actor of the story.
func datelineTag(units []*unit) []*unit {
	if len(units) < 4 || units[0].kind != kCountry && units[0].kind != kPlace || units[0].text != strings.ToUpper(units[0].text) {
		return units
	}
	j := 1
	if units[j].text == "," && j+1 < len(units) && units[j+1].kind == kDate {
		j += 2
	}
	if j >= len(units) || units[j].text != "(" {
		return units
	}
	for k := j + 1; k < len(units) && k < j+6; k++ {
		if units[k].text != ")" {
			continue
		}
		if k+1 >= len(units) || units[k+1].text != "-" && units[k+1].text != "—" && units[k+1].text != "–" {
			return units
		}
		for m := j + 1; m < k; m++ {
			if u := units[m]; u.kind != kWord && u.kind != kPunct {
				units[m] = &unit{kind: kWord, text: u.text, start: u.start, end: u.end}
			}
		}
		return units
	}
	return units
}

// sitePreps place a site in a country: "in central Iran", "near Baghdad".
var sitePreps = toSet("in near outside at")

// continentHalves before americas name a part of the Americas ("Latin
// American"), never the United States.
var (
	continentHalves = toSet("Latin South Central North Pan")
	americas        = toSet("America American Americans")
)

// courtesyTitles are the honorifics written as words before a name ("Mr.
// Putin"): they are folded into the person that follows. The Iranian
// agencies' "Ayatollah Seyyed", "Hojatoleslam Seyyed" are two.
var courtesyTitles = toSet("mr. mrs. ms. mr mrs ms dr. h.e. hon. excellency comrade " +
	"highness majesty holiness royal h.h. h.r.h. h.m. hh sheikh sheikha prince princess haji hajji hajjah " +
	"seyed seyyed sayyid sayyed ayatollah hojatoleslam")

// dropHonorific removes the courtesy titles ending units when the person u
// follows them ("His Royal Highness Prince", "H.H. Sheikh"), and
// stretches u over them, so that "met Mr. Putin" reads "met <P>" and
// "received His Majesty King Abdullah II" "received <P>".
func dropHonorific(units []*unit, u *unit) []*unit {
	n, style := len(units), false
	if f := strings.Fields(u.text); len(f) > 0 && styleWords[strings.ToLower(f[0])] {
		style = true // "His| Majesty Sultan Hassanal Bolkiah", read with the name
	}
	for n > 0 && units[n-1].kind == kWord && (courtesyTitles[units[n-1].lower()] || units[n-1].text == "HE") {
		style = style || styleWords[units[n-1].lower()]
		n--
	}
	if style && n > 0 && units[n-1].kind == kWord && (units[n-1].lower() == "his" || units[n-1].lower() == "her") {
		n--
	}
	if n == len(units) {
		return units
	}
	u.start = units[n].start
	return units[:n]
}

func exprAt(exprs []timex.Expr, pos int) *timex.Expr {
	for k := range exprs {
		if exprs[k].Start <= pos && pos < exprs[k].End {
			return &exprs[k]
		}
	}
	return nil
}

// listedPersonAt returns the person the gazetteer lists by a name of more
// than one word starting at toks[i], written with its capital, and the
// number of tokens read; nil when no such name starts there.
func (d *doc) listedPersonAt(s string, toks []token, i, sentIdx int) (*unit, int) {
	if !isCap(toks[i].text) || d.g.first[d.lows[i]] < 2 {
		return nil, 0
	}
	for n := d.longestAt(i, len(toks)); n >= 2; n-- {
		for _, h := range d.phraseHits(i, n) {
			if h.kind == hitLeader && (!h.capital || capAt(toks[i+h.capTok].text, h.capRune)) {
				return d.matchGazetteer(s, toks, i, sentIdx)
			}
		}
	}
	return nil, 0
}

// capsAt reports whether each of toks[k], k in ks, starts with a capital.
func capsAt(toks []token, ks []int) bool {
	for _, k := range ks {
		if k >= len(toks) || !capAt(toks[k].text, 0) {
			return false
		}
	}
	return true
}

// matchGazetteer tries the longest gazetteer phrase starting at toks[i].
func (d *doc) matchGazetteer(s string, toks []token, i, sentIdx int) (*unit, int) {
	for n := d.longestAt(i, len(toks)); n >= 1; n-- {
		hits := d.phraseHits(i, n)
		if len(hits) == 0 {
			continue
		}
		exact := joinExact(toks[i : i+n])
		start, end := toks[i].start, toks[i+n-1].end
		text := s[start:end]
		var best *unit
		for _, h := range hits {
			if h.exact != "" && h.exact != exact {
				continue
			}
			if h.capital && !h.anyCase && (!capAt(toks[i+h.capTok].text, h.capRune) || !capsAt(toks[i:], h.capLater)) {
				continue
			}
			// "Montenegro" after "Luís Montenegro" is the person.
			if n == 1 && h.kind == hitEntity && d.persons[d.lows[i]] != "" {
				continue
			}
			u := &unit{text: text, start: start, end: end}
			if h.capTok > 0 && d.lows[i] == "the" {
				// "the Kremlin", "the Taliban": the name without its article
				u.start = toks[i+1].start
				u.text = s[u.start:end]
			}
			switch h.kind {
			case hitLeader:
				u.kind, u.ref = kPerson, &ref{graph.Person, h.lead.name, 1}
			case hitEntity, hitMetonym, hitDemonym, hitPeople:
				u.kind = kCountry
				if h.ent.typ == graph.Organization || h.ent.typ == graph.Company {
					u.kind = kOrg
				}
				ent := h.ent
				if h.kind == hitMetonym {
					ent = d.g.placeCountry(ent, d.pub) // "Juba" in 1995 is in Sudan
				}
				u.ref = &ref{ent.typ, ent.name, 1}
				u.sector = h.sector // "the Pentagon": the United States' military
				if h.kind == hitMetonym && ent.typ == graph.Organization && i > 0 && placePreps[d.lows[i-1]] {
					// "ministers meet in Brussels": the seat named as a
					// place is the town, not the organization acting.
					u.kind, u.ref = kOther, &ref{graph.Place, text, 1}
				}
				if h.kind == hitMetonym && h.town != nil {
					u.in = &ref{h.town.typ, h.town.name, 1} // "Brussels" lies in Belgium
					u.seats = []*ref{{h.ent.typ, h.ent.name, 1}}
					for _, o := range h.seated {
						u.seats = append(u.seats, &ref{o.typ, o.name, 1})
					}
				}
				u.demonym = h.kind == hitDemonym || h.kind == hitPeople
				if h.kind == hitPeople {
					u.sector = "CVL" // the people, as CAMEO codes civilians
				}
				// "Washington Post", "Paris Agreement": a capital inside a
				// longer name; a day or month after it is a date ("Israel
				// Friday reimposed …").
				if h.kind != hitDemonym && h.kind != hitPeople && h.exact == "" && i+n < len(toks) && isCap(toks[i+n].text) &&
					isWordTok(toks[i+n].text) && !calendarWords[toks[i+n].text] && !d.startsGazetteer(toks, i+n) &&
					!d.envoyDestAt(i) && !formalStateName(toks, i, n) && !afterStateOf(toks, i) && !afterTitleOf(toks, i, n) {
					continue
				}
			case hitPlace:
				// "Kharkiv", "Alaska": a place, never an actor, that
				// gives its country as the place of an event; not inside
				// a longer name ("Alaska Airlines", "New York Times").
				if i+n < len(toks) && isCap(toks[i+n].text) && isWordTok(toks[i+n].text) && !calendarWords[toks[i+n].text] &&
					!d.startsGazetteer(toks, i+n) || n == 1 && d.persons[d.lows[i]] != "" {
					continue
				}
				c := d.g.placeCountry(h.ent, d.pub)
				u.kind, u.ref, u.in = kPlace, &ref{graph.Place, h.place, 1}, &ref{c.typ, c.name, 1}
			case hitOffice:
				u.kind, u.off = kOffice, h.off
			case hitGeneric:
				e := d.recentOrg(h.generic)
				if e == nil {
					continue
				}
				u.kind, u.ref, u.generic = kOrg, &ref{graph.Organization, e.name, 0.85}, true
			}
			if best == nil {
				best = u
			}
		}
		if best != nil {
			if best.kind == kOrg && !best.generic {
				d.seenOrg(best.ref.name)
			}
			if best.kind == kPerson {
				d.registerPerson(best.ref.name, best.text)
			}
			return best, n
		}
	}
	return nil, 0
}

func (d *doc) startsGazetteer(toks []token, i int) bool {
	for n := min(d.g.first[d.lows[i]], len(toks)-i); n >= 1; n-- {
		if len(d.phraseHits(i, n)) > 0 {
			return true
		}
	}
	return false
}

// longestAt returns the number of tokens of the longest gazetteer phrase
// that can start at d.lows[i], given the n tokens of the sentence: the
// longest one its first two words start, else 1.
func (d *doc) longestAt(i, n int) int {
	m := min(d.g.first[d.lows[i]], n-i)
	if m < 2 {
		return m
	}
	b := append(append(append(d.keyBuf[:0], d.lows[i]...), ' '), d.lows[i+1]...)
	d.keyBuf = b
	return max(1, min(m, d.g.pair[string(b)]))
}

// phraseHits returns the gazetteer's hits for the n lower-cased tokens at
// i joined by spaces (its phrases' key), the key joined in the doc's
// buffer: a string made for each lookup of each length at each token
// was ~8,000 allocations a pass of the golden articles.
func (d *doc) phraseHits(i, n int) []hit {
	if n == 1 {
		return d.g.phrases[d.lows[i]]
	}
	b := d.keyBuf[:0]
	for k, w := range d.lows[i : i+n] {
		if k > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	d.keyBuf = b
	return d.g.phrases[string(b)]
}

// faithWords name a faith or its branch: alone, an adjective, never a
// person.
var faithWords = toSet("Shia Shiite Shi'ite Sunni Muslim Christian Catholic Orthodox Protestant Evangelical Coptic Jewish Buddhist Hindu Sikh Druze Alawite Ismaili")

// institutionWords end the names of bodies, not people: "Justice
// Department" is no judge.
var institutionWords = toSet("Department Ministry Minister Ministers Court Courts Commission Committee Secretary League Party Center Centre Institute Council Office Act Bill Day System")

// judgeTitle reports whether toks[j] is "Justice" as a judge's title: two
// capitalized words follow, neither ending a body's name ("Justice Mary
// Nzioka", not "Justice Department").
func judgeTitle(toks []token, j int) bool {
	if toks[j].text != "Justice" || j+2 >= len(toks) {
		return false
	}
	a, b := toks[j+1].text, toks[j+2].text
	return isCap(a) && isCap(b) && isWordTok(a) && isWordTok(b) && !institutionWords[a] && !institutionWords[b]
}

// matchName reads a run of capitalized words (with name particles) at
// toks[i] and classifies it.
func (d *doc) matchName(s string, toks []token, i int, prev []*unit) (*unit, int) {
	j := i
	for j < len(toks) && (honorifics[toks[j].text] || judgeTitle(toks, j) || royalCourtesy(toks, j) || royalHighness(toks, j)) {
		j++
	}
	first := j
	if first > i && first < len(toks) && d.startsGazetteer(toks, first) {
		// "His Excellency President Bola Tinubu", "H.E. Ambassador ...":
		// the courtesy is a word; what follows is read on its own.
		return nil, 0
	}
	var words []string
	for j < len(toks) {
		t := toks[j].text
		if j > first && honorifics[t] && !(t == "Sheikh" && len(words) > 0 && j+1 < len(toks) && isCap(toks[j+1].text)) {
			// "Respected Comrade Kim Jong Un": a courtesy starts the
			// name; "Sheikh" after a given name is part of it, as in
			// Somali and Sudanese names ("Hassan Sheikh Mohamud").
			break
		}
		if isCap(t) && isWordTok(t) && !nameStop[t] {
			if j > first && d.startsGazetteer(toks, j) && !d.inLeaderName(toks, first, j) && !d.orgWordSurname(toks, j, len(words)) {
				break
			}
			words = append(words, t)
			j++
			continue
		}
		if t == "'s" && len(words) > 0 && words[len(words)-1] == "People" && j+1 < len(toks) && isCap(toks[j+1].text) {
			// "Korean People's Army", "the People's Liberation Army": part
			// of the name, not a possessive.
			words[len(words)-1] += t
			j++
			continue
		}
		if n := particleRun(toks, j); n > 0 && len(words) > 0 {
			// "Lula da Silva", "Juan Ramon de la Fuente", "Jan van der
			// Berg": lower-case particles inside a name, when a
			// capitalized word follows them.
			for k := j; k < j+n; k++ {
				words = append(words, toks[k].text)
			}
			j += n
			continue
		}
		if len(words) > 0 && particleJoined.MatchString(t) { // "el-Sisi", "al-Sudani"
			words = append(words, t)
			j++
			continue
		}
		break
	}
	// "Luís Montenegro", "Jim Jordan": a first name before a country's name
	// is one name with it, when a verb or the end of the clause follows.
	if len(words) == 1 && j < len(toks) && d.surnameCountry(toks, j, first) {
		words = append(words, toks[j].text)
		j++
	}
	if len(words) == 0 || len(words) == 1 && romanNumeral[words[0]] {
		// "the Minister of Foreign Affairs II of Brunei": a numeral
		// alone is part of the title before it, nobody.
		return nil, 0
	}
	if len(words) == 1 && rankWords[strings.ToLower(words[0])] && j < len(toks) && d.startsGazetteer(toks, j) {
		// "His Royal Highness Prince Mohammed bin Salman": a rank
		// before a name the gazetteer lists is a word, not a name.
		return nil, 0
	}
	if len(words) == 1 && faithWords[words[0]] {
		// "the Iraqi Shia cleric Ammar al-Hakim": a faith alone is an
		// adjective; inside a name it stays ("Mohammed Shia al-Sudani").
		return nil, 0
	}
	if len(words) == 1 && regionAdjectives[words[0]] {
		return nil, 0 // "European wine", "Arab states": an adjective, no one's name
	}
	if len(words) == 1 && j < len(toks) && (toks[j].text == "$" || toks[j].text == "€") && capitals(words[0]+"X") && len(words[0]) <= 3 {
		return nil, 0 // "C$30 billion", "HK$": a currency's sign
	}
	if len(words) == 1 && first == i {
		if org := d.acronymOf(words[0]); org != nil {
			// "the Rapid Support Forces … RSF fighters": an acronym of
			// an organization the article named is that organization.
			start, end := toks[i].start, toks[i].end
			return &unit{kind: kOrg, text: s[start:end], start: start, end: end, ref: &ref{org.typ, org.name, 0.9}}, 1
		}
	}
	if agreementNames[words[len(words)-1]] || agreementAfterAnd(toks, j) {
		// "signed a Defence Industry Cooperation Arrangement", "the
		// Economic Cooperation and Trade Agreement", "held the Third
		// Annual Summit": the name of a text or a meeting, also its part
		// before "and", is read as its words, so that the rules of
		// signing and meeting see its noun; it names no actor.
		if _, known := d.resolvePerson(strings.Join(words, " ")); !known {
			return nil, 0
		}
	}
	if titleHeads[words[len(words)-1]] {
		// "the High Commissioner of Ghana": a title, not a name.
		if _, known := d.resolvePerson(strings.Join(words, " ")); !known {
			return nil, 0
		}
	}
	for _, w := range words[:len(words)-1] {
		if titleHeads[w] {
			// "Petroleum Minister Hardeep Singh Puri": the title is not the
			// name; the name is read from the word after it.
			return nil, 0
		}
	}
	start, end := toks[first].start, toks[j-1].end
	u := &unit{text: s[start:end], start: start, end: end}
	n := j - i
	if p := prevWord(prev); (placePreps[p] && !swornIn(prev) || settlementBefore(prev) || originOpener(prev) && j < len(toks) && toks[j].text == ",") &&
		!(len(words) == 1 && orgWords[words[0]] && j < len(toks) && toks[j].text == "of") {
		// "at the Ministry of Foreign Affairs in Jakarta": a body's
		// first word, cut off by "of", is no place of its own.
		if _, known := d.resolvePerson(u.text); !known {
			u.kind, u.ref = kPlace, &ref{graph.Place, u.text, 1}
			return u, n
		}
	}
	if companyNouns[prevWord(prev)] || afterCompany(prev) {
		// "oil producers Rosneft and Lukoil", "the lender Sberbank"
		typ := graph.Company
		if groupNouns[prevWord(prev)] {
			typ = graph.Organization // "the group Hamas"
		}
		u.kind, u.ref, u.company = kOrg, &ref{typ, u.text, 0.8}, true
		return u, n
	}
	if companyWords[words[len(words)-1]] && len(words) > 1 {
		// "Acme Shipping Ltd", "Sovcomflot Corp", "Caspian Airlines"
		u.kind, u.ref, u.company = kOrg, &ref{graph.Company, u.text, 1}, true
		return u, n
	}
	if first == i && j < len(toks) && partyNouns[toks[j].text] && !(i == 0 && len(words) == 1) {
		// "the centre-right Libre bloc", "the ruling Fidesz party", "the
		// Sumar alliance": a name before a party noun is the party, an
		// organization; a person the article or gazetteer knows keeps
		// the name ("the Netanyahu coalition").
		if _, known := d.resolvePerson(u.text); !known {
			u.kind, u.ref = kOrg, &ref{graph.Organization, u.text, 0.8}
			return u, n
		}
	}
	for k, w := range words {
		if k == 0 && len(words) > 1 && placeHeads[w] && first == i {
			// "Lake Victoria", "Mount Elgon": a lake or a mountain,
			// whatever name follows the word ("Anthony Lake" stays a
			// person: the word ends his name).
			u.kind = kOther
			u.ref = &ref{graph.Other, u.text, 1}
			return u, n
		}
		if orgWords[w] && !(k == 0 && len(words) > 1 && d.g.familyFirstOf(strings.Join(words, " ")) != "") &&
			!(len(words) == 1 && d.persons[strings.ToLower(w)] != "") {
			// "Park Min-soo" and, after him, "Park" are a person.
			u.kind = kOther
			u.ref = &ref{graph.Other, u.text, 1}
			return u, n
		}
	}
	if len(words) == 1 && i == 0 {
		// A lone capitalized first word is usually an ordinary word.
		if _, known := d.resolvePerson(u.text); !known {
			return nil, 0
		}
	}
	if len(words) == 1 && first == i && d.groupAdjective(toks, i, j) {
		// "the Kachin rebels", "the Tuareg fighters": a people or
		// movement named before a group noun, not a person.
		if _, known := d.resolvePerson(u.text); !known {
			return nil, 0
		}
	}
	if len(words) == 1 && first == i && i > 0 && (toks[i-1].text == "the" || toks[i-1].text == "The") &&
		j < len(toks) && headNouns[toks[j].text] {
		// "the Kurdish leader", "the Basque authorities": a people's
		// name before its leaders is what they are, and names no one.
		if _, known := d.resolvePerson(u.text); !known {
			return nil, 0
		}
	}
	if len(words) == 1 && first == i && afterIndefinite(toks, i) {
		// "a former Tupamaro fighter", "an Ennahda official": a name
		// after "a" modifies the noun after it, and is nobody.
		if _, known := d.resolvePerson(u.text); !known {
			return nil, 0
		}
	}
	if len(words) == 1 && first == i && i > 0 && (toks[i-1].text == "the" || toks[i-1].text == "The") &&
		(j == len(toks) || strings.Contains(",.;:", toks[j].text)) {
		// "every port of the Baltic,", "across the Sahel.": a lone name
		// after "the" that ends its phrase is a region, not a person.
		if _, known := d.resolvePerson(u.text); !known {
			u.kind, u.ref = kOther, &ref{graph.Other, u.text, 1}
			return u, n
		}
	}
	name := u.text
	if first > i || i > 0 && courtesyTitles[strings.ToLower(toks[i-1].text)] {
		name = capsSurnameFirst(words, name)
	}
	r, _ := d.resolvePerson(name)
	u.kind, u.ref = kPerson, r
	if len(words) > 1 {
		d.registerPerson(r.name, u.text)
	}
	return u, n
}

// swearWords take "in" as their particle: "swore in Maria Lopez as
// interior minister" swears her in, no place.
var swearWords = toSet("swore sworn swear swears swearing")

// swornIn reports whether units, all of the sentence before a name, end
// with "in" as the particle of a verb of swearing in.
func swornIn(units []*unit) bool {
	n := len(units)
	return n >= 2 && units[n-1].kind == kWord && units[n-1].lower() == "in" &&
		units[n-2].kind == kWord && swearWords[units[n-2].lower()]
}

// afterIndefinite reports whether toks[i] follows an indefinite article,
// itself or with "former" between: "a Tupamaro", "a former Tupamaro".
func afterIndefinite(toks []token, i int) bool {
	j := i - 1
	if j >= 0 && (toks[j].text == "former" || toks[j].text == "veteran" || toks[j].text == "senior") {
		j--
	}
	return j >= 0 && (toks[j].text == "a" || toks[j].text == "an" || toks[j].text == "A" || toks[j].text == "An")
}

// groupCodes are the CAMEO agent codes of groups that a people or
// movement names ("the Kachin rebels", "the Rohingya refugees").
var groupCodes = toSet("REB CVL REF OPP")

// groupAdjective reports whether the lone capitalized word toks[i], ending
// at toks[j], follows "the" and comes before a noun that names a group of
// armed men, civilians, refugees or opponents (sectors.tsv: "rebels",
// "militants", "protesters"): the word then names who the group is.
func (d *doc) groupAdjective(toks []token, i, j int) bool {
	if i == 0 || j >= len(toks) || toks[i-1].text != "the" && toks[i-1].text != "The" {
		return false
	}
	return groupCodes[d.g.sectors[strings.ToLower(toks[j].text)]]
}

// particleRun returns how many name particles ("de", "de la", "van der")
// start at toks[j] when a capitalized word follows the last of them, or 0.
func particleRun(toks []token, j int) int {
	n := 0
	for n < 3 && j+n < len(toks) && particles[toks[j+n].text] {
		n++
		if j+n < len(toks) && isCap(toks[j+n].text) && isWordTok(toks[j+n].text) {
			return n
		}
	}
	return 0
}

// particleJoined matches a surname glued to its particle ("el-Sisi").
var particleJoined = lazyRegexp(`^(?:al|el|ad|as|ash|at|az|ad-|bin|ibn|abu|ben)-\p{Lu}`)

// surnameCountry reports whether toks[j] is a one-word country name that
// ends a person's name begun at toks[first]: the word before is not at the
// sentence start or the country is followed by a lower-case word, and the
// country is not followed by another capitalized word or "'s".
func (d *doc) surnameCountry(toks []token, j, first int) bool {
	t := toks[j].text
	if !isCap(t) || j+1 >= len(toks) {
		return false
	}
	hits := d.g.phrases[strings.ToLower(t)]
	country := false
	for _, h := range hits {
		if h.kind == hitEntity && h.ent.typ == graph.Country && !isAcronym(t) {
			country = true
		}
	}
	if !country {
		return false
	}
	next := toks[j+1].text
	if !isWordTok(next) || isCap(next) || next == "'s" {
		return false
	}
	return first > 0 || next != "and"
}

// inLeaderName reports whether toks[first:j+1] continues a known leader name
// (so "Jonas Gahr Støre" is not cut at a gazetteer word).
func (d *doc) inLeaderName(toks []token, first, j int) bool {
	var b strings.Builder
	for k := first; k <= j; k++ {
		if k > first {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(toks[k].text))
	}
	p := b.String()
	for name := range d.g.leaders {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// orgWordSurname reports whether toks[j], after n capitalized words of a
// name, ends that name although an organization's one-word name is
// spelled so ("Therese Kayikwamba Wagner", not the Wagner Group): two
// name words or more before it, no capitalized word or possessive after
// it, and no reading of the word but an organization's (a country, a
// demonym, an office or a place still starts a name of its own).
func (d *doc) orgWordSurname(toks []token, j, n int) bool {
	if n < 2 || isAcronym(toks[j].text) ||
		j+1 < len(toks) && (isCap(toks[j+1].text) && isWordTok(toks[j+1].text) || toks[j+1].text == "'s") {
		return false
	}
	if d.startsLonger(toks, j) {
		return false
	}
	hits := d.phraseHits(j, 1)
	for _, h := range hits {
		if h.kind != hitEntity || h.ent == nil || h.ent.typ != graph.Organization {
			return false
		}
	}
	return len(hits) > 0
}

// startsLonger reports whether a gazetteer phrase of two tokens or more
// starts at toks[j].
func (d *doc) startsLonger(toks []token, j int) bool {
	for n := min(d.g.first[d.lows[j]], len(toks)-j); n >= 2; n-- {
		if len(d.phraseHits(j, n)) > 0 {
			return true
		}
	}
	return false
}

// afterCompany reports whether units end with a company name and "and" or
// a comma, so that the next name continues a list of companies.
func afterCompany(units []*unit) bool {
	n := len(units)
	if n < 2 || units[n-2].kind != kOrg || !units[n-2].company {
		return false
	}
	t := units[n-1].text
	return t == "and" || t == ","
}

// settlementNouns name a place that is a part of a country, never an
// actor: "the town of Samarra", "the village Nahr".
var settlementNouns = toSet("town towns city village villages province district region port suburb township")

// settlementBefore reports whether units end with a settlement noun, or
// with one and "of" ("near the town of"): the name after them is a place.
func settlementBefore(units []*unit) bool {
	n := len(units)
	if n > 0 && units[n-1].kind == kWord && settlementNouns[units[n-1].lower()] {
		return true
	}
	return n > 1 && units[n-1].kind == kWord && units[n-1].lower() == "of" &&
		units[n-2].kind == kWord && settlementNouns[units[n-2].lower()]
}

// originOpener reports whether units, all of the sentence before a name,
// are an appositive opener telling where someone comes from: "A lawyer
// from", "An economist from", "A native of", "Born and raised in" (a
// handful of words opened by "a", "an" or "born", ending in "from" or
// "native of"). The name after it, before a comma, is a place: "A lawyer
// from Encarnacion, he …".
func originOpener(units []*unit) bool {
	n := len(units)
	if n < 2 || n > 6 {
		return false
	}
	for _, u := range units {
		if u.kind != kWord {
			return false
		}
	}
	switch units[0].lower() {
	case "a", "an", "born":
	default:
		return false
	}
	last := units[n-1].lower()
	return last == "from" || last == "of" && units[n-2].lower() == "native"
}

func prevWord(units []*unit) string {
	for k := len(units) - 1; k >= 0; k-- {
		if units[k].kind == kWord && units[k].lower() == "the" {
			continue
		}
		if units[k].kind == kWord {
			return units[k].lower()
		}
		return ""
	}
	return ""
}

// template renders units as the string the rules match, with pos[k] the
// offset of unit k in it.
func template(units []*unit) (string, []int) {
	var b strings.Builder
	n := len(units)
	for _, u := range units {
		if u.kind == kWord || u.kind == kPunct {
			n += len(u.text)
		} else {
			n += 6 // "<P12>"
		}
	}
	b.Grow(n)
	pos := make([]int, len(units))
	for k, u := range units {
		if k > 0 {
			b.WriteByte(' ')
		}
		pos[k] = b.Len()
		switch u.kind {
		case kWord:
			b.WriteString(u.lower())
		case kPunct:
			t := u.text
			switch t {
			case "“", "”", "‘", "’":
				t = "\""
			case "—", "–":
				t = "-"
			}
			b.WriteString(t)
		default:
			b.WriteByte('<')
			b.WriteByte(u.kind)
			b.WriteString(strconv.Itoa(k))
			b.WriteByte('>')
		}
	}
	return b.String(), pos
}

// agreementAfterAnd reports whether toks[j] is an "and" that joins the
// capitalized words before it to the rest of an agreement's name ("the
// Economic Cooperation and Trade Agreement").
func agreementAfterAnd(toks []token, j int) bool {
	if j >= len(toks) || toks[j].text != "and" {
		return false
	}
	k := j + 1
	for k < len(toks) && k < j+6 && isCap(toks[k].text) && isWordTok(toks[k].text) {
		k++
	}
	return k > j+1 && agreementNames[toks[k-1].text]
}

// modifierDeterminers before a year make it part of a noun phrase.
var modifierDeterminers = toSet("the a an its their his her this that")

// yearModifier reports whether toks[i] is a bare year naming what a noun
// after it is ("the 2016 arbitral ruling", "its 2022 invasion"): the
// date of that thing, not of the sentence's event.
func yearModifier(toks []token, lows []string, i int) bool {
	t := toks[i].text
	if len(t) != 4 || t[0] != '1' && t[0] != '2' || strings.Trim(t, "0123456789") != "" || i == 0 || i+1 >= len(toks) {
		return false
	}
	if !modifierDeterminers[lows[i-1]] {
		return false
	}
	n := toks[i+1].text
	return n != "" && n[0] >= 'a' && n[0] <= 'z' && !nameStop[n] && n != "and" && n != "or"
}
