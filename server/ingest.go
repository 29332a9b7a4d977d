package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/geokg/geokg/ingest"
)

// DefaultMaxIngest is the default cap of an ingest request's body.
const DefaultMaxIngest = 16 << 20

// IngestFunc stores the articles read from body — JSONL, a JSON article or
// array of articles, or the text of one article, as `geokg ingest -` reads
// standard input — and returns what the run did.
type IngestFunc func(ctx context.Context, body io.Reader) (IngestResult, error)

// IngestResult is the answer of POST /api/v1/ingest.
type IngestResult struct {
	// Summary counts what the run did.
	Summary ingest.Summary `json:"summary"`
	// Line is the summary line `geokg ingest` prints.
	Line string `json:"line"`
	// Problems are the lines `geokg ingest` prints for bad items and
	// warnings, one per item.
	Problems []string `json:"problems,omitempty"`
}

// authorized reports whether r carries one of the server's ingest tokens
// as "Authorization: Bearer TOKEN".
func (s *Server) authorized(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || got == "" {
		return false
	}
	match := 0
	for _, t := range s.opts.Tokens {
		if t != "" {
			match |= subtle.ConstantTimeCompare([]byte(got), []byte(t))
		}
	}
	return match == 1
}

func (s *Server) ingest(w http.ResponseWriter, r *http.Request, _ params) error {
	if s.opts.Ingest == nil {
		return fmt.Errorf("%w: this server does not ingest", ErrForbidden)
	}
	if !s.authorized(r) {
		return fmt.Errorf("%w: ingest needs the server's token (Authorization: Bearer TOKEN; serve.token, or the token of %s)", ErrForbidden, AddrFile)
	}
	// Read the whole body first, so an oversized one is a 413 and not a
	// half-stored run.
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxIngest))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return fmt.Errorf("%w: over %d bytes", ErrTooLarge, s.opts.MaxIngest)
		}
		return err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return badRequest("the body must hold articles (JSONL, a JSON article or the text of one)")
	}
	res, err := s.opts.Ingest(r.Context(), bytes.NewReader(body))
	if err != nil {
		return err
	}
	s.log.Info("ingested over HTTP", "read", res.Summary.Read, "new", res.Summary.New, "errors", res.Summary.Errors)
	return writeJSON(w, res)
}
