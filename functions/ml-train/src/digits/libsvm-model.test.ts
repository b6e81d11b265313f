import { parseLibsvmModel } from './libsvm-model';

const MODEL = `svm_type c_svc
kernel_type rbf
gamma 0.5
nr_class 2
total_sv 2
rho 0.25
label 3 7
nr_sv 1 1
SV
0.75 1:1 3:2
-0.75 2:4
`;

describe('parseLibsvmModel', () => {
  it('reads sparse support vectors, coefficients and intercepts', () => {
    const m = parseLibsvmModel(MODEL, 3);
    expect(m).toMatchObject({ gamma: 0.5, labels: [3, 7], supportCounts: [1, 1] });
    expect(Array.from(m.supportVectors)).toEqual([1, 0, 2, 0, 4, 0]);
    expect(Array.from(m.dualCoef)).toEqual([0.75, -0.75]);
    expect(Array.from(m.rho)).toEqual([0.25]);
  });

  it('refuses a kernel it cannot export', () => {
    expect(() => parseLibsvmModel(MODEL.replace('rbf', 'polynomial'), 3)).toThrow(/only RBF/);
  });
});
