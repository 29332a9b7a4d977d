// Copyright 2017 The Cayley Authors. All rights reserved.
// Modified for geokg: a synchronous Run under a context, compile time
// inside that context, and one result cap for every terminal call.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

package gizmo

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/schema"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/voc"
	"github.com/dop251/goja"
)

// TopResultTag is the tag of the node at the end of a path in tagged
// results (All, TagArray, ForEach).
const TopResultTag = "id"

// errCapped stops an iteration that reached the session's result cap.
var errCapped = errors.New("result cap reached")

// Session runs Gizmo scripts against one quad store. A Session is not safe
// for concurrent use.
type Session struct {
	qs  graph.QuadStore
	vm  *goja.Runtime
	ns  voc.Namespaces
	sch *schema.Config
	col query.Collation

	ctx context.Context
	// max caps the results of a run and of every terminal call; <= 0 is
	// no cap.
	max int
	// limit and count are those of the running All/GetLimit.
	limit, count int

	results   []any
	truncated bool
}

// NewSession returns a session on qs.
func NewSession(qs graph.QuadStore) *Session {
	s := &Session{ctx: context.Background(), sch: schema.NewConfig(), qs: qs, limit: -1, col: query.JSON}
	s.vm = goja.New()
	s.vm.SetFieldNameMapper(fieldNameMapper{})
	s.vm.Set("graph", &graphObject{s: s})
	s.vm.Set("g", s.vm.Get("graph"))
	for name, val := range defaultEnv {
		fnc := val
		s.vm.Set(name, func(call goja.FunctionCall) goja.Value {
			return fnc(s.vm, call)
		})
	}
	return s
}

// Result is one result of a run: JSON-ready values, a map of tag to node
// for All() and the value itself for Emit().
type Result struct {
	Val  interface{}
	Tags map[string]graph.Ref
}

// Run compiles and runs script, returning its results (at most max when
// max > 0; truncated tells whether there were more). Every terminal call
// inside the script (All, GetLimit, ToArray, TagArray, ForEach, Map) is
// capped at max too, whatever limit it asks for, and sets truncated when
// the cap cut it; ToValue and Count need no cap. Compilation and the run
// both stop when ctx is done, and Run returns only once the script has
// stopped, so nothing reads qs after it; the error is then ctx's cause.
func (s *Session) Run(ctx context.Context, script string, max int) (results []any, truncated bool, err error) {
	p, err := compile(ctx, script)
	if err != nil {
		return nil, false, err
	}
	s.ctx, s.max, s.limit, s.count = ctx, max, -1, 0
	s.results, s.truncated = nil, false
	defer func() { s.ctx = context.Background() }()
	stop := context.AfterFunc(ctx, func() { s.vm.Interrupt(context.Cause(ctx)) })
	_, err = s.vm.RunProgram(p)
	stop()
	s.vm.ClearInterrupt()
	if ctx.Err() != nil {
		return s.results, s.truncated, context.Cause(ctx)
	}
	if e, ok := err.(*goja.Exception); ok && e.Value() != nil {
		if er, ok := e.Value().Export().(error); ok {
			err = er
		}
	}
	return s.results, s.truncated, err
}

