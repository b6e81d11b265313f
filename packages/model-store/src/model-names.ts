import { ValidationError } from '@serverless-ml/errors';

/** Model names: `digits`, `rain`, `stores` — one S3 "folder" segment, nothing that could climb out of it. */
export const MODEL_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Version ids (`2026-01-01T00-00-00-000Z-a1b2c3`), or any other single safe key segment. */
export const VERSION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Throws a ValidationError (400) unless `name` is a valid model name. */
export function checkModelName(name: string): string {
  if (!MODEL_NAME_PATTERN.test(name))
    throw new ValidationError(`"${name}" is not a model name: use lower-case letters, digits, - and _`);
  return name;
}

/** Throws a ValidationError (400) unless `version` is a valid version id. */
export function checkVersionId(version: string): string {
  if (!VERSION_ID_PATTERN.test(version) || version.includes('..'))
    throw new ValidationError(`"${version}" is not a model version id (e.g. 2026-01-01T00-00-00-000Z-a1b2c3)`);
  return version;
}

/** Plot ids (`confusion-matrix`, `roc-curve`): a version's plot is stored as `plots/<id>.svg`. */
export const PLOT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Throws a ValidationError (400) unless `id` is a valid plot id. */
export function checkPlotId(id: string): string {
  if (!PLOT_ID_PATTERN.test(id))
    throw new ValidationError(`"${id}" is not a plot id: use lower-case letters, digits and -, e.g. roc-curve`);
  return id;
}
