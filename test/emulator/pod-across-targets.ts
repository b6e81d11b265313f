import path from 'node:path';
import { MODELS } from '../../functions/ml-train/src/schema';
import { bootStack } from '../support/embedded-stack';
import { compareApis, HTTP_CHECKS } from './http-checks';
import { INVOCATION_CHECKS } from './invocation-checks';
import { type CommandResult, StepError } from './step-runner';

interface Predictions {
  modelVersion: string;
  correct: number;
  total: number;
  predictions: number[];
}

/** Trains on the embedded stack, saves a pod, loads it into MiniStack and compares both targets. */
export async function podAcrossTargets(
  port: number,
  work: string,
  pnpm: (args: string[], timeoutMs?: number) => Promise<CommandResult>,
  invoke: <T>(fn: string, data?: unknown) => Promise<T>,
  apiBase: string,
): Promise<string> {
  const { stack, cleanup } = await bootStack('podsrc');
  try {
    for (const model of MODELS) {
      const { functionError, payload } = await stack.invoke('ml-train', { model });
      if (functionError) throw new StepError(`embedded ml-train ${model} failed: ${JSON.stringify(payload)}`);
    }
    const embedded = (await stack.invoke<Predictions>('ml-predict')).payload;
    const zip = `file://${path.join(work, 'pod.zip')}`;
    await pnpm(['pod', 'save', zip, '--endpoint', stack.s3Endpoint, '--stage', 'podsrc']);
    await pnpm(['pod', 'load', zip, '--endpoint', `http://127.0.0.1:${port}`, '--stage', 'local']);
    const onEmulator = await invoke<Predictions>('ml-predict');
    if (onEmulator.modelVersion !== embedded.modelVersion) {
      throw new StepError(`MiniStack serves digits@${onEmulator.modelVersion}, the pod holds ${embedded.modelVersion}`);
    }
    if (JSON.stringify(onEmulator.predictions) !== JSON.stringify(embedded.predictions)) {
      throw new StepError('the test-set predictions differ between the embedded stack and MiniStack');
    }
    await compareApis(stack.httpUrl, apiBase, [...HTTP_CHECKS, ...INVOCATION_CHECKS]);
    return `digits@${embedded.modelVersion}: ${embedded.correct}/${embedded.total} on both, every route and invocation answers alike`;
  } finally {
    await cleanup();
  }
}
