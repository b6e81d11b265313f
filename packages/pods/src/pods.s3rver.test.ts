import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspectPod } from './inspect-pod';
import { loadPodIntoStack } from './load-pod-into-stack';
import { loadPodFrom, savePodTo, withPod } from './pod-actions';
import { parsePodRef } from './pod-ref';
import { deletePod, listPods, listVersions } from './pod-store';
import { startTestS3, type TestS3 } from './s3rver-fixture';
import { DATA, MODELS, pointer, put, seed, snapshot, text } from './s3rver-test-state';

describe('pods against a real s3rver', () => {
  let a: TestS3;
  let work: string;
  const ref = (r: string) => parsePodRef(r, work);

  beforeEach(async () => {
    a = await startTestS3();
    work = mkdtempSync(path.join(tmpdir(), 'pods-work-'));
    await seed(a.s3);
  });
  afterEach(async () => {
    await a.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('restores identical objects and sha256s after the buckets are wiped', async () => {
    const before = await snapshot(a.s3);
    await savePodTo(a.s3, a.settings, ref('demo'), { message: 'all models' });
    await put(a.s3, DATA, 'stray.txt', 'x');
    await put(a.s3, DATA, 'digits.csv', 'changed');
    const report = await loadPodFrom(a.s3, a.settings, ref('demo'));
    expect(await snapshot(a.s3)).toEqual(before);
    expect(report.deleted).toEqual([`s3://${DATA}/stray.txt`]);
    expect(report.replaced).toEqual([`s3://${DATA}/digits.csv`]);
  });

  it('carries a pod as a zip between two s3rver data folders', async () => {
    const before = await snapshot(a.s3);
    await savePodTo(a.s3, a.settings, ref('file://demo.zip'), {});
    const b = await startTestS3();
    try {
      const report = await loadPodFrom(b.s3, b.settings, ref('file://demo.zip'));
      expect(await snapshot(b.s3)).toEqual(before);
      expect(report.added).toHaveLength(Object.keys(before).length);
    } finally {
      await b.close();
    }
  });

  it('streams objects over 1 MiB through a zip, deflated or stored, and loads them back identical', async () => {
    await put(a.s3, DATA, 'large.csv', 'day,rain\n'.concat('2026-12-01,0.4\n'.repeat(150_000)), 'text/csv');
    await put(a.s3, DATA, 'large.bin', randomBytes(1_500_000), 'application/octet-stream');
    const before = await snapshot(a.s3);
    await savePodTo(a.s3, a.settings, ref('file://demo.zip'), {});
    const b = await startTestS3();
    try {
      await loadPodFrom(b.s3, b.settings, ref('file://demo.zip'));
      expect(await snapshot(b.s3)).toEqual(before);
    } finally {
      await b.close();
    }
  });

  it('reports a save that fails midway as a failure and leaves no zip', async () => {
    // s3rver answers 500 InternalError for one object, every time: the client tries twice, then gives up.
    const getObject = a.server.store.getObject.bind(a.server.store);
    jest.spyOn(a.server.store, 'getObject').mockImplementation(async (bucket, key, options) => {
      if (key === 'big.bin') throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
      return getObject(bucket, key, options);
    });
    await expect(savePodTo(a.s3, a.settings, ref('file://demo.zip'), {})).rejects.toThrow(
      /saving the pod to .*demo\.zip failed, nothing was kept: S3 failed \(HTTP 500 InternalError\): GetObject s3:\/\/serverless-ml-dev-data\/big\.bin/,
    );
    expect(readdirSync(work)).toEqual([]);
  });

  it('loadPodIntoStack loads a pod by name into a running stack and names its models', async () => {
    const before = await snapshot(a.s3);
    await savePodTo(a.s3, a.settings, ref('demo'), {});
    await put(a.s3, MODELS, 'models/digits/latest.json', pointer('v9', '2030-01-01T00:00:00.000Z'), 'application/json');
    const lines: string[] = [];
    const report = await loadPodIntoStack({
      ref: 'demo',
      endpoint: a.endpoint,
      stage: 'dev',
      log: (l) => lines.push(l),
    });
    expect(report.models).toEqual(['digits']);
    expect(await snapshot(a.s3)).toEqual(before);
    expect(lines[0]).toContain('loading pod demo');
  });

  it('merge keeps keys the pod lacks and lets the pod win a conflict', async () => {
    await savePodTo(a.s3, a.settings, ref('demo'), {});
    await put(a.s3, DATA, 'stray.txt', 'x');
    await put(a.s3, DATA, 'digits.csv', 'changed');
    await loadPodFrom(a.s3, a.settings, ref('demo'), { strategy: 'merge' });
    expect(await text(a.s3, DATA, 'stray.txt')).toBe('x');
    expect(await text(a.s3, DATA, 'digits.csv')).toBe('a,b\n1,2\n');
  });

  it('deep-merge merges JSON documents and keeps the newer registry pointer', async () => {
    await savePodTo(a.s3, a.settings, ref('demo'), {});
    await put(a.s3, MODELS, 'config.json', '{"a":{"y":2,"z":3},"list":[9,9],"mine":true}', 'application/json');
    const newer = pointer('v2', '2027-01-01T00:00:00.000Z');
    await put(a.s3, MODELS, 'models/digits/latest.json', newer, 'application/json');
    const report = await loadPodFrom(a.s3, a.settings, ref('demo'), { strategy: 'deep-merge' });
    expect(JSON.parse(await text(a.s3, MODELS, 'config.json'))).toEqual({
      a: { x: 1, y: 1, z: 3 },
      list: [1],
      mine: true,
    });
    expect(await text(a.s3, MODELS, 'models/digits/latest.json')).toBe(newer);
    expect(report.kept.map((k) => k.key)).toEqual([`s3://${MODELS}/models/digits/latest.json`]);
  });

  it('deep-merge takes the pod pointer when it is the newer one', async () => {
    await put(a.s3, MODELS, 'models/digits/latest.json', pointer('v3', '2028-01-01T00:00:00.000Z'), 'application/json');
    await savePodTo(a.s3, a.settings, ref('demo'), {});
    await put(a.s3, MODELS, 'models/digits/latest.json', pointer('v1', '2026-01-01T00:00:00.000Z'), 'application/json');
    await loadPodFrom(a.s3, a.settings, ref('demo'), { strategy: 'deep-merge' });
    expect(JSON.parse(await text(a.s3, MODELS, 'models/digits/latest.json')).version).toBe('v3');
  });

  it.each(['overwrite', 'merge', 'deep-merge'] as const)(
    '--dry-run with %s reports and changes nothing',
    async (strategy) => {
      await savePodTo(a.s3, a.settings, ref('demo'), {});
      await put(a.s3, DATA, 'stray.txt', 'x');
      await put(a.s3, DATA, 'digits.csv', 'changed');
      const before = await snapshot(a.s3);
      const report = await loadPodFrom(a.s3, a.settings, ref('demo'), { strategy, dryRun: true });
      expect(await snapshot(a.s3)).toEqual(before);
      expect(report.replaced).toEqual([`s3://${DATA}/digits.csv`]);
      expect(report.deleted).toEqual(strategy === 'overwrite' ? [`s3://${DATA}/stray.txt`] : []);
    },
  );

  it('lists, versions, inspects and deletes pods', async () => {
    await savePodTo(a.s3, a.settings, ref('demo'), { message: 'first' });
    await savePodTo(a.s3, a.settings, ref('demo'), { message: 'second', commit: 'abc123' });
    await savePodTo(a.s3, a.settings, ref('other'), {});
    const versions = await listVersions(a.s3, a.settings.podsBucket, 'demo');
    expect(versions.map((v) => v.message)).toEqual(['first', 'second']);
    expect((await listPods(a.s3, a.settings.podsBucket)).map((p) => [p.name, p.versions])).toEqual([
      ['demo', 2],
      ['other', 1],
    ]);
    const first = await withPod(a.s3, a.settings, ref(`demo:${versions[0].version}`), inspectPod);
    expect(first.descriptor.message).toBe('first');
    const latest = await withPod(a.s3, a.settings, ref('demo'), inspectPod);
    expect(latest.descriptor).toMatchObject({ message: 'second', commit: 'abc123', stage: 'dev', objects: 6 });
    expect(latest.models).toEqual([
      expect.objectContaining({ name: 'digits', version: 'v1', metrics: { accuracy: 0.9689 }, versions: ['v1'] }),
    ]);
    await deletePod(a.s3, a.settings.podsBucket, 'demo');
    expect((await listPods(a.s3, a.settings.podsBucket)).map((p) => p.name)).toEqual(['other']);
    await expect(loadPodFrom(a.s3, a.settings, ref('demo'))).rejects.toThrow('no pod named "demo"');
  });
});
