import type { LocalStack } from './local-stack';
import { runStartWalkthrough } from './walkthrough';

/** A stack whose functions answer like the real ones, recording every ml-train event. */
function fakeStack() {
  const trained: unknown[] = [];
  const invoke = jest.fn(async (fn: string, payload: unknown) => {
    if (fn === 'ml-train') {
      trained.push(payload);
      return { payload: { version: 'v-new', algorithm: 'x', trainMs: 5, metrics: { accuracy: 0.9 }, baselines: {} } };
    }
    return { payload: { accuracy: 0.9689, correct: 871, total: 899, predictions: [8, 8, 4] } };
  });
  const stack = { httpUrl: 'http://127.0.0.1:4751', invoke } as unknown as LocalStack;
  return { stack, trained };
}

const answers: Record<string, unknown> = {
  '/digits/predict': { predictions: [{ label: 0 }] },
  '/rain-forecast': { probability: 0.44, place: { name: 'Seattle', country: 'US' } },
  '/stores/nearest': { stores: [{ id: 'GAI', name: 'Montgomery Co Airpark', distance_km: 8.8 }] },
  '/endpoints/housing/invocations': { predictions: [431000.4] },
  '/endpoints/digits/invocations': { predictions: [{ label: 0, scores: [] }] },
};

describe('runStartWalkthrough', () => {
  beforeEach(() => {
    jest.spyOn(global, 'fetch').mockImplementation(async (url) => {
      const route = new URL(String(url)).pathname;
      return new Response(JSON.stringify(answers[route]), { status: 200 });
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('keeps the promoted models and trains only the one without a promoted version', async () => {
    const { stack, trained } = fakeStack();
    const log: string[] = [];
    await runStartWalkthrough(
      stack,
      (line) => log.push(line),
      { retrain: false },
      async () => ({
        digits: 'v-user',
        rain: 'v-promoted',
      }),
    );
    expect(trained).toEqual([{ model: 'stores' }, { model: 'housing' }]);
    expect(log).toContain(
      'keeping the promoted digits@v-user, rain@v-promoted (pnpm start --retrain trains new versions from data/)',
    );
    expect(log).toContain('training stores, housing: no promoted version yet');
    expect(log).toContain('accuracy 0.9689 (871/899)');
    expect(log).toContain(
      'POST /endpoints/housing/invocations (text/csv, a Berkeley block group) → 431000 USD (it was 452600)',
    );
    expect(log).toContain('POST /endpoints/digits/invocations (application/json, a drawn zero) → label 0');
  });

  it('retrains every model when asked to', async () => {
    const { stack, trained } = fakeStack();
    await runStartWalkthrough(
      stack,
      () => undefined,
      { retrain: true },
      async () => ({ digits: 'v1', rain: 'v2' }),
    );
    expect(trained).toEqual([{ model: 'digits' }, { model: 'rain' }, { model: 'stores' }, { model: 'housing' }]);
  });

  it('says how to retrain when a kept model cannot answer', async () => {
    const { stack } = fakeStack();
    jest
      .mocked(stack.invoke)
      .mockResolvedValue({ payload: { errorMessage: 'model.onnx is missing' }, functionError: 'x' });
    const promoted = async () => ({ digits: 'v1', rain: 'v2', stores: 'v3' });
    await expect(runStartWalkthrough(stack, () => undefined, { retrain: false }, promoted)).rejects.toThrow(
      /model\.onnx is missing.*pnpm start --retrain trains new ones/,
    );
  });
});
