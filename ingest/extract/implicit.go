package extract

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// The country an article leaves implicit. News about one country names
// its ministers without it ("Foreign Minister Takeshi Iwaya" in a story
// about Japan, "Champagne was named Minister of Finance" in a readout
// from Ottawa). An office every country has, written without a country
// and whose holder neither the gazetteer nor an appointer places, is the
// office of the article's one country: the only country the article names
// in any form (name, adjective, capital, dateline) or through a person the
// gazetteer places, and whose head (a current `leads` of it) the article
// names, or in whose capital the article is datelined: a story about
// that country's government. A second country
// leaves every such office bare unless one country is the article's home
// (implicitScope.home: the one country of the first sentence naming any,
// named by its name and in more sentences than any other); so does an organization
// named in the holder's sentence ("NATO chief Mark Rutte met Foreign
// Minister Andrii Sybiha" says nothing of Sybiha's country), and so does
// a meeting, visit or call of the holder, the way foreign ministers come
// into a country's news ("President Vladimir Putin met Foreign Minister
// Ahmed Attaf in Moscow": Attaf is Algeria's) — but not a meeting of two
// heads both titled without a country, of two different offices ("Prime
// Minister X met President Y" in a story from the capital). A head of state or
// government titled without a country and unknown to the gazetteer
// ("President Yamandu Orsi declared three days of national mourning" in
// an obituary from Uruguay) leads the article's one country when the
// article names it by its own name or is datelined there ("PRAGUE, Feb.
// 26 -"), under the same conditions, when the
// holder's own sentence names no country (its subject may be acting on
// it: "President Bush has threatened further action against Russia"), and
// when no one else the article names holds that office there without an
// end. A holder the gazetteer places in a country but lists in no office
// ("Prime Minister Shehbaz Sharif", of Pakistan) leads that country when
// the article names it itself, in any form (a dateline: "ISLAMABAD:";
// the holder alone does not count), no
// organization is named in the holder's sentence ("President Romano Prodi"
// of the European Commission is not Italy's) unless the article is
// datelined in that country, and no one else holds the office there
// without an end; a story from elsewhere says nothing of it. The title must be written as a title, capitalized before the name
// ("Former Socialist prime minister Andreas Papandreou" describes).

// implicitScope is what the article's sentences say of its countries.
type implicitScope struct {
	countries map[string]bool // the countries named, in any form
	orgSents  map[int]bool    // the sentences naming an organization
	byName    map[string]bool // the countries named by their own name ("Uruguay")
	heads     []*cand         // heads titled without a country (bareHead), their object still nil
	// sentCountries are the sentences naming a country other than by
	// their dateline.
	sentCountries map[int]bool
	// named counts, per country, the sentences naming it in any form;
	// lastNamed is the last of them, so that a sentence counts once.
	named, lastNamed map[string]int
	// lead are the countries of the first sentence naming any; leadSet
	// says that sentence was seen.
	lead      []string
	leadSet   bool
	datelines map[string]bool // the countries of the article's datelines ("ABUJA —")
	// written are the countries the text names itself (by name,
	// adjective or capital), not only through a person the gazetteer
	// places.
	written map[string]bool
	// inSent are the countries each sentence names itself, by index.
	inSent map[int][]string
}

