package server

import "strings"

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
			"title":       "geokg API",
			"version":     Version,
			"description": "Time-aware queries over geokg's knowledge graph, read-only but for the token-protected ingest. Parameters are named as the CLI's flags.",
		},
		"paths": paths,
		"components": map[string]any{"securitySchemes": map[string]any{"token": map[string]any{
			"type": "http", "scheme": "bearer",
			"description": "serve.token (GEOKG_SERVE_TOKEN, --token), or the per-run token of the address file in the store directory.",
		}}, "schemas": map[string]any{"Error": map[string]any{
			"type":       "object",
			"required":   []string{"error"},
			"properties": map[string]any{"error": map[string]any{"type": "string"}, "suggestions": map[string]any{"type": "array", "items": map[string]any{"type": "string"}}},
		}}},
	}
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
