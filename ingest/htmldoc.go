package ingest

import (
	"context"
	"io"
)

// ReadHTML reads one HTML document from in, as Read reads an .html file:
// title, date and URL from the page's metadata, the main text only. origin
// names the document in messages (a URL, say) and id is the article's ID.
// When the page gives no date, opts.Published is used. The article is
// passed to emit and problems to onErr (which may be nil): a document that
// is binary, too large, not valid UTF-8 without a declared charset, or has
// no text is reported there and nothing is emitted. ReadHTML returns an
// error only when ctx is cancelled or emit fails.
func ReadHTML(ctx context.Context, in io.Reader, origin, id string, opts ReadOptions, emit func(Article) error, onErr func(*ReadError)) error {
	if onErr == nil {
		onErr = func(*ReadError) {}
	}
	r := &reader{ctx: ctx, opts: opts, emit: emit, onErr: onErr}
	if r.stopped() {
		return r.stop
	}
	r.readStream(origin, id, in, formatHTML)
	return r.stop
}
