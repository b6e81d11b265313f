import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { attempt, type BenchResults, type FigureName } from './bench-results';
import { startTrainedStack } from './bench-stack';
import { bundlePredictHandler, ortNodePath } from './bundle-predict-handler';
import { REPO_DIR } from './digits-data';
import { measureColdStart } from './measure-cold-start';
import { measureHttp } from './measure-http';

export const COLD_START_FIGURES: FigureName[] = [
  'digits.cold_start_ms',
  'digits.cold_start_in_child_ms',
  'digits.cold_start_handler_loaded_ms',
  'digits.node_boot_ms',
];
export const HTTP_FIGURES: FigureName[] = ['http.digits_predict_p50_ms', 'http.digits_predict_p99_ms'];

export interface StackPhaseOptions {
  image: number[];
  /** The in-process prediction for `image`, which every cold start must reproduce. */
  expectedLabel?: number;
  coldStartRuns: number;
  httpRuns: number;
  httpWarmup: number;
}

/**
 * Everything that needs a model in the local S3: cold starts of the bundled ml-predict in fresh
 * Node processes, then warm requests through serverless-offline's API Gateway.
 */
export async function measureOnStack(results: BenchResults, o: StackPhaseOptions, log: (line: string) => void) {
  log('starting the embedded stack (s3rver + serverless-offline) on free ports…');
  const trained = await startTrainedStack(log);
  const bundleDir = mkdtempSync(path.join(os.tmpdir(), 'bench-predict-'));
  try {
    results.digits.stack_train_correct = trained.trainedCorrect;
    const handlerFile = await bundlePredictHandler(bundleDir);
    const ort = ortNodePath();
    log(
      `bundled ml-predict with esbuild; onnxruntime-node from the ${ort.source} (${path.relative(REPO_DIR, ort.dir)})`,
    );
    const env = { ...trained.functionEnv, NODE_PATH: ort.dir };
    const setup = { handlerFile, image: o.image, expectedLabel: o.expectedLabel, env, ortFrom: ort.source };
    const cold = await attempt(results, COLD_START_FIGURES, 'cold start', log, () =>
      measureColdStart(setup, o.coldStartRuns, log),
    );
    if (cold) Object.assign(results.digits, cold);

    log(`POST /digits/predict × ${o.httpRuns} through serverless-offline…`);
    const http = await attempt(results, HTTP_FIGURES, 'HTTP', log, () =>
      measureHttp(trained.stack.httpUrl, o.image, o.httpRuns, o.httpWarmup),
    );
    if (http) Object.assign(results.http, http);
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
    await trained.stop();
  }
}
