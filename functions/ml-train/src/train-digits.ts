import { encodeNpy, readDigitsCsv, sha256Hex } from '@serverless-ml/datasets';
import { NotFoundError, ValidationError } from '@serverless-ml/errors';
import type { MetadataDraft } from '@serverless-ml/model-store/contract';
import { classificationReport } from './classification-metrics';
import { predictWithOnnx } from './evaluate-onnx';
import { exportSvcToOnnx } from './export-svc-onnx';
import type { DigitsTrainRequest } from './schema';
import { trainSvc } from './train-svc';
import type { TrainDeps } from './train-types';

export interface TrainResult {
  model: string;
  version: string;
  accuracy: number;
  correct: number;
  testRows: number;
  trainRows: number;
  trainMs: number;
  onnxAgreement: number;
  keys: string[];
}

const rowsOf = (features: Float64Array, f: number, from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => Array.from(features.subarray((from + i) * f, (from + i + 1) * f)));

/**
 * The LocalStack tutorial's job in TypeScript: `SVC(gamma=0.001)` on the first half of the
 * digits (no shuffle), tested on the second half, saved to S3 as ONNX with its test set.
 */
export async function trainDigits(request: DigitsTrainRequest, deps: TrainDeps): Promise<TrainResult> {
  const { log } = deps;
  const source = `s3://${deps.data.bucket}/${request.datasetKey}`;
  log(`[1/5] loading ${source}`);
  const raw = await deps.data.get(request.datasetKey);
  if (!raw)
    throw new NotFoundError(`dataset ${source} not found: upload data/ to the data bucket first (pnpm start does)`);
  let data: ReturnType<typeof readDigitsCsv>;
  try {
    data = readDigitsCsv(raw);
  } catch (error) {
    throw new ValidationError(`dataset ${source} is not a digits CSV: ${(error as Error).message}`, undefined, error);
  }
  const f = data.featureCount;
  const trainRows = Math.floor(data.rows / 2); // train_test_split(test_size=0.5, shuffle=False)
  const testRows = data.rows - trainRows;
  const labels = Array.from(data.labels);

  log(
    `[2/5] training RBF SVC (gamma=${request.hyperParameters.gamma}, C=${request.hyperParameters.C}) on ${trainRows} rows`,
  );
  const started = performance.now();
  const svc = await trainSvc(
    rowsOf(data.features, f, 0, trainRows),
    labels.slice(0, trainRows),
    request.hyperParameters,
  );
  const trainMs = performance.now() - started;
  const testFeatures = data.features.subarray(trainRows * f);
  const testLabels = labels.slice(trainRows);
  const trainerPredictions = svc.predict(rowsOf(data.features, f, trainRows, data.rows));
  svc.free();

  log(`[3/5] exporting to ONNX (${svc.model.supportCounts.reduce((a, b) => a + b, 0)} support vectors)`);
  const onnx = exportSvcToOnnx(svc.model, { task: 'digits', gamma: String(svc.model.gamma) });

  log(`[4/5] evaluating the ONNX model on ${testRows} test rows`);
  const predicted = await predictWithOnnx(onnx, testFeatures, f);
  const report = classificationReport(testLabels, predicted);
  const onnxAgreement = predicted.filter((p, i) => p === trainerPredictions[i]).length / testRows;

  const { perClass, confusionMatrix, labels: reportLabels, ...headline } = report;
  const pixels = Array.from({ length: f }, (_, i) => `pixel_${i}`);
  const trainCounts = new Map<number, number>();
  for (const label of labels.slice(0, trainRows)) trainCounts.set(label, (trainCounts.get(label) ?? 0) + 1);
  const majority = [...trainCounts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  const metadata: MetadataDraft = {
    model: 'digits',
    task: 'classification',
    algorithm: 'svc',
    algorithmDescription: 'SVC (libsvm C-SVC, RBF kernel, one-vs-one)',
    hyperParameters: request.hyperParameters,
    // libsvm draws random numbers only for probability estimates and cross-validation (neither
    // is used) and the split does not shuffle: the data order alone fixes the model.
    seed: null,
    input: {
      features: pixels.map((name) => ({ name, type: 'number' as const, description: 'ink in an 4×4 block, 0..16' })),
      tensors: [{ name: 'input', type: 'float32', features: pixels }],
    },
    output: { tensor: 'label', name: 'label', classes: svc.model.labels },
    metrics: { ...headline, onnxAgreementWithTrainer: onnxAgreement },
    baselines: {
      majority_class_accuracy: testLabels.filter((l) => l === majority).length / testRows,
    },
    classificationReport: { perClass, confusionMatrix, labels: reportLabels },
    trainEvent: { model: 'digits', datasetKey: request.datasetKey, hyperParameters: request.hyperParameters },
    dataset: { key: request.datasetKey, sha256: sha256Hex(raw), rows: data.rows, trainRows, testRows, features: f },
    split: { trainRows, testRows, shuffle: false },
    trainingMs: Math.round(trainMs * 10) / 10,
    onnx: {
      inputs: { input: ['N', f] },
      outputs: { label: ['N'], votes: ['N', svc.model.labels.length] },
    },
    codeVersion: deps.provenance.codeVersion,
    versions: deps.provenance.versions,
  };

  log(
    `[5/5] writing model, test set and metadata (accuracy ${report.accuracy.toFixed(4)}, ${report.correct}/${testRows})`,
  );
  const { pointer, keys } = await deps.models.publish('digits', [
    { name: 'model.onnx', body: onnx, contentType: 'application/octet-stream' },
    {
      name: 'test-set.npy',
      body: encodeNpy({ dtype: '<f8', shape: [testRows, f], data: testFeatures.slice() }),
      contentType: 'application/octet-stream',
    },
    {
      name: 'test-labels.npy',
      body: encodeNpy({ dtype: '<i8', shape: [testRows], data: BigInt64Array.from(testLabels, BigInt) }),
      contentType: 'application/octet-stream',
    },
    { name: 'metadata.json', body: JSON.stringify(metadata, null, 2), contentType: 'application/json' },
  ]);
  log(`model digits@${pointer.version} is now latest`);
  return {
    model: 'digits',
    version: pointer.version,
    accuracy: report.accuracy,
    correct: report.correct,
    testRows,
    trainRows,
    trainMs,
    onnxAgreement,
    keys,
  };
}