// noteCountries records the countries and organizations units name, and
// the countries of the people the gazetteer places.
func (d *doc) noteCountries(units []*unit, sentIdx int) {
	sc := &d.implicit
	dl := datelineOf(units) != nil
	for k, u := range units {
		if u.ref == nil {
			continue
		}
		switch u.kind {
		case kCountry:
			sc.add(u.ref.name)
			sc.count(u.ref.name, sentIdx)
			if sc.written == nil {
				sc.written = map[string]bool{}
			}
			sc.written[u.ref.name] = true
			if sc.inSent == nil {
				sc.inSent = map[int][]string{}
			}
			sc.inSent[sentIdx] = append(sc.inSent[sentIdx], u.ref.name)
			if k == 0 && dl {
				sc.addDateline(u.ref.name)
			}
			if k > 0 || !dl {
				if sc.sentCountries == nil {
					sc.sentCountries = map[int]bool{}
				}
				sc.sentCountries[sentIdx] = true
			}
			if d.namesItself(u) {
				if sc.byName == nil {
					sc.byName = map[string]bool{}
				}
				sc.byName[u.ref.name] = true
			}
		case kOrg:
			if sc.orgSents == nil {
				sc.orgSents = map[int]bool{}
			}
			sc.orgSents[sentIdx] = true
		case kPerson:
			if l := d.leaderOf(u.ref.name); l != nil && l.affil != "" {
				if r := d.entityRef(l.affil); r != nil && r.typ == graph.Country {
					sc.add(r.name)
					sc.count(r.name, sentIdx)
				}
			}
		}
	}
	if len(sc.lead) > 0 {
		sc.leadSet = true
	}
}

// add records a country the article names.
func (sc *implicitScope) add(country string) {
	if sc.countries == nil {
		sc.countries = map[string]bool{}
	}
	sc.countries[country] = true
}

// count records that sentence sentIdx names country, for home.
func (sc *implicitScope) count(country string, sentIdx int) {
	if sc.named == nil {
		sc.named, sc.lastNamed = map[string]int{}, map[string]int{}
	}
	if n, ok := sc.lastNamed[country]; ok && n == sentIdx {
		return
	}
	sc.lastNamed[country] = sentIdx
	sc.named[country]++
	if !sc.leadSet {
		sc.lead = append(sc.lead, country)
	}
}

// home returns the country the article is about: its one country, or,
// in an article that names others too (a profile from Islamabad that
// mentions a visit to Beijing), the one country of the first sentence
// that names any, named there or later by its own name, when more
// sentences name it than any other country. It returns "" when there is
// no such country.
func (sc *implicitScope) home() string {
	if c := sc.only(); c != "" {
		return c
	}
	if len(sc.lead) != 1 || !sc.byName[sc.lead[0]] {
		return ""
	}
	c := sc.lead[0]
	for o, n := range sc.named {
		if o != c && n >= sc.named[c] {
			return ""
		}
	}
	return c
}

// addDateline records the country of a dateline of the article.
func (sc *implicitScope) addDateline(country string) {
	if sc.datelines == nil {
		sc.datelines = map[string]bool{}
	}
	sc.datelines[country] = true
}

// only returns the article's one country, or "" when it names none or
// several.
func (sc *implicitScope) only() string {
	if len(sc.countries) != 1 {
		return ""
	}
	for c := range sc.countries {
		return c
	}
	return ""
}

