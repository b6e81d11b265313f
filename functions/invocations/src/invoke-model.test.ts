import { createSession } from '@serverless-ml/onnx';
import type { AnswerFormat } from './content-negotiation';
import type { Invocation } from './invocation-request';
import { invokeModel } from './invoke-model';
import type { BodyFormat } from './parse-invocation';
import type { ServingModel } from './serving-models';
import {
  digitsModel,
  type FixtureModel,
  housingModel,
  irisModel,
  rainModel,
  STORES,
  storesModel,
} from './test-models.fixture';

// The real ONNX Runtime on tiny models whose answers are worked out by hand (test-models.fixture.ts).
async function serving(model: FixtureModel): Promise<ServingModel> {
  const catalog = model.metadata.task === 'nearest-neighbours' ? STORES : undefined;
  return {
    name: model.name,
    version: model.version,
    metadata: model.metadata,
    session: await createSession(model.onnx),
    ...(catalog ? { catalog } : {}),
  };
}

async function invoke(
  fixture: FixtureModel,
  body: string,
  format: BodyFormat,
  answer: AnswerFormat = 'json',
  settings: { k?: number } = {},
) {
  const model = await serving(fixture);
  const invocation: Invocation = { kind: 'invoke', model: fixture.name, body, format, answer, ...settings };
  const result = await invokeModel(invocation, { models: { get: async () => model }, maxRows: 100 });
  return result.answer;
}

const json = (answer: { body: string }) => JSON.parse(answer.body);

describe('invokeModel', () => {
  it('answers a regression row per row from a float32 and a string tensor, NaN imputed by the graph', async () => {
    const answer = await invoke(housingModel(), '-122,,8,INLAND\n1.5,2,0.25,NEAR BAY\n', 'csv');
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(json(answer)).toEqual({
      predictions: [-122 + 800 + 2000, 1.5 + 20 + 25 + 3000],
      model: 'housing',
      version: '2026-01-01T00-00-00-000Z-aaaaaa',
    });
  });

  it('answers a regression in CSV, one line per row', async () => {
    const answer = await invoke(housingModel(), '{"instances": [[-122, 1, 8, "<1H OCEAN"]]}', 'json', 'csv');
    expect(answer).toEqual({ contentType: 'text/csv; charset=utf-8', body: `${-122 + 10 + 800 + 1000}\n` });
  });

  it('answers a classification with the label tensor and the votes as scores (digits)', async () => {
    const answer = await invoke(digitsModel(), '5,1,0,9\n0,0,2,0', 'csv');
    expect(json(answer).predictions).toEqual([
      { label: 0, scores: [5, 1, 0] },
      { label: 2, scores: [0, 0, 2] },
    ]);
  });

  it('answers a classification in CSV with the label only', async () => {
    expect((await invoke(digitsModel(), '5,1,0,9\n0,7,2,0', 'csv', 'csv')).body).toBe('0\n1\n');
  });

  it('answers a classification whose answer tensor is the scores with the best class (string classes, float64 input)', async () => {
    const answer = await invoke(irisModel(), '{"instances": [[1, 2], [3, -4], [-1, -1]]}', 'json');
    expect(json(answer).predictions).toEqual([
      { label: 'vir"ginica', scores: [1, 2, 3] },
      { label: 'setosa', scores: [3, -4, -1] },
      { label: 'setosa', scores: [-1, -1, -2] },
    ]);
  });

  it('quotes a CSV label that holds a comma or a quote (RFC 4180)', async () => {
    expect((await invoke(irisModel(), '0,1\n1,2', 'csv', 'csv')).body).toBe('"versi,color"\n"vir""ginica"\n');
  });

  it('answers a binary classification with the probability, as the shortest float32 decimal', async () => {
    const answer = await invoke(rainModel(), '0,0\n2,0\n', 'csv');
    expect(json(answer).predictions).toEqual([0.5, 0.8807971]);
    expect(Math.fround(json(answer).predictions[1])).toBe(Math.fround(1 / (1 + Math.exp(-2))));
  });

  it('answers nearest-neighbours with the k nearest catalog rows and their great-circle distances', async () => {
    const answer = await invoke(storesModel(), 'latitude,longitude\n39.153198,-77.066176\n', 'csv', 'json', { k: 2 });
    const [nearest] = json(answer).predictions;
    expect(nearest.map((s: { id: string }) => s.id)).toEqual(['GAI', 'DCA']);
    // nearest-store's reference answer for this query (README): GAI at 8.7697 km.
    expect(nearest[0]).toEqual({ ...STORES[0], distance_km: 8.7697 });
    expect(nearest[1]).toMatchObject({ id: 'DCA', extra: { state: 'VA' } });
  });

  it('answers 5 neighbours by default, or the whole catalog when it is smaller', async () => {
    const answer = await invoke(storesModel(), '{"instances": [{"latitude": 51.88, "longitude": 179.99}]}', 'json');
    expect(json(answer).predictions[0].map((s: { id: string }) => s.id)).toEqual(['ADK', 'GAI', 'DCA']);
  });

  it('answers nearest-neighbours in CSV as id,distance_km pairs, one line per row', async () => {
    const answer = await invoke(storesModel(), '39.153198,-77.066176\n51.88,179.99', 'csv', 'csv', { k: 1 });
    expect(answer.body).toMatch(/^GAI,8\.7697\nADK,\d+\.\d+\n$/);
  });

  it('refuses k for a model that is not nearest-neighbours, before reading the body', async () => {
    await expect(invoke(digitsModel(), 'not even csv "', 'csv', 'json', { k: 3 })).rejects.toThrow(
      'k applies to nearest-neighbours models only; digits is a classification model',
    );
  });
});
