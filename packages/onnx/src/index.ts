export { buildModel, floatTensor, int64Tensor, node, type GraphSpec } from './onnx-graph';
export { loadOrt, createSession, type Ort, type OrtSession } from './ort-session';
