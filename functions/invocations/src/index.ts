// For other callers and tests: the endpoint's pure parts, without the handler's cold-start setup.

export { buildFeeds, kFeed } from './build-feeds';
export { type AnswerFormat, answerFormatOf, bodyFormatOf } from './content-negotiation';
export { type Answer, csvField, formatAnswer } from './format-answer';
export { NotAcceptableError, PayloadTooLargeError, UnsupportedMediaTypeError } from './invocation-errors';
export { DEFAULT_K, MAX_BODY_BYTES, MAX_ROWS } from './invocation-limits';
// Batch scoring (functions/batch-scoring) scores each shard through the same path as the endpoint.
export { type InvokeDeps, invokeModel } from './invoke-model';
export { type BodyFormat, type Cell, type ParseOptions, parseInvocation } from './parse-invocation';
export { type ClassPrediction, type Prediction, readPredictions } from './read-predictions';
export { modelCacheFactory, type ServingModel, ServingModels } from './serving-models';
