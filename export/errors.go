package export

import "errors"

// Errors returned by this package; callers test them with errors.Is.
var (
	// ErrUnknownFormat is returned by Lookup for a name no format has.
	ErrUnknownFormat = errors.New("unknown export format")
	// ErrNoEntityTable is returned when the entity table is asked of a
	// format that has none.
	ErrNoEntityTable = errors.New("format has no entity table")
	// ErrBadFilter is returned for a Filter that cannot select anything
	// meaningful (--at with --from, an unknown predicate, ...).
	ErrBadFilter = errors.New("bad export filter")
	// ErrUnknownEntity is returned when Filter.Entity names no entity.
	ErrUnknownEntity = errors.New("no entity with that name or alias")
	// ErrNotRDF is returned by ReadNQuads for a quad that is not in geokg's
	// IRI scheme.
	ErrNotRDF = errors.New("not a geokg N-Quads export")
)
