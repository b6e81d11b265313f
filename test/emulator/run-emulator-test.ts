// `pnpm test:emulator`: the whole `--stage local` story on MiniStack, from nothing — install and
// start it, deploy, upload data/, train every model, predict, the HTTP API, the console in Chromium, SageMaker's
// InvokeEndpoint (fetch and the SDK), training jobs and batch scoring on its Step Functions, a pod from the embedded
// stack, remove, stop — each step
// bounded in time and named when it fails. Not part of `pnpm test` (it needs python3 and Chromium, and takes minutes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureMiniStack, miniStackSettings, type RunningMiniStack, startMiniStack } from '@serverless-ml/emulator';
import { bucketNames, stackSettings, uploadSeedData } from '@serverless-ml/local-stack';
import { MODELS } from '../../functions/ml-train/src/schema';
import { freePort } from '../support/free-port';
import { checkBatch } from './batch-checks';
import { checkConsole } from './console-check';
import { checkApi } from './http-checks';
import { checkInvocations, type InvocationAnswer } from './invocation-checks';
import { checkJobs } from './jobs-checks';
import { podAcrossTargets } from './pod-across-targets';
import { invokeEndpointThroughSdk } from './sagemaker-sdk-check';
import { type CommandResult, runCommand, runSteps, StepError } from './step-runner';

const SERVICE_DIR = path.resolve(__dirname, '../..');
// The AWS SDK's notice that its 2027 releases need Node 22 (ours are pinned).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const MINUTE = 60_000;
// Housing has a step of its own (its default algorithm, its r²); the others train together.
const FIRST_MODELS = MODELS.filter((m) => m !== 'housing');

