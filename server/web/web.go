// Package web holds the web console's static files, embedded in the
// binary so the console works offline and `go build` needs no Node: the
// page (index.html), its style (app.css), its script (app.js) and the
// vendored libraries under vendor/ (cytoscape, vis-timeline; rebuilt by
// vendor/update.sh, their licences beside them). The page only talks to
// the JSON API under /api/v1; it has no inline script, as the server's
// content security policy forbids it.
package web

import "embed"

// Files are the console's files, by their path under server/web.
//
//go:embed index.html app.css app.js vendor/*.js vendor/*.css vendor/LICENSE* vendor/VERSIONS
var Files embed.FS
