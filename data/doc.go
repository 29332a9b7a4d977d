// Package data holds what geokg ships inside its binary: the gazetteer of
// countries, organizations, offices and leaders, the lexicon of event
// phrasings, the sample articles that
// `geokg quickstart` ingests (written for the project, on real events), and
// the example configuration.
package data
