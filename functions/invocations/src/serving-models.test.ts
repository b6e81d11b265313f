import { ModelNotReadyError, NotFoundError, UpstreamError } from '@serverless-ml/errors';
import { ModelStore } from '@serverless-ml/model-store';
import { mockBucket } from '../../../packages/model-store/src/mock-bucket.fixture';
import { modelCacheFactory, ServingModels } from './serving-models';
import { digitsModel, housingModel, STORES, storesModel, storeVersion } from './test-models.fixture';

const PINNED = '2025-06-01T00-00-00-000Z-bbbbbb';

describe('ServingModels', () => {
  let bucket: ReturnType<typeof mockBucket>;
  let models: ServingModels;
  let logged: string[];

  beforeEach(() => {
    bucket = mockBucket(100);
    logged = [];
    const log = (line: string) => logged.push(line);
    models = new ServingModels(new ModelStore(bucket.objectStore), modelCacheFactory(60_000, log), log);
  });
  afterEach(() => bucket.mock.restore());

  it('serves the promoted version of any model with its metadata', async () => {
    storeVersion(bucket.objects, digitsModel());
    storeVersion(bucket.objects, housingModel());
    const digits = await models.get('digits');
    const housing = await models.get('housing');
    expect(digits).toMatchObject({
      name: 'digits',
      version: digitsModel().version,
      metadata: { task: 'classification' },
    });
    expect(housing.metadata.input.tensors.map((t) => t.name)).toEqual(['numeric', 'ocean_proximity']);
    expect(digits.session.inputNames).toEqual(['input']);
  });

  it('keeps one model per container: the same object on the next request', async () => {
    storeVersion(bucket.objects, digitsModel());
    expect(await models.get('digits')).toBe(await models.get('digits'));
  });

  it('serves a pinned version next to the promoted one', async () => {
    storeVersion(bucket.objects, digitsModel());
    storeVersion(bucket.objects, digitsModel(PINNED), false);
    expect((await models.get('digits', PINNED)).version).toBe(PINNED);
    expect((await models.get('digits')).version).toBe(digitsModel().version);
  });

  it('pairs a nearest-neighbours version with its catalog', async () => {
    storeVersion(bucket.objects, storesModel());
    expect((await models.get('stores')).catalog).toEqual(STORES);
  });

  it('answers 404 for a model that does not exist, naming the ones that do', async () => {
    storeVersion(bucket.objects, digitsModel());
    storeVersion(bucket.objects, storesModel());
    const error = await models.get('housing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toHaveProperty('message', 'no model named "housing" (models: digits, stores)');
  });

  it('answers 404 for a version that does not exist', async () => {
    storeVersion(bucket.objects, digitsModel());
    await expect(models.get('digits', PINNED)).rejects.toThrow(NotFoundError);
    await expect(models.get('digits', PINNED)).rejects.toThrow(PINNED);
  });

  it('answers 503 for a model with versions but none promoted, saying how to promote one', async () => {
    storeVersion(bucket.objects, housingModel(), false);
    const error = await models.get('housing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelNotReadyError);
    expect(error).toHaveProperty(
      'message',
      `housing has 1 version(s) but none is promoted: promote one with \`pnpm ml models promote housing@${housingModel().version}\`, or pin one with version=…`,
    );
  });

  it('finds a model trained after a request for it was answered 404', async () => {
    await expect(models.get('digits')).rejects.toThrow(NotFoundError);
    storeVersion(bucket.objects, digitsModel());
    expect((await models.get('digits')).name).toBe('digits');
  });

  it('refuses (503) a version whose metadata does not describe its graph, naming why', async () => {
    const model = digitsModel();
    model.metadata.input.tensors[0].name = 'pixels';
    storeVersion(bucket.objects, model);
    const error = await models.get('digits').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toHaveProperty(
      'message',
      `digits@${model.version} cannot be served by the invocations endpoint: the graph has no input pixels`,
    );
  });

  it('refuses (503) a nearest-neighbours version whose catalog is not the one its metadata records', async () => {
    const model = storesModel();
    storeVersion(bucket.objects, model);
    bucket.objects.set(`models/stores/versions/${model.version}/stores.json`, new TextEncoder().encode('[]'));
    const error = await models.get('stores').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(String((error as Error).message)).toMatch(/^the promoted stores model cannot be served: .*stores\.json/);
  });

  it('refuses a model name that could leave its folder', async () => {
    await expect(models.get('../digits')).rejects.toThrow(/is not a model name/);
  });
});
