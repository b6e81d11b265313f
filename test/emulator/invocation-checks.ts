import { type Check, runChecks, ZERO } from './http-checks';
import { StepError } from './step-runner';

/** data/housing.csv's first row without its target, median_house_value (452600). */
export const HOUSING_ROW = '-122.23,37.88,41.0,880.0,129.0,322.0,126.0,8.3252,NEAR BAY';
const HOUSING_RECORDED = 452_600;

export interface InvocationAnswer<P = unknown> {
  predictions: P[];
  model: string;
  version: string;
}

const answerOf =
  <P>(model: string, complaint: (prediction: P | undefined) => string | undefined) =>
  (b: Partial<InvocationAnswer<P>>) =>
    b.model !== model
      ? `expected model "${model}"`
      : complaint(b.predictions?.length === 1 ? b.predictions[0] : undefined);

/**
 * SageMaker's InvokeEndpoint route and health check, as `functions/invocations/README.md` documents
 * them. Every answer but `/ping` depends on the promoted version: compared across stacks only
 * when both serve the same one (the pod).
 */
export const INVOCATION_CHECKS: Check[] = [
  {
    name: 'housing, one CSV row',
    method: 'POST',
    path: '/endpoints/housing/invocations',
    headers: { 'content-type': 'text/csv' },
    body: HOUSING_ROW,
    status: 200,
    // A training row (i % 5 != 4): the model's r² is 0.84, so it lands near the recorded value.
    expect: answerOf<number>('housing', (p) =>
      typeof p === 'number' && Math.abs(p - HOUSING_RECORDED) < 0.25 * HOUSING_RECORDED
        ? undefined
        : `expected one price within 25% of the recorded ${HOUSING_RECORDED}`,
    ),
  },
  {
    name: 'digits, JSON instances',
    method: 'POST',
    path: '/endpoints/digits/invocations',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ instances: [ZERO] }),
    status: 200,
    expect: answerOf<{ label?: number }>('digits', (p) => (p?.label === 0 ? undefined : 'expected label 0')),
  },
  {
    name: 'the health check',
    method: 'GET',
    path: '/ping',
    status: 200,
    expect: (b: { status?: string }) => (b.status === 'ok' ? undefined : 'expected {"status":"ok"}'),
  },
  {
    name: 'housing, a row of 8 columns',
    method: 'POST',
    path: '/endpoints/housing/invocations',
    headers: { 'content-type': 'text/csv' },
    body: HOUSING_ROW.slice(0, HOUSING_ROW.lastIndexOf(',')),
    status: 400,
    expect: (b: { error?: { type?: string; message?: string } }) =>
      b.error?.type === 'ValidationError' && b.error.message?.startsWith('row 1 has 8 columns, expected 9: longitude,')
        ? undefined
        : 'expected a ValidationError naming the 9 columns',
  },
];

/**
 * The invocation checks against one API, each answered by the version ml-train just published
 * there; returns the housing answer (for the SDK to match).
 */
export async function checkInvocations(
  base: string,
  trained: Record<string, string>,
): Promise<InvocationAnswer<number>> {
  const answers = await runChecks(base, INVOCATION_CHECKS);
  const housing = answers.get('housing, one CSV row')?.body as InvocationAnswer<number>;
  const digits = answers.get('digits, JSON instances')?.body as InvocationAnswer;
  for (const { model, version } of [housing, digits]) {
    if (version !== trained[model]) {
      throw new StepError(
        `/endpoints/${model}/invocations answered from ${version}, ml-train published ${trained[model]}`,
      );
    }
  }
  return housing;
}
