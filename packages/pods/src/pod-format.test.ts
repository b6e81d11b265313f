import {
  POD_FORMAT,
  type PodDescriptor,
  PodIntegrityError,
  parseDescriptor,
  parseManifest,
  sha256Hex,
} from './pod-format';

const manifest = {
  format: POD_FORMAT,
  name: 'demo',
  version: 'v1',
  message: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  stage: 'dev',
  buckets: ['b'],
  objects: [{ bucket: 'bkt', key: 'k', size: 3, sha256: 'a'.repeat(64), md5: 'b'.repeat(32) }],
};
const bytes = Buffer.from(JSON.stringify(manifest));
const descriptor: PodDescriptor = {
  format: POD_FORMAT,
  name: 'demo',
  version: 'v1',
  message: '',
  createdAt: manifest.createdAt,
  stage: 'dev',
  objects: 1,
  bytes: 3,
  manifestSha256: sha256Hex(bytes),
};

describe('parseManifest', () => {
  it('accepts a manifest whose sha256 the descriptor records', () => {
    expect(parseManifest(bytes, descriptor).objects).toHaveLength(1);
  });

  it('refuses a manifest whose bytes changed', () => {
    expect(() => parseManifest(Buffer.from(JSON.stringify({ ...manifest, message: 'x' })), descriptor)).toThrow(
      PodIntegrityError,
    );
  });

  it('refuses a manifest that does not add up to the descriptor', () => {
    expect(() => parseManifest(bytes, { ...descriptor, bytes: 4 })).toThrow('does not describe the pod');
  });
});

describe('parseDescriptor', () => {
  it('refuses JSON of another format, and non-JSON', () => {
    expect(() => parseDescriptor(Buffer.from(JSON.stringify({ ...descriptor, format: 'other/1' })))).toThrow(
      'is not a serverless-ml-pod/1 file',
    );
    expect(() => parseDescriptor(Buffer.from('PK\u0003\u0004'))).toThrow('is not JSON');
  });
});
