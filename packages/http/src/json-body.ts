import { isRecord, ValidationError } from '@serverless-ml/errors';

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'boolean' ? String(value) : `a ${typeof value}`;
}

/**
 * An API Gateway event's body as a JSON object, whatever its content-type (curl -d sends form
 * encoding); `undefined` when there is no body. Not JSON, or JSON that is not an object, is a 400.
 */
export function jsonObjectBody(event: unknown): Record<string, unknown> | undefined {
  const body = isRecord(event) ? event.body : undefined;
  if (body === undefined || body === null) return undefined;
  if (isRecord(body)) return body; // already parsed (a test event, another middleware)
  if (typeof body !== 'string') throw new ValidationError(`request body must be a JSON object, got ${kindOf(body)}`);
  const text = isRecord(event) && event.isBase64Encoded === true ? Buffer.from(body, 'base64').toString('utf8') : body;
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? `: ${error.message}` : '';
    throw new ValidationError(`request body is not valid JSON${reason}`, undefined, error);
  }
  if (!isRecord(value)) throw new ValidationError(`request body must be a JSON object, got ${kindOf(value)}`);
  return value;
}
