import { createS3Client, ModelRegistry, ModelStore, ObjectStore } from '@serverless-ml/model-store';
import { type CliTarget, resolveTarget } from './cli-target';
import { explainError } from './explain-error';
import {
  formatClean,
  formatModelList,
  formatModelVersions,
  formatPromotion,
  formatVersionDetail,
} from './format-models';
import { invokeEndpoint } from './invoke-endpoint';
import { isJobsCommand } from './jobs-command';
import { type CliCommand, parseCommand, USAGE, UsageError } from './parse-args';
import { runJobs } from './run-jobs';

/** Where the CLI writes: stdout for results, stderr for errors. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

type Registry = Pick<ModelRegistry, 'listModels' | 'listVersions' | 'showVersion' | 'promote' | 'rollback' | 'clean'>;

/** The registry on the target's bucket: one S3 client for the whole run. */
export function registryFor(target: CliTarget): { registry: Registry; close: () => void } {
  const s3 = createS3Client(target.s3);
  return { registry: new ModelRegistry(new ModelStore(new ObjectStore(s3, target.bucket))), close: () => s3.destroy() };
}

type ModelsCommand = Extract<CliCommand, { target: unknown }>;

async function execute(command: ModelsCommand, registry: Registry): Promise<string> {
  const print = (value: unknown, human: () => string) => (command.json ? JSON.stringify(value, null, 2) : human());
  switch (command.kind) {
    case 'list': {
      const models = await registry.listModels();
      return print({ models }, () => formatModelList(models));
    }
    case 'show': {
      if (command.version === undefined) {
        const versions = await registry.listVersions(command.name);
        return print(versions, () => formatModelVersions(versions));
      }
      const detail = await registry.showVersion(command.name, command.version);
      return print(detail, () => formatVersionDetail(detail));
    }
    case 'promote': {
      const result = await registry.promote(command.name, command.version);
      return print(result, () => formatPromotion(result, 'promote'));
    }
    case 'rollback': {
      const result = await registry.rollback(command.name);
      return print(result, () => formatPromotion(result, 'rollback'));
    }
    case 'clean': {
      const result = await registry.clean({ model: command.name, dryRun: command.dryRun });
      return print(result, () => formatClean(result, command.dryRun));
    }
  }
}

/** Runs `ml models …` and returns the exit code: 0 done, 1 failed, 2 bad command line. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  open: (target: CliTarget) => { registry: Registry; close: () => void } = registryFor,
): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`ml: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.kind === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (isJobsCommand(command)) {
    try {
      const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
      return await runJobs(command, { out: io.out, progress: io.err, sleep, env });
    } catch (error) {
      io.err(`ml: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }
  if (command.kind === 'invoke') {
    try {
      io.out(await invokeEndpoint(command, env));
      return 0;
    } catch (error) {
      io.err(`ml: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }
  const target = resolveTarget(command.target, env);
  const { registry, close } = open(target);
  try {
    io.out(await execute(command, registry));
    return 0;
  } catch (error) {
    io.err(`ml: ${explainError(error, target)}`);
    return 1;
  } finally {
    close();
  }
}
