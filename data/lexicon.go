package data

import "embed"

// Lexicon holds the event phrasings that the extractor reads (verb, particles
// and prepositions, passive and nominal forms, each mapped to a predicate).
// The file format is described in lexicon/README.md.
//
//go:embed lexicon
var Lexicon embed.FS
