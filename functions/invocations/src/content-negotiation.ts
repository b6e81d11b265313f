import { shown } from '@serverless-ml/http';
import { NotAcceptableError, UnsupportedMediaTypeError } from './invocation-errors';
import type { BodyFormat } from './parse-invocation';

/** What an answer is written as: the request's `Accept`, JSON when it says nothing. */
export type AnswerFormat = 'json' | 'csv';

export const BODY_TYPES: Record<string, BodyFormat> = { 'text/csv': 'csv', 'application/json': 'json' };
const ANSWER_TYPES: Record<string, AnswerFormat> = {
  'application/json': 'json',
  'text/csv': 'csv',
  'application/*': 'json',
  'text/*': 'csv',
  '*/*': 'json',
};
// Text is read as UTF-8: US-ASCII is a subset of it; anything else would be misread.
const CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

interface MediaType {
  type: string;
  params: Record<string, string>;
}

/** `text/csv; charset=UTF-8` → `{type: 'text/csv', params: {charset: 'utf-8'}}` (names and values lower-cased). */
function mediaType(value: string): MediaType {
  const [type, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    params[param.slice(0, eq).trim().toLowerCase()] = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
  }
  return { type: type.trim().toLowerCase(), params };
}

/** The body format a `Content-Type` names; a 415 naming the supported ones otherwise. */
export function bodyFormatOf(contentType: string | undefined): BodyFormat {
  const supported = 'send text/csv or application/json';
  if (contentType === undefined || contentType.trim() === '') {
    throw new UnsupportedMediaTypeError(`the request has no Content-Type: ${supported}`);
  }
  const { type, params } = mediaType(contentType);
  const format = BODY_TYPES[type];
  if (!format) throw new UnsupportedMediaTypeError(`Content-Type ${shown(type)} is not supported: ${supported}`);
  if (params.charset !== undefined && !CHARSETS.has(params.charset)) {
    throw new UnsupportedMediaTypeError(`charset ${shown(params.charset)} is not supported: send UTF-8`);
  }
  return format;
}

/**
 * The answer format an `Accept` header prefers (its highest `q` among application/json and text/csv;
 * `*\/*`, `application/*` → JSON, `text/*` → CSV; no header → JSON); a 406 when it allows neither.
 */
export function answerFormatOf(accept: string | undefined): AnswerFormat {
  if (accept === undefined || accept.trim() === '') return 'json';
  let best: { format: AnswerFormat; q: number } | undefined;
  for (const range of accept.split(',')) {
    const { type, params } = mediaType(range);
    const format = ANSWER_TYPES[type];
    const q = params.q === undefined ? 1 : Number(params.q);
    if (!format || !(q > 0)) continue;
    if (!best || q > best.q) best = { format, q };
  }
  if (!best) {
    throw new NotAcceptableError(
      `cannot answer in ${shown(accept.trim())}: accept application/json (the default) or text/csv`,
    );
  }
  return best.format;
}
