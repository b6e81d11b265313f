export { buildModel, floatTensor, type GraphSpec, int64Tensor, node } from './onnx-graph';
export { createSession, loadOrt, type Ort, type OrtSession } from './ort-session';