// placeImplicit gives each bare national office of the candidates (see
// cand.bareOff) the article's country (implicitScope.home), where the
// rules above allow.
func (d *doc) placeImplicit() {
	d.placeLabelled()
	d.placeByHolder()
	d.placeByVisit()
	for _, c := range d.implicit.heads {
		if c.obj == nil || d.otherHead(c, c.obj.name) {
			continue
		}
		if d.implicit.datelines[c.obj.name] || d.implicit.written[c.obj.name] && !d.implicit.orgSents[c.sentIdx] {
			d.add(c)
		}
	}
	country := d.implicit.home()
	if country == "" {
		return
	}
	headed := false
	guests := map[string]bool{}
	for _, c := range d.cands {
		switch {
		case c.subj == nil || c.obj == nil:
		case c.pred == graph.Leads && !c.ended && c.obj.typ == graph.Country && c.obj.name == country:
			headed = true
		case (c.pred == graph.Met || c.pred == graph.SpokeWith) && d.bareHeadsMet(c):
			// "Prime Minister X met President Y" in a story from the
			// capital: two of its own heads, neither a guest.
		case c.pred == graph.Met || c.pred == graph.Visited || c.pred == graph.SpokeWith:
			guests[c.subj.name], guests[c.obj.name] = true, true
		}
	}
	if d.implicit.byName[country] || d.implicit.datelines[country] {
		for _, c := range d.implicit.heads {
			if l := d.leaderOf(c.subj.name); l != nil && l.affil != country {
				continue // a person of another country (people.tsv)
			}
			// A head sworn in (swornBareHead) is news of the country
			// itself, whoever the holder meets afterwards.
			// So is a head whose start the article tells in another
			// sentence ("Prime Minister X … X took office on 29 November
			// 2023"): a profile's subject meets many people.
			sworn := c.bound == boundStart && c.dated
			if !sworn && guests[c.subj.name] && d.startTold(c) {
				sworn = true
			}
			// "Gabon's military leader X was sworn in as president":
			// the country the sentence names is the holder's own.
			bare := !d.implicit.sentCountries[c.sentIdx] || sworn && d.ownCountryOnly(c, country)
			if c.obj == nil && !d.implicit.orgSents[c.sentIdx] && bare && (!guests[c.subj.name] || sworn) && !d.otherHead(c, country) {
				c.obj = d.entityRef(country)
				d.add(c)
				// A head placed here makes the article one about the
				// country's government, as a head it names does.
				headed = headed || !c.ended
			}
		}
	}
	if !headed && !d.implicit.datelines[country] {
		return
	}
	for _, c := range d.cands {
		if c.bareOff == nil || c.subj == nil || d.implicit.orgSents[c.sentIdx] || guests[c.subj.name] {
			continue
		}
		if c.obj == nil || c.obj.name != c.bareOff.name {
			continue
		}
		c.obj, c.objText = &ref{graph.Position, nationalOffice(c.bareOff, country), 1}, ""
		c.base *= 0.9
	}
}

// placeByHolder gives a bare national office ("Foreign Minister Claire
// Dubois") the country the article names for the same person in the same
// office elsewhere ("Canada's Foreign Minister Claire Dubois"): one
// office, told twice. A person named in that office of two countries
// keeps the bare one as written.
func (d *doc) placeByHolder() {
	for _, c := range d.cands {
		if c.bareOff == nil || c.subj == nil || c.obj == nil || c.obj.name != c.bareOff.name {
			continue
		}
		var named *ref
		for _, o := range d.cands {
			if o == c || o.pred != c.pred || o.subj == nil || o.obj == nil || o.subj.name != c.subj.name ||
				!strings.HasPrefix(o.obj.name, c.bareOff.name+" of ") {
				continue
			}
			if named != nil && named.name != o.obj.name {
				named = nil
				break
			}
			named = o.obj
		}
		if named != nil {
			c.obj, c.objText = named, ""
		}
	}
}

// outgoingEnds ends an outgoing holder's office ("the Prime Minister
// thanked outgoing Finance Minister Dominic LeBlanc") on the day the
// article dates another person's start in the same office
// ("Francois-Philippe Champagne was named Minister of Finance" on
// Tuesday): the successor the article names elsewhere. Two different
// starts leave it undated.
func (d *doc) outgoingEnds() {
	for _, c := range d.cands {
		if !c.outgoing || c.dated || c.subj == nil || c.obj == nil {
			continue
		}
		var next *cand
		for _, s := range d.cands {
			if s.pred != c.pred || s.bound != boundStart || !s.dated || s.ended || s.subj == nil || s.obj == nil ||
				s.subj.name == c.subj.name || s.obj.name != c.obj.name || !sameRole(s.role, c.role) {
				continue
			}
			if next != nil && next.date != s.date {
				next = nil
				break
			}
			next = s
		}
		if next == nil {
			continue
		}
		c.bound, c.date, c.dateKind, c.dated = boundEnd, next.date, 0, true
		c.dateFrom = next.dateFrom
		if len(c.dateFrom) == 0 {
			c.dateFrom = []*sentence{next.sent}
		}
	}
}

