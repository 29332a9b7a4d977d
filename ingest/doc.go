// Package ingest owns the Article and the readers that turn inputs into
// articles: JSONL (one object per line; .json files may also hold an
// array of objects), plain text and Markdown with
// optional YAML front matter, and HTML pages (main text found with
// go-readability), from files, directories walked in lexical order, or
// standard input with its format sniffed.
//
// Readers never stop on a bad item: each one is reported as a *ReadError
// naming the input (with its line number for JSONL) and reading goes on.
// Problems with an article that is still emitted, such as a date that does
// not parse, are reported as ReadErrors with Warning set.
//
// The Pipeline takes each article through one step, the same for a whole
// run (Run: extractions in parallel, writes in input order) and for one
// article (IngestArticle, the scheduler's way): look it up (skipped when
// stored unchanged), extract, resolve its people against the stored ones
// with the Resolver its caller passes in (package resolve), and write its
// facts in one transaction. One bad article is reported and counted; the
// run goes on.
//
// Caveats: Markdown is stripped with simple rules (no nested emphasis
// across lines, no tables); HTML that is not UTF-8 must declare its charset;
// go-readability may keep boilerplate on very short pages, so navigation,
// footers, asides, forms and page headers are removed before it runs.
package ingest
