// Package gizmo runs Cayley's Gizmo query language (JavaScript on goja)
// against a Cayley quad store. It is a copy of Cayley's query/gizmo
// (Apache License 2.0, The Cayley Authors) changed for geokg in session.go
// only: Session.Run compiles and runs a script synchronously under a
// context (compilation included; the VM is interrupted when the context
// ends, and iterations use it), and one result cap bounds the run and
// every terminal call inside it. The other files are Cayley's, gofmt'ed.
package gizmo
