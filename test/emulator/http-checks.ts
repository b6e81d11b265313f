import { MODELS } from '../../functions/ml-train/src/schema';
import { StepError } from './step-runner';

export interface HttpAnswer {
  status: number;
  body: unknown;
}

export interface Check {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Request headers; a body without them is sent as `application/json`. */
  headers?: Record<string, string>;
  status: number;
  /** Besides the status: what the body must show (returns a complaint, or undefined). */
  expect?: (body: never) => string | undefined;
}

export const ZERO = [
  0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0, 0, 5, 8, 0, 0,
  9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0,
];
const errorType = (type: string) => (body: { error?: { type?: string } }) =>
  body.error?.type === type ? undefined : `expected an error of type ${type}`;

/** The routes' answers and their 4xx, as the embedded stack's end-to-end tests check them. */
export const HTTP_CHECKS: Check[] = [
  {
    name: 'a drawn zero',
    method: 'POST',
    path: '/digits/predict',
    body: JSON.stringify({ images: [ZERO] }),
    status: 200,
    expect: (b: { predictions?: { label: number }[] }) =>
      b.predictions?.[0]?.label === 0 ? undefined : 'expected label 0',
  },
  {
    name: 'the nearest stores',
    method: 'GET',
    path: '/stores/nearest?lat=39.153198&long=-77.066176&k=3',
    status: 200,
    expect: (b: { stores?: { id: string }[] }) =>
      b.stores?.map((s) => s.id).join(',') === 'GAI,CGS,FME' ? undefined : 'expected GAI, CGS, FME',
  },
  {
    name: 'a recorded Seattle day',
    method: 'GET',
    path: '/rain-forecast?city=Seattle&date=2015-03-01',
    status: 200,
    expect: (b: { probability?: number; rainTomorrow?: boolean }) =>
      b.probability !== undefined && Math.abs(b.probability - 0.44) < 0.01 && b.rainTomorrow === false
        ? undefined
        : 'expected P(rain) 0.44, no rain on 2015-03-02',
  },
  {
    name: 'the registry',
    method: 'GET',
    path: '/models',
    status: 200,
    expect: (b: { models?: { name: string; promoted?: string }[] }) =>
      b.models?.map((m) => m.name).join(',') === [...MODELS].sort().join(',') && b.models.every((m) => m.promoted)
        ? undefined
        : `expected ${[...MODELS].sort().join(', ')}, each promoted`,
  },
  { name: 'one model', method: 'GET', path: '/models/digits', status: 200 },
  {
    name: 'a 1-pixel image',
    method: 'POST',
    path: '/digits/predict',
    body: '{"images":[[1]]}',
    status: 400,
    expect: errorType('ValidationError'),
  },
  { name: 'malformed JSON', method: 'POST', path: '/digits/predict', body: 'nope', status: 400 },
  {
    name: 'a JSON string body',
    method: 'POST',
    path: '/digits/predict',
    body: '"abc"',
    status: 400,
    expect: (b: { error?: { message?: string } }) =>
      b.error?.message === 'request body must be a JSON object, got a string'
        ? undefined
        : "expected the README's message",
  },
  { name: 'lat=1e999', method: 'GET', path: '/stores/nearest?lat=1e999&long=1', status: 400 },
  { name: 'an unknown parameter', method: 'GET', path: '/stores/nearest?latitude=1', status: 400 },
  { name: 'a control character', method: 'GET', path: '/rain-forecast?city=Seattle%00', status: 400 },
  {
    name: 'an unknown city',
    method: 'GET',
    path: '/rain-forecast?city=Nowhereville',
    status: 404,
    expect: errorType('NotFoundError'),
  },
  { name: 'an unknown model', method: 'GET', path: '/models/nope', status: 404, expect: errorType('NotFoundError') },
];

/**
 * A route the API does not have. MiniStack answers it as API Gateway does, before any function:
 * `404 {"message":"Not Found"}` (ministack/services/apigateway.py `_http_api_not_found`); the
 * embedded stack answers `{"error":{"type":"NotFoundError",…}}` (patched serverless-offline).
 */
