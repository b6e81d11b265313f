import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPodFrom, savePodTo } from './pod-actions';
import { PodIntegrityError, sha256Hex } from './pod-format';
import { parsePodRef } from './pod-ref';
import { startTestS3, type TestS3 } from './s3rver-fixture';
import { DATA, put, rewriteZip, seed, snapshot } from './s3rver-test-state';

describe('loading a damaged pod', () => {
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

  it('refuses a pod whose object was tampered with in the pods bucket, changing nothing', async () => {
    const { descriptor } = await savePodTo(a.s3, a.settings, ref('demo'), {});
    await put(a.s3, DATA, 'stray.txt', 'x');
    const before = await snapshot(a.s3);
    const key = `pods/demo/versions/${descriptor.version}/objects/000001`;
    await put(a.s3, a.settings.podsBucket, key, 'evil');
    await expect(loadPodFrom(a.s3, a.settings, ref('demo'))).rejects.toThrow(PodIntegrityError);
    expect(await snapshot(a.s3)).toEqual(before);
  });

  describe('a damaged zip', () => {
    let zip: string;
    let before: Record<string, string>;
    beforeEach(async () => {
      await savePodTo(a.s3, a.settings, ref('file://demo.zip'), {});
      zip = path.join(work, 'demo.zip');
      await put(a.s3, DATA, 'stray.txt', 'x');
      before = await snapshot(a.s3);
    });
    const refused = async () => {
      await expect(loadPodFrom(a.s3, a.settings, ref('file://demo.zip'))).rejects.toThrow(PodIntegrityError);
      expect(await snapshot(a.s3)).toEqual(before);
    };

    it('is refused when one byte of an object is flipped', async () => {
      const bytes = readFileSync(zip);
      // big.bin (300 kB of random bytes, stored as is) fills most of the zip.
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      writeFileSync(zip, bytes);
      await refused();
    });

    it('is refused when truncated', async () => {
      truncateSync(zip, readFileSync(zip).length - 200);
      await refused();
    });

    it('is refused when the manifest was edited', async () => {
      await rewriteZip(zip, (name, bytes) =>
        name === 'manifest.json' ? Buffer.from(bytes.toString().replace('"digits.csv"', '"digitz.csv"')) : bytes,
      );
      await refused();
    });

    it('is refused when the manifest and its recorded sha256 were both edited, by the object checksum', async () => {
      let manifest = Buffer.alloc(0);
      await rewriteZip(zip, (name, bytes) => {
        if (name === 'manifest.json') {
          const edited = JSON.parse(bytes.toString());
          edited.objects[0].sha256 = '0'.repeat(64);
          manifest = Buffer.from(JSON.stringify(edited));
          return manifest;
        }
        if (name !== 'pod.json') return bytes;
        return Buffer.from(JSON.stringify({ ...JSON.parse(bytes.toString()), manifestSha256: sha256Hex(manifest) }));
      });
      await refused();
    });

    it('is refused when it is not a pod at all', async () => {
      writeFileSync(zip, 'PK\u0003\u0004 this is not a zip');
      await refused();
    });
  });
});
