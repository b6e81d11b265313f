import '@serverless-ml/config';
import * as z from 'zod/mini';
import { PLOT_ID_PATTERN } from './model-names';

/**
 * The model-version contract: what `latest.json` and every version's `metadata.json` hold. Every
 * writer (the trainers, promote, rollback) and every reader (the registry, the model cache, the
 * invocations endpoint) goes through these schemas, so a malformed file is an error naming it,
 * never a key like `undefinedmodel.onnx`.
 */

const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: 'must be a sha256 in lowercase hex' }));
const nonEmpty = z.string().check(z.minLength(1));
const isoDate = z.string().check(z.minLength(10));

/** One earlier promotion, kept in the pointer so that a rollback is a single write. */
export const promotionRecordSchema = z.object({ version: nonEmpty, modelSha256: sha256, promotedAt: isoDate });

/** `models/<name>/latest.json`: the promoted version and the ones promoted before it (newest first). */
export const modelPointerSchema = z.object({
  model: nonEmpty,
  version: nonEmpty,
  prefix: nonEmpty,
  modelSha256: sha256,
  /** When this pointer was written: by a publish, a promote or a rollback. */
  publishedAt: isoDate,
  history: z.optional(z.array(promotionRecordSchema)),
});

/** What a model does, which decides how its answers read (and how the invocations endpoint calls it). */
export const MODEL_TASKS = ['classification', 'binary-classification', 'regression', 'nearest-neighbours'] as const;
export type ModelTask = (typeof MODEL_TASKS)[number];

/** One input column as a client sends it (a row of the training CSV without its target). */
export const featureSchema = z.discriminatedUnion('type', [
  z.object({
    name: nonEmpty,
    type: z.literal('number'),
    /** An empty cell is allowed and imputed inside the graph (sent as NaN). */
    nullable: z.optional(z.boolean()),
    description: z.optional(z.string()),
  }),
  z.object({
    name: nonEmpty,
    type: z.literal('category'),
    categories: z.array(nonEmpty).check(z.minLength(1)),
    description: z.optional(z.string()),
  }),
]);

/**
 * One ONNX input tensor, shaped `[N, features.length]`, filled from the named features in order.
 * `encoding: 'unit-vector'` (nearest-neighbours) turns `[latitude, longitude]` in degrees into the
 * `[x, y, z]` point on the unit sphere the graph expects.
 */
export const inputTensorSchema = z.object({
  name: nonEmpty,
  type: z.enum(['float32', 'float64', 'string']),
  features: z.array(nonEmpty).check(z.minLength(1)),
  encoding: z.optional(z.literal('unit-vector')),
});

/** The input schema: the columns in the order a CSV row gives them, and how they reach the graph. */
export const inputSchema = z.object({
  features: z.array(featureSchema).check(z.minLength(1)),
  tensors: z.array(inputTensorSchema).check(z.minLength(1)),
});

/** The output: which ONNX output answers, and what it means. */
export const outputSchema = z.object({
  /** ONNX output name holding the answer (`variable`, `label`, `probability`, `indices`). */
  tensor: nonEmpty,
  /** The target's name in the dataset (`median_house_value`, `label`, `rain_tomorrow`). */
  name: nonEmpty,
  /** Classes in the order of the score columns (classification). */
  classes: z.optional(z.array(z.union([z.number(), z.string()]))),
  description: z.optional(z.string()),
});

/** Every file of a version but metadata.json itself, with what it must hash to. */
export const artifactRecordSchema = z.object({
  name: nonEmpty,
  sha256,
  size: z.int().check(z.nonnegative()),
  contentType: nonEmpty,
});

/** The media type every plot is stored with. */
export const PLOT_CONTENT_TYPE = 'image/svg+xml';

/** A plot made at training time on the test rows: an SVG artifact of the version (`plots/<id>.svg`). */
export const plotRecordSchema = z.object({
  id: z.string().check(z.regex(PLOT_ID_PATTERN, { error: 'must be a plot id (lower-case letters, digits, -)' })),
  title: nonEmpty,
  /** The artifact holding the SVG, relative to the version folder. */
  file: nonEmpty,
});

/**
 * `models/<name>/versions/<version>/metadata.json`, written last by a publish: a version exists
 * only once this file is there and every artifact it lists checks out. Trainers add their own
 * sections (a digits classification report, rain's feature descriptions, stores' problem rows).
 */
