package graph

import (
	"errors"
	"fmt"
)

// DropBadDates clears every date of the batch that is not Valid — the
// article's publication date, the facts' start, end and date, their
// sources' claims and publication dates — so that none is stored, and
// returns one error (wrapping ErrDateRange) per value cleared, naming
// the fact or article it belonged to. A fact with an ID has it computed
// again, as its key may name the date cleared. A batch whose dates are
// all valid is left as it is and the result is nil.
func (b *Batch) DropBadDates() []error { return b.badDates(true) }

// CheckDates returns an error (wrapping ErrDateRange) naming every date
// of the batch that is not Valid, or nil; it changes nothing.
func (b *Batch) CheckDates() error { return errors.Join(b.badDates(false)...) }

// badDates lists the invalid dates of b, clearing them when fix is true.
func (b *Batch) badDates(fix bool) []error {
	var errs []error
	check := func(d *Date, what string) {
		if !d.Valid() {
			errs = append(errs, fmt.Errorf("%w: %s %04d-%02d-%02d", ErrDateRange, what, d.Year, int(d.Month), d.Day))
			if fix {
				*d = Date{}
			}
		}
	}
	check(&b.Article.Published, "article "+b.Article.ID+" published")
	for i := range b.Facts {
		f := &b.Facts[i]
		n := len(errs)
		name := "fact " + f.Subject + " " + f.Predicate + " " + f.Object
		check(&f.Start, name+" start")
		check(&f.End, name+" end")
		check(&f.Date, name+" date")
		for j := range f.Sources {
			s := &f.Sources[j]
			check(&s.Published, name+" source published")
			check(&s.Claim.Start, name+" source start")
			check(&s.Claim.End, name+" source end")
			check(&s.Claim.Date, name+" source date")
		}
		if fix && len(errs) > n && f.ID != "" {
			f.ComputeID()
		}
	}
	return errs
}
