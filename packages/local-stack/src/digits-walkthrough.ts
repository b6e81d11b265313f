import type { LocalStack } from './local-stack';

interface TrainPayload {
  version: string;
  accuracy: number;
  correct: number;
  testRows: number;
  trainMs: number;
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

/** Trains digits through ml-train, predicts the test set through ml-predict and one image over HTTP. */
export async function runDigitsWalkthrough(stack: LocalStack, log: (line: string) => void): Promise<PredictPayload> {
  log('invoking ml-train (digits)…');
  const train = await stack.invoke<TrainPayload>('ml-train', { model: 'digits' });
  if (train.functionError) fail('ml-train', train.payload);
  log(`trained digits@${train.payload.version} in ${train.payload.trainMs.toFixed(0)} ms`);
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

/** How to reach the running stack, for people. */
export function usage(stack: LocalStack): string {
  const fn = (name: string) => `${stack.settings.service}-${stack.settings.stage}-${name}`;
  return [
    'The embedded stack is up:',
    `  API Gateway   ${stack.httpUrl}   (POST /digits/predict)`,
    `  Lambda API    ${stack.lambdaEndpoint}   (functions ${fn('ml-train')}, ${fn('ml-predict')})`,
    `  S3 (s3rver)   ${stack.s3Endpoint}   (buckets ${stack.buckets.data}, ${stack.buckets.models}; key/secret S3RVER)`,
    '',
    'Try:',
    `  curl -s -X POST ${stack.httpUrl}/digits/predict -H 'content-type: application/json' \\`,
    `    -d '{"images": [[${SAMPLE_ZERO.join(',')}]]}'`,
    `  aws lambda invoke --endpoint-url ${stack.lambdaEndpoint} --function-name ${fn('ml-predict')} /dev/stdout`,
    '  pnpm sls invoke local -f ml-predict',
    '',
    `Ctrl-C stops it; the S3 data stays in ${stack.settings.dataDir}`,
  ].join('\n');
}
