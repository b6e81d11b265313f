export { jsonObjectBody } from './json-body';
export { type NumberRule, numberParam, readNumber, shown } from './number-param';
export {
  cleanParam,
  cleanParams,
  invocationParams,
  queryParamsOf,
  refuseQueryParams,
  unknownParamsMessage,
} from './query-params';
