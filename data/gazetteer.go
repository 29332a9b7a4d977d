package data

import "embed"

// Gazetteer holds the tab-separated lists of countries, organizations,
// offices and well-known leaders that the extractor uses to recognize and
// canonicalize names. The file format is described in gazetteer/README.md.
//
//go:embed gazetteer
var Gazetteer embed.FS
