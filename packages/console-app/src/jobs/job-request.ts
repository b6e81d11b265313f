// The start-a-job form and the `POST /jobs` body it makes: only the fields the chosen model takes
// (the API answers 400 for one that does not apply), and nothing sent that is known to be malformed.

/** The models a job can train and which optional fields each takes (functions/training-pipeline/src/schema.ts). */
export const JOB_MODELS = {
  housing: { algorithm: true, seed: true, hyperParameters: true },
  digits: { algorithm: false, seed: false, hyperParameters: true },
  rain: { algorithm: false, seed: true, hyperParameters: false },
  stores: { algorithm: false, seed: false, hyperParameters: false },
} as const;
export type JobModel = keyof typeof JOB_MODELS;
export const JOB_MODEL_NAMES: readonly JobModel[] = ['housing', 'digits', 'rain', 'stores'];

/** A select's value as a model (anything else: the default, housing). */
export const asJobModel = (value: string): JobModel => JOB_MODEL_NAMES.find((m) => m === value) ?? 'housing';

/** Housing's algorithms (ml-train's HOUSING_ALGORITHMS); gbm is the API's default. */
export const HOUSING_ALGORITHMS = ['gbm', 'forest', 'linear', 'mlp'] as const;

/** An example of each model's hyper-parameters, shown as the textarea's placeholder. */
export const HYPER_PARAMETER_EXAMPLES: Record<string, string> = {
  digits: '{"gamma": 0.001, "C": 1}',
  gbm: '{"rounds": 200, "learningRate": 0.1}',
  forest: '{"trees": 100, "maxDepth": 12}',
  linear: '{"alpha": 1}',
  mlp: '{"hiddenLayers": [64, 32], "epochs": 100}',
};

/** The form as typed. */
export interface JobForm {
  model: JobModel;
  algorithm: string;
  seed: string;
  promote: 'if-better' | 'always';
  hyperParameters: string;
}

export const DEFAULT_JOB_FORM: JobForm = {
  model: 'housing',
  algorithm: 'gbm',
  seed: '',
  promote: 'if-better',
  hyperParameters: '',
};

/** A `POST /jobs` body, or the form field that is wrong and why. */
export type JobRequest =
  | { ok: true; body: Record<string, unknown> & { model: JobModel } }
  | { ok: false; field: 'seed' | 'hyperParameters'; message: string };

function parseHyperParameters(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'must be a JSON object, like {"learningRate": 0.05}';
  }
  return { ...value };
}

/** The body for the form: blanks left out, a seed that is a whole number, hyper-parameters that are a JSON object. */
export function buildJobRequest(form: JobForm): JobRequest {
  const takes = JOB_MODELS[form.model];
  const body: Record<string, unknown> & { model: JobModel } = { model: form.model, promote: form.promote };
  if (takes.algorithm && form.algorithm) body.algorithm = form.algorithm;
  const seed = form.seed.trim();
  if (takes.seed && seed !== '') {
    if (!/^-?\d+$/.test(seed) || !Number.isSafeInteger(Number(seed))) {
      return { ok: false, field: 'seed', message: 'Seed must be a whole number, like 42.' };
    }
    body.seed = Number(seed);
  }
  const text = form.hyperParameters.trim();
  if (takes.hyperParameters && text !== '') {
    const parsed = parseHyperParameters(text);
    if (typeof parsed === 'string')
      return { ok: false, field: 'hyperParameters', message: `Hyper-parameters: ${parsed}.` };
    body.hyperParameters = parsed;
  }
  return { ok: true, body };
}
