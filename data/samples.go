package data

import "embed"

// Samples holds the sample articles under samples/, Markdown files with
// YAML front matter, written for geokg about real events.
//
//go:embed samples/*.md
var Samples embed.FS

// ExampleConfig is data/geokg.example.yaml: every configuration key with
// its default.
//
//go:embed geokg.example.yaml
var ExampleConfig []byte
