export { type LoadedModel, ModelCache } from './model-cache';
export { type ModelArtifact, type ModelPointer, ModelStore, newVersionId, type PublishedModel } from './model-store';
export { ObjectStore } from './object-store';
export { createS3Client, type S3Settings } from './s3-client';
