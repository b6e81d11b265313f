import { parsePodRef, podRefName } from './pod-ref';

describe('parsePodRef', () => {
  it('reads a name, or a name and version', () => {
    expect(parsePodRef('demo')).toEqual({ kind: 'bucket', name: 'demo' });
    expect(parsePodRef('demo:2026-01-01T00-00-00-000Z-abcdef')).toEqual({
      kind: 'bucket',
      name: 'demo',
      version: '2026-01-01T00-00-00-000Z-abcdef',
    });
  });

  it('reads absolute and relative file:// zips', () => {
    expect(parsePodRef('file:///tmp/demo.zip')).toEqual({ kind: 'file', path: '/tmp/demo.zip' });
    expect(parsePodRef('file://pods/demo.zip', '/work')).toEqual({ kind: 'file', path: '/work/pods/demo.zip' });
    expect(podRefName(parsePodRef('file:///tmp/demo.zip'))).toBe('demo');
  });

  it('refuses names that cannot be an S3 key segment, and files that are not .zip', () => {
    expect(() => parsePodRef('../etc')).toThrow('bad pod name');
    expect(() => parsePodRef('demo:')).toThrow('expected <name>[:<version>]');
    expect(() => parsePodRef('file:///tmp/demo.tar')).toThrow('must end in .zip');
  });
});
