import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDigitsCsv } from '@serverless-ml/datasets';
import { predictWithOnnx } from './evaluate-onnx';
import { exportSvcToOnnx } from './export-svc-onnx';
import { trainSvc } from './train-svc';

const digits = readDigitsCsv(readFileSync(path.join(__dirname, '../../../../data/digits.csv.gz')));
const rows = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) =>
    Array.from(digits.features.subarray((from + i) * 64, (from + i + 1) * 64)),
  );

describe('exportSvcToOnnx', () => {
  it('gives the same label as libsvm on all 899 test digits, and 871 correct', async () => {
    const svc = await trainSvc(rows(0, 898), Array.from(digits.labels.subarray(0, 898)), {
      gamma: 0.001,
      C: 1,
      tol: 0.001,
    });
    const expected = svc.predict(rows(898, 1797));
    svc.free();

    const onnx = exportSvcToOnnx(svc.model);
    const got = await predictWithOnnx(onnx, digits.features.subarray(898 * 64), 64);

    expect(got).toEqual(expected);
    expect(got.filter((label, i) => label === digits.labels[898 + i]).length).toBe(871);
  });

  it('breaks vote ties towards the first class, as libsvm does', async () => {
    // Three classes; intercepts alone decide: 5 beats 6, 7 beats 5, 6 beats 7 → one vote each.
    const model = {
      gamma: 1,
      labels: [5, 6, 7],
      supportCounts: [1, 1, 1],
      supportVectors: new Float64Array([0, 0, 0]),
      featureCount: 1,
      dualCoef: new Float64Array(6),
      rho: new Float64Array([-1, 1, -1]),
    };
    const [label] = await predictWithOnnx(exportSvcToOnnx(model), new Float64Array([0]), 1);
    expect(label).toBe(5);
  });
});
