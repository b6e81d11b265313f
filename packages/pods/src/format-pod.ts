import type { PodInspection } from './inspect-pod';
import type { LoadReport } from './load-pod';
import type { PodDescriptor } from './pod-format';

/** Bytes for people: `812 B`, `3.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

const origin = (d: PodDescriptor) => `stage ${d.stage}${d.commit ? `, commit ${d.commit.slice(0, 12)}` : ''}`;

/** One line per version: id, when, size, message. */
export function formatVersion(d: PodDescriptor): string {
  const message = d.message ? `  "${d.message}"` : '';
  return `${d.version}  ${d.createdAt}  ${d.objects} objects, ${formatBytes(d.bytes)}  (${origin(d)})${message}`;
}

/** `pod inspect`: who/when/where, per-bucket totals, the models with their metrics, then the objects. */
export function formatInspection(i: PodInspection, maxObjects = 50): string {
  const d = i.descriptor;
  const lines = [`pod ${d.name}:${d.version}`, `  created  ${d.createdAt} (${origin(d)})`];
  if (d.message) lines.push(`  message  ${d.message}`);
  lines.push(`  content  ${d.objects} objects, ${formatBytes(d.bytes)}; manifest sha256 ${d.manifestSha256}`, '');
  for (const b of i.buckets) lines.push(`  s3://${b.bucket}  ${b.objects} objects, ${formatBytes(b.bytes)}`);
  if (i.models.length > 0) lines.push('', '  models');
  for (const m of i.models) {
    const metrics = Object.entries(m.metrics).map(([k, v]) => `${k} ${Number(v.toFixed(4))}`);
    lines.push(
      `    ${m.name}@${m.version ?? '?'}  published ${m.publishedAt ?? '?'}  (${m.versions.length} version(s))`,
    );
    if (metrics.length > 0) lines.push(`      ${metrics.join(', ')}`);
  }
  lines.push('', '  objects');
  for (const o of i.objects.slice(0, maxObjects)) {
    lines.push(`    ${formatBytes(o.size).padStart(9)}  ${o.sha256.slice(0, 12)}  s3://${o.bucket}/${o.key}`);
  }
  if (i.objects.length > maxObjects) lines.push(`    … ${i.objects.length - maxObjects} more (--json lists all)`);
  return lines.join('\n');
}

/** What a load did (or would do): counts, then every key that changes. */
export function formatLoadReport(r: LoadReport, maxKeys = 20): string {
  const head = r.dryRun ? 'dry run, nothing changed: would' : 'loaded:';
  const lines = [
    `${r.pod.name}:${r.pod.version} (${r.pod.objects} objects, ${formatBytes(r.pod.bytes)}, every sha256 verified), strategy ${r.strategy}`,
    `${head} add ${r.added.length}, replace ${r.replaced.length}, merge ${r.merged.length}, keep ${r.kept.length}, delete ${r.deleted.length}; ${r.unchanged} already identical`,
  ];
  const list = (verb: string, keys: string[]) => {
    for (const key of keys.slice(0, maxKeys)) lines.push(`  ${verb} ${key}`);
    if (keys.length > maxKeys) lines.push(`  ${verb} … ${keys.length - maxKeys} more`);
  };
  list('+', r.added);
  list('~', r.replaced);
  list('*', r.merged);
  list(
    '=',
    r.kept.map((k) => `${k.key} (${k.reason})`),
  );
  list('-', r.deleted);
  return lines.join('\n');
}
