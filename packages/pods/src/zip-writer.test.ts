import { randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { crc32 } from 'node:zlib';
import { type Entry, fromBufferPromise } from 'yauzl';
import { ZipWriter } from './zip-writer';

/** Runs `write` on a ZipWriter and returns the zip's bytes. */
async function zipOf(write: (zip: ZipWriter) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const bytes = buffer(out);
  const zip = new ZipWriter(out);
  await write(zip);
  await zip.end();
  return bytes;
}

/** Every entry as yauzl (an independent reader, which checks sizes) reads it. */
async function entriesOf(zip: Buffer): Promise<Map<string, { entry: Entry; bytes: Buffer }>> {
  const reader = await fromBufferPromise(zip, { strictFileNames: true });
  const out = new Map<string, { entry: Entry; bytes: Buffer }>();
  for await (const entry of reader.eachEntry()) {
    out.set(entry.fileName, { entry, bytes: await buffer(await reader.openReadStreamPromise(entry)) });
  }
  return out;
}

describe('ZipWriter', () => {
  it('writes stored and deflated entries, from buffers and from streams, that read back byte for byte', async () => {
    const binary = randomBytes(200_000);
    const text = Buffer.from('{"a": 1}\n'.repeat(10_000));
    const zip = await zipOf(async (z) => {
      await Promise.all([
        z.addBuffer('objects/000000', binary, { deflate: false }),
        z.addBuffer('objects/000001', text, { deflate: true }),
        z.addStream('objects/000002', Readable.from([binary.subarray(0, 70_000), binary.subarray(70_000)]), 200_000, {
          deflate: false,
        }),
        z.addStream('objects/000003', Readable.from([text]), text.length, { deflate: true }),
        z.addBuffer('empty', Buffer.alloc(0), { deflate: false }),
      ]);
    });
    const entries = await entriesOf(zip);
    expect([...entries.keys()]).toEqual([
      'objects/000000',
      'objects/000001',
      'objects/000002',
      'objects/000003',
      'empty',
    ]);
    expect(entries.get('objects/000000')?.bytes.equals(binary)).toBe(true);
    expect(entries.get('objects/000002')?.bytes.equals(binary)).toBe(true);
    expect(entries.get('objects/000001')?.bytes.equals(text)).toBe(true);
    expect(entries.get('objects/000003')?.bytes.equals(text)).toBe(true);
    expect(entries.get('objects/000001')?.entry.compressedSize).toBeLessThan(text.length / 10);
    expect(entries.get('empty')?.bytes.length).toBe(0);
    // yauzl does not check CRCs; unzip and most other readers do.
    for (const { entry, bytes } of entries.values()) expect(entry.crc32).toBe(crc32(bytes));
  });

  it('switches to zip64 for 65,535 entries or more (the 16-bit count is full)', async () => {
    const count = 0xffff;
    const zip = await zipOf(async (z) => {
      for (let i = 0; i < count; i++) void z.addBuffer(`e${i}`, Buffer.from(String(i)), { deflate: false });
    });
    const reader = await fromBufferPromise(zip);
    let last: Entry | undefined;
    for await (const entry of reader.eachEntry()) last = entry;
    expect(reader.entryCount).toBe(count);
    expect(last && (await buffer(await reader.openReadStreamPromise(last))).toString()).toBe('65534');
  });

  it('rejects a stream that carries fewer bytes than announced, and every entry after it', async () => {
    const zip = new ZipWriter(new PassThrough().resume());
    await expect(zip.addStream('short', Readable.from([Buffer.from('abc')]), 4, { deflate: false })).rejects.toThrow(
      'the stream had 3 of 4 bytes',
    );
    await expect(zip.addBuffer('next', Buffer.from('x'), { deflate: false })).rejects.toThrow(
      'an earlier zip entry failed',
    );
  });

  it('rejects when the source stream fails', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('socket hang up'));
      },
    });
    const zip = new ZipWriter(new PassThrough().resume());
    await expect(zip.addStream('broken', failing, 10, { deflate: true })).rejects.toThrow('socket hang up');
  });
});
