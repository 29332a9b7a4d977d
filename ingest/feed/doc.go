// Package feed fetches and reads news feeds for the scheduler: HTTP GETs
// with conditional requests (ETag / Last-Modified, so an unchanged feed
// costs a 304 and no parsing), RSS and Atom documents parsed with gofeed
// into Items, and linked pages fetched and reduced to their main text with
// the ingest package's HTML reader.
//
// Every failure is an error naming the URL and wrapping one of this
// package's errors (ErrStatus, ErrBadFeed, ErrNotHTML, ErrTooLarge) or the
// transport's (timeouts, refused connections), so that a caller can log it
// and retry later; nothing here retries by itself.
//
// NewClient applies a HostPolicy (allow and deny lists, private addresses
// refused) to every request, every redirect and the address each name
// resolves to, so that a feed cannot send geokg to internal services;
// refusals wrap ErrHostDenied.
//
// One damaged item does not cost the others: a document that does not
// parse whole is parsed item by item (Feed.Bad lists the items that could
// not be read, each wrapping ErrBadItem), and an item's date that does not
// parse is a warning on it (Item.Warnings, ErrItemDate).
//
// Caveats: an item's own text is its content, else its description, with
// HTML markup reduced to paragraphs by simple rules, token by token (any
// nesting depth); response bodies are read whole, up to Fetcher.MaxBytes.
package feed