async function main() {
  const port = Number(process.env.LOCALSTACK_PORT || (await freePort()));
  const settings = miniStackSettings({ ...process.env, LOCALSTACK_PORT: String(port) });
  const slsEnv = {
    LOCALSTACK_PORT: String(port),
    ESBUILD_WORK_FOLDER: '.esbuild-emulator',
    SLS_TELEMETRY_DISABLED: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const work = mkdtempSync(path.join(tmpdir(), 'test-emulator-'));
  let ministack: RunningMiniStack | undefined;
  let apiBase = '';
  let deployed = false;
  const trained: Record<string, string> = {};
  let housingAnswer: InvocationAnswer<number> | undefined;

  const sls = async (args: string[], timeoutMs = 100_000): Promise<CommandResult> => {
    const result = await runCommand(
      'pnpm',
      ['exec', 'sls', ...args, '--stage', 'local'],
      slsEnv,
      SERVICE_DIR,
      timeoutMs,
    );
    if (result.code !== 0) {
      throw new StepError(`sls ${args.join(' ')} exited with ${result.code}`, result.stdout + result.stderr);
    }
    return result;
  };
  const pnpm = async (args: string[], timeoutMs = 100_000) => {
    const result = await runCommand('pnpm', args, slsEnv, SERVICE_DIR, timeoutMs);
    if (result.code !== 0)
      throw new StepError(`pnpm ${args.join(' ')} exited with ${result.code}`, result.stdout + result.stderr);
    return result;
  };
  // `sls invoke` prints the payload as JSON after serverless-localstack's own lines.
  const payload = <T>(out: string): T => JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1)) as T;
  const invoke = async <T>(fn: string, data?: unknown, extra: string[] = []) =>
    payload<T>((await sls(['invoke', '-f', fn, ...(data ? ['-d', JSON.stringify(data)] : []), ...extra])).stdout);

  const cleanup = async () => {
    if (deployed && ministack) {
      await runCommand('pnpm', ['exec', 'sls', 'remove', '--stage', 'local'], slsEnv, SERVICE_DIR, MINUTE);
    }
    await ministack?.stop();
    rmSync(work, { recursive: true, force: true });
    rmSync(path.join(SERVICE_DIR, '.esbuild-emulator'), { recursive: true, force: true });
  };

  // Ctrl-C or a CI timeout: MiniStack runs in its own process group, so stop it (and remove the stack) first.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  const ok = await runSteps(
    [
      {
        name: `install MiniStack ${settings.version} into ${path.relative(SERVICE_DIR, settings.venvDir)}`,
        timeoutMs: 3 * MINUTE,
        run: async () => ensureMiniStack(settings, () => {}),
      },
      {
        name: `start MiniStack on 127.0.0.1:${port}`,
        timeoutMs: MINUTE,
        run: async () => {
          ministack = await startMiniStack(settings);
          return `MiniStack ${ministack.version}`;
        },
      },
      {
        name: 'build the ONNX Runtime layer',
        timeoutMs: 3 * MINUTE,
        run: async () => void (await pnpm(['build:layer'])),
      },
      {
        name: 'sls deploy --stage local',
        timeoutMs: 5 * MINUTE,
        run: async () => {
          const { stdout, stderr } = await sls(['deploy'], 4.5 * MINUTE);
          deployed = true;
          const out = stdout + stderr;
          if (!out.includes('ONNX Runtime is attached as the onnxruntime layer (MiniStack')) {
            throw new StepError('the log does not say that the layer was chosen for MiniStack', out);
          }
          const url = /POST - (http:\/\/localhost:\d+\/_aws\/execute-api\/[a-z0-9]+)\/digits\/predict/.exec(out);
          if (!url) throw new StepError("no API URL in MiniStack's form (…/_aws/execute-api/<id>/…) was printed", out);
          apiBase = url[1];
          return apiBase;
        },
      },
      {
        name: 'upload data/ to the data bucket',
        timeoutMs: MINUTE,
        run: async () =>
          (await uploadSeedData(stackSettings({ STAGE: 'local' }), `http://127.0.0.1:${port}`)).join(', '),
      },
      {
        name: `sls invoke -f ml-train for ${FIRST_MODELS.join(', ')}`,
        timeoutMs: 4 * MINUTE,
        run: async () => {
          for (const model of FIRST_MODELS) {
            const result = await invoke<{ version?: string }>('ml-train', { model });
            if (!result.version)
              throw new StepError(`training ${model} returned no version: ${JSON.stringify(result)}`);
            trained[model] = result.version;
          }
          return Object.entries(trained)
            .map(([m, v]) => `${m}@${v}`)
            .join(', ');
        },
      },
      {
        name: `sls invoke -f ml-train -d '{"model":"housing"}': gbm, the default algorithm`,
        timeoutMs: 2 * MINUTE,
        run: async () => {
          const result = await invoke<{ version?: string; algorithm?: string; metrics?: { r2?: number } }>('ml-train', {
            model: 'housing',
          });
          const r2 = result.metrics?.r2;
          // The test split's r² is 0.84 on the embedded stack; the mean predicts 0.
          if (!result.version || result.algorithm !== 'gbm' || r2 === undefined || r2 < 0.8) {
            throw new StepError(`expected a gbm version with r² ≥ 0.8, got ${JSON.stringify(result)}`);
          }
          trained.housing = result.version;
          return `housing@${result.version}, r² ${r2}`;
        },
      },
      {
        name: 'sls invoke -f ml-predict --log: the tutorial test set',
        timeoutMs: 2 * MINUTE,
        run: async () => {
          const { stdout } = await sls(['invoke', '-f', 'ml-predict', '--log']);
          for (const expected of ['--> prediction result: [8 8 4 9 0 8 9 8 1 2', '(871/899)']) {
            if (!stdout.includes(expected)) throw new StepError(`the output lacks "${expected}"`, stdout);
          }
          return '871/899, --> prediction result: [8 8 4 9 0 8 9 8 1 2 …]';
        },
      },
      {
        // A thrown error is reported as on AWS (200 with X-Amz-Function-Error, so sls exits 1), but
        // MiniStack's warm Node worker sends only `err.message` and its invoke labels every thrown
        // error "Runtime.HandlerError" (ministack/services/lambda_svc.py, the local executor), where
        // AWS and the embedded stack report the class, "ValidationError". HTTP routes are not
        // affected: their errors are answers, mapped inside the function. Pinned here: if MiniStack
        // starts reporting the class, this step fails and the README's note can go.
        name: 'a thrown error through sls invoke: exit 1, errorType "Runtime.HandlerError" (AWS: the class)',
        timeoutMs: MINUTE,
        run: async () => {
          const result = await runCommand(
            'pnpm',
            ['exec', 'sls', 'invoke', '-f', 'ml-train', '-d', '{"model":"nope"}', '--stage', 'local'],
            slsEnv,
            SERVICE_DIR,
            50_000,
          );
          const out = result.stdout + result.stderr;
          const thrown = payload<{ errorType?: string; errorMessage?: string }>(result.stdout);
          if (result.code === 0 || !out.includes('Invoked function failed')) {
            throw new StepError('expected sls invoke to fail with "Invoked function failed"', out);
          }
          if (
            thrown.errorType !== 'Runtime.HandlerError' ||
            !thrown.errorMessage?.startsWith('Invalid ml-train event')
          ) {
            throw new StepError(
              `expected errorType Runtime.HandlerError and the handler's message, got ${JSON.stringify(thrown)}`,
              out,
            );
          }
          return `exit ${result.code}, ${thrown.errorType}: ${thrown.errorMessage}`;
        },
      },
      {
        name: "the HTTP API through MiniStack's execute-api: answers and 4xx",
        timeoutMs: 2 * MINUTE,
        run: async () => checkApi(apiBase).then(() => 'all routes, 4xx and the unknown-route 404'),
      },
      {
        name: "the web console through MiniStack's execute-api prefix, in Chromium: the models and housing's plots",
        timeoutMs: MINUTE,
        run: async () => checkConsole(apiBase, MODELS),
      },
      {
        name: "POST /endpoints/{name}/invocations and GET /ping through MiniStack's execute-api",
        timeoutMs: MINUTE,
        run: async () => {
          housingAnswer = await checkInvocations(apiBase, trained);
          return `housing CSV → ${housingAnswer.predictions.join(', ')}, digits JSON → 0, ping ok, 8 columns → 400`;
        },
      },
      {
        name: "@aws-sdk/client-sagemaker-runtime InvokeEndpoint, endpoint = MiniStack's API URL",
        timeoutMs: MINUTE,
        run: async () => {
          if (!housingAnswer) throw new StepError('no housing answer through fetch to compare with');
          return invokeEndpointThroughSdk(apiBase, housingAnswer);
        },
      },
      {
        name: "training jobs on MiniStack's Step Functions: POST /jobs, and StartExecution read through GET /jobs/{id}",
        timeoutMs: 5 * MINUTE,
        run: async () => checkJobs(apiBase, port, 4.5 * MINUTE),
      },
      {
        name: "batch scoring on MiniStack's Step Functions: POST /batch → a Map over 3 shards → the manifest",
        timeoutMs: 3 * MINUTE,
        run: async () =>
          checkBatch(apiBase, port, bucketNames(stackSettings({ STAGE: 'local' })).data, SERVICE_DIR, 2.5 * MINUTE),
      },
      {
        name: 'a pod from the embedded stack, loaded into MiniStack: the same predictions and answers',
        timeoutMs: 8 * MINUTE,
        run: async () => podAcrossTargets(port, work, pnpm, invoke, apiBase),
      },
      {
        name: 'sls remove --stage local',
        timeoutMs: 2 * MINUTE,
        run: async () => {
          await sls(['remove'], 100_000);
          deployed = false;
          return undefined;
        },
      },
      {
        name: 'stop MiniStack',
        timeoutMs: MINUTE,
        run: async () => {
          await ministack?.stop();
          ministack = undefined;
          return undefined;
        },
      },
    ],
    cleanup,
  );
  process.exit(ok ? 0 : 1);
}

main().catch((error: Error) => {
  console.error(`test:emulator: ${error.message}`);
  process.exit(1);
});
