package simworld

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

// record is one JSONL line as `geokg ingest` reads it.
type record struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Text      string `json:"text"`
}

// WriteArticles writes the world's articles to out, one JSON object a
// line, in publication order. Writing them also records what each states
// in Truth().Stated.
func (w *World) WriteArticles(out io.Writer) error {
	enc := json.NewEncoder(out)
	stated := w.truth.Stated[:0]
	for _, p := range w.plans {
		a := &writer{w: w, p: p, r: rand.New(rand.NewPCG(w.seed, p.seed))}
		text, title := a.article()
		stated = append(stated, a.stated...)
		rec := record{ID: p.id, Title: title, Published: p.published.Format(time.DateOnly),
			URL: "https://news.example/" + p.id, Text: text}
		if err := enc.Encode(rec); err != nil {
			return fmt.Errorf("simworld: article %s: %w", p.id, err)
		}
	}
	w.truth.Stated = stated
	w.rendered = true
	return nil
}

// Truth returns what happened in the world and what its articles state
// (the articles are written to nowhere first if they have not been).
func (w *World) Truth() *Truth {
	if !w.rendered {
		_ = w.WriteArticles(io.Discard)
	}
	return &w.truth
}

// TruthOfFirst returns the world's truth with what its first n articles
// (in publication order, as WriteArticles writes them) state, for a store
// that holds only those: a bulk load interrupted part way, say.
func (w *World) TruthOfFirst(n int) *Truth {
	tr := *w.Truth()
	if n >= len(w.plans) {
		return &tr
	}
	last := articleID(n - 1)
	var stated []Statement
	for _, s := range tr.Stated {
		if s.Article <= last {
			stated = append(stated, s)
		}
	}
	tr.Stated = stated
	return &tr
}

// writer writes one article.
type writer struct {
	w      *World
	p      plan
	r      *rand.Rand
	stated []Statement
}

// pick returns one of xs.
func (a *writer) pick(xs ...string) string { return xs[a.r.IntN(len(xs))] }

// state records a statement of the article.
func (a *writer) state(s Statement) {
	s.Article = a.p.id
	if s.Precision == "" && !(s.Start.IsZero() && s.End.IsZero() && s.Date.IsZero()) {
		s.Precision = "day"
	}
	a.stated = append(a.stated, s)
}

// when writes day d as seen from the publication date: a weekday within
// the week, else an absolute date in one of two styles.
func (a *writer) when(d time.Time) string {
	if k := int(a.p.published.Sub(d).Hours() / 24); k >= 1 && k <= 6 && a.r.IntN(3) > 0 {
		return "on " + d.Weekday().String()
	}
	if a.r.IntN(2) == 0 {
		return "on " + d.Format("January 2, 2006")
	}
	return "on " + d.Format("2 January 2006")
}

// country returns the table row of a country name.
func (a *writer) country(name string) (country, bool) {
	for _, c := range a.w.countries {
		if c.name == name {
			return c, true
		}
	}
	return country{}, false
}

// termAt returns the term person is in on day d.
func (a *writer) termAt(person string, d time.Time) (Term, bool) {
	return a.w.truth.termOf(person, d)
}

// titled writes a person with the title they hold on day d ("Swedish
// Prime Minister Anna Lindqvist", "NATO Secretary General …") and records
// the statement of that title.
func (a *writer) titled(person string, d time.Time) string {
	t, ok := a.termAt(person, d)
	if !ok {
		return person
	}
	a.stateTerm(t, Statement{})
	if c, ok := a.country(t.Of); ok {
		return c.demonym + " " + t.Role + " " + person
	}
	return t.Of + " " + t.Role + " " + person
}

// stateTerm records a statement about term t with the bounds in s.
func (a *writer) stateTerm(t Term, s Statement) {
	s.Subject = t.Person
	if t.Post() {
		s.Predicate, s.Object = "holds_position", t.Office()
	} else {
		s.Predicate, s.Object, s.Role = "leads", t.Of, t.Role
	}
	a.state(s)
}

// article writes the text and title of the article.
func (a *writer) article() (text, title string) {
	var paras []string
	lead, title, place := a.lead()
	style := a.r.IntN(3)
	switch style {
	case 0: // wire: dateline
		lead = strings.ToUpper(place) + " (Wire) - " + lead
	case 1: // readout
		lead = strings.ToUpper(place) + " — " + lead
	default: // analysis: background first
		paras = append(paras, a.noise(2))
	}
	paras = append(paras, lead+" "+a.noise(1))
	for range 1 + a.r.IntN(3) {
		paras = append(paras, a.background()+" "+a.noise(a.r.IntN(2)))
	}
	if len(a.p.extra) > 0 {
		paras = append(paras, a.extras()...)
	}
	if a.r.IntN(10) == 0 {
		paras = append(paras, a.correction())
	}
	return strings.Join(paras, "\n\n"), title
}

// noise returns n sentences that state nothing.
func (a *writer) noise(n int) string {
	var s []string
	for range n {
		s = append(s, a.pick(noise...))
	}
	return strings.Join(s, " ")
}

