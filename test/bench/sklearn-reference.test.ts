import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_DIR } from './digits-data';
import { parseSklearnFigures } from './sklearn-figures';
import { measureSklearn, NO_SKLEARN, writeRainInputs } from './sklearn-reference';

const regressor = { estimator: 'X()', r2: 0.8, rmse: 5e4, mae: 3e4, fit_ms: 9, fit_runs: 1 };
const timing = { predict4128_ms: 1, single_p50_us: 50, converged: true };
const classifier = { estimator: 'Y()', auc: 0.75, accuracy: 0.73, brier: 0.18, fit_ms: 40 };

/** What sklearn_reference.py prints, trimmed to the fields the bench reads plus one it ignores. */
function scriptOutput() {
  return {
    versions: { sklearn: '1.2.1', numpy: '1.24.2', python: '3.11.2' },
    cpus: 2,
    threads: { OMP_NUM_THREADS: '1' },
    threadpools: [{ api: 'openmp', threads: 1 }],
    imports: { import_sklearn_ms: 900, import_svc_ms: 800, python_boot_ms: 30 },
    digits: {
      ...{ train_rows: 898, test_rows: 899, accuracy: 0.96885, correct: 871, support_vectors: 519 },
      ...{ fit_ms: 29.6, predict_all_ms: 36, single_p50_us: 100, cold_start_ms: 1300 },
    },
    housing: {
      ...{ train_rows: 16512, test_rows: 4128, bedrooms_median: 434, mean_baseline_rmse: 114930, test_std: 114924 },
      categories: ['INLAND'],
      models: Object.fromEntries(['linear', 'forest', 'gbm', 'mlp'].map((m) => [m, { ...regressor, ...timing }])),
    },
    rain: {
      ...{ train_rows: 2190, test_rows: 728, baseline_rows: 728 },
      ...{ baseline_always_dry_accuracy: 0.651, baseline_persistence_accuracy: 0.691 },
      models: { logreg: classifier, forest: classifier, gbm: classifier },
    },
  };
}

describe('parseSklearnFigures', () => {
  it('returns the figures the bench reads', () => {
    const figures = parseSklearnFigures(JSON.stringify(scriptOutput()));

    expect(figures.digits.fit_ms).toBe(29.6);
    expect(figures.housing.models.mlp.converged).toBe(true);
    expect(figures.rain?.models.gbm.auc).toBe(0.75);
    expect(figures.housing).not.toHaveProperty('categories');
  });

  it('accepts rain: null (no rain matrices given)', () => {
    const figures = parseSklearnFigures(JSON.stringify({ ...scriptOutput(), rain: null }));

    expect(figures.rain).toBeNull();
  });

  it('names the path of a field of the wrong type', () => {
    const output = JSON.stringify(scriptOutput()).replace('"r2":0.8', '"r2":"0.8"');

    expect(() => parseSklearnFigures(output)).toThrow('$.housing.models.linear.r2 is not a finite number: "0.8"');
  });

  it('names a missing model', () => {
    const output = scriptOutput();
    output.rain.models = { logreg: classifier, forest: classifier } as typeof output.rain.models;

    expect(() => parseSklearnFigures(JSON.stringify(output))).toThrow('$.rain.models.gbm is not an object');
  });

  it('rejects output that is not JSON, such as Python NaN', () => {
    expect(() => parseSklearnFigures('{"r2": NaN}')).toThrow('did not print JSON');
  });
});

describe('measureSklearn', () => {
  it('skips when the interpreter cannot import sklearn', async () => {
    await expect(measureSklearn({ python: '/bin/false' })).resolves.toEqual({ skipped: NO_SKLEARN });
  });

  it('skips when there is no such interpreter', async () => {
    await expect(measureSklearn({ python: '/nonexistent/python3' })).resolves.toEqual({ skipped: NO_SKLEARN });
  });
});

describe('writeRainInputs', () => {
  it("writes ml-train's split as 14 feature columns and the label, with weather.csv", () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rain-inputs-'));
    try {
      writeRainInputs(path.join(REPO_DIR, 'data'), folder);
      const test = readFileSync(path.join(folder, 'rain-test.csv'), 'utf8').trim().split('\n');

      expect(test[0].split(',')).toHaveLength(15);
      expect(test[0].endsWith(',label')).toBe(true);
      expect(test).toHaveLength(1 + 728);
      expect(test.slice(1).every((line) => /,[01]$/.test(line))).toBe(true);
      expect(readFileSync(path.join(folder, 'weather.csv'), 'utf8')).toMatch(/^location,date,/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
