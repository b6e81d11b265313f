// A small stack state, the same bytes on every run, for the pod format's compatibility test.
// fixtures/pod-saved-by-yazl.zip holds it as saved by the yazl-based writer (main at bf2db2a).

import { createHash } from 'node:crypto';

/** One object of the state. */
export interface CompatObject {
  bucket: string;
  key: string;
  body: Buffer;
  contentType?: string;
}

/** `n` bytes that look random (sha256 in counter mode): stored, never deflated. */
function noise(n: number, seed: string): Buffer {
  const blocks = Array.from({ length: Math.ceil(n / 32) }, (_, i) =>
    createHash('sha256').update(`${seed}${i}`).digest(),
  );
  return Buffer.concat(blocks).subarray(0, n);
}

/** The state: small and deflated text, binary, an empty object, a non-ASCII key, a registry pointer. */
export function compatState(stage = 'dev'): CompatObject[] {
  const data = `serverless-ml-${stage}-data`;
  const models = `serverless-ml-${stage}-models`;
  const history = ['date,rain'].concat(Array.from({ length: 1500 }, (_, d) => `2026-01-${d},${(d * 7) % 13}`));
  return [
    { bucket: data, key: 'digits.csv', body: Buffer.from('a,b\n1,2\n'), contentType: 'text/csv' },
    { bucket: data, key: 'weather/history.csv', body: Buffer.from(`${history.join('\n')}\n`), contentType: 'text/csv' },
    {
      bucket: data,
      key: 'forecasts/2026/12/01/zürich é.json',
      body: Buffer.from('{"p":0.4}'),
      contentType: 'application/json',
    },
    { bucket: data, key: 'empty.bin', body: Buffer.alloc(0), contentType: 'application/octet-stream' },
    { bucket: models, key: 'models/digits/versions/v1/model.onnx', body: noise(3000, 'model') },
    {
      bucket: models,
      key: 'models/digits/latest.json',
      body: Buffer.from('{"model":"digits","version":"v1","prefix":"models/digits/versions/v1/"}'),
      contentType: 'application/json',
    },
  ];
}
