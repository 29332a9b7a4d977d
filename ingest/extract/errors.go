package extract

import "errors"

// ErrGazetteer reports a malformed gazetteer file.
var ErrGazetteer = errors.New("malformed gazetteer line")