// compile compiles script, giving up when ctx is done first (the
// compilation itself cannot be stopped; it ends in the background and
// touches nothing).
func compile(ctx context.Context, script string) (*goja.Program, error) {
	type compiled struct {
		p   *goja.Program
		err error
	}
	ch := make(chan compiled, 1)
	go func() {
		p, err := goja.Compile("", script, false)
		ch <- compiled{p, err}
	}()
	select {
	case c := <-ch:
		return c.p, c.err
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
}

func (s *Session) context() context.Context {
	return s.ctx
}

func lcFirst(str string) string {
	rune, size := utf8.DecodeRuneInString(str)
	return string(unicode.ToLower(rune)) + str[size:]
}

type fieldNameMapper struct{}

func (fieldNameMapper) FieldName(t reflect.Type, f reflect.StructField) string {
	return lcFirst(f.Name)
}

const constructMethodPrefix = "New"
const backwardsCompatibilityPrefix = "Capitalized"

func (fieldNameMapper) MethodName(t reflect.Type, m reflect.Method) string {
	if strings.HasPrefix(m.Name, backwardsCompatibilityPrefix) {
		return strings.TrimPrefix(m.Name, backwardsCompatibilityPrefix)
	}
	if strings.HasPrefix(m.Name, constructMethodPrefix) {
		return strings.TrimPrefix(m.Name, constructMethodPrefix)
	}
	return lcFirst(m.Name)
}

func (s *Session) quadValueToNative(v quad.Value) interface{} {
	if v == nil {
		return nil
	}
	if s.col == query.JSONLD {
		return jsonld.FromValue(v)
	}
	out := v.Native()
	if nv, ok := out.(quad.Value); ok && v == nv {
		return quad.StringOf(v)
	}
	return out
}

func (s *Session) tagsToValueMap(m map[string]graph.Ref) (map[string]interface{}, error) {
	outputMap := make(map[string]interface{})
	for k, v := range m {
		nv, err := s.qs.NameOf(v)
		if err != nil {
			return nil, err
		}
		if o := s.quadValueToNative(nv); o != nil {
			outputMap[k] = o
		}
	}
	if len(outputMap) == 0 {
		return nil, nil
	}
	return outputMap, nil
}

// capLimit returns the iteration limit of a terminal call that asked for
// limit (< 0: all): the cap plus one when the cap applies, so that a
// result past it tells the cap cut the call.
func (s *Session) capLimit(limit int) (int, bool) {
	if s.max <= 0 || (limit >= 0 && limit <= s.max) {
		return limit, false
	}
	return s.max + 1, true
}

func (s *Session) runIteratorToArray(it iterator.Shape, limit int) ([]map[string]interface{}, error) {
	ctx := s.context()
	limit, capped := s.capLimit(limit)
	output := make([]map[string]interface{}, 0)
	err := iterator.Iterate(ctx, it).Limit(limit).TagEach(func(tags map[string]graph.Ref) error {
		tm, err := s.tagsToValueMap(tags)
		if err != nil {
			return err
		}
		if tm != nil {
			output = append(output, tm)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if capped && len(output) > s.max {
		output, s.truncated = output[:s.max], true
	}
	return output, nil
}

func (s *Session) runIteratorToArrayNoTags(it iterator.Shape, limit int) ([]interface{}, error) {
	ctx := s.context()
	limit, capped := s.capLimit(limit)
	output := make([]interface{}, 0)
	err := iterator.Iterate(ctx, it).Paths(false).Limit(limit).EachValue(s.qs, func(v quad.Value) error {
		if o := s.quadValueToNative(v); o != nil {
			output = append(output, o)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if capped && len(output) > s.max {
		output, s.truncated = output[:s.max], true
	}
	return output, nil
}

func (s *Session) runIteratorWithCallback(it iterator.Shape, callback goja.Value, this goja.FunctionCall, limit int) error {
	fnc, ok := goja.AssertFunction(callback)
	if !ok {
		return fmt.Errorf("expected js callback function")
	}
	_, capped := s.capLimit(limit)
	calls := 0
	err := iterator.Iterate(s.context(), it).Paths(true).Limit(limit).TagEach(func(tags map[string]graph.Ref) error {
		tm, err := s.tagsToValueMap(tags)
		if err != nil || tm == nil {
			return err
		}
		if capped && calls == s.max {
			s.truncated = true
			return errCapped
		}
		calls++
		_, err = fnc(this.This, s.vm.ToValue(tm))
		return err
	})
	if errors.Is(err, errCapped) {
		return nil
	}
	return err
}

// send adds r to the results unless All's limit or the session's cap is
// reached; it reports whether r was taken.
func (s *Session) send(_ context.Context, r *Result) bool {
	if s.limit > 0 && s.count >= s.limit {
		return false
	}
	if s.max > 0 && len(s.results) >= s.max {
		s.truncated = true
		return false
	}
	v, err := s.jsonResult(r)
	if err != nil || v == nil {
		return err == nil
	}
	s.results = append(s.results, v)
	s.count++
	return true
}

func (s *Session) runIterator(it iterator.Shape) error {
	ctx, cancel := context.WithCancel(s.context())
	defer cancel()
	stop := false
	err := iterator.Iterate(ctx, it).Paths(true).TagEach(func(tags map[string]graph.Ref) error {
		if !s.send(ctx, &Result{Tags: tags}) {
			cancel()
			stop = true
		}
		return nil
	})
	if stop && s.ctx.Err() == nil {
		err = nil
	}
	return err
}

func (s *Session) countResults(it iterator.Shape) (int64, error) {
	return iterator.Iterate(s.context(), it).Paths(true).Count()
}

// jsonResult is r as a JSON-ready value: its value, or a map of tag to
// node (nil when no tag names a node).
func (s *Session) jsonResult(r *Result) (any, error) {
	if r.Val != nil {
		return r.Val, nil
	}
	tagKeys := make([]string, 0, len(r.Tags))
	for k := range r.Tags {
		tagKeys = append(tagKeys, k)
	}
	sort.Strings(tagKeys)
	obj := make(map[string]interface{})
	for _, k := range tagKeys {
		name, err := s.qs.NameOf(r.Tags[k])
		if err != nil {
			return nil, err
		}
		if name != nil {
			obj[k] = s.quadValueToNative(name)
		}
	}
	return obj, nil
}
