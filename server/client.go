package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Client sends requests to a running server: the CLI's way through a store
// the server holds (see FindServer).
type Client struct {
	// Base is the server's URL, such as "http://127.0.0.1:8080".
	Base string
	// Token is sent as a bearer token with ingest requests.
	Token string
	// HTTP is the client used; nil is http.DefaultClient.
	HTTP *http.Client
}

// APIError is an error answer of the server: its status and its JSON
// message.
type APIError struct {
	// Status is the HTTP status code.
	Status int
	// Message is the "error" of the answer.
	Message string
	// Suggestions are the closest question forms of an unreadable question.
	Suggestions []string
}

// Error returns the server's message.
func (e *APIError) Error() string { return e.Message }

// TextType is the media type a client asks for (Accept) to get the answer
// as the CLI prints it without --json.
const TextType = "text/plain"

// Get sends GET API+path?q and returns the body of a successful answer, to
// be closed; accept "" asks for the default (JSON), TextType for the
// CLI's text. An error answer is an *APIError.
func (c *Client) Get(ctx context.Context, path string, q url.Values, accept string) (io.ReadCloser, error) {
	resp, err := c.Send(ctx, http.MethodGet, path, q, accept, nil)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// Send sends method API+path?q with body (text; nil for none) and returns
// a successful (2xx) response, its body to be closed; accept is as for
// Get. An error answer is an *APIError.
func (c *Client) Send(ctx context.Context, method, path string, q url.Values, accept string, body io.Reader) (*http.Response, error) {
	u := c.Base + API + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, err
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if body != nil {
		req.Header.Set("Content-Type", "text/plain; charset=utf-8")
	}
	return c.do(req)
}

// Ingest posts body (JSONL, or one article) to API+"/ingest" with the
// client's token and decodes the answer.
func (c *Client) Ingest(ctx context.Context, body io.Reader) (IngestResult, error) {
	var res IngestResult
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Base+API+"/ingest", body)
	if err != nil {
		return res, err
	}
	req.Header.Set("Content-Type", "application/x-ndjson")
	req.Header.Set("Authorization", "Bearer "+c.Token)
	resp, err := c.do(req)
	if err != nil {
		return res, err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return res, fmt.Errorf("ingest through %s: %w", c.Base, err)
	}
	return res, nil
}

// do sends req and returns a 2xx response, else an *APIError.
func (c *Client) do(req *http.Request) (*http.Response, error) {
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 == 2 {
		return resp, nil
	}
	defer resp.Body.Close()
	var ej errorJSON
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if json.Unmarshal(data, &ej) != nil || ej.Error == "" {
		ej.Error = fmt.Sprintf("%s: %s", resp.Status, strings.TrimSpace(string(data)))
	}
	return nil, &APIError{Status: resp.StatusCode, Message: ej.Error, Suggestions: ej.Suggestions}
}
