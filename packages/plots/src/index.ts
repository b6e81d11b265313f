export type { TopLevelSpec as PlotSpec } from 'vega-lite';
export { type ReliabilityBin, type RocPoint, reliabilityBins, rocCurve, rocPointOf } from './binary-curves';
export { type ReliabilitySeries, type RocBaseline, reliabilitySpec, rocCurveSpec } from './binary-plots';
export { type ConfusionMatrixData, confusionMatrixSpec } from './confusion-matrix';
export { PLOT_CONFIG, sampleEvenly } from './plot-theme';
export {
  MAX_SCATTER_POINTS,
  predictedVsActualSpec,
  type RegressionResults,
  type ResidualDecile,
  residualDeciles,
  residualsByDecileSpec,
} from './regression-plots';
export { loadVega, renderSvg } from './render-svg';
export { MAX_MAP_POINTS, type StorePoint, type StoresOnMap, storeMapSpec, storesOnMap } from './store-map';
