export { startLocalStack, type LocalStack, type InvokeResult } from './local-stack';
export { stackSettings, bucketNames, type StackSettings } from './settings';
export { S3RVER_CREDENTIALS } from './s3-server';
