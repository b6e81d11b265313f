export { type InvokeResult, type LocalStack, startLocalStack } from './local-stack';
export { type OfflineServer, startOffline } from './offline-server';
export { S3RVER_CREDENTIALS, startS3, uploadSeedData } from './s3-server';
export { bucketNames, type StackSettings, stackSettings } from './settings';
