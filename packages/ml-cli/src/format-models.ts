import type {
  CleanResult,
  ModelSummary,
  ModelVersions,
  PromotionResult,
  VersionDetail,
} from '@serverless-ml/model-store';
import { formatMetrics, formatNumber, formatTable } from './format-table';

const dash = (value: string | undefined) => value ?? '–';

/** `pnpm ml models list`. */
export function formatModelList(models: ModelSummary[]): string {
  if (models.length === 0) return 'no models yet: train one with `pnpm sls invoke local -f ml-train` (or pnpm demo)';
  return formatTable(
    ['MODEL', 'PROMOTED', 'SINCE', 'VERSIONS', 'NEWEST'],
    models.map((m) => [m.name, dash(m.promoted), dash(m.promotedAt), String(m.versions), dash(m.newestVersion)]),
  );
}

/** `pnpm ml models show <name>`: versions oldest first, `*` on the promoted one, then the history. */
export function formatModelVersions(model: ModelVersions): string {
  const table = formatTable(
    ['  VERSION', 'TRAINED', 'ALGORITHM', 'METRICS'],
    model.versions.map((v) => [
      `${v.promoted ? '*' : ' '} ${v.version}`,
      dash(v.trainedAt),
      dash(v.algorithm),
      v.state === 'complete' ? formatMetrics(v.metrics) : `${v.state.toUpperCase()}: ${v.problem}`,
    ]),
  );
  const integrity =
    model.integrity === undefined
      ? ''
      : model.integrity.state === 'verified'
        ? '; its files verify'
        : `\nTHE PROMOTED VERSION FAILS ITS INTEGRITY CHECK: ${model.integrity.problem}\n` +
          '(serving falls back to the newest earlier promotion that verifies; promote a good version or retrain)';
  const promoted = model.promoted
    ? `${model.name}: ${model.versions.length} versions, * = promoted (${model.promoted}, since ${model.promotedAt})${integrity}`
    : `${model.name}: ${model.versions.length} versions, none promoted`;
  const history = model.history.length
    ? `earlier promotions, newest first (rollback goes to the first):\n${model.history
        .map((h) => `  ${h.version}  promoted ${h.promotedAt}`)
        .join('\n')}`
    : 'no earlier promotions: nothing to roll back to';
  return [promoted, '', table, '', history].join('\n');
}

/** `pnpm ml models show <name>@<version>`. */
export function formatVersionDetail(v: VersionDetail): string {
  const rows: [string, string][] = [
    ['version', `${v.model}@${v.version}${v.promoted ? '  (promoted)' : ''}`],
    ['trained', dash(v.trainedAt)],
    ['algorithm', dash(v.algorithm)],
    ['sha256', dash(v.modelSha256)],
    ['files', v.files.join(', ')],
    [
      'integrity',
      v.integrity.state === 'verified'
        ? 'verified (every file has its recorded size and sha256)'
        : `FAILED: ${v.integrity.problem}`,
    ],
  ];
  const metrics = Object.entries(v.metrics).map(([name, value]): [string, string] => [
    `  ${name}`,
    formatNumber(value),
  ]);
  const width = Math.max(...[...rows, ...metrics].map(([k]) => k.length));
  const line = ([k, value]: [string, string]) => `${k.padEnd(width)}  ${value}`;
  return [...rows.map(line), metrics.length ? 'metrics' : 'metrics  –', ...metrics.map(line)].join('\n');
}

/** What promote and rollback did, and how to undo it. */
export function formatPromotion(result: PromotionResult, action: 'promote' | 'rollback'): string {
  if (!result.changed) return `${result.model}@${result.to} is already promoted: nothing written`;
  const was = result.from ? ` (was ${result.from})` : '';
  if (action === 'promote')
    return `promoted ${result.model}@${result.to}${was}; undo with: pnpm ml models rollback ${result.model}`;
  return `rolled back ${result.model} to ${result.to}${was}; undo with: pnpm ml models promote ${result.model}@${result.from}`;
}

/** What `clean` removed (or would remove). */
export function formatClean(result: CleanResult, dryRun: boolean): string {
  const verb = dryRun ? 'would remove' : 'removed';
  const lines = result.removed.map((r) => `${verb} ${r.model}@${r.version} (${r.files} files): ${r.problem}`);
  if (lines.length === 0) lines.push('no orphans: every version older than an hour is complete');
  for (const r of result.tooRecent)
    lines.push(`left ${r.model}@${r.version}: incomplete, but a publish may still be writing it`);
  return lines.join('\n');
}
