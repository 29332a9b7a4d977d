package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/render"
	"github.com/geokg/geokg/server"
	"github.com/geokg/geokg/store"
)

// remoteCall is the API request that answers a command when its store is
// held by a running server: the path under /api/v1 and the parameters,
// named as the API names the command's flags.
type remoteCall struct {
	path   string
	params url.Values
}

// serverFor returns the client of the server holding the store, when err
// (from opening the store) says it is locked and the store directory has a
// live server's address file (see server.FindServer); else nil.
func (a *app) serverFor(ctx context.Context, err error) *server.Client {
	if !errors.Is(err, store.ErrLocked) {
		return nil
	}
	b, berr := store.BackendFor(a.cfg.DB)
	if berr != nil || !b.Dir {
		return nil
	}
	c, ferr := server.FindServer(ctx, a.cfg.DB)
	if ferr != nil {
		a.log.Debug("the store is locked and no server answers for it", "err", ferr)
		return nil
	}
	a.log.Info("the store is locked: going through the server holding it", "server", c.Base)
	return c
}

// viaServer sends call to the server c and prints its answer as the
// command would: as JSON with asJSON, else as text. An unknown entity is a
// warning and the empty answer printed by empty, as readQuery does.
func (a *app) viaServer(ctx context.Context, c *server.Client, call remoteCall, asJSON bool, empty func() error) error {
	return a.sendToServer(ctx, c, call, "", asJSON, empty)
}

// sendToServer is viaServer for a request with a body: a POST of body
// when it is not "", else a GET.
func (a *app) sendToServer(ctx context.Context, c *server.Client, call remoteCall, body string, asJSON bool, empty func() error) error {
	accept := server.TextType
	if asJSON {
		accept = ""
	}
	method, reqBody := http.MethodGet, io.Reader(nil)
	if body != "" {
		method, reqBody = http.MethodPost, strings.NewReader(body)
	}
	resp, err := c.Send(ctx, method, call.path, call.params, accept, reqBody)
	var ae *server.APIError
	if errors.As(err, &ae) && ae.Status == http.StatusNotFound && empty != nil {
		fmt.Fprintln(a.stderr, "warning:", ae.Message)
		return empty()
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(a.stdout, resp.Body)
	return err
}

// orViaServer returns err, the error of a command run on the store, unless
// it says a running server holds the store: then it sends call (with
// body, see sendToServer) to the server and prints its answer.
func (a *app) orViaServer(ctx context.Context, err error, call remoteCall, body string, asJSON bool) error {
	if c := a.serverFor(ctx, err); c != nil {
		return a.sendToServer(ctx, c, call, body, asJSON, nil)
	}
	return err
}

// setParam sets name to v in q when v is not empty.
func setParam(q url.Values, name, v string) {
	if v != "" {
		q.Set(name, v)
	}
}

// setAllSources asks call's server to read every source of each answer
// when the query command has --all-sources, as the command reads them
// on a free store.
func (a *app) setAllSources(call remoteCall) {
	if a.allSources {
		call.params.Set("all_sources", "true")
	}
}

// exportViaServer writes the export jobs through the server c: each job's
// file is written whole (a temporary file renamed) or not at all.
func (a *app) exportViaServer(ctx context.Context, c *server.Client, o *exportOptions, jobs []export.Job) error {
	for _, j := range jobs {
		q := url.Values{}
		q.Set("format", o.format)
		if j.What == "entities" {
			q.Set("entities", "true")
		}
		setParam(q, "at", o.at)
		setParam(q, "from", o.from)
		setParam(q, "to", o.to)
		setParam(q, "predicate", o.filter.Predicate)
		setParam(q, "entity", o.filter.Entity)
		if o.filter.Hops > 0 {
			q.Set("hops", fmt.Sprint(o.filter.Hops))
		}
		if o.filter.MinConfidence != 0 {
			q.Set("min_confidence", fmt.Sprint(o.filter.MinConfidence))
		}
		body, err := c.Get(ctx, "/export", q, "")
		if err != nil {
			return err
		}
		err = writeWhole(j.Path, a.stdout, body)
		body.Close()
		if err != nil {
			return err
		}
		if j.Path != "" {
			fmt.Fprintf(a.stderr, "exported %s to %s through %s\n", j.What, j.Path, c.Base)
		}
	}
	return nil
}

// writeWhole copies r to the file path, through a temporary file renamed
// at the end, or to stdout when path is "".
func writeWhole(path string, stdout io.Writer, r io.Reader) error {
	if path == "" {
		_, err := io.Copy(stdout, r)
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, r); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// articleJSON is an article as the ingest endpoint reads it (a JSONL line).
type articleJSON struct {
	ID        string `json:"id,omitempty"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text"`
}

// ingestViaServer reads the articles at args here (so paths are this
// user's), sends them to the server c as JSONL with the token of its
// address file, and prints the problems and the summary line as `geokg
// ingest` does.
func (a *app) ingestViaServer(ctx context.Context, c *server.Client, args []string) error {
	published, err := publishedDate("--published", a.cfg.Ingest.Published)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	localErrors := 0
	err = ingest.Read(ctx, args, a.stdin, ingest.ReadOptions{Published: published, MaxBytes: a.cfg.Ingest.MaxBytes},
		func(art ingest.Article) error {
			j := articleJSON{ID: art.ID, Title: art.Title, URL: art.URL, Text: art.Text}
			if !art.Published.IsZero() {
				j.Published = art.Published.String()
			}
			return enc.Encode(j)
		},
		func(e *ingest.ReadError) {
			fmt.Fprintln(a.stderr, render.ItemProblem(e))
			if !e.Warning && !errors.Is(e.Err, ingest.ErrNoDate) {
				localErrors++
			}
		})
	if err != nil {
		return err
	}
	res := server.IngestResult{}
	if buf.Len() > 0 {
		if res, err = c.Ingest(ctx, &buf); err != nil {
			return fmt.Errorf("ingest through the server at %s: %w", c.Base, err)
		}
	}
	for _, p := range res.Problems {
		fmt.Fprintln(a.stderr, p)
	}
	sum := res.Summary
	sum.Errors += localErrors
	fmt.Fprintln(a.stdout, sum.String())
	if sum.Errors > 0 {
		return errSilent{fmt.Errorf("%d items failed", sum.Errors)}
	}
	return nil
}
