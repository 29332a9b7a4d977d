package server

import (
	"reflect"
	"strings"

	"github.com/geokg/geokg/export"
)

// Version is the version of the API in the OpenAPI document.
const Version = "1.0.0"

// OpenAPI returns the OpenAPI 3 document of the API, built from the route
// table: one operation per route, its parameters, body and answers.
func OpenAPI() map[string]any {
	paths := map[string]any{}
	for _, rt := range Routes() {
		params := []any{}
		for _, p := range rt.Params {
			schema := schemaOf(p.Type)
			if len(p.Enum) > 0 {
				schema["enum"] = p.Enum
			}
			params = append(params, map[string]any{
				"name": p.Name, "in": "query", "required": p.Required,
				"description": p.Doc, "schema": schema,
			})
		}
		produces := rt.Produces
		if produces == "" {
			produces = "application/json"
		}
		content := map[string]any{produces: map[string]any{}}
		if rt.Text {
			content["text/plain"] = map[string]any{}
		}
		op := map[string]any{
			"operationId": rt.Name,
			"summary":     rt.Summary,
			"parameters":  params,
			"responses": map[string]any{
				"200": map[string]any{"description": "The answer (text/plain, when asked for with Accept, is the CLI's table).", "content": content},
				"400": errorResponse("A bad parameter, date or question."),
				"404": errorResponse("An unknown entity."),
				"413": errorResponse("A request body over the server's cap."),
				"503": errorResponse("The store is locked by a writer; try again."),
				"504": errorResponse("The query ran past its time limit."),
			},
		}
		if rt.Body != "" {
			types := rt.BodyTypes
			if types == nil {
				types = []string{"text/plain"}
			}
			bc := map[string]any{}
			for _, t := range types {
				bc[t] = map[string]any{"schema": map[string]any{"type": "string"}}
			}
			op["requestBody"] = map[string]any{"required": true, "description": rt.Body, "content": bc}
		}
		if rt.Token {
			op["security"] = []any{map[string]any{"token": []string{}}}
			op["responses"].(map[string]any)["403"] = errorResponse("No valid token: ingest is refused.")
		}
		item, _ := paths[rt.Path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.Path] = item
		}
		item[strings.ToLower(rt.Method)] = op
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{
			"title":   "geokg API",
			"version": Version,
			"description": "Time-aware queries over geokg's knowledge graph, read-only but for the token-protected ingest. Parameters are named as the CLI's flags. " +
				"Answers carry facts (the Fact schema) with their evidence, not every source: a fact with more sources says how many in source_count, and " + API + "/evidence pages them.",
		},
		"paths": paths,
		"components": map[string]any{"securitySchemes": map[string]any{"token": map[string]any{
			"type": "http", "scheme": "bearer",
			"description": "serve.token (GEOKG_SERVE_TOKEN, --token), or the per-run token of the address file in the store directory.",
		}}, "schemas": map[string]any{
			"Error": map[string]any{
				"type":       "object",
				"required":   []string{"error"},
				"properties": map[string]any{"error": map[string]any{"type": "string"}, "suggestions": map[string]any{"type": "array", "items": map[string]any{"type": "string"}}},
			},
			"Fact":   structSchema(reflect.TypeFor[export.Record](), factDocs),
			"Source": structSchema(reflect.TypeFor[export.SourceRecord](), nil),
		}},
	}
}

// factDocs describe the fields of the Fact schema that answers fill
// differently from exports.
var factDocs = map[string]string{
	"sources": "The fact's evidence: its first five sources in the order answers list them (by recording, article, sentence) " +
		"and those that bound its dates; every source with all_sources (the CLI's --all-sources) and in exports.",
	"source_count": "Set only when sources lists fewer than all the fact's live sources: how many it has in all. " +
		"GET " + API + "/evidence?fact={id}&offset=0 pages them all in the same order (its first five are the first five listed here).",
}

// structSchema returns the OpenAPI schema of the JSON form of struct type
// t, with the descriptions docs gives by JSON name: every field that
// encoding/json writes, so the document follows the records answers
// carry (facts in every answer of ask, facts, holders, timeline, path
// and neighbors; their sources; the pages of /evidence).
func structSchema(t reflect.Type, docs map[string]string) map[string]any {
	props := map[string]any{}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if !sf.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		p := typeSchema(sf.Type)
		if d := docs[name]; d != "" {
			p["description"] = d
		}
		props[name] = p
	}
	return map[string]any{"type": "object", "properties": props}
}

// typeSchema returns the OpenAPI schema of the JSON form of a field type.
func typeSchema(t reflect.Type) map[string]any {
	switch t.Kind() {
	case reflect.Pointer:
		return typeSchema(t.Elem())
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice:
		if t.Elem() == reflect.TypeFor[export.SourceRecord]() {
			return map[string]any{"type": "array", "items": map[string]any{"$ref": "#/components/schemas/Source"}}
		}
		return map[string]any{"type": "array", "items": typeSchema(t.Elem())}
	case reflect.Struct:
		return structSchema(t, nil)
	}
	return map[string]any{"type": "string"}
}

// schemaOf returns the OpenAPI schema of a parameter type.
func schemaOf(t ParamType) map[string]any {
	switch t {
	case Integer:
		return map[string]any{"type": "integer", "minimum": 0}
	case Number:
		return map[string]any{"type": "number"}
	case Boolean:
		return map[string]any{"type": "boolean"}
	case Date:
		return map[string]any{"type": "string", "description": "YYYY, YYYY-MM, YYYY-MM-DD or written out (\"June 2024\", \"1 October 2024\", \"last month\")."}
	case Duration:
		return map[string]any{"type": "string", "example": "5s"}
	}
	return map[string]any{"type": "string"}
}

// errorResponse is an error answer of the document.
func errorResponse(desc string) map[string]any {
	return map[string]any{"description": desc, "content": map[string]any{"application/json": map[string]any{
		"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}}
}
