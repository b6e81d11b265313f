import type { LocalStack } from './local-stack';
import type { StartOptions } from './start-options';
import {
  describePlan,
  type PromotedVersions,
  planTraining,
  readPromotedVersions,
  START_MODELS,
} from './start-training';

/** What ml-train answers, the same for every model. */
interface TrainSummary {
  version: string;
  algorithm: string;
  metrics: Record<string, number>;
  baselines: Record<string, number>;
  trainMs: number;
}

const figures = (values: Record<string, number>, max: number) =>
  Object.entries(values)
    .slice(0, max)
    .map(([k, v]) => `${k} ${Number(v.toFixed(4))}`)
    .join(', ');

/** `gbm: r2 0.84, rmse 47000, … (baselines: predict_mean_r2 0, …)`. */
export function describeTraining(summary: Pick<TrainSummary, 'algorithm' | 'metrics' | 'baselines'>): string {
  const baselines = Object.keys(summary.baselines).length ? ` (baselines: ${figures(summary.baselines, 3)})` : '';
  return `${summary.algorithm}: ${figures(summary.metrics, 3)}${baselines}`;
}
interface PredictPayload {
  accuracy: number;
  correct: number;
  total: number;
  predictions: number[];
}

/** A zero drawn as 8×8 pixels (0..16): a sample request for curl. */
export const SAMPLE_ZERO = [
  0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0, 0, 5, 8, 0, 0,
  9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0,
];

function fail(what: string, payload: unknown): never {
  throw new Error(`${what} failed: ${JSON.stringify(payload)}`);
}

/** Trains digits through ml-train (unless `train` is false), predicts the test set and one image over HTTP. */
export async function runDigitsWalkthrough(
  stack: LocalStack,
  log: (line: string) => void,
  train = true,
): Promise<PredictPayload> {
  if (train) {
    log('invoking ml-train (digits)…');
    const trained = await stack.invoke<TrainSummary>('ml-train', { model: 'digits' });
    if (trained.functionError) fail('ml-train', trained.payload);
    log(`trained digits@${trained.payload.version} in ${trained.payload.trainMs.toFixed(0)} ms`);
  }
  log('invoking ml-predict on the stored test set…');
  const predict = await stack.invoke<PredictPayload>('ml-predict', {});
  if (predict.functionError) fail('ml-predict', predict.payload);
  const { accuracy, correct, total, predictions } = predict.payload;
  log(`--> prediction result: [${predictions.slice(0, 18).join(' ')} ...]`);
  log(`accuracy ${accuracy.toFixed(4)} (${correct}/${total})`);
  const res = await fetch(`${stack.httpUrl}/digits/predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ images: [SAMPLE_ZERO] }),
  });
  const body = (await res.json()) as { predictions?: { label: number }[] };
  if (res.status !== 200 || body.predictions?.[0]?.label === undefined) fail('POST /digits/predict', body);
  log(`POST /digits/predict with a drawn zero → label ${body.predictions[0].label}`);
  return predict.payload;
}

interface RainForecast {
  probability: number;
  place: { name: string; country: string };
  actual?: { date: string; rained: boolean };
}
interface NearestStores {
  stores: { id: string; name: string; distance_km: number }[];
}

async function getJson<T>(url: string, what: string): Promise<T> {
  const res = await fetch(url);
  const body = (await res.json()) as T;
  if (res.status !== 200) fail(what, body);
  return body;
}

/** Trains the rain and stores models through ml-train (unless told which to skip) and asks both HTTP APIs once. */
export async function runApisWalkthrough(
  stack: LocalStack,
  log: (line: string) => void,
  skipTraining: readonly string[] = [],
): Promise<void> {
  for (const model of (['rain', 'stores', 'housing'] as const).filter((m) => !skipTraining.includes(m))) {
    log(`invoking ml-train (${model})…`);
    const train = await stack.invoke<TrainSummary>('ml-train', { model });
    if (train.functionError) fail(`ml-train ${model}`, train.payload);
    log(`trained ${model}@${train.payload.version}: ${describeTraining(train.payload)}`);
  }
  const rain = await getJson<RainForecast>(`${stack.httpUrl}${RAIN_EXAMPLE}`, 'GET /rain-forecast');
  const actual = rain.actual ? ` (it ${rain.actual.rained ? 'did' : 'did not'} rain on ${rain.actual.date})` : '';
  log(
    `GET /rain-forecast for ${rain.place.name}, ${rain.place.country} → P(rain tomorrow) ${rain.probability.toFixed(2)}${actual}`,
  );
  const near = await getJson<NearestStores>(`${stack.httpUrl}${STORES_EXAMPLE}`, 'GET /stores/nearest');
  const list = near.stores.map((s) => `${s.id} ${s.distance_km.toFixed(1)} km`).join(', ');
  log(`GET /stores/nearest → ${list}`);
  await runInvocationsWalkthrough(stack, log);
}

/** A California block group as in data/housing.csv (its first row), without the target. */
export const HOUSING_EXAMPLE_CSV = '-122.23,37.88,41.0,880.0,129.0,322.0,126.0,8.3252,NEAR BAY';

/** Calls the SageMaker-compatible invocations route for housing (CSV) and digits (JSON). */
export async function runInvocationsWalkthrough(stack: LocalStack, log: (line: string) => void): Promise<void> {
  const invoke = async (model: string, contentType: string, body: string) => {
    const res = await fetch(`${stack.httpUrl}/endpoints/${model}/invocations`, {
      method: 'POST',
      headers: { 'content-type': contentType, accept: 'application/json' },
      body,
    });
    const answer = (await res.json()) as { predictions?: unknown[]; version?: string };
    if (res.status !== 200 || !Array.isArray(answer.predictions)) fail(`POST /endpoints/${model}/invocations`, answer);
    return answer as { predictions: unknown[]; version?: string };
  };
  const housing = await invoke('housing', 'text/csv', HOUSING_EXAMPLE_CSV);
  const value = Number(housing.predictions[0]);
  log(
    `POST /endpoints/housing/invocations (text/csv, a Berkeley block group) → ${Math.round(value)} USD (it was 452600)`,
  );
  const digits = await invoke('digits', 'application/json', JSON.stringify({ instances: [SAMPLE_ZERO] }));
  const first = digits.predictions[0] as { label?: number } | number;
  log(
    `POST /endpoints/digits/invocations (application/json, a drawn zero) → label ${typeof first === 'number' ? first : first.label}`,
  );
}

/**
 * `pnpm start`: trains only the models with no promoted version (every one with `retrain`), so a
 * restart serves what the user trained or promoted; then predicts and asks both APIs once.
 */
export async function runStartWalkthrough(
  stack: LocalStack,
  log: (line: string) => void,
  options: StartOptions,
  readPromoted: (stack: LocalStack, log: (line: string) => void) => Promise<PromotedVersions> = readPromotedVersions,
): Promise<void> {
  const plan = planTraining(await readPromoted(stack, log), options.retrain);
  for (const line of describePlan(plan, options.retrain)) log(line);
  try {
    await runDigitsWalkthrough(stack, log, plan.train.includes('digits'));
    await runApisWalkthrough(
      stack,
      log,
      START_MODELS.filter((model) => !plan.train.includes(model)),
    );
  } catch (error) {
    if (plan.kept.length === 0) throw error;
    // A kept version may be broken or missing its files: say how to get fresh ones.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message} (with the promoted versions kept: pnpm start --retrain trains new ones from data/)`, {
      cause: error,
    });
  }
}