// lead writes the sentence the article is about, its title and the
// place of its dateline.
func (a *writer) lead() (sentence, title, place string) {
	l := a.p.lead
	t := &a.w.truth
	switch l.kind {
	case "succession", "appointment":
		term := t.Terms[l.term]
		prev, hasPrev := t.predecessor(l.term)
		place = term.Of
		if c, ok := a.country(term.Of); ok {
			place = c.capital
		}
		a.stateTerm(term, Statement{Start: term.Start})
		role := strings.ToLower(term.Role)
		if term.Post() {
			role = ministryPhrase(term.Role)
			head := a.headOf(term.Of, term.Start)
			nom := term.Start.AddDate(0, 0, -1-a.r.IntN(5))
			c, _ := a.country(term.Of)
			sentence = fmt.Sprintf("%s nominated %s as %s %s. %s took office as %s's %s %s.",
				a.titled(head, nom), term.Person, role, a.when(nom), term.Person, c.name, role, a.when(term.Start))
			a.state(Statement{Predicate: "nominated_as", Subject: term.Person, Object: term.Role, Date: nom})
			return sentence, fmt.Sprintf("%s appointed %s", term.Person, role), place
		}
		succ := ""
		if hasPrev {
			succ = fmt.Sprintf(", %s %s", a.pick("succeeding", "replacing"), prev.Person)
			a.state(Statement{Predicate: "succeeded", Subject: term.Person, Object: prev.Person, Date: term.Start})
			a.stateTerm(prev, Statement{End: term.Start})
		}
		verb := a.pick("was sworn in as", "became", "took office as")
		sentence = fmt.Sprintf("%s %s %s of %s %s%s.", term.Person, verb, role, term.Of, a.when(term.Start), succ)
		return sentence, fmt.Sprintf("%s takes office in %s", term.Person, term.Of), place
	case "join":
		m := t.Memberships[l.join]
		a.state(Statement{Predicate: "member_of", Subject: m.Country, Object: m.Org, Start: m.Start})
		c, _ := a.country(m.Country)
		sentence = fmt.Sprintf("%s %s %s %s.", m.Country, a.pick("joined", "became a member of"), m.Org, a.when(m.Start))
		return sentence, fmt.Sprintf("%s joins %s", m.Country, m.Org), c.capital
	case "target":
		tg := t.Targets[l.tgt]
		sentence = fmt.Sprintf("%s raised its defence spending target to %s %s", tg.Org, tg.Value, a.when(tg.Start))
		a.state(Statement{Predicate: "has_target", Subject: tg.Org, Object: tg.Value, Start: tg.Start})
		for _, old := range t.Targets {
			if old.Org == tg.Org && old.End.Equal(tg.Start) {
				sentence += ", up from " + old.Value
				a.state(Statement{Predicate: "has_target", Subject: old.Org, Object: old.Value, End: tg.Start})
			}
		}
		return sentence + ".", tg.Org + " raises its target", "Brussels"
	}
	ev := t.Events[l.event]
	a.state(Statement{Predicate: ev.Predicate, Subject: ev.Subject, Object: ev.Object, Date: ev.Date})
	when := a.when(ev.Date)
	topic := a.pick(topics...)
	place = ev.Location
	if c, ok := a.country(ev.Subject); ok {
		place = c.capital
	} else if tm, ok := a.termAt(ev.Subject, ev.Date); ok {
		if c, ok := a.country(tm.Of); ok {
			place = c.capital
		}
	}
	if place == "" {
		place = "Brussels"
	}
	sentence, title = a.eventSentence(ev, when, topic)
	return sentence, title, place
}

// eventSentence writes the sentence reporting ev on the day written as
// when, about topic, and a title for an article about it.
func (a *writer) eventSentence(ev Event, when, topic string) (sentence, title string) {
	switch ev.Predicate {
	case "met":
		if a.r.IntN(2) == 0 {
			sentence = fmt.Sprintf("%s met %s in %s %s.", a.titled(ev.Subject, ev.Date), a.titled(ev.Object, ev.Date), ev.Location, when)
		} else {
			sentence = fmt.Sprintf("%s held talks with %s in %s %s on %s.", ev.Subject, ev.Object, ev.Location, when, topic)
		}
		title = fmt.Sprintf("%s and %s meet", ev.Subject, ev.Object)
	case "visited":
		sentence = fmt.Sprintf("%s visited %s %s for talks on %s.", a.titled(ev.Subject, ev.Date), ev.Object, when, topic)
		title = fmt.Sprintf("%s in %s", ev.Subject, ev.Object)
	case "spoke_with":
		sentence = fmt.Sprintf("%s spoke with %s by phone %s.", a.titled(ev.Subject, ev.Date), a.titled(ev.Object, ev.Date), when)
		title = "Phone call on " + topic
	case "criticized":
		sentence = fmt.Sprintf("%s %s %s %s over its %s policy.", a.titled(ev.Subject, ev.Date), a.pick("criticized", "criticised"), ev.Object, when, topic)
		title = fmt.Sprintf("%s criticizes %s", ev.Subject, ev.Object)
	case "sanctioned":
		sentence = fmt.Sprintf("%s imposed sanctions on %s %s.", ev.Subject, ev.Object, when)
		title = fmt.Sprintf("Sanctions on %s", ev.Object)
	case "signed_agreement":
		if a.r.IntN(2) == 0 {
			sentence = fmt.Sprintf("%s and %s signed an agreement on %s %s.", ev.Subject, ev.Object, topic, when)
		} else {
			sentence = fmt.Sprintf("%s signed an agreement with %s on %s %s.", ev.Subject, ev.Object, topic, when)
		}
		title = fmt.Sprintf("%s and %s agree on %s", ev.Subject, ev.Object, topic)
	}
	return sentence, title
}

