// Package simworld simulates a world of countries, organizations and the
// people who lead them, writes news articles about it and keeps the truth,
// for scale tests and benchmarks of the whole pipeline.
//
// A World is built from a seed: the same seed and Options give the same
// world and the same article bytes. Countries (real names, so the
// gazetteer knows them) have presidents, prime ministers or chancellors and
// foreign and defence ministers whose terms follow one another on real
// dates; organizations (NATO, the United Nations, ASEAN, the African
// Union, the OSCE) have secretaries general and members that join on
// dates; NATO's spending target changes; and events (meetings, visits,
// calls, criticism, sanctions, agreements, nominations, successions)
// happen between the holders of the day. The people are invented.
//
// Articles are written as JSONL in the form `geokg ingest` reads, in the
// phrasings the extractor reads today (the aim is a scale test, not an
// extraction test), varied across wire, readout and analysis styles, with
// restatements of current and old facts, noise sentences and corrections.
// Truth records every term, membership, target and event, and which facts
// each article states, so a test can ask the store only what the corpus
// says and compare.
//
// Caveat: the truth of what an article states is what the generator meant
// to say; a phrasing the extractor misreads shows up as disagreement in the
// end-to-end test, which measures it rather than requiring it to be zero.
package simworld
