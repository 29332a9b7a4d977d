package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	neturl "net/url"
	"time"
)

// Errors wrapped by this package's errors; callers test them with errors.Is.
var (
	// ErrStatus is returned for an HTTP response other than 2xx or 304.
	ErrStatus = errors.New("unexpected HTTP status")
	// ErrBadFeed is returned for a document that is not RSS or Atom.
	ErrBadFeed = errors.New("not a valid RSS or Atom feed")
	// ErrNotHTML is returned for a linked page that is not an HTML document.
	ErrNotHTML = errors.New("not an HTML page")
	// ErrTooLarge is returned for a response body over Fetcher.MaxBytes.
	ErrTooLarge = errors.New("response too large")
	// ErrBadItem is wrapped by the error of one feed entry that cannot
	// be read (Feed.Bad); the feed's other entries are read.
	ErrBadItem = errors.New("unreadable feed item")
	// ErrItemDate is wrapped by the warning of a feed entry whose date
	// does not parse (Item.Warnings); the entry is read undated.
	ErrItemDate = errors.New("unreadable item date")
)

// DefaultTimeout is the per-request timeout when Fetcher.Timeout is 0.
const DefaultTimeout = 30 * time.Second

// DefaultMaxBytes is the body size limit when Fetcher.MaxBytes is 0.
const DefaultMaxBytes = 10 << 20

// DefaultUserAgent is sent when Fetcher.UserAgent is empty.
const DefaultUserAgent = "geokg (+https://github.com/geokg/geokg)"

// Validators are what a server gave to recognise a document again: sent
// back as If-None-Match and If-Modified-Since, they let it answer 304 Not
// Modified.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Response is the outcome of a successful Get.
type Response struct {
	// URL is the final URL, after redirects.
	URL string
	// NotModified is true for a 304 answer; Body is then empty and
	// Validators are the ones sent.
	NotModified bool
	// Body is the whole response body.
	Body []byte
	// ContentType is the Content-Type header.
	ContentType string
	// Validators are the new ETag and Last-Modified, to send next time.
	Validators Validators
}

// Fetcher makes HTTP GET requests. The zero value is ready to use.
type Fetcher struct {
	// Client makes the requests; nil means a client of its own.
	Client *http.Client
	// Timeout bounds each request, body included; 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxBytes is the largest body accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// UserAgent is sent with every request; empty means DefaultUserAgent.
	UserAgent string
}

// defaultClient is shared by the Fetchers without a client of their own.
var defaultClient = &http.Client{}

// Get fetches url, sending v as conditional request headers. It returns an
// error wrapping ErrStatus for an answer other than 2xx or 304, ErrTooLarge
// for a body over MaxBytes, and the transport's error (a timeout, a refused
// connection, ctx's cancellation) otherwise.
func (f *Fetcher) Get(ctx context.Context, url string, v Validators, accept string) (*Response, error) {
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", url, err)
	}
	ua := f.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	client := f.Client
	if client == nil {
		client = defaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", url, unwrapURLError(err))
	}
	defer resp.Body.Close()
	out := &Response{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified, out.Validators = true, v
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, fmt.Errorf("GET %s: %w: %s", url, ErrStatus, resp.Status)
	}
	limit := f.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("GET %s: read body: %w", url, unwrapURLError(err))
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("GET %s: %w: more than %d bytes", url, ErrTooLarge, limit)
	}
	out.Body = body
	out.Validators = Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	return out, nil
}

// unwrapURLError drops the *url.Error layer, which repeats the method and
// URL already in the message.
func unwrapURLError(err error) error {
	var ue *neturl.Error
	if errors.As(err, &ue) && ue.Err != nil {
		return ue.Err
	}
	return err
}
