import type * as OrtModule from 'onnxruntime-node';

export type Ort = typeof OrtModule;
export type OrtSession = OrtModule.InferenceSession;

let ort: Ort | undefined;

/**
 * Loads onnxruntime-node once: from the layer (`/opt/nodejs/node_modules`, on NODE_PATH) or
 * the workspace; when ONNX Runtime is bundled into the function instead (LocalStack
 * Community runs no layers) from `ORT_MODULE_DIR`.
 */
export function loadOrt(env: NodeJS.ProcessEnv = process.env): Ort {
  if (ort) return ort;
  const bundledDir = env.ORT_MODULE_DIR;
  // A computed path keeps esbuild from trying to bundle the native module.
  ort = bundledDir ? (require(`${bundledDir}/onnxruntime-node`) as Ort) : (require('onnxruntime-node') as Ort);
  return ort;
}

/**
 * One session per model per container. Lambda gives ~1 vCPU per 1.8 GB, so one intra-op thread
 * without spin-waiting is fastest and leaves the CPU to the event loop.
 */
export async function createSession(model: Uint8Array): Promise<OrtSession> {
  return loadOrt().InferenceSession.create(model, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  });
}
