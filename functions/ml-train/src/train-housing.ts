import { predictedVsActualSpec, type RegressionResults, residualsByDecileSpec } from '@serverless-ml/plots';
import { type ParsedHousing, parseHousingCsv } from './housing/housing-dataset';
import { trainHousingModel } from './housing/train-housing-model';
import type { PlotDraft } from './render-plots';
import type { HousingTrainRequest } from './schema';
import type { TrainDeps, TrainSummary } from './train-types';
import { runTrainer, type Trainer } from './trainer-pipeline';

const round = (x: number, digits = 6) => Number(x.toFixed(digits));
const rounded = (figures: Record<string, number>) =>
  Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, round(v)]));

/**
 * California housing regression as a trainer of the pipeline: rows with bad values are counted
 * and reported (never kept), the requested algorithm is trained on the fixed split, exported to
 * ONNX with its preprocessing inside the graph and evaluated with ONNX Runtime.
 */
export function housingTrainer(request: HousingTrainRequest): Trainer<ParsedHousing> {
  return {
    model: 'housing',
    datasetKind: 'a housing CSV',
    parse: (raw) => parseHousingCsv(Buffer.from(raw).toString('utf8')),
    describe: ({ rows, dataRows, invalid }) =>
      `${rows.count} valid rows of ${dataRows}; left out ${invalid.count} invalid` +
      (invalid.count ? ` (${invalid.examples.map((e) => `line ${e.line}: ${e.reason}`).join('; ')}…)` : ''),
    train: async (parsed, dataset, log) => {
      const trained = await trainHousingModel({
        rows: parsed.rows,
        algorithm: request.algorithm,
        hyperParameters: request.hyperParameters,
        seed: request.seed,
        log,
      });
      return {
        onnx: trained.onnx,
        metadata: {
          task: trained.task,
          algorithm: trained.algorithm,
          algorithmDescription: trained.algorithmDescription,
          hyperParameters: trained.hyperParameters,
          seed: trained.seed,
          input: trained.input,
          output: trained.output,
          metrics: rounded({ ...trained.metrics }),
          baselines: rounded(trained.baselines),
          dataset: {
            key: dataset.key,
            sha256: dataset.sha256,
            rows: parsed.dataRows,
            trainRows: trained.split.trainRows,
            testRows: trained.split.testRows,
            invalidRows: parsed.invalid.count,
            invalidExamples: parsed.invalid.examples,
          },
          split: { rule: 'data row i (0-based, header excluded) is a test row when i % 5 == 4', ...trained.split },
          trainingMs: round(trained.trainMs, 1),
          onnx: {
            maxAbsDiffVsTrainer: trained.onnxDrift.maxAbsDiff,
            maxRelDiffVsTrainer: trained.onnxDrift.maxRelDiff,
          },
        },
        plots: housingPlots({
          actual: trained.testTargets,
          predicted: trained.onnxPredictions,
          target: 'median house value (USD)',
        }),
        details: { invalidExamples: parsed.invalid.examples },
      };
    },
  };
}

/** The exported model's predictions on the test rows against what was observed. */
function housingPlots(results: RegressionResults): PlotDraft[] {
  return [
    { id: 'predicted-vs-actual', title: 'Predicted vs actual', spec: predictedVsActualSpec(results) },
    { id: 'residuals-by-decile', title: 'Residuals by decile of the prediction', spec: residualsByDecileSpec(results) },
  ];
}

/** Trains and publishes a housing model through the trainer pipeline. */
export function trainHousing(request: HousingTrainRequest, deps: TrainDeps): Promise<TrainSummary> {
  return runTrainer(housingTrainer(request), request, deps);
}
