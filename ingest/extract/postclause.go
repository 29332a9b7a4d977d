package extract

import (
	"strconv"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/timex"
)

var (
	// rePostClause is a relative clause about a post, its holder and a
	// term's bound: "…, a post she held until March 2023", "…, which he
	// has held since 2021", "…, a position Ruto has held since 2022".
	rePostClause = need(compile(`, (?:(?:a|the) (?:post|position|job|role|office|portfolio)|which) (?:(?P<per><P\d+>)|he|she) (?:has |had |have )?(?:also |only )?held (?P<d><D\d+>)`), []string{" held <D"})
	// reLeadershipBefore is a country's leadership named as the
	// antecedent of such a clause: "Kenya's presidency", "the Kenyan
	// presidency", "the premiership of Italy".
	reLeadershipBefore = lazyRegexp(`(?:<C(\d+)> 's |(?:the )?<C(\d+)> |the )(presidency|premiership|chancellorship)(?: of (?:the )?<C(\d+)>)? $`)
)

// leadershipRoles are the roles of a country's leader a leadership noun
// names.
var leadershipRoles = map[string]string{
	"presidency":     "President",
	"premiership":    "Prime Minister",
	"chancellorship": "Chancellor",
}

// readPostClauses reads rePostClause: the post is the clause's
// antecedent, the office the sentence gave its holder (the person the
// clause names, else the one person the sentence gave an office), or a
// country's leadership named right before it ("Kenya's presidency, which
// William Ruto has held since 2022": Ruto leads Kenya as President, from
// 2022); "since" starts the term, "until" ends it. A clause whose holder
// or post is not plain states nothing.
func (d *doc) readPostClauses(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	for _, m := range d.findAll(rePostClause, tpl, units, pos) {
		du := m.one("d")
		if du == nil || du.expr == nil || du.expr.Value.IsZero() || (du.expr.Kind != timex.Since && du.expr.Kind != timex.Until) {
			continue
		}
		per := m.one("per")
		if per != nil && (per.kind != kPerson || per.ref == nil) {
			continue
		}
		var holder *ref
		if per != nil {
			holder = per.ref
		}
		post, role := d.leadershipBefore(tpl[:m.loc[0]], units, pos)
		var prev *cand
		if role != "" {
			if holder == nil {
				holder = onePersonBefore(units, m.loc[0], pos)
			}
			if holder == nil {
				continue
			}
			if post == nil {
				// "the presidency, which Ruto has held since 2022": the
				// country the article says the holder leads in that role,
				// or none; never another office the sentence gave them.
				if post = d.leadsAs(holder, role); post == nil {
					continue
				}
			}
			post.subj, post.subjText = holder, holder.name
			prev = post
		} else {
			prev = d.sentenceOffice(st, holder)
		}
		if prev == nil {
			continue
		}
		c := *prev
		c.pending, c.link, c.outgoing, c.anchor = false, nil, false, 0
		c.bound, c.ended = boundStart, false
		if du.expr.Kind == timex.Until {
			c.bound, c.ended = boundEnd, true
		}
		c.fixed, c.dated, c.date, c.dateKind, c.dateFrom = true, true, du.expr.Value, du.expr.Kind, []*sentence{st}
		c.span, c.sent, c.sentIdx, c.base = m.span(), st, sentIdx, confVerb*0.9
		d.add(&c)
	}
}

// leadershipBefore returns a leads candidate, without its subject, for a
// country's leadership that ends the template before (the antecedent of a
// post clause), and the leader's role; the candidate is nil when no one
// country is named with it ("the presidency, which …"), the role "" when
// the antecedent is no leadership.
func (d *doc) leadershipBefore(before string, units []*unit, pos []int) (*cand, string) {
	sm := reLeadershipBefore.FindStringSubmatch(before)
	if sm == nil {
		return nil, ""
	}
	role := leadershipRoles[sm[3]]
	var aff *unit
	for _, g := range []string{sm[1], sm[2], sm[4]} {
		if g == "" {
			continue
		}
		k, err := strconv.Atoi(g)
		if err != nil || k < 0 || k >= len(units) || aff != nil {
			return nil, role // one country, named once
		}
		aff = units[k]
	}
	if aff == nil || aff.ref == nil || aff.ref.typ != graph.Country || aff.sector != "" {
		return nil, role
	}
	return &cand{pred: graph.Leads, obj: aff.ref, objText: aff.text, role: role}, role
}

// leadsAs returns a copy of the latest leads candidate the article gave
// holder in role, of a country, or nil when it gave none or several
// countries.
func (d *doc) leadsAs(holder *ref, role string) *cand {
	var found *cand
	for _, c := range d.cands {
		if c.pred != graph.Leads || c.subj == nil || c.subj.name != holder.name || c.obj == nil ||
			c.obj.typ != graph.Country || c.role != role {
			continue
		}
		if found != nil && found.obj.name != c.obj.name {
			return nil
		}
		found = c
	}
	if found == nil {
		return nil
	}
	c := *found
	return &c
}

// onePersonBefore returns the one person the template names before
// offset at (the subject a clause's "he" or "she" is), or nil when it
// names none or several.
func onePersonBefore(units []*unit, at int, pos []int) *ref {
	var only *ref
	for k, u := range units {
		if k < len(pos) && pos[k] >= at {
			break
		}
		if u.kind != kPerson || u.ref == nil {
			continue
		}
		if only != nil && only.name != u.ref.name {
			return nil
		}
		only = u.ref
	}
	return only
}

// sentenceOffice returns the office (leads or holds_position) sentence st
// gave holder, or, holder nil, the one person it gave an office: the
// latest such candidate; nil when there is none or, holder nil, the
// sentence gave offices to several people.
func (d *doc) sentenceOffice(st *sentence, holder *ref) *cand {
	var found *cand
	for _, c := range d.sentenceCands(st) {
		if c.subj == nil || c.obj == nil || c.pred != graph.Leads && c.pred != graph.HoldsPosition {
			continue
		}
		if holder != nil && c.subj.name != holder.name {
			continue
		}
		if holder == nil && found != nil && found.subj.name != c.subj.name {
			return nil
		}
		found = c
	}
	return found
}
