package extract

import "github.com/geokg/geokg/graph"

// ownedCompanies reads a company named with its country or "the" and what
// it is as the company alone: "Iran's national carrier Iran Air", "Russian
// oil company Rosneft" and "the tanker operator Baltic Freight Ltd" are Iran
// Air, Rosneft and Baltic Freight Ltd, so that "sanctions on Iran's national
// carrier Iran Air" sanction the airline, not the country. Up to three
// lower-case words stand between the opening and the company, the last a
// company noun ("carrier", "company", "lender"...).
func ownedCompanies(units []*unit) []*unit {
	var out []*unit
	for k := 0; k < len(units); k++ {
		if n := ownedCompanyAt(units, k); n > 0 {
			if out == nil {
				out = append(make([]*unit, 0, len(units)), units[:k]...)
			}
			out = append(out, units[k+n-1])
			k += n - 1
			continue
		}
		if out != nil {
			out = append(out, units[k])
		}
	}
	if out == nil {
		return units
	}
	return out
}

// ownedCompanyAt returns the number of units of an owned-company phrase
// starting at units[k] (ending with the company), or 0.
func ownedCompanyAt(units []*unit, k int) int {
	u := units[k]
	j := k + 1
	switch {
	case u.kind == kWord && u.lower() == "the":
	case u.kind != kCountry || u.ref == nil:
		return 0
	case !u.demonym:
		if j >= len(units) || units[j].text != "'s" {
			return 0
		}
		j++
	}
	words := 0
	for j < len(units) && units[j].kind == kWord && words < 3 {
		j++
		words++
	}
	if words == 0 || j >= len(units) || !companyNouns[units[j-1].lower()] || groupNouns[units[j-1].lower()] {
		return 0
	}
	c := units[j]
	if c.kind != kOrg || c.ref == nil || c.ref.typ != graph.Company {
		return 0
	}
	return j - k + 1
}
