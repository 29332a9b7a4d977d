package store

// The name index's entity cards: what a listing of entities prints of each
// (its name, type, code and aliases), as rows of the name index under the
// entity's id, so that a search by prefix reads its sorted rows and one
// short range per entity it lists, not the entities' quads. Like every row
// of the name index they are only ever added: an entity's name, type and
// code are written once, its aliases only grow. A card row's key is
// keyCard, the entity id, sortedSep, one letter saying which field and the
// field's text; an entity's rows are one range, its aliases in byte order
// (the order reader.entity gives them). A store whose name index was
// written before cards has no cardsMarker row until Reindex:
// EntitiesNamed then says so.

import (
	"context"
	"fmt"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/geokg/geokg/graph"
)

// keyCard is the kind of the card rows' keys.
const keyCard = 'c'

// cardsMarker is the key of the row that says the name index has cards.
const cardsMarker = "\x01cards"

// The fields of a card row, by the letter that follows the entity id.
const (
	cardName  = 'n'
	cardType  = 't'
	cardCode  = 'd'
	cardAlias = 'a'
)

// cardFields maps the entity predicates a card keeps to their letters.
var cardFields = map[quad.Value]byte{pName: cardName, pType: cardType, pCode: cardCode, pAlias: cardAlias}

// cardPrefix is the start of the keys of entity id's card rows.
func cardPrefix(id string) string { return string(keyCard) + id + sortedSep }

// cardRow returns the card row of entity id's field (a card letter) text.
func cardRow(id string, field byte, text string) nameRow {
	return nameRow{key: cardPrefix(id) + string(field) + text, entity: id}
}

// entityCard returns the card rows of entity e.
func entityCard(e graph.Entity) []nameRow {
	rows := []nameRow{cardRow(e.ID, cardName, e.Name), cardRow(e.ID, cardType, string(e.Type))}
	if e.Code != "" {
		rows = append(rows, cardRow(e.ID, cardCode, e.Code))
	}
	for _, a := range e.Aliases {
		rows = append(rows, cardRow(e.ID, cardAlias, a))
	}
	return rows
}

// cardRowsOf returns the card rows of the entity fields that deltas add.
func cardRowsOf(deltas []cayleygraph.Delta) []nameRow {
	var rows []nameRow
	for _, d := range deltas {
		field, ok := cardFields[d.Quad.Predicate]
		if d.Action != cayleygraph.Add || !ok {
			continue
		}
		id, ok := idFromIRI(d.Quad.Subject, "entity/")
		if !ok {
			continue
		}
		if s, ok := d.Quad.Object.(quad.String); ok {
			rows = append(rows, cardRow(id, field, string(s)))
		}
	}
	return rows
}

// cardsMarkerRow is the row that says the name index has cards.
func cardsMarkerRow() nameRow { return nameRow{key: cardsMarker} }

// maxCardRows bounds the rows of one entity's card a read takes.
const maxCardRows = 1 << 16

// card reads entity id from its card rows; ok is false when it has none.
// The caller holds the read lock.
func (s *Store) card(ctx context.Context, id string) (e graph.Entity, ok bool, err error) {
	lo := cardPrefix(id)
	keys, err := s.nameKeysFrom(ctx, lo, lo, maxCardRows)
	if err != nil {
		return graph.Entity{}, false, err
	}
	e.ID = id
	for _, k := range keys {
		field, text := k[len(lo)], k[len(lo)+1:]
		switch field {
		case cardName:
			e.Name, ok = text, true
		case cardType:
			e.Type = graph.EntityType(text)
		case cardCode:
			e.Code = text
		case cardAlias:
			e.Aliases = append(e.Aliases, text)
		}
	}
	return e, ok, nil
}

// hasCards reports whether the store's name index has cards. The caller
// holds the read lock.
func (s *Store) hasCards(ctx context.Context) (bool, error) {
	if ok, err := s.hasSorted(ctx); err != nil || !ok {
		return false, err
	}
	keys, err := s.nameKeysFrom(ctx, cardsMarker, cardsMarker, 1)
	return len(keys) == 1 && keys[0] == cardsMarker, err
}

// EntitiesNamed returns the first limit entities (0: all), ordered by
// name then id, a name or alias of which a prefix search for prefix finds
// (NameFinds), as EntitiesByName lists them, each read from its card in
// the name index: about as many rows as it returns entities, and no
// entity's quads. ok is false when the store's name index has no cards (a
// store written before them, until Reindex; no index at all): see
// EntitiesByName.
func (s *Store) EntitiesNamed(ctx context.Context, prefix string, limit int) (ents []graph.Entity, ok bool, err error) {
	err = s.read(ctx, func(r reader) error {
		if ok, err = s.hasCards(ctx); err != nil || !ok {
			return err
		}
		ids, err := s.entitiesByNameLocked(ctx, prefix, limit)
		if err != nil {
			return err
		}
		for _, id := range ids {
			e, found, err := s.card(ctx, id)
			if err == nil && !found {
				// Not expected: every entity written with cards has one.
				e, found, err = r.entity(ctx, id)
			}
			if err != nil {
				return err
			}
			if found {
				ents = append(ents, e)
			}
		}
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("entities named %q: %w", prefix, err)
	}
	return ents, ok, nil
}
