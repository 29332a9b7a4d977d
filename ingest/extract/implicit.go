package extract

import (
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
// names: a story about that country's government. Any second country,
// however named, leaves every such office bare; so does an organization
// named in the holder's sentence ("NATO chief Mark Rutte met Foreign
// Minister Andrii Sybiha" says nothing of Sybiha's country), and so does
// a meeting, visit or call of the holder, the way foreign ministers come
// into a country's news ("President Vladimir Putin met Foreign Minister
// Ahmed Attaf in Moscow": Attaf is Algeria's).

// implicitScope is what the article's sentences say of its countries.
type implicitScope struct {
	countries map[string]bool // the countries named, in any form
	orgSents  map[int]bool    // the sentences naming an organization
}

// noteCountries records the countries and organizations units name, and
// the countries of the people the gazetteer places.
func (d *doc) noteCountries(units []*unit, sentIdx int) {
	sc := &d.implicit
	for _, u := range units {
		if u.ref == nil {
			continue
		}
		switch u.kind {
		case kCountry:
			sc.add(u.ref.name)
		case kOrg:
			if sc.orgSents == nil {
				sc.orgSents = map[int]bool{}
			}
			sc.orgSents[sentIdx] = true
		case kPerson:
			if l := d.leaderOf(u.ref.name); l != nil && l.affil != "" {
				if r := d.entityRef(l.affil); r != nil && r.typ == graph.Country {
					sc.add(r.name)
				}
			}
		}
	}
}

// add records a country the article names.
func (sc *implicitScope) add(country string) {
	if sc.countries == nil {
		sc.countries = map[string]bool{}
	}
	sc.countries[country] = true
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
// cand.bareOff) the article's one country, where the rules above allow.
func (d *doc) placeImplicit() {
	country := d.implicit.only()
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
		case c.pred == graph.Met || c.pred == graph.Visited || c.pred == graph.SpokeWith:
			guests[c.subj.name], guests[c.obj.name] = true, true
		}
	}
	if !headed {
		return
	}
	for _, c := range d.cands {
		if c.bareOff == nil || c.obj == nil || c.obj.name != c.bareOff.name || d.implicit.orgSents[c.sentIdx] ||
			c.subj == nil || guests[c.subj.name] {
			continue
		}
		c.obj, c.objText = &ref{graph.Position, nationalOffice(c.bareOff, country), 1}, ""
		c.base *= 0.9
	}
}
