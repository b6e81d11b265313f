// `pnpm pod <save|load|list|inspect|versions|delete>`: snapshots of the stack's S3 state.

import { parseArgs } from 'node:util';
import { formatInspection, formatLoadReport, formatVersion } from './format-pod';
import { inspectPod } from './inspect-pod';
import { STRATEGIES, type Strategy } from './plan-load';
import { loadPodFrom, savePodTo, withPod } from './pod-actions';
import { tunePodProcess } from './pod-process';
import { parsePodRef } from './pod-ref';
import { podS3Client, podSettings } from './pod-settings';
import { deletePod, listPods, listVersions } from './pod-store';
import { createProgress } from './progress';

const USAGE = `usage: pnpm pod <command> [options]
  save <name> | file://<path>.zip [--message "…"] [--buckets a,b]
  load <name>[:<version>] | file://<path>.zip [--strategy overwrite|merge|deep-merge] [--dry-run]
  list [--json]            versions <name> [--json]
  inspect <name>[:<version>] | file://<path>.zip [--json]
  delete <name>
options: --endpoint <url> (or S3_ENDPOINT; default the embedded s3rver), --aws (the SDK's default chain),
  --stage <stage> (or STAGE, default dev), --pods-bucket <bucket> (default serverless-ml-<stage>-pods)`;

tunePodProcess();

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    message: { type: 'string', short: 'm' },
    buckets: { type: 'string' },
    strategy: { type: 'string', default: 'overwrite' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    endpoint: { type: 'string' },
    aws: { type: 'boolean', default: false },
    stage: { type: 'string' },
    'pods-bucket': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const isStrategy = (s: string): s is Strategy => STRATEGIES.some((x) => x === s);
const print = (value: unknown) => console.log(typeof value === 'string' ? value : JSON.stringify(value, null, 2));

async function main(): Promise<void> {
  const [command, target] = positionals;
  if (values.help || !command) return print(USAGE);
  const settings = podSettings({ ...values, podsBucket: values['pods-bucket'] });
  const s3 = podS3Client(settings);
  const needTarget = () => {
    if (!target) throw new Error(`pod ${command} needs a pod: <name> or file://<path>.zip\n${USAGE}`);
    return parsePodRef(target);
  };
  try {
    if (command === 'save') {
      const { descriptor, location } = await savePodTo(s3, settings, needTarget(), {
        message: values.message,
        progress: (total) => createProgress('saved', total),
      });
      print(
        values.json
          ? descriptor
          : `saved ${descriptor.name}:${descriptor.version} to ${location}\n  ${formatVersion(descriptor)}`,
      );
    } else if (command === 'load') {
      if (!isStrategy(values.strategy)) throw new Error(`--strategy must be one of ${STRATEGIES.join(', ')}`);
      const report = await loadPodFrom(s3, settings, needTarget(), {
        strategy: values.strategy,
        dryRun: values['dry-run'],
        progress: (label, total) => createProgress(label, total),
      });
      print(values.json ? report : formatLoadReport(report));
    } else if (command === 'list') {
      const pods = await listPods(s3, settings.podsBucket);
      if (values.json) return print(pods);
      if (pods.length === 0) return print(`no pods in s3://${settings.podsBucket} yet (pnpm pod save <name>)`);
      for (const p of pods) print(`${p.name.padEnd(20)} ${p.versions} version(s), newest ${formatVersion(p.latest)}`);
    } else if (command === 'versions') {
      const ref = needTarget();
      if (ref.kind !== 'bucket') throw new Error('pod versions takes a pod name');
      const versions = await listVersions(s3, settings.podsBucket, ref.name);
      if (versions.length === 0) throw new Error(`no pod named "${ref.name}" in s3://${settings.podsBucket}`);
      print(values.json ? versions : versions.map(formatVersion).join('\n'));
    } else if (command === 'inspect') {
      const inspection = await withPod(s3, settings, needTarget(), inspectPod);
      print(values.json ? inspection : formatInspection(inspection));
    } else if (command === 'delete') {
      const ref = needTarget();
      if (ref.kind !== 'bucket' || ref.version)
        throw new Error('pod delete takes a pod name (it deletes every version)');
      print(`deleted ${ref.name} (${await deletePod(s3, settings.podsBucket, ref.name)} objects)`);
    } else {
      throw new Error(`unknown command "${command}"\n${USAGE}`);
    }
  } finally {
    s3.destroy();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const unreachable = /ECONNREFUSED|ENOTFOUND/.test(message)
    ? '\n  is the stack running (pnpm start)? Otherwise point at S3 with --endpoint <url>, S3_ENDPOINT or --aws'
    : '';
  console.error(`pod: ${message}${unreachable}`);
  process.exit(1);
});
