// Serving needs only sessions; the graph builder (onnx-proto) is `@serverless-ml/onnx/graph`,
// so it stays out of prediction bundles.
export { createSession, loadOrt, type Ort, type OrtSession } from './ort-session';
