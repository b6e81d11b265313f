import { parseArgs } from 'node:util';
import { type JobsCommand, parseJobsCommand } from './jobs-command';
import { UsageError } from './usage-error';

/** The help text, printed by --help and after a usage error. */
export const USAGE = `usage: pnpm ml models <command> [options]
       pnpm ml invoke <name> [--csv <file>] [--version <v>] [--accept csv|json] [--url <api>]
       pnpm ml jobs <command> [options]

commands:
  list                          every model, its promoted version and how many versions it has
  show <name>                   a model's versions with their metrics (* marks the promoted one)
  show <name>@<version>         one version: files, checksum, metrics
  promote <name>@<version>      check the version's model.onnx and make it the one served
  rollback <name>               go back to the version promoted before the current one
  clean [<name>] [--dry-run]    remove orphans: versions whose publish did not finish (no metadata.json),
                                older than an hour, never a promoted one

jobs (training jobs on the pipeline Validate → Train → Evaluate → Promote/Keep, through the API):
  start <model> [--algorithm <a>] [--seed <n>] [--params '<json>'] [--dataset <key>]
        [--promote if-better|always] [--wait]
                                start a job; --wait shows its steps until it ends (exit 1 unless it succeeded)
  status <id> [--wait]          a job's status, steps, new version and metrics, or its error and step
  list [--limit <n>]            recent jobs, newest first
  stop <id>                     stop a running job (it ends ABORTED; latest is not moved)

invoke: sends CSV rows (a file, or standard input) to POST /endpoints/<name>/invocations on the
API ($API_URL, else the embedded stack at http://127.0.0.1:$HTTP_PORT, 3000) and prints the predictions.

options:
  --json                        print JSON instead of tables
  --dry-run                     clean: list what would be removed, remove nothing
  --endpoint <url>              S3 endpoint (default $S3_ENDPOINT, else s3rver at http://127.0.0.1:$S3_PORT, 4569)
  --bucket <name>               model bucket (default $MODEL_BUCKET, else serverless-ml-<stage>-models)
  --stage <stage>               stage of the default bucket name (default $STAGE, else dev)
  --aws                         use AWS itself, with the SDK's default credentials chain
  -h, --help                    this help`;

/** The options that choose the S3 endpoint and bucket (resolved by resolveTarget). */
export interface TargetOptions {
  endpoint?: string;
  bucket?: string;
  stage?: string;
  aws: boolean;
}

/** A parsed command line: what to do, to which model, against which bucket. */
export type CliCommand =
  | { kind: 'help' }
  | JobsCommand
  | { kind: 'list'; json: boolean; target: TargetOptions }
  | { kind: 'show'; name: string; version?: string; json: boolean; target: TargetOptions }
  | { kind: 'promote'; name: string; version: string; json: boolean; target: TargetOptions }
  | { kind: 'rollback'; name: string; json: boolean; target: TargetOptions }
  | { kind: 'clean'; name?: string; dryRun: boolean; json: boolean; target: TargetOptions }
  | {
      kind: 'invoke';
      name: string;
      csv?: string;
      version?: string;
      accept: 'application/json' | 'text/csv';
      url?: string;
    };

export { UsageError };

function modelRef(ref: string | undefined, command: string): { name: string; version?: string } {
  if (!ref) throw new UsageError(`${command} needs a model, e.g. digits${command === 'promote' ? '@<version>' : ''}`);
  const at = ref.indexOf('@');
  if (at < 0) return { name: ref };
  if (at === 0 || at === ref.length - 1) throw new UsageError(`"${ref}" is not <name>@<version>`);
  return { name: ref.slice(0, at), version: ref.slice(at + 1) };
}

/** Parses `models <list|show|promote|rollback> …` and the options; throws UsageError naming the problem. */
export function parseCommand(argv: string[]): CliCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { kind: 'help' };
  const [group, command, ref, ...extra] = positionals;
  if (group === 'invoke') return invokeCommand(positionals.slice(1), values);
  if (group === 'jobs') return parseJobsCommand(positionals.slice(1), values);
  if (group !== 'models') {
    throw new UsageError(`unknown command "${group}": the commands are "models …", "jobs …" and "invoke"`);
  }
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const target = { endpoint: values.endpoint, bucket: values.bucket, stage: values.stage, aws: values.aws ?? false };
  if (target.aws && target.endpoint) throw new UsageError('give either --aws or --endpoint, not both');
  const json = values.json ?? false;
  switch (command) {
    case 'list':
      if (ref) throw new UsageError(`unexpected argument "${ref}": list takes no model`);
      return { kind: 'list', json, target };
    case 'show':
      return { kind: 'show', ...modelRef(ref, 'show'), json, target };
    case 'promote': {
      const { name, version } = modelRef(ref, 'promote');
      if (!version)
        throw new UsageError(`promote needs a version: ${name}@<version> (see pnpm ml models show ${name})`);
      return { kind: 'promote', name, version, json, target };
    }
    case 'rollback': {
      const { name, version } = modelRef(ref, 'rollback');
      if (version) throw new UsageError(`rollback takes a model name only, not a version (got ${ref})`);
      return { kind: 'rollback', name, json, target };
    }
    case 'clean': {
      const { name, version } = ref ? modelRef(ref, 'clean') : { name: undefined, version: undefined };
      if (version) throw new UsageError(`clean takes a model name only, not a version (got ${ref})`);
      return { kind: 'clean', name, dryRun: values['dry-run'] ?? false, json, target };
    }
    default:
      throw new UsageError(command ? `unknown models command "${command}"` : 'models needs a command');
  }
}

function invokeCommand(args: string[], values: ReturnType<typeof parse>['values']): CliCommand {
  const [name, ...extra] = args;
  if (!name) throw new UsageError('invoke needs a model name, e.g. pnpm ml invoke housing --csv rows.csv');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const accept = values.accept ?? 'json';
  if (accept !== 'json' && accept !== 'csv') throw new UsageError(`--accept is csv or json, not "${accept}"`);
  return {
    kind: 'invoke',
    name,
    csv: values.csv,
    version: values.version,
    accept: accept === 'csv' ? 'text/csv' : 'application/json',
    url: values.url,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      csv: { type: 'string' },
      version: { type: 'string' },
      accept: { type: 'string' },
      url: { type: 'string' },
      algorithm: { type: 'string' },
      seed: { type: 'string' },
      promote: { type: 'string' },
      params: { type: 'string' },
      dataset: { type: 'string' },
      limit: { type: 'string' },
      wait: { type: 'boolean' },
      endpoint: { type: 'string' },
      bucket: { type: 'string' },
      stage: { type: 'string' },
      aws: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
