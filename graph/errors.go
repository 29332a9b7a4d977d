package graph

import "errors"

// Errors returned by this package; callers test them with errors.Is.
var (
	// ErrBadDate is returned for a date that is not YYYY, YYYY-MM or YYYY-MM-DD.
	ErrBadDate = errors.New("bad date")
	// ErrDateRange is returned for a date outside years MinYear–MaxYear,
	// which cannot be stored and read back.
	ErrDateRange = errors.New("date out of range (years 1-9999)")
	// ErrInvalid is returned when a fact or entity lacks a required field.
	ErrInvalid = errors.New("invalid")
)
