export { type InvokeResult, type LocalStack, startLocalStack } from './local-stack';
export { S3RVER_CREDENTIALS } from './s3-server';
export { bucketNames, type StackSettings, stackSettings } from './settings';
