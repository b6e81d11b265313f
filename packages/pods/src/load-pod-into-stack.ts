import { formatLoadReport } from './format-pod';
import type { LoadReport } from './load-pod';
import type { Strategy } from './plan-load';
import { loadPodFrom } from './pod-actions';
import { parsePodRef } from './pod-ref';
import { podS3Client, podSettings } from './pod-settings';
import { createProgress } from './progress';

/** What `pnpm start` passes when AUTO_LOAD_POD is set. */
export interface StackPodOptions {
  /** `<name>[:<version>]` from the stack's pods bucket, or `file://<path>.zip`. */
  ref: string;
  /** The running s3rver, e.g. `stack.s3Endpoint`. */
  endpoint: string;
  stage: string;
  strategy?: Strategy;
  log?: (line: string) => void;
}

/**
 * Loads a pod into a freshly started stack (`AUTO_LOAD_POD`), after S3 is up and before
 * training. Refuses, changing nothing, a pod that fails any checksum. Returns the models it holds.
 */
export async function loadPodIntoStack(options: StackPodOptions): Promise<LoadReport & { models: string[] }> {
  const log = options.log ?? console.log;
  const settings = podSettings({ endpoint: options.endpoint, stage: options.stage }, {});
  const s3 = podS3Client(settings, {});
  try {
    log(`loading pod ${options.ref} (AUTO_LOAD_POD) into s3 ${options.endpoint}…`);
    const report = await loadPodFrom(s3, settings, parsePodRef(options.ref), {
      strategy: options.strategy ?? 'overwrite',
      progress: (label, total) => createProgress(`  pod ${label}`, total, log),
    });
    for (const line of formatLoadReport(report, 5).split('\n')) log(`  ${line}`);
    const models = [...report.added, ...report.replaced, ...report.merged]
      .map((key) => /\/models\/([^/]+)\/latest\.json$/.exec(key)?.[1])
      .filter((m): m is string => m !== undefined);
    return { ...report, models };
  } finally {
    s3.destroy();
  }
}
