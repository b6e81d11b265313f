// `node gazetteer/write-gazetteer.cjs <file>`: writes the gazetteer for unbundled runs (tsx,
// `GAZETTEER_FILE`). Bundles get theirs from ../esbuild-gazetteer.cjs.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { buildGazetteer } = require('./build-gazetteer.cjs');

const file = path.resolve(process.argv[2] || 'build/cities.gaz');
fs.mkdirSync(path.dirname(file), { recursive: true });
const bytes = buildGazetteer();
fs.writeFileSync(file, bytes);
process.stdout.write(`wrote ${file} (${(bytes.length / 1e6).toFixed(2)} MB)\n`);
