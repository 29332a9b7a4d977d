package feed

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/http"

	"github.com/geokg/geokg/ingest"
)

// PageAccept is the Accept header of page requests.
const PageAccept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"

// FeedAccept is the Accept header of feed requests.
const FeedAccept = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"

// Page fetches the HTML page at url and reads it as the ingest package
// reads an .html file: title, date and URL from its metadata, its main text
// only. The article's ID is id; the page's date, when it has none, is
// opts.Published; its URL, when it names none, is url. Warnings (a date
// that does not parse) are returned beside the article. A page whose
// Content-Type (or, without one, whose content) is not HTML is an error
// wrapping ErrNotHTML; one without text wraps ingest.ErrNoText.
func (f *Fetcher) Page(ctx context.Context, url, id string, opts ingest.ReadOptions) (ingest.Article, []*ingest.ReadError, error) {
	resp, err := f.Get(ctx, url, Validators{}, PageAccept)
	if err != nil {
		return ingest.Article{}, nil, err
	}
	return ReadPage(ctx, resp, id, opts)
}

// ReadPage reads a fetched page as Page does.
func ReadPage(ctx context.Context, resp *Response, id string, opts ingest.ReadOptions) (ingest.Article, []*ingest.ReadError, error) {
	ct := resp.ContentType
	if ct == "" {
		ct = http.DetectContentType(resp.Body)
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || (mt != "text/html" && mt != "application/xhtml+xml") {
		return ingest.Article{}, nil, fmt.Errorf("GET %s: %w (Content-Type %q)", resp.URL, ErrNotHTML, ct)
	}
	var (
		art   ingest.Article
		found bool
		warns []*ingest.ReadError
		bad   error
	)
	err = ingest.ReadHTML(ctx, bytes.NewReader(resp.Body), resp.URL, id, opts,
		func(a ingest.Article) error { art, found = a, true; return nil },
		func(e *ingest.ReadError) {
			if e.Warning {
				warns = append(warns, e)
			} else if bad == nil {
				bad = e
			}
		})
	switch {
	case err != nil:
		return ingest.Article{}, warns, err
	case bad != nil:
		return ingest.Article{}, warns, bad
	case !found:
		return ingest.Article{}, warns, fmt.Errorf("%s: %w", resp.URL, ingest.ErrNoText)
	}
	if art.URL == "" {
		art.URL = resp.URL
	}
	return art, warns, nil
}