// otherHead reports whether the article names another person in c's
// office of country without ending their term: the country has one
// president at a time, so "President Lars Nowak" in an article naming a
// sitting President Anna Berg is not that country's. A head named as the
// one someone served under (cand.under) is a head of the past and does
// not count.
func (d *doc) otherHead(c *cand, country string) bool {
	ended := map[string]bool{}
	for _, o := range d.cands {
		if o.pred == graph.Leads && o.obj != nil && o.obj.name == country && (o.ended || o.bound == boundEnd) {
			ended[o.subj.name] = true
		}
	}
	for _, o := range d.cands {
		if o.pred == graph.Leads && o.obj != nil && o.obj.name == country && o.subj.name != c.subj.name &&
			sameRole(o.role, c.role) && !ended[o.subj.name] && !o.under {
			return true
		}
	}
	return false
}

// placeLabelled places the offices written without a country in the items
// of a digest labelled with one ("• Japan: Prime Minister Hiroshi Tanabe
// named Keiko Mori as defence minister", "MALAWI - President Peter
// Mutharika appointed …" in a roundup, where the capitals name the
// country itself, not a town): the label is the country of its line, as a
// dateline is of its article. A holder the gazetteer places in
// another country, or who meets, visits or calls someone in the article
// (a guest, as placeImplicit reads them), keeps the office bare.
func (d *doc) placeLabelled() {
	var guests map[string]bool
	labelled := func(c *cand) *ref {
		if c.sent == nil || c.sent.label == "" && c.sent.section == "" || c.subj == nil {
			return nil
		}
		var country *ref
		if c.sent.label != "" {
			country = d.placeCountry(c.sent.label)
		} else {
			country = d.countryNamed(c.sent.section)
		}
		if country == nil {
			return nil
		}
		if l := d.leaderOf(c.subj.name); l != nil && l.affil != country.name {
			return nil
		}
		if guests == nil {
			guests = map[string]bool{}
			for _, m := range d.cands {
				if (m.pred == graph.Met || m.pred == graph.Visited || m.pred == graph.SpokeWith) && m.subj != nil && m.obj != nil {
					guests[m.subj.name], guests[m.obj.name] = true, true
				}
			}
		}
		if guests[c.subj.name] {
			return nil
		}
		return country
	}
	for _, c := range d.implicit.heads {
		if c.obj != nil {
			continue
		}
		if country := labelled(c); country != nil && !d.otherHead(c, country.name) {
			c.obj = country
			d.add(c)
		}
	}
	for _, c := range d.cands {
		if c.bareOff == nil || c.obj == nil || c.obj.name != c.bareOff.name {
			continue
		}
		if country := labelled(c); country != nil {
			c.obj, c.objText = &ref{graph.Position, nationalOffice(c.bareOff, country.name), 1}, ""
		}
	}
}

// placeByVisit gives a head titled without a country and unknown to the
// gazetteer the country a visitor went to in the same sentence, when the
// visitor met or spoke with the head there ("Ruto then flew on to
// Djibouti, where he held talks with President Ismail Omar Guelleh",
// "The minister travelled to Lome and met President X"): the head a guest
// meets on a visit is the host country's. A sentence naming an
// organization, a visitor who leads the country visited, another holder
// of the office there, or a visit to two countries says nothing.
func (d *doc) placeByVisit() {
	for _, c := range d.implicit.heads {
		if c.obj != nil || c.ended || c.subj == nil || d.leaderOf(c.subj.name) != nil || d.implicit.orgSents[c.sentIdx] {
			continue
		}
		var to *ref
		for _, v := range d.cands {
			if v.sentIdx != c.sentIdx || v.pred != graph.Visited || v.subj == nil || v.obj == nil || v.obj.typ != graph.Country ||
				v.subj.name == c.subj.name || !d.metIn(v.subj.name, c.subj.name, c.sentIdx) {
				continue
			}
			if to != nil && to.name != v.obj.name {
				to = nil
				break
			}
			to = v.obj
		}
		if to == nil || d.ledIn(to.name, c.sentIdx) || d.otherHead(c, to.name) || d.otherCountryIn(c.sentIdx, to.name) {
			continue
		}
		c.obj = to
		d.add(c)
	}
}

