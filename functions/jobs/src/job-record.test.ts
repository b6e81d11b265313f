import { isJobId, jobIdOfKey, jobKey, newJobId } from './job-record';

describe('job ids and record keys', () => {
  it('names a job by its UTC second and six random hex digits', () => {
    const id = newJobId(new Date('2026-12-01T14:30:12.345Z'), () => 0.5);
    expect(id).toBe('20261201-143012-800000');
    expect(isJobId(id)).toBe(true);
  });

  it('refuses anything else as a job id', () => {
    for (const id of ['', '20261201-143012', '../jobs', '20261201-143012-ABCDEF', '20261201-143012-a1b2c3x']) {
      expect(isJobId(id)).toBe(false);
    }
  });

  it('keys records so that S3 lists the newest job first', () => {
    const older = newJobId(new Date('2026-12-01T09:00:00Z'), () => 0.1);
    const newer = newJobId(new Date('2026-12-01T10:00:00Z'), () => 0.9);
    const keys = [jobKey(older), jobKey(newer)].sort();
    expect(keys.map(jobIdOfKey)).toEqual([newer, older]);
  });

  it('reads the job id back from its key, and nothing from other keys', () => {
    const id = '20261201-143012-a1b2c3';
    expect(jobKey(id)).toMatch(/^jobs\/\d{10}-20261201-143012-a1b2c3\.json$/);
    expect(jobIdOfKey(jobKey(id))).toBe(id);
    expect(jobIdOfKey('jobs/readme.txt')).toBeUndefined();
  });
});
