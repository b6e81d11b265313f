import { isJobId, jobIdOfKey, jobKey, newJobId } from './job-record';

describe('job ids and record keys', () => {
  it('names a job by its UTC millisecond and six random hex digits', () => {
    const id = newJobId(new Date('2026-12-01T14:30:12.345Z'), () => 0.5);
    expect(id).toBe('20261201-143012345-800000');
    expect(isJobId(id)).toBe(true);
  });

  it('refuses anything else as a job id', () => {
    for (const id of ['', '20261201-143012345', '../jobs', '20261201-143012-a1b2c3', '20261201-143012345-ABCDEF']) {
      expect(isJobId(id)).toBe(false);
    }
  });

  it('keys records so that S3 lists the newest job first, within one second too', () => {
    const older = newJobId(new Date('2026-12-01T09:00:00.100Z'), () => 0.9);
    const newer = newJobId(new Date('2026-12-01T09:00:00.900Z'), () => 0.1);
    const keys = [jobKey(older), jobKey(newer)].sort();
    expect(keys.map(jobIdOfKey)).toEqual([newer, older]);
  });

  it('reads the job id back from its key, and nothing from other keys', () => {
    const id = '20261201-143012345-a1b2c3';
    expect(jobKey(id)).toMatch(/^jobs\/\d{13}-20261201-143012345-a1b2c3\.json$/);
    expect(jobIdOfKey(jobKey(id))).toBe(id);
    expect(jobIdOfKey('jobs/readme.txt')).toBeUndefined();
  });
});

describe('jobAnswerSchema', () => {
  it('describes what the API answers for a job (the OpenAPI document says so)', async () => {
    const { answerJob } = await import('./job-answer');
    const { jobAnswerSchema } = await import('./job-record');
    const record = {
      jobId: '20261201-143012345-a1b2c3',
      model: 'housing',
      request: { model: 'housing', promote: 'if-better' },
      status: 'FAILED' as const,
      executionArn: 'arn:aws:states:us-east-1:000000000000:execution:m:20261201-143012345-a1b2c3',
      submittedAt: '2026-12-01T14:30:12.000Z',
      deadline: '2026-12-01T14:51:12.000Z',
      endedAt: '2026-12-01T14:30:20.000Z',
      steps: [{ name: 'Train', status: 'FAILED' as const, startedAt: '2026-12-01T14:30:13.000Z' }],
      error: { type: 'ValidationError', message: 'learningRate must be greater than 0', step: 'Train' },
    };
    const answer = answerJob(record);
    expect(jobAnswerSchema.parse(answer)).toEqual(answer);
    expect(answer).toMatchObject({ elapsedMs: 8000, statusUrl: '/jobs/20261201-143012345-a1b2c3' });
  });
});
