export { createS3Client, type S3Settings } from './s3-client';
export { ObjectStore } from './object-store';
export { ModelStore, newVersionId, type ModelArtifact, type ModelPointer, type PublishedModel } from './model-store';
