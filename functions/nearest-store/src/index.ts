// For the benchmark and other callers: the domain without the handler's cold-start setup. The
// great-circle re-export stays until functions/invocations and test/bench import @serverless-ml/geo.
export { chord2ToKm, EARTH_RADIUS_KM, toUnitVector } from '@serverless-ml/geo';
export {
  findNearestStores,
  type NearestQuery,
  type NearestStore,
  type NearestStoresResult,
} from './find-nearest-stores';
export { type FindNearestTiming, measureFindNearest } from './measure-find-nearest';
export { parseStoreCatalog, type Store } from './store-catalog';
export { loadStoreIndex, type StoreIndex, StoreIndexCache } from './store-index-cache';
