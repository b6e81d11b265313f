import { ValidationError } from '@serverless-ml/errors';
import { cleanParam, readNumber, unknownParamsMessage } from '@serverless-ml/http';
import { checkVersionId } from '@serverless-ml/model-store/names';

/** What a caller may set besides the body: a pinned model version, and k for nearest-neighbours models. */
export interface InvocationSettings {
  version?: string;
  k?: number;
}

const SETTINGS = ['version', 'k'] as const;
type SettingName = (typeof SETTINGS)[number];
const isSetting = (name: string): name is SettingName => (SETTINGS as readonly string[]).includes(name);

export const CUSTOM_ATTRIBUTES_HEADER = 'x-amzn-sagemaker-custom-attributes';

/**
 * SageMaker headers that choose what answers (a model of a multi-model endpoint, a variant, a
 * container, an inference component) or ask for explanations: none applies here, and ignoring one
 * would answer from something other than what was asked for.
 */
const REFUSED_HEADERS: Record<string, string> = {
  'x-amzn-sagemaker-target-model': 'TargetModel',
  'x-amzn-sagemaker-target-variant': 'TargetVariant',
  'x-amzn-sagemaker-target-container-hostname': 'TargetContainerHostname',
  'x-amzn-sagemaker-inference-component': 'InferenceComponentName',
  'x-amzn-sagemaker-enable-explanations': 'EnableExplanations',
};

/** `version=2026-…, k=3` (pairs separated by `,` or `;`) → its pairs, names lower-cased. */
function customAttributes(header: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const part of header.split(/[,;]/)) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      throw new ValidationError(
        `custom attribute ${JSON.stringify(part.trim())} is not name=value: send e.g. "version=2026-01-01T00-00-00-000Z-a1b2c3, k=3"`,
      );
    }
    const name = part.slice(0, eq).trim().toLowerCase();
    if (Object.hasOwn(pairs, name)) throw new ValidationError(`custom attribute ${name} is given twice`);
    pairs[name] = cleanParam(`custom attribute ${name}`, part.slice(eq + 1));
  }
  return pairs;
}

function readK(value: string, maxK: number): number {
  const k = readNumber(value, { min: 1, max: maxK, whole: true });
  if (typeof k === 'number') return k;
  throw new ValidationError(`k ${k.problem}`);
}

/** One setting from the query and the custom attributes: either, or both when they agree. */
function agreed<T>(name: SettingName, fromQuery: T | undefined, fromHeader: T | undefined): T | undefined {
  if (fromQuery !== undefined && fromHeader !== undefined && fromQuery !== fromHeader) {
    throw new ValidationError(
      `${name} is ${fromQuery} in the query but ${fromHeader} in the custom attributes: send one, or the same`,
    );
  }
  return fromQuery ?? fromHeader;
}

/**
 * The version and k of an invocation, from the query (`?version=…&k=3`, by the one query rule) and
 * from `X-Amzn-SageMaker-Custom-Attributes: version=…, k=3` — what SageMaker clients can send. Both
 * may be used; a setting given in both must agree. Unknown names and SageMaker's routing headers
 * are refused, never ignored.
 */
export function readInvocationSettings(
  query: Record<string, string>,
  headers: Record<string, string | undefined>,
  maxK: number,
): InvocationSettings {
  for (const [header, parameter] of Object.entries(REFUSED_HEADERS)) {
    if (headers[header] !== undefined) {
      throw new ValidationError(
        `${parameter} (${header}) is not supported: every model is its own endpoint; pin a version with the custom attribute version=…`,
      );
    }
  }
  const unknownQuery = Object.keys(query).filter((name) => !isSetting(name));
  if (unknownQuery.length) throw new ValidationError(unknownParamsMessage(unknownQuery, 'send version and k'));
  const header = headers[CUSTOM_ATTRIBUTES_HEADER];
  const attributes: Record<string, string> = header === undefined ? {} : customAttributes(header);
  const unknownAttributes = Object.keys(attributes).filter((name) => !isSetting(name));
  if (unknownAttributes.length) {
    throw new ValidationError(
      `unknown custom attribute ${unknownAttributes.map((n) => `"${n}"`).join(', ')}: X-Amzn-SageMaker-Custom-Attributes takes version=… and k=…`,
    );
  }
  const pinned = (value: string | undefined) => (value === undefined ? undefined : checkVersionId(value));
  const k = (value: string | undefined) => (value === undefined ? undefined : readK(value, maxK));
  const version = agreed('version', pinned(query.version), pinned(attributes.version));
  const chosenK = agreed('k', k(query.k), k(attributes.k));
  return { ...(version === undefined ? {} : { version }), ...(chosenK === undefined ? {} : { k: chosenK }) };
}
