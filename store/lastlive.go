package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"google.golang.org/protobuf/proto"
)

// lastOut returns the object of the live quad "node pred ?" written last,
// for a predicate a node holds one value of at a time and that is
// rewritten in place (a fact's evidence record, rewritten by every
// restatement): nil when there is none.
//
// Cayley's kv stores delete a quad by marking its log entry dead and keep
// its id in the index lists, so the (subject, predicate) list of a fact
// restated n times holds n ids, all dead but the last, and a forward scan
// (eachWith) reads n log entries, scattered over the file, to find the
// live one: a restatement then cost more the more often the fact had been
// stated. Ids are handed out in increasing order and appended to the
// list, so on bbolt this reads the list and then the log from its end,
// stopping at the first live entry: one index value and, in a store
// written by geokg (which deletes the record it replaces in the same
// write), one log entry. Elsewhere (memory, PostgreSQL, or a store opened
// without its bbolt handle) it reads as eachWith does and returns the one
// value found (the last, when several are).
func (r reader) lastOut(ctx context.Context, node quad.Value, pred quad.IRI) (quad.Value, error) {
	if r.kv != nil {
		if v, ok, err := r.lastOutKV(ctx, node, pred); ok || err != nil {
			return v, err
		}
	}
	var last quad.Value
	err := r.eachWith(ctx, quad.Subject, node, pred, quad.Object, func(v quad.Value) error {
		last = v
		return nil
	})
	return last, err
}

// lastOutKV is lastOut on bbolt; ok is false when the store's indexes are
// not the ones it reads (then the caller scans).
func (r reader) lastOutKV(ctx context.Context, node quad.Value, pred quad.IRI) (quad.Value, bool, error) {
	qs, isKV := r.qs.(*kv.QuadStore)
	ind, okInd := prefixIndex(r.qs, quad.Subject)
	if !isKV || !okInd || len(ind.Dirs) != 2 {
		return nil, false, nil
	}
	nref, err := qs.ValueOf(node)
	if err != nil || nref == nil {
		return nil, true, err
	}
	pref, err := qs.ValueOf(pred)
	if err != nil || pref == nil {
		return nil, true, err
	}
	nv, nok := nref.(kv.Int64Value)
	pv, pok := pref.(kv.Int64Value)
	if !nok || !pok {
		return nil, false, nil
	}
	tx, err := r.kv.Tx(ctx, false)
	if err != nil {
		return nil, true, err
	}
	defer tx.Close()
	list, err := tx.Get(ctx, ind.Key([]uint64{uint64(nv), uint64(pv)}))
	if errors.Is(err, hkv.ErrNotFound) {
		return nil, true, nil
	} else if err != nil {
		return nil, true, err
	}
	ids, err := decodeIDs(list)
	if err != nil {
		return nil, true, err
	}
	for i := len(ids) - 1; i >= 0; i-- {
		key := make([]byte, 8)
		binary.BigEndian.PutUint64(key, ids[i])
		v, err := tx.Get(ctx, hkv.Key{[]byte("log"), key})
		if errors.Is(err, hkv.ErrNotFound) {
			continue
		} else if err != nil {
			return nil, true, err
		}
		var p cproto.Primitive
		if err := proto.Unmarshal(v, &p); err != nil {
			return nil, true, err
		}
		if p.Deleted || p.Subject != uint64(nv) || p.Predicate != uint64(pv) {
			continue
		}
		val, err := qs.NameOf(kv.Int64Value(p.Object))
		return val, true, err
	}
	return nil, true, nil
}

// decodeIDs decodes an index list of Cayley's kv stores: quad ids as
// unsigned varints, in the order they were added. A list that does not
// decode (bytes of its page overwritten) is an error the store reports
// as ErrDamaged (see undecodable).
func decodeIDs(b []byte) ([]uint64, error) {
	var out []uint64
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		switch {
		case n == 0: // cut short
			return out, fmt.Errorf("store: bad index list: %w", io.ErrUnexpectedEOF)
		case n < 0: // read by undecodable as Cayley's own overflow (damage)
			return out, errors.New("store: bad index list: varint: overflow")
		}
		out = append(out, v)
		b = b[n:]
	}
	return out, nil
}
