import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ExecutionOutcome,
  type LocalLambda,
  loadStateMachine,
  runStateMachine,
} from '@serverless-ml/step-functions-local';
// The model-store package's in-memory S3 (not exported by the package; a test fixture).
import { mockBucket } from '../../../packages/model-store/src/mock-bucket.fixture';

const root = join(__dirname, '../../..');
const vars = { region: 'us-east-1', accountId: '123456789012', service: 'serverless-ml', stage: 'test' };
const definition = loadStateMachine(join(root, 'statemachines/training.asl.yml'), vars);
const fn = (name: string) => `serverless-ml-test-${name}`;

// One in-memory bucket serves as both: datasets (`housing.csv`) and models (`models/…`) never share a key.
const bucket = mockBucket(1000);
let functions: Record<string, LocalLambda>;
// A middy handler takes Lambda's full Context; the runner passes the part our handlers read.
const local = (handler: unknown) => handler as LocalLambda;

beforeAll(async () => {
  Object.assign(process.env, { DATA_BUCKET: 'data-bucket', MODEL_BUCKET: 'models-bucket', CODE_VERSION: 'test' });
  // Imported after the environment is set: each handler reads its config at module load.
  const [train, validate, evaluate, promote] = await Promise.all([
    import('../../ml-train/src/handler'),
    import('./validate-handler'),
    import('./evaluate-handler'),
    import('./promote-handler'),
  ]);
  functions = {
    [fn('training-validate')]: local(validate.handler),
    [fn('ml-train')]: local(train.handler),
    [fn('training-evaluate')]: local(evaluate.handler),
    [fn('training-promote')]: local(promote.handler),
  };
});

beforeEach(() => {
  bucket.objects.clear();
  bucket.objects.set('housing.csv', readFileSync(join(root, 'data/housing.csv')));
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => bucket.mock.restore());

const latest = (model: string) => bucket.json(`models/${model}/latest.json`) as { version: string };
/** The `{error, cause, step}` the pipeline recorded: the Fail state's input. */
function failureRecord(outcome: ExecutionOutcome): { error: string; cause: string; step: string } {
  if (outcome.status !== 'FAILED' || !outcome.failState)
    throw new Error(`not failed in a Fail state: ${outcome.status}`);
  return (outcome.failState.input as { failure: { error: string; cause: string; step: string } }).failure;
}
const run = (input: unknown) => runStateMachine(definition, input, functions);

describe('the training pipeline, run locally', () => {
  it('trains, evaluates against nothing promoted and promotes the new version', async () => {
    const outcome = await run({ model: 'housing', algorithm: 'linear' });

    expect(outcome.status).toBe('SUCCEEDED');
    const output = (outcome as { output: Record<string, Record<string, unknown>> }).output;
    expect(output.evaluation).toMatchObject({ better: true, promoted: null, metric: 'r2' });
    expect(output.promotion).toMatchObject({ promoted: true, to: output.train.version, changed: true });
    expect(latest('housing').version).toBe(output.train.version);
  });

  it('keeps the promoted version when the new one is worse (if-better)', async () => {
    const first = await run({ model: 'housing', algorithm: 'gbm', promote: 'always' });
    expect(first.status).toBe('SUCCEEDED');
    const gbm = latest('housing').version;

    const outcome = await run({ model: 'housing', algorithm: 'linear', promote: 'if-better' });

    expect(outcome.status).toBe('SUCCEEDED');
    const output = (outcome as { output: Record<string, Record<string, unknown>> }).output;
    expect(output.evaluation).toMatchObject({ candidate: output.train.version, promoted: gbm, better: false });
    expect(output.evaluation.reason).toMatch(/^linear is not better than gbm \(r2 0\.\d+ vs 0\.\d+\)$/);
    expect(output.promotion).toEqual({ promoted: false, reason: output.evaluation.reason });
    expect(latest('housing').version).toBe(gbm);
    // The kept candidate is stored complete, ready for a later `pnpm ml models promote`.
    expect(bucket.objects.has(`models/housing/versions/${output.train.version}/metadata.json`)).toBe(true);
  }, 60_000);

  it('promotes a worse version when the job says promote: "always"', async () => {
    await run({ model: 'housing', algorithm: 'gbm' });
    const outcome = await run({ model: 'housing', algorithm: 'linear', promote: 'always' });

    const output = (outcome as { output: Record<string, Record<string, unknown>> }).output;
    expect(output.evaluation.better).toBe(false);
    expect(latest('housing').version).toBe(output.train.version);
  }, 60_000);

  it("fails in the Train step with the trainer's error for bad hyper-parameters, moving nothing", async () => {
    const outcome = await run({ model: 'housing', algorithm: 'linear', hyperParameters: { alpha: -1 } });

    expect(outcome).toMatchObject({ status: 'FAILED', error: 'ValidationError' });
    const record = failureRecord(outcome);
    expect(record).toMatchObject({ error: 'ValidationError', step: 'Train' });
    expect(record.cause).toBe((outcome as { cause: string }).cause);
    expect(JSON.parse(record.cause)).toMatchObject({
      errorType: 'ValidationError',
      errorMessage: expect.stringContaining('hyperParameters.alpha'),
    });
    expect(bucket.objects.has('models/housing/latest.json')).toBe(false);
  });

  it('fails in the Validate step naming the bad field, before anything trains', async () => {
    const outcome = await run({ model: 'housing', promote: 'sometimes' });

    expect(outcome).toMatchObject({ status: 'FAILED', error: 'ValidationError' });
    const record = failureRecord(outcome);
    expect(record.step).toBe('Validate');
    expect(record.cause).toContain('promote must be');
    expect([...bucket.objects.keys()]).toEqual(['housing.csv']);
  });
});