// extras writes the further events of the article (a round-up of the
// week's diplomacy), a few sentences a paragraph, and records them.
func (a *writer) extras() []string {
	var paras, cur []string
	for _, i := range a.p.extra {
		ev := a.w.truth.Events[i]
		a.state(Statement{Predicate: ev.Predicate, Subject: ev.Subject, Object: ev.Object, Date: ev.Date})
		s, _ := a.eventSentence(ev, a.when(ev.Date), a.pick(topics...))
		cur = append(cur, s)
		if len(cur) == 3 {
			paras, cur = append(paras, strings.Join(cur, " ")), nil
		}
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, " "))
	}
	return paras
}

// headOf returns who led country on day d (its first head role).
func (a *writer) headOf(name string, d time.Time) string {
	c, _ := a.country(name)
	h, _ := a.w.truth.HolderAt(name, c.heads[0], d)
	return h
}

// ministryPhrase is how articles write a ministry's office.
func ministryPhrase(office string) string {
	for _, m := range ministries {
		if m.office == office {
			return m.phrase
		}
	}
	return strings.ToLower(office)
}

// background restates a fact from before the publication date: a current
// holder with their title, when a term began, a former holder, a finished
// term or a membership.
func (a *writer) background() string {
	pub := a.p.published
	t := &a.w.truth
	term := t.Terms[a.r.IntN(len(t.Terms))]
	if term.Start.After(pub) {
		return a.noise(1)
	}
	running := term.InForce(pub.AddDate(0, 0, -1))
	switch k := a.r.IntN(5); {
	case k == 0 && running:
		return fmt.Sprintf("%s said the government would respond in due course.", a.titled(term.Person, pub.AddDate(0, 0, -1)))
	case k == 1 && running && !term.Post() && term.Start.Year() >= 1990:
		if _, ok := a.country(term.Of); ok {
			a.stateTerm(term, Statement{Start: time.Date(term.Start.Year(), term.Start.Month(), 1, 0, 0, 0, 0, time.UTC), Precision: "month"})
			return fmt.Sprintf("%s became %s of %s in %s.", term.Person, strings.ToLower(term.Role), term.Of, term.Start.Format("January 2006"))
		}
	case k == 2 && !running && !term.Post() && !term.End.IsZero():
		if c, ok := a.country(term.Of); ok {
			if _, busy := a.termAt(term.Person, pub.AddDate(0, 0, -1)); !busy {
				a.stateTerm(term, Statement{Ended: true})
				return fmt.Sprintf("Former %s %s %s said the decision was a mistake.", c.demonym, term.Role, term.Person)
			}
		}
	case k == 3 && !running && !term.Post() && !term.End.IsZero() && term.End.Year() > term.Start.Year():
		if _, ok := a.country(term.Of); ok {
			a.stateTerm(term, Statement{Start: time.Date(term.Start.Year(), 1, 1, 0, 0, 0, 0, time.UTC),
				End: time.Date(term.End.Year(), 1, 1, 0, 0, 0, 0, time.UTC), Precision: "year", Ended: true})
			return fmt.Sprintf("%s served as %s of %s from %d to %d.", term.Person, strings.ToLower(term.Role), term.Of, term.Start.Year(), term.End.Year())
		}
	case k == 4:
		m := t.Memberships[a.r.IntN(len(t.Memberships))]
		if m.Start.Before(pub) {
			a.state(Statement{Predicate: "member_of", Subject: m.Country, Object: m.Org,
				Start: time.Date(m.Start.Year(), 1, 1, 0, 0, 0, 0, time.UTC), Precision: "year"})
			return fmt.Sprintf("%s has been a member of %s since %d.", m.Country, m.Org, m.Start.Year())
		}
	}
	return a.noise(1)
}

// correction writes a correction note that restates a current title.
func (a *writer) correction() string {
	d := a.p.published.AddDate(0, 0, -1)
	for range 10 {
		term := a.w.truth.Terms[a.r.IntN(len(a.w.truth.Terms))]
		if term.InForce(d) {
			return fmt.Sprintf("Correction: An earlier version of this article misspelled the name of %s.", a.titled(term.Person, d))
		}
	}
	return "Correction: An earlier version of this article misstated the day of the announcement."
}
