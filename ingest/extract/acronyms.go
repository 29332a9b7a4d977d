package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// withoutAcronymEchoes returns units without the acronym in parentheses
// that repeats the name right before it: "The North Atlantic Treaty
// Organization (NATO) condemned Russia" reads as "The North Atlantic
// Treaty Organization condemned Russia", so the name is the subject of its
// verb. The acronym is an echo when it names the same entity as the name
// before it, or, unknown, is a word in capitals after a name ("the
// Nigerian Union of Teachers (NUT)"). Other asides in parentheses are
// kept. The units are changed in place.
func withoutAcronymEchoes(units []*unit) []*unit {
	out := units[:0]
	for k := 0; k < len(units); k++ {
		if k > 0 && k+2 < len(units) && units[k].text == "(" && units[k+2].text == ")" && acronymEcho(units[k-1], units[k+1]) {
			k += 2
			continue
		}
		out = append(out, units[k])
	}
	return out
}

// acronymEcho reports whether a, in parentheses after name, repeats it.
func acronymEcho(name, a *unit) bool {
	if name.ref == nil || name.kind == kWord || name.kind == kPunct || name.kind == kDate {
		return false
	}
	if a.kind == kWord {
		return capitals(a.text)
	}
	return a.ref != nil && a.ref.name == name.ref.name
}

// capitals reports whether w is an acronym: two to eight letters, all
// capitals ("NUT", "SSS", "FDD").
func capitals(w string) bool {
	if len(w) < 2 || len(w) > 8 {
		return false
	}
	return strings.IndexFunc(w, func(r rune) bool { return !unicode.IsUpper(r) }) < 0
}

// acronymOf returns the organization the article named whose initials w
// is ("RSF" after "the Rapid Support Forces"), the one named last when
// several are; nil when w is no acronym or none matches.
func (d *doc) acronymOf(w string) *entry {
	if !capitals(w) || len(w) < 3 {
		return nil
	}
	var best *entry
	bt := 0
	for name, t := range d.orgSeen {
		if t > bt && initialsOf(name) == w {
			if e := d.g.entities[name]; e != nil {
				best, bt = e, t
			}
		}
	}
	return best
}

// initialsOf returns the initials of a name's capitalized words, a word
// joined by a particle counted by the word after it ("Hayat Tahrir
// al-Sham" is HTS); "" when a name has fewer than three.
func initialsOf(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(name) {
		if i := strings.LastIndexByte(f, '-'); i > 0 && i+1 < len(f) && strings.ToLower(f[:i]) == f[:i] {
			f = f[i+1:] // "al-Sham"
		}
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() < 3 {
		return ""
	}
	return b.String()
}
