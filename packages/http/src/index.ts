// What an HTTP event is lives in @serverless-ml/errors (its responder needs it too); handlers take it from here.
export { type HttpApiEvent, type HttpResponse, isHttpEvent, isRecord } from '@serverless-ml/errors';
export { jsonObjectBody } from './json-body';
export { type NumberRule, numberParam, numberParamRules, readNumber, shown } from './number-param';
export {
  cleanParam,
  cleanParams,
  invocationParams,
  queryParamsOf,
  refuseQueryParams,
  unknownParamsMessage,
} from './query-params';
export { type BodyInput, type InputSource, ok, type QueryInput, readInput } from './read-input';
