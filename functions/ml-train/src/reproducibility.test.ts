import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Retrained } from './retrain/retrain-in-memory';

const run = promisify(execFile);
const SCRIPT = join(__dirname, 'retrain', 'retrain-and-hash.ts');
const DATA_DIR = join(__dirname, '..', '..', '..', 'data');
// One event per model type, and rain again with another seed so the comparison can fail.
// Every housing algorithm; the forest and the MLP smaller than their defaults to keep the test short
// (the code paths, and so what could make two runs differ, are the same).
const EVENTS = [
  { model: 'digits' },
  { model: 'rain' },
  { model: 'stores' },
  { model: 'rain', seed: 7 },
  { model: 'housing', algorithm: 'gbm' },
  { model: 'housing', algorithm: 'linear' },
  { model: 'housing', algorithm: 'forest', hyperParameters: { trees: 8 } },
  { model: 'housing', algorithm: 'mlp', hyperParameters: { epochs: 3 }, seed: 7 },
];

/** Trains every event in a fresh node process and returns what it published, keyed by event. */
async function trainInProcess(events: object[], cwd: string, env: Record<string, string>) {
  const { stdout } = await run(
    process.execPath,
    ['--import', pathToFileURL(require.resolve('tsx')).href, SCRIPT, ...events.map((e) => JSON.stringify(e))],
    { cwd, env: { ...process.env, DATA_DIR, CODE_VERSION: 'reproducibility-test', ...env }, maxBuffer: 1 << 24 },
  );
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Retrained & { event: object });
  return new Map(lines.map(({ event, ...result }) => [JSON.stringify(event), result]));
}

/** The result for one event; throws naming it when the process printed none. */
function resultOf(results: Map<string, Retrained>, event: string): Retrained {
  const result = results.get(event);
  if (!result) throw new Error(`no result for ${event}`);
  return result;
}

/** metadata.json without what is meant to change between runs: wall-clock times. */
const withoutTimings = (metadata: Record<string, unknown>) =>
  JSON.parse(
    JSON.stringify(metadata, (key, value) =>
      ['trainedAt', 'trainingMs', 'ms', 'version'].includes(key) ? undefined : value,
    ),
  );

describe('retraining from the same data, parameters and seed', () => {
  let first: Map<string, Retrained>;
  let second: Map<string, Retrained>;
  let elsewhere: string;

  beforeAll(async () => {
    elsewhere = mkdtempSync(join(tmpdir(), 'retrain-'));
    // A different working directory, time zone, locale and training order in each process.
    [first, second] = await Promise.all([
      trainInProcess(EVENTS, __dirname, { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' }),
      trainInProcess([...EVENTS].reverse(), elsewhere, {
        TZ: 'Pacific/Chatham',
        LANG: 'de_DE.UTF-8',
        LC_ALL: 'de_DE.UTF-8',
      }),
    ]);
  }, 240_000);
  afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

  it.each(EVENTS.map((e) => [JSON.stringify(e)]))(
    'gives a byte-identical model.onnx for %s in two separate processes',
    (event) => {
      const { sha256 } = resultOf(first, event);
      expect(sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(resultOf(second, event).sha256).toBe(sha256);
    },
  );

  it.each(EVENTS.map((e) => [JSON.stringify(e)]))(
    'records the model sha256, seed, dataset sha256 and versions in metadata.json for %s',
    (event) => {
      const { sha256, metadata } = resultOf(first, event);
      const { model, seed: given } = JSON.parse(event);
      const seed = given ?? (model === 'rain' || model === 'housing' ? 42 : null);
      expect(metadata).toMatchObject({
        seed,
        onnx: { sha256 },
        dataset: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        codeVersion: 'reproducibility-test',
        versions: { node: process.version },
      });
      expect(Object.keys(Object(metadata.versions)).sort()).toEqual([
        'libsvm-js',
        'node',
        'onnx-proto',
        'onnxruntime-node',
      ]);
    },
  );

  it('writes the same metadata.json apart from wall-clock times', () => {
    for (const event of EVENTS.map((e) => JSON.stringify(e))) {
      expect(withoutTimings(second.get(event)?.metadata ?? {})).toEqual(
        withoutTimings(first.get(event)?.metadata ?? {}),
      );
    }
  });

  it('gives a different rain model for a different seed', () => {
    expect(resultOf(first, '{"model":"rain","seed":7}').sha256).not.toBe(resultOf(first, '{"model":"rain"}').sha256);
  });
});
