package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"

	"github.com/cayleygraph/quad"
)

// The IRIs of the encoding (see encode.go) are built and taken apart here
// only: other packages call ParseIRI, MakeIRI, SplitIRI and JoinIRI rather
// than writing the "geokg:" scheme or its paths themselves.

// iriScheme starts every IRI of the encoding.
const iriScheme = "geokg:"

// relPath starts the path of the predicates of direct triples.
const relPath = "rel/"

// IRIKind is the kind of thing an IRI of the encoding names.
type IRIKind string

// The kinds of IRIs of the encoding.
const (
	// KindEntity is an entity node, <geokg:entity/{entity id}>.
	KindEntity IRIKind = "entity"
	// KindFact is a fact node, <geokg:fact/{hex}>; its id is the whole
	// graph.Fact ID, "fact/{hex}".
	KindFact IRIKind = "fact"
	// KindSource is a source node (one article's statement of one fact),
	// <geokg:source/{hex}>.
	KindSource IRIKind = "source"
	// KindArticle is an article node, <geokg:article/{article id}>.
	KindArticle IRIKind = "article"
	// KindRel is the predicate of a direct triple, <geokg:rel/{predicate}>;
	// its id is the fact predicate ("met").
	KindRel IRIKind = "rel"
	// KindVocab is a property or class of the encoding, such as
	// <geokg:name> or <geokg:Fact>; its id is the name ("name", "Fact").
	KindVocab IRIKind = "vocab"
)

// Namespace is one of the three parts of the encoding's IRI space, which
// an export maps onto bases of its own (see SplitIRI).
type Namespace int

// The namespaces of the encoding.
const (
	// NodeNS holds the nodes: entities, facts, sources and articles. Its
	// local names are paths such as "entity/person/x" and "fact/{hex}".
	NodeNS Namespace = iota + 1
	// RelNS holds the predicates of direct triples; local names are fact
	// predicates such as "met".
	RelNS
	// VocabNS holds the properties and classes; local names have no "/",
	// such as "name" and "Fact".
	VocabNS
)

// SplitIRI splits an IRI of the encoding into its namespace and its local
// name, escaped as stored: <geokg:entity/person/x> is (NodeNS,
// "entity/person/x"), <geokg:rel/met> (RelNS, "met"), <geokg:name>
// (VocabNS, "name"). ok is false for any other value. JoinIRI is the
// inverse.
func SplitIRI(v quad.Value) (ns Namespace, local string, ok bool) {
	path, ok := iriPath(v)
	switch {
	case !ok:
		return 0, "", false
	case strings.HasPrefix(path, relPath):
		return RelNS, path[len(relPath):], true
	case strings.Contains(path, "/"):
		return NodeNS, path, true
	}
	return VocabNS, path, true
}

// JoinIRI returns the IRI of the encoding with local name local (escaped
// as stored) in namespace ns, the inverse of SplitIRI.
func JoinIRI(ns Namespace, local string) quad.IRI {
	if ns == RelNS {
		return quad.IRI(iriScheme + relPath + local)
	}
	return quad.IRI(iriScheme + local)
}

// ParseIRI takes apart an IRI of the encoding: what kind of thing it names
// and its id, unescaped (an entity's, fact's or article's id as package
// graph holds it, a source's key, a fact predicate, or a property or class
// name; see the Kind constants). ok is false for values that are not IRIs
// of the encoding, or whose path names no kind. MakeIRI is the inverse.
func ParseIRI(v quad.Value) (kind IRIKind, id string, ok bool) {
	ns, local, ok := SplitIRI(v)
	if !ok {
		return "", "", false
	}
	switch ns {
	case RelNS:
		kind = KindRel
	case VocabNS:
		kind = KindVocab
	default:
		k, rest, _ := strings.Cut(local, "/")
		switch kind = IRIKind(k); kind {
		case KindFact:
		case KindEntity, KindSource, KindArticle:
			local = rest
		default:
			return "", "", false
		}
	}
	id, err := url.PathUnescape(local)
	if err != nil {
		return "", "", false
	}
	return kind, id, true
}

// MakeIRI returns the IRI of the thing of kind with id, escaping what
// N-Quads IRIs do not allow: ParseIRI(MakeIRI(k, id)) is (k, id, true) for
// every kind and every id of the form the encoding uses (any entity,
// article or source id or predicate; a fact id as set by
// graph.Fact.ComputeID; a property or class name without "/").
func MakeIRI(kind IRIKind, id string) quad.IRI {
	switch kind {
	case KindRel:
		return JoinIRI(RelNS, escapeIRI(id))
	case KindFact, KindVocab:
		return quad.IRI(iriScheme + escapeIRI(id))
	}
	return quad.IRI(iriScheme + string(kind) + "/" + escapeIRI(id))
}

// RelIRI returns the predicate IRI of the direct triple for fact predicate
// p, such as <geokg:rel/met>.
func RelIRI(p string) quad.IRI { return MakeIRI(KindRel, p) }

// EntityIRI returns the node of the entity with id, such as
// <geokg:entity/person/donald-trump>.
func EntityIRI(id string) quad.IRI { return MakeIRI(KindEntity, id) }

// FactIRI returns the node of the fact with id (as set by ComputeID).
func FactIRI(id string) quad.IRI { return MakeIRI(KindFact, id) }

// ArticleIRI returns the node of the article with id, such as <geokg:article/d01>.
func ArticleIRI(id string) quad.IRI { return MakeIRI(KindArticle, id) }

// sourceIRI returns the node of the statement of fact factID by article in sentence.
func sourceIRI(factID, article, sentence string) quad.IRI {
	sum := sha256.Sum256([]byte(factID + "\x00" + article + "\x00" + sentence))
	return MakeIRI(KindSource, hex.EncodeToString(sum[:12]))
}

// iriPath returns the path of an IRI of the encoding after its scheme.
func iriPath(v quad.Value) (string, bool) {
	iri, ok := v.(quad.IRI)
	if !ok || !strings.HasPrefix(string(iri), iriScheme) {
		return "", false
	}
	return string(iri)[len(iriScheme):], true
}

// idFromIRI strips prefix (of the path after "geokg:") from v and
// unescapes the rest; the store's decoder uses it where it knows what kind
// of node it reads.
func idFromIRI(v quad.Value, prefix string) (string, bool) {
	path, ok := iriPath(v)
	if !ok || !strings.HasPrefix(path, prefix) {
		return "", false
	}
	id, err := url.PathUnescape(path[len(prefix):])
	if err != nil {
		return "", false
	}
	return id, true
}

// iriSafe reports whether byte c may appear unescaped in a node IRI.
func iriSafe(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c >= 0x80:
		return true
	}
	return strings.IndexByte("-._~/:@!$&'()*+,;=", c) >= 0
}

// escapeIRI percent-escapes the bytes of s that N-Quads IRIs do not allow
// (and '%' itself), so ids round-trip through ParseIRI and idFromIRI.
func escapeIRI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if iriSafe(c) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}
