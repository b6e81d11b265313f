import type { BatchPart, BatchPlan } from './schema';
import { IncompleteBatchError, writeManifest } from './write-manifest';

const plan: BatchPlan = {
  runId: 'r1',
  startedAt: '2026-12-01T10:00:00.000Z',
  model: 'housing',
  version: 'v1',
  input: { bucket: 'data', key: 'rows.csv', size: 1000, dataStart: 10 },
  header: true,
  concurrency: 2,
  shards: [
    { index: 0, start: 10, end: 505 },
    { index: 1, start: 505, end: 1000 },
  ],
};
const part = (index: number, rows: number): BatchPart => ({
  index,
  key: `batch/r1/part-0000${index}.csv`,
  rows,
  bytes: rows * 7,
  sha256: 'a'.repeat(64),
  start: plan.shards[index].start,
  end: plan.shards[index].end,
});

function deps(keys: string[]) {
  const written: Record<string, string> = {};
  return {
    written,
    listKeys: async () => keys,
    putJson: async (key: string, body: string) => {
      written[key] = body;
    },
    now: () => new Date('2026-12-01T10:00:04.000Z'),
  };
}

describe('writeManifest', () => {
  it('writes the parts in shard order with the rows, the elapsed time and rows per second', async () => {
    const d = deps(['batch/r1/plan.json', 'batch/r1/part-00000.csv', 'batch/r1/part-00001.csv']);
    const manifest = await writeManifest(plan, [part(1, 300), part(0, 500)], d);
    expect(manifest).toMatchObject({ rows: 800, elapsedMs: 4000, rowsPerSecond: 200, version: 'v1' });
    expect(manifest.parts.map((p) => p.index)).toEqual([0, 1]);
    expect(JSON.parse(d.written['batch/r1/manifest.json'])).toEqual(manifest);
  });

  it('refuses parts that are not one per planned shard, or absent from the bucket, and writes nothing', async () => {
    const d = deps(['batch/r1/part-00000.csv']);
    await expect(writeManifest(plan, [part(0, 5)], d)).rejects.toThrow(IncompleteBatchError);
    await expect(writeManifest(plan, [part(0, 5), part(0, 5)], d)).rejects.toThrow('parts [0,0]');
    await expect(writeManifest(plan, [part(0, 5), part(1, 5)], d)).rejects.toThrow('part-00001.csv');
    expect(d.written).toEqual({});
  });
});
