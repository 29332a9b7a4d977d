package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/store"
	"github.com/geokg/geokg/timex"
)

// Errors of this package; callers test them with errors.Is.
var (
	// ErrBadRequest is a request with a bad parameter or body (400).
	ErrBadRequest = errors.New("bad request")
	// ErrNotFound is a path no route serves (404).
	ErrNotFound = errors.New("no such route")
	// ErrTooLarge is a request body over the cap (413).
	ErrTooLarge = errors.New("request body too large")
	// ErrForbidden is a request the server refuses to do: an ingest
	// without a valid token (403).
	ErrForbidden = errors.New("forbidden")
)

// errorJSON is the body of every error response.
type errorJSON struct {
	Error string `json:"error"`
	// Suggestions are the closest question forms when ask cannot read the
	// question.
	Suggestions []string `json:"suggestions,omitempty"`
}

// requestError is a bad request with its message; it is ErrBadRequest.
type requestError struct{ msg string }

func (e requestError) Error() string { return e.msg }
func (e requestError) Unwrap() error { return ErrBadRequest }

// badRequest returns an error that is ErrBadRequest, with the message.
func badRequest(format string, args ...any) error {
	return requestError{fmt.Sprintf(format, args...)}
}

// statusOf maps an error to its HTTP status: 400 for bad parameters,
// dates, questions and ambiguous names; 404 for unknown entities and
// routes; 403 for a refused ingest; 413 for bodies over the cap; 503 for a store locked by a writer;
// 504 for a query cancelled by its time limit; 500 for the rest.
func statusOf(err error) int {
	var mbe *http.MaxBytesError
	switch {
	case errors.Is(err, ErrBadRequest), errors.Is(err, timex.ErrNotDate), errors.Is(err, queries.ErrNotUnderstood),
		errors.Is(err, queries.ErrAmbiguous), errors.Is(err, export.ErrUnknownFormat), errors.Is(err, export.ErrNoEntityTable),
		errors.Is(err, export.ErrBadFilter):
		return http.StatusBadRequest
	case errors.Is(err, ErrForbidden):
		return http.StatusForbidden
	case errors.Is(err, ErrNotFound), errors.Is(err, queries.ErrUnknownEntity), errors.Is(err, export.ErrUnknownEntity),
		errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, ErrTooLarge), errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, store.ErrLocked):
		return http.StatusServiceUnavailable
	case errors.Is(err, queries.ErrGizmoTimeout), errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout
	}
	return http.StatusInternalServerError
}
