package extract

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// reBodyOffice reads a body choosing the one who presides over it, the
// office named in lower case as the body's own: "The Latvian parliament
// elected Ilze Berzina as its speaker", "Kenya's National Assembly
// elected X as its speaker", "the African Union Commission chose X as
// its new chairman", "re-elected X as the body's president",
// "Kazakhstan's parliament elected X as speaker of the lower house",
// "lawmakers elected X of the Civic Alliance as president of the Chamber
// of Deputies" (her party named between). The
// possessive, or the bare word "speaker", makes the office the body's;
// without either, an office is read by reChangeObj as written.
var reBodyOffice = compile(`(?:(?P<own><C\d+>) 's )?(?P<by><[CGX]\d+>)(?: 's)?(?: (?P<leg>parliament|assembly|legislature|lawmakers|legislators|deputies|mps|parliamentarians))? %AUX%%ADV%(?P<v>elected|re-elected|chose|appointed|named|installed)(?: <D\d+>)? (?P<s><P\d+>)(?: of <[GX]\d+>)?(?: <D\d+>)? (?:as )?(?P<poss>(?:its|their) |the (?:body|assembly|chamber|house|parliament|legislature|organi[sz]ation|bloc|group|council|commission|union|alliance) 's )?(?:new |next |first )?(?P<off>speaker|chair|<O\d+>)(?: |$)`)

// legislatureWords, in a body's name, make it a legislature ("National
// Assembly", "Saeima" is not read).
var legislatureWords = toSet("parliament assembly legislature congress duma senate sejm knesset majlis")

// presidingOffices are the offices that, held in a legislature, are its
// speaker's.
var presidingOffices = map[string]bool{"Speaker of Parliament": true, "President": true, "Chairperson": true}

// readBodyOffices states the offices of reBodyOffice: the speaker of a
// country's legislature (holds_position "Speaker of Parliament of
// Latvia"), or the head of an organization (leads, with the office as
// role). A head's office in a legislature is its speaker's, never the
// country's: "the body's president" leads nothing.
func (d *doc) readBodyOffices(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	for _, m := range d.findAll(reBodyOffice, tpl, units, pos) {
		by, per, offU := m.one("by"), m.one("s"), m.one("off")
		word := m.group("off")
		var off *office
		if offU != nil {
			off = offU.off
		}
		if by == nil || by.ref == nil || per == nil || per.kind != kPerson || per.ref == nil ||
			m.group("poss") == "" && word != "speaker" && (off == nil || off.name != "Speaker of Parliament") {
			// "speaker of the lower house" names the speaker's office
			// as "its speaker" does.
			continue
		}
		c := &cand{subj: per.ref, subjText: per.text, base: confChange, span: m.span(), sent: st, sentIdx: sentIdx}
		switch country := d.legislatureOf(m, by); {
		case country != nil:
			if off != nil && !presidingOffices[off.name] || word == "chair" {
				continue
			}
			speaker := d.g.offices["Speaker of Parliament"]
			if speaker == nil || speaker.national == "" {
				continue
			}
			c.pred, c.obj = graph.HoldsPosition, &ref{graph.Position, nationalOffice(speaker, country.name), 1}
		case by.kind == kOrg && off != nil && off.head && !off.elect:
			c.pred, c.obj, c.objText, c.role = graph.Leads, by.ref, by.text, off.name
		default:
			continue
		}
		v := m.group("v")
		c.bound, c.anchor = changeBound(v), anchorOfVerb(v)
		d.add(c)
	}
}

// legislatureOf returns the country whose legislature the body of a
// reBodyOffice match is ("the Latvian parliament", "Slovenian lawmakers",
// "Kenya's National Assembly"), or nil.
func (d *doc) legislatureOf(m *match, by *unit) *ref {
	if by.kind == kCountry && by.ref.typ == graph.Country {
		if m.group("leg") != "" {
			return by.ref
		}
		return nil
	}
	own := m.one("own")
	if own == nil || own.ref == nil || own.ref.typ != graph.Country || by.kind == kPerson {
		return nil
	}
	for _, w := range strings.Fields(strings.ToLower(by.text)) {
		if legislatureWords[w] {
			return own.ref
		}
	}
	return nil
}
