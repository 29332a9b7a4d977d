package timex

import "errors"

// ErrNotDate is returned, wrapped with the option and the value, when a
// date option's value is not one whole date (ParseOption).
var ErrNotDate = errors.New("not a date")