export const RAIN_EXAMPLE = '/rain-forecast?city=Seattle&date=2015-03-01';
export const STORES_EXAMPLE = '/stores/nearest?lat=39.153198&long=-77.066176&k=3';

/** How to reach the running stack, for people. */
export function usage(stack: LocalStack): string {
  const fn = (name: string) => `${stack.settings.service}-${stack.settings.stage}-${name}`;
  return [
    'The embedded stack is up:',
    `  Console        ${stack.httpUrl}/   (draw a digit, models and their plots, rain, stores, the API reference)`,
    `  API Gateway    ${stack.httpUrl}   (POST /digits/predict, GET /rain-forecast, GET /stores/nearest, GET /models, POST /endpoints/{name}/invocations, POST /jobs, POST /batch)`,
    `  Lambda API     ${stack.lambdaEndpoint}   (functions ${fn('ml-train')}, ${fn('ml-predict')}, …)`,
    `  Step Functions ${stack.stepFunctionsEndpoint}   (state machines ${fn('training')}, ${fn('batch-scoring')}; run in this process)`,
    `  S3 (s3rver)    ${stack.s3Endpoint}   (buckets ${stack.buckets.data}, ${stack.buckets.models}; key/secret S3RVER)`,
    '',
    'Try:',
    `  curl -s -X POST ${stack.httpUrl}/digits/predict -H 'content-type: application/json' \\`,
    `    -d '{"images": [[${SAMPLE_ZERO.join(',')}]]}'`,
    `  curl -s '${stack.httpUrl}${RAIN_EXAMPLE}'`,
    `  curl -s '${stack.httpUrl}/rain-forecast?city=Paris&country=FR&precipitation=3&temp_max=18&temp_min=9&wind=4'`,
    `  curl -s '${stack.httpUrl}${STORES_EXAMPLE}'`,
    `  curl -s -X POST ${stack.httpUrl}/endpoints/housing/invocations -H 'content-type: text/csv' \\`,
    `    --data-binary '${HOUSING_EXAMPLE_CSV}'`,
    `  curl -s ${stack.httpUrl}/models/digits`,
    '  pnpm ml models list',
    '  pnpm ml jobs start housing --algorithm forest --wait',
    `  curl -s -X POST ${stack.httpUrl}/jobs -d '{"model": "housing", "algorithm": "mlp"}'   # then GET the statusUrl`,
    '  pnpm pod save demo   # then later: AUTO_LOAD_POD=demo pnpm start',
    `  aws lambda invoke --endpoint-url ${stack.lambdaEndpoint} --function-name ${fn('ml-predict')} /dev/stdout`,
    '  pnpm sls invoke local -f ml-predict',
    '',
    `Ctrl-C stops it; the S3 data stays in ${stack.settings.dataDir}`,
  ].join('\n');
}
