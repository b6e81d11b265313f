import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeGazetteer } from '../../gazetteer/build-gazetteer.cjs';
import { gazetteerCandidates, loadGazetteer } from './load-gazetteer';

describe('loadGazetteer', () => {
  it('looks beside the bundle, then in build/, unless a file is named', () => {
    // Bundled, __dirname is the handler's folder; unbundled, it is src/gazetteer.
    expect(gazetteerCandidates(undefined, '/work/functions/rain-forecast/src/gazetteer')).toEqual([
      '/work/functions/rain-forecast/src/gazetteer/cities.gaz',
      '/work/functions/rain-forecast/build/cities.gaz',
    ]);
    expect(gazetteerCandidates('/opt/cities.gaz')).toEqual(['/opt/cities.gaz']);
  });

  it('opens the first file found', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gazetteer-'));
    const file = path.join(dir, 'cities.gaz');
    writeFileSync(file, encodeGazetteer([{ name: 'Apia', country: 'WS', population: 1, latitude: 1, longitude: 2 }]));
    expect(loadGazetteer([path.join(dir, 'missing.gaz'), file]).size).toBe(1);
  });

  it('names every place it looked and how to build the file', () => {
    expect(() => loadGazetteer(['/nowhere/a.gaz', '/nowhere/b.gaz'])).toThrow(
      /gazetteer not found at \/nowhere\/a.gaz or \/nowhere\/b.gaz.*pnpm --filter @serverless-ml\/rain-forecast build/,
    );
  });
});
