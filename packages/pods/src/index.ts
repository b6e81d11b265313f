export { BucketPodReader, BucketPodWriter, versionPrefix } from './bucket-pods';
export { deepMergeJson, isModelPointer, newerPointer } from './deep-merge-json';
export { formatInspection, formatLoadReport } from './format-pod';
export { inspectPod, type PodInspection, type PodModel } from './inspect-pod';
export { type LoadOptions, type LoadReport, loadPod } from './load-pod';
export { loadPodIntoStack, type StackPodOptions } from './load-pod-into-stack';
export { type LoadPlan, planLoad, STRATEGIES, type Strategy } from './plan-load';
export { loadPodFrom, savePodTo, withPod } from './pod-actions';
export {
  POD_FORMAT,
  type PodDescriptor,
  PodIntegrityError,
  type PodManifest,
  type PodObject,
} from './pod-format';
export type { PodReader, PodWriter } from './pod-io';
export { type PodRef, parsePodRef } from './pod-ref';
export { type PodSettings, podS3Client, podSettings } from './pod-settings';
export { deletePod, listPods, listVersions, openPodReader } from './pod-store';
export { type SaveOptions, savePod } from './save-pod';
export { ZipPodReader, ZipPodWriter } from './zip-pods';
