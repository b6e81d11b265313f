// The JSON that sklearn/sklearn_reference.py prints, checked field by field. (zod is a dependency
// of the packages, not of the root workspace, so test/ cannot import it: hence this small reader.)

export const HOUSING_ALGORITHMS = ['linear', 'forest', 'gbm', 'mlp'] as const;
export type HousingAlgorithm = (typeof HOUSING_ALGORITHMS)[number];
export const RAIN_CLASSIFIERS = ['logreg', 'forest', 'gbm'] as const;
export type RainClassifier = (typeof RAIN_CLASSIFIERS)[number];

export interface SklearnRegressor {
  estimator: string;
  r2: number;
  rmse: number;
  mae: number;
  fit_ms: number;
  fit_runs: number;
  /** Best of 5. */
  predict4128_ms: number;
  single_p50_us: number;
  /** False when the fit stopped at max_iter (MLP). */
  converged: boolean;
}

export interface SklearnClassifier {
  estimator: string;
  auc: number;
  accuracy: number;
  brier: number;
  fit_ms: number;
}

/** scikit-learn's figures on the bench's datasets and splits, measured in this run. */
export interface SklearnFigures {
  versions: { sklearn: string; numpy: string; python: string };
  cpus: number;
  /** The thread variables the script set, and the thread pools (BLAS, OpenMP) as threadpoolctl saw them. */
  threads: Record<string, string>;
  threadpools: { api: string; threads: number }[];
  imports: { import_sklearn_ms: number; import_svc_ms: number; python_boot_ms: number };
  digits: {
    train_rows: number;
    test_rows: number;
    accuracy: number;
    correct: number;
    support_vectors: number;
    fit_ms: number;
    predict_all_ms: number;
    single_p50_us: number;
    /** Spawn python3 → unpickle the SVC → first prediction, median of 5. */
    cold_start_ms: number;
  };
  housing: {
    train_rows: number;
    test_rows: number;
    bedrooms_median: number;
    mean_baseline_rmse: number;
    test_std: number;
    models: Record<HousingAlgorithm, SklearnRegressor>;
  };
  /** Null when the bench could not give the rain feature matrices. */
  rain: {
    train_rows: number;
    test_rows: number;
    baseline_rows: number;
    baseline_always_dry_accuracy: number;
    baseline_persistence_accuracy: number;
    models: Record<RainClassifier, SklearnClassifier>;
  } | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a JSON object one field at a time; a missing or mistyped field throws with its path. */
class JsonReader {
  private constructor(
    private readonly value: Record<string, unknown>,
    private readonly path: string,
  ) {}

  static of(value: unknown, path: string): JsonReader {
    if (!isRecord(value)) throw new Error(`${path} is not an object: ${JSON.stringify(value)}`);
    return new JsonReader(value, path);
  }

  private wrong(key: string, what: string): Error {
    return new Error(`${this.path}.${key} is not ${what}: ${JSON.stringify(this.value[key])}`);
  }

  num(key: string): number {
    const v = this.value[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw this.wrong(key, 'a finite number');
    return v;
  }

  str(key: string): string {
    const v = this.value[key];
    if (typeof v !== 'string') throw this.wrong(key, 'a string');
    return v;
  }

  bool(key: string): boolean {
    const v = this.value[key];
    if (typeof v !== 'boolean') throw this.wrong(key, 'a boolean');
    return v;
  }

  obj(key: string): JsonReader {
    return JsonReader.of(this.value[key], `${this.path}.${key}`);
  }

  list(key: string): JsonReader[] {
    const v = this.value[key];
    if (!Array.isArray(v)) throw this.wrong(key, 'an array');
    return v.map((item, i) => JsonReader.of(item, `${this.path}.${key}[${i}]`));
  }

  isNull(key: string): boolean {
    return this.value[key] === null;
  }

  /** Every field as a string (a map of strings). */
  strings(): Record<string, string> {
    return Object.fromEntries(Object.keys(this.value).map((key) => [key, this.str(key)]));
  }

  // Object.fromEntries cannot carry the key type: the two casts below are safe by construction.
  /** The numeric fields `keys`, as an object of the same keys. */
  nums<K extends string>(keys: readonly K[]): Record<K, number> {
    return Object.fromEntries(keys.map((key) => [key, this.num(key)])) as Record<K, number>;
  }

  /** One object per name in `names`, each read by `read`. */
  each<K extends string, T>(names: readonly K[], read: (r: JsonReader) => T): Record<K, T> {
    return Object.fromEntries(names.map((name) => [name, read(this.obj(name))])) as Record<K, T>;
  }
}

const regressor = (r: JsonReader): SklearnRegressor => ({
  estimator: r.str('estimator'),
  ...r.nums(['r2', 'rmse', 'mae', 'fit_ms', 'fit_runs', 'predict4128_ms', 'single_p50_us']),
  converged: r.bool('converged'),
});

const classifier = (r: JsonReader): SklearnClassifier => ({
  estimator: r.str('estimator'),
  ...r.nums(['auc', 'accuracy', 'brier', 'fit_ms']),
});

function rainFigures(r: JsonReader): SklearnFigures['rain'] {
  if (r.isNull('rain')) return null;
  const rain = r.obj('rain');
  return {
    ...rain.nums([
      'train_rows',
      'test_rows',
      'baseline_rows',
      'baseline_always_dry_accuracy',
      'baseline_persistence_accuracy',
    ]),
    models: rain.obj('models').each(RAIN_CLASSIFIERS, classifier),
  };
}

/** Parses the script's stdout; throws naming the first field that is missing or of the wrong type. */
export function parseSklearnFigures(stdout: string): SklearnFigures {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch (error) {
    throw new Error(`sklearn_reference.py did not print JSON: ${stdout.slice(0, 200)}`, { cause: error });
  }
  const r = JsonReader.of(json, '$');
  const versions = r.obj('versions');
  const housing = r.obj('housing');
  return {
    versions: { sklearn: versions.str('sklearn'), numpy: versions.str('numpy'), python: versions.str('python') },
    cpus: r.num('cpus'),
    threads: r.obj('threads').strings(),
    threadpools: r.list('threadpools').map((p) => ({ api: p.str('api'), threads: p.num('threads') })),
    imports: r.obj('imports').nums(['import_sklearn_ms', 'import_svc_ms', 'python_boot_ms']),
    digits: r
      .obj('digits')
      .nums([
        'train_rows',
        'test_rows',
        'accuracy',
        'correct',
        'support_vectors',
        'fit_ms',
        'predict_all_ms',
        'single_p50_us',
        'cold_start_ms',
      ]),
    housing: {
      ...housing.nums(['train_rows', 'test_rows', 'bedrooms_median', 'mean_baseline_rmse', 'test_std']),
      models: housing.obj('models').each(HOUSING_ALGORITHMS, regressor),
    },
    rain: rainFigures(r),
  };
}
