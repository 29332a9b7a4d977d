package extract

import (
	"regexp"
	"strings"

	"github.com/geokg/geokg/graph"
)

// Genders of people, as far as the article or the gazetteer tells them.
const (
	genderUnknown byte = 0
	genderMale    byte = 'm'
	genderFemale  byte = 'f'
)

// titleGender are words that, written right before a name, give the
// person's sex: honorifics ("Mr.", "Dame"), gendered titles ("Queen",
// "Congresswoman", "Chairman") and kinship nouns ("his wife Jill": Jill, not
// the husband). "Sheikh" is left out: it also comes before women's names.
var titleGender = func() map[string]byte {
	m := map[string]byte{}
	for _, w := range strings.Fields("mr mister sir lord king prince emperor duke baron congressman assemblyman councilman " +
		"chairman spokesman businessman husband widower son brother grandson nephew uncle") {
		m[w] = genderMale
	}
	for _, w := range strings.Fields("mrs ms miss madam madame dame lady queen princess empress duchess baroness countess " +
		"sheikha congresswoman assemblywoman councilwoman chairwoman spokeswoman businesswoman wife widow daughter " +
		"mother sister granddaughter niece aunt") {
		m[w] = genderFemale
	}
	return m
}()

// pronounGender is the sex a personal pronoun refers to.
func pronounGender(p string) byte {
	switch strings.ToLower(p) {
	case "he", "him", "his", "himself":
		return genderMale
	case "she", "her", "hers", "herself":
		return genderFemale
	}
	return genderUnknown
}

// genderOf is what the article has shown of a person's sex (a title or
// honorific, "the first woman to ...", an earlier he/she resolved to them),
// else what the gazetteer's list of given names says of the first name.
func (d *doc) genderOf(name string) byte {
	if g := d.gender[name]; g != genderUnknown {
		return g
	}
	sp := strings.IndexByte(name, ' ')
	if sp <= 0 {
		return genderUnknown // a lone surname says nothing
	}
	first := name[:sp]
	if g, ok := d.g.given[first]; ok {
		return g
	}
	return d.g.given[strings.ToLower(first)]
}

// learnGender records a person's sex. Evidence from the text (strong)
// overrides the given-name list and earlier weak evidence; weak evidence
// (a pronoun resolved to the person) only fills an unknown gender.
func (d *doc) learnGender(name string, g byte, strong bool) {
	if g == genderUnknown || name == "" {
		return
	}
	if !strong && d.genderOf(name) != genderUnknown {
		return
	}
	d.gender[name] = g
}

// fits reports whether a person may be the antecedent of a pronoun of sex
// want: either is unknown, or they agree.
func (d *doc) fits(name string, want byte) bool {
	if want == genderUnknown {
		return true
	}
	g := d.genderOf(name)
	return g == genderUnknown || g == want
}

// titleGenderBefore reads the sex of the person unit u, built from tokens
// starting at toks[i], from the words written right before the name: the
// token before toks[i] and the honorifics the name itself absorbed ("Mr.
// Trump", "Dame Jacinda Ardern", "Queen Margrethe", "his wife Jill Biden");
// lows are the tokens lower-cased.
func titleGenderBefore(toks []token, lows []string, i int, u *unit) byte {
	g := genderUnknown
	look := func(t string) {
		if x := titleGender[strings.TrimSuffix(t, ".")]; x != genderUnknown {
			g = x
		}
	}
	if i > 0 {
		look(lows[i-1])
	}
	for k := i; k < len(toks) && toks[k].end <= u.start; k++ {
		look(lows[k])
	}
	return g
}

// reFemaleNoun and reMaleNoun read a person described by a gendered noun:
// "X, the first woman to lead ...", "X became the country's first female
// prime minister", "X, a 45-year-old man,". (A template ends with the
// sentence's final mark, so the noun is always followed by a space.)
var (
	reFemaleNoun = need(compile(`(?P<p><P\d+>) (?:, (?:the|a|an)|(?:became|becomes|has become|is|was|remains)(?: the| a| an)?)(?: (?:[a-z0-9\-]+|'s|<[CG]\d+>)){0,4}? (?:woman|female|women)(?: |$)`), []string{" woman ", " female ", " women "})
	reMaleNoun   = need(compile(`(?P<p><P\d+>) (?:, (?:the|a|an)|(?:became|becomes|has become|is|was|remains)(?: the| a| an)?)(?: (?:[a-z0-9\-]+|'s|<[CG]\d+>)){0,4}? (?:man|male)(?: |$)`), []string{" man ", " male "})
)

// readGenderNouns records the sex of people a sentence describes with a
// gendered noun (see reFemaleNoun).
func (d *doc) readGenderNouns(units []*unit, tpl string, pos []int) {
	for _, r := range []struct {
		re *regexp.Regexp
		g  byte
	}{{reFemaleNoun, genderFemale}, {reMaleNoun, genderMale}} {
		for _, m := range d.findAll(r.re, tpl, units, pos) {
			if u := m.one("p"); u != nil && u.kind == kPerson && u.ref != nil && u.ref.typ == graph.Person {
				d.learnGender(u.ref.name, r.g, true)
			}
		}
	}
}
