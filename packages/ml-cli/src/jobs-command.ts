import { UsageError } from './usage-error';

/** `pnpm ml jobs start|status|list|stop …`, parsed. */
export type JobsCommand =
  | { kind: 'jobs-start'; request: Record<string, unknown>; wait: boolean; json: boolean; url?: string }
  | { kind: 'jobs-status'; jobId: string; wait: boolean; json: boolean; url?: string }
  | { kind: 'jobs-list'; limit?: number; json: boolean; url?: string }
  | { kind: 'jobs-stop'; jobId: string; json: boolean; url?: string };

/** The options `ml jobs` reads (parsed by parse-args.ts with the others). */
export interface JobsOptions {
  algorithm?: string;
  seed?: string;
  promote?: string;
  params?: string;
  dataset?: string;
  limit?: string;
  wait?: boolean;
  json?: boolean;
  url?: string;
}

const FOR_START = ['algorithm', 'seed', 'promote', 'params', 'dataset'] as const;

function hyperParameters(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--params must be a JSON object, e.g. '{"maxLeaves": 15}', got ${text}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`--params must be a JSON object, e.g. '{"maxLeaves": 15}', got ${text}`);
  }
  return value as Record<string, unknown>;
}

function startRequest(model: string, o: JobsOptions): Record<string, unknown> {
  const request: Record<string, unknown> = { model };
  if (o.algorithm !== undefined) request.algorithm = o.algorithm;
  if (o.seed !== undefined) {
    if (!/^-?\d+$/.test(o.seed)) throw new UsageError(`--seed must be a whole number, got "${o.seed}"`);
    request.seed = Number(o.seed);
  }
  if (o.promote !== undefined) {
    if (o.promote !== 'always' && o.promote !== 'if-better') {
      throw new UsageError(`--promote is always or if-better, not "${o.promote}"`);
    }
    request.promote = o.promote;
  }
  if (o.params !== undefined) request.hyperParameters = hyperParameters(o.params);
  if (o.dataset !== undefined) request.datasetKey = o.dataset;
  return request;
}

/** Parses `jobs <start|status|list|stop> …`; throws UsageError naming the problem. */
export function parseJobsCommand(args: string[], o: JobsOptions): JobsCommand {
  const [command, arg, ...extra] = args;
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const common = { json: o.json ?? false, url: o.url };
  const misplaced = FOR_START.find((name) => o[name] !== undefined);
  if (command !== 'start' && misplaced) throw new UsageError(`--${misplaced} is for jobs start`);
  if (command !== 'list' && o.limit !== undefined) throw new UsageError('--limit is for jobs list');
  switch (command) {
    case 'start':
      if (!arg) throw new UsageError('jobs start needs a model, e.g. pnpm ml jobs start housing --algorithm gbm');
      return { kind: 'jobs-start', request: startRequest(arg, o), wait: o.wait ?? false, ...common };
    case 'status':
      if (!arg) throw new UsageError('jobs status needs a job id (see pnpm ml jobs list)');
      return { kind: 'jobs-status', jobId: arg, wait: o.wait ?? false, ...common };
    case 'stop':
      if (!arg) throw new UsageError('jobs stop needs a job id (see pnpm ml jobs list)');
      if (o.wait) throw new UsageError('--wait is for jobs start and jobs status');
      return { kind: 'jobs-stop', jobId: arg, ...common };
    case 'list': {
      if (arg) throw new UsageError(`unexpected argument "${arg}": jobs list takes no job`);
      if (o.wait) throw new UsageError('--wait is for jobs start and jobs status');
      const limit = o.limit === undefined ? undefined : Number(o.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 100)) {
        throw new UsageError(`--limit must be a whole number from 1 to 100, got "${o.limit}"`);
      }
      return { kind: 'jobs-list', limit, ...common };
    }
    default:
      throw new UsageError(
        command ? `unknown jobs command "${command}"` : 'jobs needs a command: start, status, list or stop',
      );
  }
}

/** Whether a parsed command is one of `ml jobs …`. */
export function isJobsCommand(command: { kind: string }): command is JobsCommand {
  return command.kind.startsWith('jobs-');
}
