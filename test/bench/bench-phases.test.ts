import { PHASES, selectPhases } from './bench-phases';

describe('selectPhases', () => {
  it('runs every phase when BENCH_ONLY is unset or blank', () => {
    expect([...selectPhases(undefined)]).toEqual([...PHASES]);
    expect([...selectPhases(' , ')]).toEqual([...PHASES]);
  });

  it('runs only the named phases, spaces around names ignored', () => {
    const phases = selectPhases('housing, sklearn');

    expect([...phases].sort()).toEqual(['housing', 'sklearn']);
  });

  it('refuses an unknown phase, naming the known ones', () => {
    expect(() => selectPhases('housing,houseing')).toThrow(
      'BENCH_ONLY: unknown phase "houseing"; the phases are digits, sklearn, housing, rain, stores, batch, load, jobs, package, pods',
    );
  });
});
