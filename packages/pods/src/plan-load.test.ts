import { mapBucket, planLoad } from './plan-load';
import type { PodObject } from './pod-format';
import type { ListedObject } from './s3-objects';

const obj = (key: string, md5 = 'a'.repeat(32), size = 1): PodObject => ({
  bucket: 'b',
  key,
  size,
  md5,
  sha256: '0'.repeat(64),
});
const listed = (key: string, etag = 'a'.repeat(32), size = 1): ListedObject => ({ bucket: 'b', key, size, etag });

describe('planLoad', () => {
  const pod = [obj('models/m/latest.json'), obj('new.bin'), obj('same.bin'), obj('changed.json')];
  const current = [listed('same.bin'), listed('changed.json', 'f'.repeat(32)), listed('extra.bin')];

  it('overwrite adds, replaces, skips identical objects and deletes what the pod lacks', () => {
    const plan = planLoad(pod, current, 'overwrite');
    expect(plan.writes.map((w) => [w.kind, w.object.key])).toEqual([
      ['add', 'new.bin'],
      ['replace', 'changed.json'],
      ['add', 'models/m/latest.json'],
    ]);
    expect(plan.unchanged.map((o) => o.key)).toEqual(['same.bin']);
    expect(plan.deletes).toEqual([{ bucket: 'b', key: 'extra.bin' }]);
  });

  it('merge deletes nothing', () => {
    expect(planLoad(pod, current, 'merge').deletes).toEqual([]);
  });

  it('deep-merge marks JSON conflicts for merging and replaces the rest', () => {
    const plan = planLoad(
      [obj('changed.json'), obj('changed.bin')],
      [listed('changed.json', 'f'.repeat(32)), listed('changed.bin', 'f'.repeat(32))],
      'deep-merge',
    );
    expect(plan.writes.map((w) => [w.kind, w.object.key])).toEqual([
      ['deep-merge', 'changed.json'],
      ['replace', 'changed.bin'],
    ]);
  });

  it('writes registry pointers after every other object', () => {
    const plan = planLoad([obj('models/a/latest.json'), obj('z.bin'), obj('models/b/latest.json')], [], 'overwrite');
    expect(plan.writes.map((w) => w.object.key)).toEqual(['z.bin', 'models/a/latest.json', 'models/b/latest.json']);
  });
});

describe('mapBucket', () => {
  it('moves stage-derived bucket names to the target stage and keeps others', () => {
    expect(mapBucket('serverless-ml-dev-models', 'dev', 'ci')).toBe('serverless-ml-ci-models');
    expect(mapBucket('my-bucket', 'dev', 'ci')).toBe('my-bucket');
  });
});
