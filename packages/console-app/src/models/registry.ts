// The model registry's answers (`GET /models`, `GET /models/{name}`) and how the console shows them.

/** One row of `GET /models`. */
export interface ModelSummary {
  name: string;
  promoted?: string;
  promotedAt?: string;
  versions: number;
  newestVersion?: string;
}

/** A plot stored with a version (`plots/*.svg`); versions trained before plots have none. */
export interface Plot {
  id: string;
  title: string;
  url: string;
}

/** One version in `GET /models/{name}`. */
export interface ModelVersion {
  version: string;
  promoted: boolean;
  trainedAt?: string;
  state?: string;
  algorithm?: string;
  modelSha256?: string;
  metrics?: Record<string, number>;
  plots?: Plot[];
}

/** `GET /models/{name}`. */
export interface ModelDetail {
  name: string;
  promoted?: string;
  promotedAt?: string;
  history?: { version: string; promotedAt?: string }[];
  integrity?: { state: string; problem?: string };
  versions: ModelVersion[];
}

/** A metric as people read it: integers as they are, others to 4 significant digits. */
export function formatMetric(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  if (abs >= 1000) return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return Number(value.toPrecision(4)).toString();
}

/** Newest version first (ids sort by time), the promoted one wherever it falls. */
export const newestFirst = (versions: readonly ModelVersion[]): ModelVersion[] =>
  [...versions].sort((a, b) => b.version.localeCompare(a.version));

/** A plot's URL as a path relative to the console (the API answers `/models/…`, served from the same root). */
export const plotSrc = (url: string): string => url.replace(/^\//, '');

/** `2026-12-01T10:00:00.000Z` → `2026-12-01 10:00 UTC`. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '–';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