const metadataCore = z.object({
  model: nonEmpty,
  version: nonEmpty,
  task: z.enum(MODEL_TASKS),
  /** Short id (`svc`, `boosted-trees`, `exact-knn`, `linear`, `forest`, `gbm`, `mlp`). */
  algorithm: nonEmpty,
  algorithmDescription: z.optional(z.string()),
  hyperParameters: z.record(z.string(), z.unknown()),
  seed: z.nullable(z.number()),
  input: inputSchema,
  output: outputSchema,
  /** Test-set figures of the exported model as ONNX Runtime computes them. */
  metrics: z.record(z.string(), z.number()),
  /** The same figures for trivial predictors (predict the mean, always dry, persistence). */
  baselines: z.record(z.string(), z.number()),
  dataset: z.looseObject({
    key: nonEmpty,
    sha256,
    rows: z.int(),
    trainRows: z.int(),
    testRows: z.int(),
    invalidRows: z.optional(z.int()),
  }),
  onnx: z.looseObject({ sha256 }),
  artifacts: z.array(artifactRecordSchema).check(z.minLength(1)),
  /** Absent in versions trained before plots were made. */
  plots: z.optional(z.array(plotRecordSchema)),
  trainEvent: z.record(z.string(), z.unknown()),
  codeVersion: z.string(),
  versions: z.record(z.string(), z.string()),
  trainingMs: z.number(),
  trainedAt: isoDate,
});
export const versionMetadataSchema = z.looseObject(metadataCore.shape).check(
  z.superRefine((metadata, ctx) => {
    // A plot is served from its artifact: it must be one, checked (sha256) like every other file.
    const svgs = new Set(metadata.artifacts.filter((a) => a.contentType === PLOT_CONTENT_TYPE).map((a) => a.name));
    const ids = new Set<string>();
    (metadata.plots ?? []).forEach((plot, i) => {
      if (!svgs.has(plot.file)) {
        ctx.addIssue({
          code: 'custom',
          path: ['plots', i, 'file'],
          message: `${plot.file} is not an ${PLOT_CONTENT_TYPE} artifact of this version`,
          input: plot.file,
        });
      }
      if (ids.has(plot.id))
        ctx.addIssue({
          code: 'custom',
          path: ['plots', i, 'id'],
          message: `plot id ${plot.id} is listed twice`,
          input: plot.id,
        });
      ids.add(plot.id);
    });
  }),
);

export type ModelPointer = z.infer<typeof modelPointerSchema>;
export type PromotionRecord = z.infer<typeof promotionRecordSchema>;
export type Feature = z.infer<typeof featureSchema>;
export type InputTensor = z.infer<typeof inputTensorSchema>;
export type InputSchema = z.infer<typeof inputSchema>;
export type OutputSchema = z.infer<typeof outputSchema>;
export type ArtifactRecord = z.infer<typeof artifactRecordSchema>;
export type PlotRecord = z.infer<typeof plotRecordSchema>;
/** A version's metadata.json: the contract's fields (a trainer's own sections come on top). */
export type ModelMetadata = z.infer<typeof metadataCore> & Record<string, unknown>;
/** What a trainer hands to `publish`: everything but what publish itself records, plus its own sections. */
export type MetadataDraft = DraftFields<'version' | 'artifacts' | 'onnx' | 'trainedAt'>;
/** The contract's fields but `omitted`, with publish's optional ones and a trainer's own sections. */
export type DraftFields<Omitted extends string> = Omit<z.infer<typeof metadataCore>, Omitted | 'onnx' | 'trainedAt'> & {
  onnx?: Record<string, unknown>;
  trainedAt?: string;
  [section: string]: unknown;
};

/** A registry file (`latest.json`, `metadata.json`) that does not follow the contract: named, with what is wrong. */
export class ModelContractError extends Error {
  constructor(
    readonly key: string,
    problem: string,
  ) {
    super(`${key} is not a valid registry file: ${problem}`);
    this.name = 'ModelContractError';
  }
}

function parseFile<T>(schema: z.ZodMiniType<T>, bytes: Uint8Array | string, key: string): T {
  let json: unknown;
  try {
    json = JSON.parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new ModelContractError(key, `not JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length ? issue.path.join('.') : 'the file';
  throw new ModelContractError(key, `${where}: ${issue.message}`);
}

/** Reads a `latest.json`; ModelContractError naming `key` when it is not one. */
export function parseModelPointer(bytes: Uint8Array | string, key: string): ModelPointer {
  return parseFile(modelPointerSchema, bytes, key);
}

/** Reads a version's `metadata.json`; ModelContractError naming `key` when it is not one. */
export function parseModelMetadata(bytes: Uint8Array | string, key: string): ModelMetadata {
  return parseFile(versionMetadataSchema, bytes, key);
}
