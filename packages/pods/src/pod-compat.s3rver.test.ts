import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { fromBufferPromise } from 'yauzl';
import { loadPodFrom, savePodTo } from './pod-actions';
import { compatState } from './pod-compat.fixture';
import { descriptorSchema, manifestSchema } from './pod-format';
import { parsePodRef } from './pod-ref';
import { openObject, putObject } from './s3-objects';
import { startTestS3, type TestS3 } from './s3rver-fixture';

const YAZL_POD = path.join(__dirname, 'fixtures', 'pod-saved-by-yazl.zip');

/** Each entry of a zip as an independent reader (yauzl) sees it: method, sizes, CRC and bytes. */
async function zipEntries(file: string) {
  const reader = await fromBufferPromise(readFileSync(file));
  const entries = new Map<string, { method: number; size: number; crc: number; bytes: Buffer }>();
  for await (const e of reader.eachEntry()) {
    const bytes = await buffer(await reader.openReadStreamPromise(e));
    entries.set(e.fileName, { method: e.compressionMethod, size: e.uncompressedSize, crc: e.crc32, bytes });
  }
  return entries;
}

describe('the pod zip format across writers', () => {
  let s3: TestS3;
  let work: string;

  beforeEach(async () => {
    s3 = await startTestS3();
    work = mkdtempSync(path.join(tmpdir(), 'pods-compat-'));
  });
  afterEach(async () => {
    await s3.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('loads a pod saved by the yazl-based writer, every object byte for byte with its content type', async () => {
    const zip = path.join(work, 'old.zip');
    copyFileSync(YAZL_POD, zip);
    const report = await loadPodFrom(s3.s3, s3.settings, parsePodRef(`file://${zip}`));
    expect(report.added).toHaveLength(compatState().length);
    for (const o of compatState()) {
      const stored = await openObject(s3.s3, o.bucket, o.key);
      expect([o.key, Buffer.concat(await stored.body.toArray()).equals(o.body)]).toEqual([o.key, true]);
      if (o.contentType) expect(stored.contentType).toBe(o.contentType);
    }
  });

  it('saves the same state as the same entries: names, deflated or stored, sizes, CRCs and manifest', async () => {
    for (const o of compatState()) {
      await putObject(s3.s3, { bucket: o.bucket, key: o.key, size: o.body.length }, o.body, {
        contentType: o.contentType,
      });
    }
    const zip = path.join(work, 'pod-saved-by-yazl.zip');
    await savePodTo(s3.s3, s3.settings, parsePodRef(`file://${zip}`), { message: 'saved by the yazl writer' });
    const [ours, theirs] = [await zipEntries(zip), await zipEntries(YAZL_POD)];
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [name, entry] of theirs) {
      if (!name.startsWith('objects/')) continue;
      const { method, size, crc } = entry;
      expect({ name, ...ours.get(name), bytes: undefined }).toEqual({ name, method, size, crc, bytes: undefined });
    }
    const manifest = (e: typeof ours) => manifestSchema.parse(JSON.parse(String(e.get('manifest.json')?.bytes)));
    expect(manifest(ours).objects).toEqual(manifest(theirs).objects);
    const descriptor = descriptorSchema.parse(JSON.parse(String(ours.get('pod.json')?.bytes)));
    expect(descriptor).toMatchObject({ objects: compatState().length, name: 'pod-saved-by-yazl' });
  });
});
