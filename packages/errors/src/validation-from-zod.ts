import { ValidationError } from './app-error';

interface Issue {
  path: PropertyKey[];
  message: string;
}

/** Formats a schema path as users write it: `hyperParameters.gamma`, `images[3][12]`. */
export function formatIssuePath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** One ValidationError for a failed schema parse: the first issue in the message, up to ten in details. */
export function validationErrorFrom(issues: Issue[], prefix = ''): ValidationError {
  const [first] = issues;
  const where = formatIssuePath(first.path);
  return new ValidationError(`${prefix}${where ? `${where} ` : ''}${first.message}`.trim(), {
    issues: issues.slice(0, 10).map((i) => ({ path: formatIssuePath(i.path), message: i.message })),
  });
}
