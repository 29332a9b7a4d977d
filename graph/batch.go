package graph

// Batch is everything one article contributes to the store.
type Batch struct {
	// Article is the article the facts come from.
	Article Article
	// Entities lists every entity the facts name that may not be stored
	// yet (ids set with EntityID), with aliases to merge into stored ones.
	Entities []Entity
	// Facts are the article's facts; Subject and Object are entity ids and
	// each fact has at least one source naming Article and a sentence.
	// ID and RecordedAt are set by Write; a source's URL, Title and
	// Published are not stored but read back from its article.
	Facts []Fact
}

// WriteStats says what one Write changed. Rewriting a batch that is
// already stored leaves every count zero.
type WriteStats struct {
	// ArticleNew is true when the article was not stored before.
	ArticleNew bool
	// FactsAdded counts facts that were new.
	FactsAdded int
	// FactsMerged counts stored facts this batch changed (a new source or
	// a better qualifier).
	FactsMerged int
	// SourcesAdded counts new sources, on new and stored facts alike.
	SourcesAdded int
	// EntitiesAdded counts entities that were new.
	EntitiesAdded int
	// SourcesWithdrawn counts the stored sources of an updated article
	// that its new version no longer states (see Source.WithdrawnAt).
	SourcesWithdrawn int
	// FactsWithdrawn counts the facts left with no live source by them:
	// no longer answered, still known as of earlier dates.
	FactsWithdrawn int
	// EndsInferred counts stored facts outside the batch whose inferred
	// end the batch set, moved or cleared (see InferEnds).
	EndsInferred int
}