// ownCountryOnly reports whether the one country c's sentence names is
// country, given there as the country of c's subject ("Gabon's military
// leader X", "Army chief X of Gabon").
func (d *doc) ownCountryOnly(c *cand, country string) bool {
	for _, n := range d.implicit.inSent[c.sentIdx] {
		if n != country {
			return false
		}
	}
	for _, o := range d.cands {
		if o.sentIdx != c.sentIdx || o.subj == nil || o.obj == nil || o.subj.name != c.subj.name {
			continue
		}
		switch o.pred {
		case graph.NationalOf:
			if o.obj.name == country {
				return true
			}
		case graph.HoldsPosition:
			if strings.HasSuffix(o.obj.name, " of "+country) {
				return true
			}
		}
	}
	return false
}

// otherCountryIn reports whether sentence sentIdx names a country other
// than country and those of the people it names ("French Foreign
// Minister X", "Kenyan President Y"): "visited Ghana and Togo, where he
// met President X" does not say whose president X is.
func (d *doc) otherCountryIn(sentIdx int, country string) bool {
	for _, n := range d.implicit.inSent[sentIdx] {
		if n == country {
			continue
		}
		own := false
		for _, o := range d.cands {
			if o.sentIdx != sentIdx || o.obj == nil || o.subj == nil || o.subj.typ != graph.Person {
				continue
			}
			switch o.pred {
			case graph.Leads, graph.NationalOf:
				own = own || o.obj.name == n
			case graph.HoldsPosition:
				own = own || strings.HasSuffix(o.obj.name, " of "+n)
			}
		}
		if !own {
			return true
		}
	}
	return false
}

// metIn reports whether a and b met or spoke in sentence sentIdx.
func (d *doc) metIn(a, b string, sentIdx int) bool {
	for _, m := range d.cands {
		if m.sentIdx == sentIdx && (m.pred == graph.Met || m.pred == graph.SpokeWith) && m.subj != nil && m.obj != nil &&
			(m.subj.name == a && m.obj.name == b || m.subj.name == b && m.obj.name == a) {
			return true
		}
	}
	return false
}

// ledIn reports whether sentence sentIdx says someone leads country.
func (d *doc) ledIn(country string, sentIdx int) bool {
	for _, o := range d.cands {
		if o.sentIdx == sentIdx && o.pred == graph.Leads && o.obj != nil && o.obj.name == country {
			return true
		}
	}
	return false
}

// bareHeadsMet reports whether meeting c is between two heads the article
// titled without a country, of two different offices ("Prime Minister Ion
// Marinescu met President Klaus Iohannis"): a story's own premier and
// president, as a guest would be titled with the country ("Bulgarian
// President X") or known to the gazetteer.
func (d *doc) bareHeadsMet(c *cand) bool {
	var a, b *cand
	for _, h := range d.implicit.heads {
		switch {
		case h.obj != nil || h.subj == nil:
		case h.subj.name == c.subj.name && a == nil:
			a = h
		case h.subj.name == c.obj.name && b == nil:
			b = h
		}
	}
	return a != nil && b != nil && !sameRole(a.role, b.role)
}

// startTold reports whether the article tells when head c took office in
// a statement of its own ("Marinescu took office on 29 November 2023"
// after "Prime Minister Ion Marinescu"; anchors.go), its country unsaid.
func (d *doc) startTold(c *cand) bool {
	if c.dated || c.subj == nil {
		return false
	}
	d.readAnchorSrcs(true)
	a := d.anchors[c.subj.name]
	return a != nil && !a.date[anchorOffice].IsZero() && !a.named
}
