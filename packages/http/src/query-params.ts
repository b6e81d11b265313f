import { isRecord, ValidationError } from '@serverless-ml/errors';

// The URL standard's "ASCII whitespace" (what browsers strip from form values): tab, LF, FF, CR, space.
const isAsciiWhitespace = (code: number) =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
// Unicode's control characters (C0, DEL, C1): no city, number or version id holds one, and a NUL
// or a line break inside a value is how injected or truncated input shows up in logs and lookups.
const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);

function controlCharacterIn(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControl(code)) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

/**
 * One parameter value by the rule every route follows: ASCII whitespace is stripped from both
 * ends; a value that is then empty, or still holds a control character, is a 400 naming it.
 */
export function cleanParam(name: string, value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isAsciiWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isAsciiWhitespace(value.charCodeAt(end - 1))) end--;
  const cleaned = value.slice(start, end);
  const control = controlCharacterIn(cleaned);
  if (control) throw new ValidationError(`${name} must not contain control characters (found ${control})`);
  if (cleaned === '') throw new ValidationError(`${name} must not be empty`);
  return cleaned;
}

function checkName(name: string): string {
  const control = controlCharacterIn(name);
  if (control) throw new ValidationError(`a parameter name must not contain control characters (found ${control})`);
  return name;
}

/** Parameters by the rule: string values cleaned (cleanParam), other values (a direct invocation's numbers) kept. */
export function cleanParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) out[checkName(name)] = typeof value === 'string' ? cleanParam(name, value) : value;
  }
  return out;
}

/** The query-string parameters of an API Gateway event (REST or HTTP API), cleaned by the rule; none → `{}`. */
export function queryParamsOf(event: unknown): Record<string, string> {
  const query = isRecord(event) ? event.queryStringParameters : undefined;
  const out: Record<string, string> = {};
  if (!isRecord(query)) return out;
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) out[checkName(name)] = cleanParam(name, String(value));
  }
  return out;
}

/** A direct invocation's own fields, cleaned by the same rule; anything but an object is passed on as it came. */
export function invocationParams(event: unknown): unknown {
  return isRecord(event) ? cleanParams(event) : event;
}

/** The message for parameters a route does not take: `unknown parameter "x": <hint>`. */
export function unknownParamsMessage(names: readonly string[], hint: string): string {
  return `unknown parameter ${names.map((name) => `"${name}"`).join(', ')}: ${hint}`;
}

/** For routes that take no query parameters: any is refused, since a silently ignored `?version=` would serve another model. */
export function refuseQueryParams(event: unknown, hint: string): void {
  const query = isRecord(event) ? event.queryStringParameters : undefined;
  const names = isRecord(query) ? Object.keys(query) : [];
  if (names.length > 0) throw new ValidationError(unknownParamsMessage(names.map(checkName), hint));
}
