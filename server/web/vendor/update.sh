#!/bin/sh
# update.sh rebuilds the vendored browser libraries of the web console from
# npm: it fetches the pinned packages into a scratch folder and copies only
# the built, minified files the page loads plus their licences. Run it from
# anywhere with Node's npm on the PATH; `go build` itself never needs Node.
set -eu
CYTOSCAPE=3.34.4
VIS_TIMELINE=8.5.4
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent "cytoscape@$CYTOSCAPE" "vis-timeline@$VIS_TIMELINE" >/dev/null
mkdir c v
tar xzf "cytoscape-$CYTOSCAPE.tgz" -C c
tar xzf "vis-timeline-$VIS_TIMELINE.tgz" -C v
cp c/package/dist/cytoscape.min.js "$here/cytoscape.min.js"
cp c/package/LICENSE "$here/LICENSE.cytoscape"
# The standalone build bundles vis-data and moment; its source map comment
# is dropped (the map is not vendored).
sed '/^\/\/# sourceMappingURL=/d' v/package/standalone/umd/vis-timeline-graph2d.min.js >"$here/vis-timeline-graph2d.min.js"
sed '/sourceMappingURL=/d' v/package/styles/vis-timeline-graph2d.min.css >"$here/vis-timeline-graph2d.min.css"
cp v/package/LICENSE.md "$here/LICENSE.vis-timeline.md"
cp v/package/LICENSE.MIT.txt "$here/LICENSE.vis-timeline.MIT.txt"
cp v/package/LICENSE.Apache-2.0.txt "$here/LICENSE.vis-timeline.Apache-2.0.txt"
printf 'cytoscape %s\nvis-timeline %s\n' "$CYTOSCAPE" "$VIS_TIMELINE" >"$here/VERSIONS"
