import { ModelStore } from '@serverless-ml/model-store';
import { publishFixture } from '@serverless-ml/model-store/testing';
import { mockBucket } from '../../model-store/src/mock-bucket.fixture';
import { describePlan, planTraining, readPromotedVersions } from './start-training';

describe('planTraining', () => {
  it('keeps every model that has a promoted version and trains the others', () => {
    const plan = planTraining({ digits: 'v-user', stores: 'v-promoted' }, false);
    expect(plan).toEqual({
      train: ['rain', 'housing'],
      kept: [
        { model: 'digits', version: 'v-user' },
        { model: 'stores', version: 'v-promoted' },
      ],
    });
    expect(describePlan(plan, false)).toEqual([
      'keeping the promoted digits@v-user, stores@v-promoted (pnpm start --retrain trains new versions from data/)',
      'training rain, housing: no promoted version yet',
    ]);
  });

  it('trains everything on a fresh stack', () => {
    expect(planTraining({}, false)).toEqual({ train: ['digits', 'rain', 'stores', 'housing'], kept: [] });
  });

  it('trains everything when retraining is forced, promoted versions or not', () => {
    const plan = planTraining({ digits: 'v1', rain: 'v2', stores: 'v3', housing: 'v4' }, true);
    expect(plan).toEqual({ train: ['digits', 'rain', 'stores', 'housing'], kept: [] });
    expect(describePlan(plan, true)).toEqual([
      'retraining digits, rain, stores, housing from data/ (--retrain / RETRAIN=1)',
    ]);
  });
});

describe('readPromotedVersions', () => {
  const bucket = mockBucket();
  afterAll(() => bucket.mock.restore());

  it("reads each model's latest.json from the stack's model bucket, keeping only versions that verify", async () => {
    const store = new ModelStore(bucket.objectStore);
    const rain = await publishFixture(store, 'rain', 'rain-model', 1);
    const digits = await publishFixture(store, 'digits', 'digits-model', 2);
    bucket.objects.set(`models/digits/versions/${digits}/model.onnx`, new TextEncoder().encode('tampered'));
    const stack = { s3Endpoint: 'http://127.0.0.1:4750', buckets: { data: 'd', models: 'm' } };
    const log = jest.fn();
    await expect(readPromotedVersions(stack, log)).resolves.toEqual({ rain });
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(
        new RegExp(`cannot serve the promoted digits: refusing digits@${digits}: .*training it again`),
      ),
    );
  });
});
