import { createProgress, progressOnceKnown } from './progress';

describe('createProgress', () => {
  it('reports bytes, objects and rate at most every interval, and at the end', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = createProgress('saved', { bytes: 100e6, objects: 2 }, (l) => lines.push(l), { now: () => clock });
    clock = 500;
    progress.bytes(25e6);
    clock = 1000;
    progress.bytes(25e6);
    progress.object();
    clock = 2000;
    progress.bytes(50e6);
    progress.object();
    progress.done();
    expect(lines).toEqual([
      'saved 50.0/100.0 MB, 0/2 objects, 50.0 MB/s',
      'saved 100.0/100.0 MB, 1/2 objects, 50.0 MB/s',
      'saved 100.0/100.0 MB, 2/2 objects, 50.0 MB/s',
    ]);
  });

  it('stays quiet for small pods', () => {
    const lines: string[] = [];
    const progress = createProgress('saved', { bytes: 1000, objects: 1 }, (l) => lines.push(l));
    progress.bytes(1000);
    progress.done();
    expect(lines).toEqual([]);
  });

  it('counts what was copied before the total was known, and rates it from the real start', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = progressOnceKnown(
      (total) => createProgress('saved', total, (l) => lines.push(l), { now: () => clock }),
      () => clock,
    );
    progress.bytes(30e6);
    progress.object();
    clock = 1000;
    progress.known({ bytes: 100e6, objects: 3 });
    clock = 2000;
    progress.bytes(20e6);
    progress.object();
    progress.done();
    expect(lines).toEqual([
      'saved 50.0/100.0 MB, 1/3 objects, 25.0 MB/s',
      'saved 50.0/100.0 MB, 2/3 objects, 25.0 MB/s',
    ]);
  });
});
