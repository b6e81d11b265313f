import { encodeNpy, readDigitsCsv } from '@serverless-ml/datasets';
import { confusionMatrixSpec } from '@serverless-ml/plots';
import type { DigitsTrainRequest } from '../schema';
import type { TrainDeps, TrainSummary } from '../train-types';
import { type LoadedDataset, runTrainer, type TrainedModel, type Trainer } from '../trainer-pipeline';
import { classificationReport } from './classification-metrics';
import { predictWithOnnx } from './evaluate-onnx';
import { exportSvcToOnnx } from './export-svc-onnx';
import { trainSvc } from './train-svc';

const rowsOf = (features: Float64Array, f: number, from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => Array.from(features.subarray((from + i) * f, (from + i + 1) * f)));

type DigitsData = ReturnType<typeof readDigitsCsv>;

/**
 * The LocalStack tutorial's job in TypeScript: `SVC(gamma=0.001)` on the first half of the
 * digits (no shuffle), tested on the second half, saved to S3 as ONNX with its test set.
 */
export function digitsTrainer(request: DigitsTrainRequest): Trainer<DigitsData> {
  return {
    model: 'digits',
    datasetKind: 'a digits CSV',
    parse: (raw) => readDigitsCsv(raw),
    describe: (data) => `${data.rows} images of ${data.featureCount} pixels`,
    train: (data, dataset, log) => trainDigitsModel(data, dataset, request.hyperParameters, log),
  };
}

/** Trains and publishes digits through the trainer pipeline. */
export function trainDigits(request: DigitsTrainRequest, deps: TrainDeps): Promise<TrainSummary> {
  return runTrainer(digitsTrainer(request), request, deps);
}

async function trainDigitsModel(
  data: DigitsData,
  dataset: LoadedDataset,
  hyperParameters: DigitsTrainRequest['hyperParameters'],
  log: (message: string) => void,
): Promise<TrainedModel> {
  const f = data.featureCount;
  const trainRows = Math.floor(data.rows / 2); // train_test_split(test_size=0.5, shuffle=False)
  const testRows = data.rows - trainRows;
  const labels = Array.from(data.labels);

  log(`[train] RBF SVC (gamma=${hyperParameters.gamma}, C=${hyperParameters.C}) on ${trainRows} rows`);
  const started = performance.now();
  const svc = await trainSvc(rowsOf(data.features, f, 0, trainRows), labels.slice(0, trainRows), hyperParameters);
  const trainMs = performance.now() - started;
  const testFeatures = data.features.subarray(trainRows * f);
  const testLabels = labels.slice(trainRows);
  const trainerPredictions = svc.predict(rowsOf(data.features, f, trainRows, data.rows));
  svc.free();

  log(`[export] ONNX (${svc.model.supportCounts.reduce((a, b) => a + b, 0)} support vectors)`);
  const onnx = exportSvcToOnnx(svc.model, { task: 'digits', gamma: String(svc.model.gamma) });

  log(`[evaluate] the ONNX model on ${testRows} test rows`);
  const predicted = await predictWithOnnx(onnx, testFeatures, f);
  const report = classificationReport(testLabels, predicted);
  const onnxAgreement = predicted.filter((p, i) => p === trainerPredictions[i]).length / testRows;
  log(`accuracy ${report.accuracy.toFixed(4)} (${report.correct}/${testRows}), agreement with libsvm ${onnxAgreement}`);

  const { perClass, confusionMatrix, labels: reportLabels, ...headline } = report;
  const pixels = Array.from({ length: f }, (_, i) => `pixel_${i}`);
  const trainCounts = new Map<number, number>();
  for (const label of labels.slice(0, trainRows)) trainCounts.set(label, (trainCounts.get(label) ?? 0) + 1);
  const majority = [...trainCounts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  return {
    onnx,
    metadata: {
      task: 'classification',
      algorithm: 'svc',
      algorithmDescription: 'SVC (libsvm C-SVC, RBF kernel, one-vs-one)',
      hyperParameters,
      // libsvm draws random numbers only for probability estimates and cross-validation (neither
      // is used) and the split does not shuffle: the data order alone fixes the model.
      seed: null,
      input: {
        features: pixels.map((name) => ({ name, type: 'number' as const, description: 'ink in a 4×4 block, 0..16' })),
        tensors: [{ name: 'input', type: 'float32', features: pixels }],
      },
      output: { tensor: 'label', name: 'label', classes: svc.model.labels },
      metrics: { ...headline, onnxAgreementWithTrainer: onnxAgreement },
      baselines: { majority_class_accuracy: testLabels.filter((l) => l === majority).length / testRows },
      classificationReport: { perClass, confusionMatrix, labels: reportLabels },
      dataset: { key: dataset.key, sha256: dataset.sha256, rows: data.rows, trainRows, testRows, features: f },
      split: { trainRows, testRows, shuffle: false },
      trainingMs: Math.round(trainMs * 10) / 10,
      onnx: {
        inputs: { input: ['N', f] },
        outputs: { label: ['N'], votes: ['N', svc.model.labels.length] },
      },
    },
    plots: [
      {
        id: 'confusion-matrix',
        title: 'Confusion matrix on the test images',
        spec: confusionMatrixSpec({ classes: reportLabels, matrix: confusionMatrix }),
      },
    ],
    artifacts: [
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
    ],
  };
}