export const UNKNOWN_ROUTE = { path: '/nope', status: 404, body: { message: 'Not Found' } };

export async function ask(
  base: string,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = body ? { 'content-type': 'application/json' } : {},
): Promise<HttpAnswer> {
  const res = await fetch(`${base}${path}`, {
    method,
    body,
    headers,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: compared as text
  }
  return { status: res.status, body: parsed };
}

/** Asks each check of one API: the answers by check name and a complaint per check that failed. */
async function askAll(base: string, checks: Check[]) {
  const answers = new Map<string, HttpAnswer>();
  const problems: string[] = [];
  for (const check of checks) {
    const answer = await ask(base, check.method, check.path, check.body, check.headers);
    answers.set(check.name, answer);
    const { status, body } = answer;
    const complaint =
      status !== check.status ? `status ${status}, expected ${check.status}` : check.expect?.(body as never);
    if (complaint)
      problems.push(`${check.name} (${check.method} ${check.path}): ${complaint}: ${JSON.stringify(body)}`);
  }
  return { answers, problems };
}

const failed = (problems: string[]) =>
  new StepError(`${problems.length} HTTP check(s) failed:\n  ${problems.join('\n  ')}`);

/** The given checks against one API: their answers by check name; throws naming each check that failed. */
export async function runChecks(base: string, checks: Check[]): Promise<Map<string, HttpAnswer>> {
  const { answers, problems } = await askAll(base, checks);
  if (problems.length) throw failed(problems);
  return answers;
}

/** The routes' checks and the unknown-route 404 against one API; throws naming each that failed. */
export async function checkApi(base: string): Promise<void> {
  const { problems } = await askAll(base, HTTP_CHECKS);
  const nope = await ask(base, 'GET', UNKNOWN_ROUTE.path);
  if (nope.status !== UNKNOWN_ROUTE.status || JSON.stringify(nope.body) !== JSON.stringify(UNKNOWN_ROUTE.body)) {
    problems.push(
      `GET /nope: expected API Gateway's 404 {"message":"Not Found"}, got ${nope.status} ${JSON.stringify(nope.body)}`,
    );
  }
  if (problems.length) throw failed(problems);
}

/**
 * Differences of the embedded stack, not of the emulator: serverless-offline hands the function
 * a JSON string body without its quotes (`"abc"` arrives as `abc`), so the embedded stack says
 * "not valid JSON" where MiniStack, like API Gateway, passes the body through and the function
 * says what the README says. Pinned so that a fix on either side shows up.
 */
const EMBEDDED_DIFFERS: Record<string, string> = {
  'a JSON string body': 'request body is not valid JSON: Unexpected token \'a\', "abc" is not valid JSON',
};

/** Where two JSON values first differ, as `path: a ≠ b`; undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    // A fresh id per request (rain-forecast's log record), never the same on two stacks.
    for (const key of keys.filter((k) => k !== 'requestId')) {
      const found = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${at}.${key}`,
      );
      if (found) return found;
    }
    return undefined;
  }
  return a === b ? undefined : `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

/** Every check against both APIs: the same status and the same body, or a named difference. */
export async function compareApis(embedded: string, emulator: string, checks: Check[]): Promise<void> {
  const problems: string[] = [];
  for (const check of checks) {
    const [a, b] = await Promise.all(
      [embedded, emulator].map((base) => ask(base, check.method, check.path, check.body, check.headers)),
    );
    const difference = a.status !== b.status ? `status ${a.status} ≠ ${b.status}` : firstDifference(a.body, b.body);
    const known = EMBEDDED_DIFFERS[check.name];
    const embeddedMessage = (a.body as { error?: { message?: string } }).error?.message;
    if (difference && known && embeddedMessage === known && !check.expect?.(b.body as never)) continue;
    if (difference)
      problems.push(`${check.name} (${check.method} ${check.path}), embedded ≠ emulator at ${difference}`);
  }
  if (problems.length) throw new StepError(`${problems.length} answer(s) differ:\n  ${problems.join('\n  ')}`);
}
