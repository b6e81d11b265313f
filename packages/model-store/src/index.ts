export { type LoadedModel, ModelCache } from './model-cache';
export {
  type ArtifactRecord,
  type Feature,
  type InputSchema,
  type InputTensor,
  MODEL_TASKS,
  ModelContractError,
  type ModelMetadata,
  type ModelTask,
  type OutputSchema,
  PLOT_CONTENT_TYPE,
  type PlotRecord,
  parseModelMetadata,
  parseModelPointer,
} from './model-contract';
export {
  checkModelName,
  checkPlotId,
  checkVersionId,
  MODEL_NAME_PATTERN,
  PLOT_ID_PATTERN,
  VERSION_ID_PATTERN,
} from './model-names';
export { MAX_POINTER_HISTORY, type ModelPointer, type PromotionRecord } from './model-pointer';
export type { PromotionResult } from './model-promotion';
export {
  type CleanResult,
  type Integrity,
  ModelRegistry,
  type ModelSummary,
  type ModelVersions,
  ORPHAN_MIN_AGE_MS,
  type VersionDetail,
  type VersionSummary,
} from './model-registry';
export { type ModelArtifact, ModelStore, newVersionId, type PublishedModel } from './model-store';
export {
  type ObjectListing,
  ObjectStore,
  type TaggedObject,
  type WriteCondition,
  WriteConflictError,
} from './object-store';
export { MAX_PINNED_VERSIONS } from './pinned-models';
export { ModelIntegrityError, RegistryConflictError } from './registry-errors';
export { createS3Client, type S3Settings, S3UnavailableError, unavailableReason } from './s3-client';
export {
  readVersionState,
  sha256Hex,
  type VerifiedVersion,
  type VersionState,
  verifyModelBytes,
  verifyVersion,
} from './version-integrity';
export { headlineMetrics } from './version-metadata';
export { type PlotLink, plotUrl } from './version-plots';
