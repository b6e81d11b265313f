import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDigitsCsv } from '@serverless-ml/datasets';
import { parseLibsvmModel } from './libsvm-model';
import { trainSvc } from './train-svc';

describe('readModelFromHeap (through trainSvc)', () => {
  it("reads the same model libsvm's own text format describes, with full-precision intercepts", async () => {
    const digits = readDigitsCsv(readFileSync(path.join(__dirname, '../../../../data/digits.csv.gz')));
    const rows = Array.from({ length: 300 }, (_, i) => Array.from(digits.features.subarray(i * 64, (i + 1) * 64)));
    const svc = await trainSvc(rows, Array.from(digits.labels.subarray(0, 300)), { gamma: 0.001, C: 1, tol: 0.001 });
    const fromText = parseLibsvmModel(svc.serialized(), 64);
    svc.free();

    expect(svc.model.labels).toEqual(fromText.labels);
    expect(svc.model.supportCounts).toEqual(fromText.supportCounts);
    expect(svc.model.supportVectors).toEqual(fromText.supportVectors);
    // The text prints coefficients with 16 significant digits and rho with 6 ("%g"); the heap has all 17.
    for (const [k, coef] of svc.model.dualCoef.entries()) expect(coef).toBeCloseTo(fromText.dualCoef[k], 12);
    for (const [p, rho] of svc.model.rho.entries()) expect(rho).toBeCloseTo(fromText.rho[p], 5);
    expect(Array.from(svc.model.rho)).not.toEqual(Array.from(fromText.rho));
  });
});
