export { type LoadedModel, ModelCache } from '@serverless-ml/model-store';
