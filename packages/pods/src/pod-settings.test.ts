import { podS3Client, podSettings } from './pod-settings';

describe('podS3Client', () => {
  it('drops the AWS-only request steps against an emulator endpoint and keeps them for --aws', () => {
    const emulator = podS3Client(podSettings({ endpoint: 'http://127.0.0.1:4710', stage: 'dev' }, {}), {});
    const aws = podS3Client(podSettings({ aws: true, stage: 'dev' }, {}), {});
    const steps = (s3: typeof aws) => s3.middlewareStack.identify().map((line) => line.split(' ')[0]);
    for (const name of ['regionRedirectMiddleware', 's3ExpressMiddleware', 'getUserAgentMiddleware']) {
      expect(steps(aws)).toContain(name);
      expect(steps(emulator)).not.toContain(name);
    }
    expect(steps(emulator)).toContain('httpSigningMiddleware');
    expect(steps(emulator)).toContain('retryMiddleware');
  });
});
