import {
  createS3Client,
  ModelContractError,
  ModelIntegrityError,
  ModelStore,
  ObjectStore,
  verifyVersion,
} from '@serverless-ml/model-store';
import type { LocalStack } from './local-stack';
import { S3RVER_CREDENTIALS } from './s3-server';

/** The models `pnpm start` serves, in the order it trains them. */
export const START_MODELS = ['digits', 'rain', 'stores', 'housing'] as const;
export type StartModel = (typeof START_MODELS)[number];

/** Each model's promoted version; absent when it has none. */
export type PromotedVersions = Partial<Record<StartModel, string>>;

/** What `pnpm start` trains, and which promoted versions it keeps serving. */
export interface TrainingPlan {
  train: StartModel[];
  kept: { model: StartModel; version: string }[];
}

/**
 * Trains only the models without a promoted version, so a restart keeps what a user trained
 * (from another dataset, say) or promoted by hand; `retrain` trains every model from data/.
 */
export function planTraining(promoted: PromotedVersions, retrain: boolean): TrainingPlan {
  const kept = retrain
    ? []
    : START_MODELS.flatMap((model) => {
        const version = promoted[model];
        return version === undefined ? [] : [{ model, version }];
      });
  return { train: START_MODELS.filter((model) => !kept.some((k) => k.model === model)), kept };
}

/** The plan in words for the start log: what is kept, what is trained and why. */
export function describePlan(plan: TrainingPlan, retrain: boolean): string[] {
  if (retrain) return [`retraining ${plan.train.join(', ')} from data/ (--retrain / RETRAIN=1)`];
  const lines: string[] = [];
  if (plan.kept.length > 0) {
    const kept = plan.kept.map(({ model, version }) => `${model}@${version}`).join(', ');
    lines.push(`keeping the promoted ${kept} (pnpm start --retrain trains new versions from data/)`);
  }
  if (plan.train.length > 0) lines.push(`training ${plan.train.join(', ')}: no promoted version yet`);
  return lines;
}

/**
 * Reads the promoted version of every START_MODELS model from the stack's model bucket, keeping
 * only those that can be served: the whole version verifies (metadata per the contract, every
 * artifact's sha256). Any other is logged with why, and trained again.
 */
export async function readPromotedVersions(
  stack: Pick<LocalStack, 's3Endpoint' | 'buckets'>,
  log: (line: string) => void = console.log,
): Promise<PromotedVersions> {
  const s3 = createS3Client({ region: 'us-east-1', endpoint: stack.s3Endpoint, credentials: S3RVER_CREDENTIALS });
  try {
    const store = new ModelStore(new ObjectStore(s3, stack.buckets.models));
    const promoted: PromotedVersions = {};
    for (const model of START_MODELS) {
      let pointer: Awaited<ReturnType<ModelStore['latest']>>;
      try {
        pointer = await store.latest(model);
        if (pointer === undefined) continue;
        await verifyVersion(store, model, pointer.version, [pointer.modelSha256]);
        promoted[model] = pointer.version;
      } catch (error) {
        if (!(error instanceof ModelIntegrityError || error instanceof ModelContractError)) throw error;
        log(`cannot serve the promoted ${model}: ${error.message}; training it again`);
      }
    }
    return promoted;
  } finally {
    s3.destroy();
  }
}
