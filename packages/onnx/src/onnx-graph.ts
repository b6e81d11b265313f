import { onnx } from 'onnx-proto';

type AttributeValue = number | number[] | string | onnx.ITensorProto;

/** A float32 initializer (weights) stored as raw little-endian bytes. */
export function floatTensor(name: string, dims: number[], values: ArrayLike<number>): onnx.ITensorProto {
  const data = Float32Array.from(values);
  return { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(data.buffer) };
}

/** A float64 initializer, for values float32 would round (e.g. coordinates resolved to millimetres). */
export function doubleTensor(name: string, dims: number[], values: ArrayLike<number>): onnx.ITensorProto {
  const data = Float64Array.from(values);
  return { name, dims, dataType: onnx.TensorProto.DataType.DOUBLE, rawData: new Uint8Array(data.buffer) };
}

/** An int64 initializer (labels, shapes) stored as raw little-endian bytes. */
export function int64Tensor(name: string, dims: number[], values: ArrayLike<number>): onnx.ITensorProto {
  const data = BigInt64Array.from(Array.from(values, (v) => BigInt(v)));
  return { name, dims, dataType: onnx.TensorProto.DataType.INT64, rawData: new Uint8Array(data.buffer) };
}

function attribute(name: string, value: AttributeValue): onnx.IAttributeProto {
  const { AttributeType } = onnx.AttributeProto;
  if (typeof value === 'string') return { name, type: AttributeType.STRING, s: Buffer.from(value) };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  if (typeof value === 'number') {
    return Number.isInteger(value) && !Object.is(value, -0)
      ? { name, type: AttributeType.INT, i: value }
      : { name, type: AttributeType.FLOAT, f: value };
  }
  return { name, type: AttributeType.TENSOR, t: value };
}

/** One graph node; attributes are inferred from JS types (integers → INT, other numbers → FLOAT). */
export function node(
  opType: string,
  inputs: string[],
  outputs: string[],
  attributes: Record<string, AttributeValue> = {},
  domain = '',
): onnx.INodeProto {
  return {
    opType,
    input: inputs,
    output: outputs,
    name: `${opType}_${outputs[0]}`,
    domain,
    attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)),
  };
}

export interface GraphSpec {
  name: string;
  nodes: onnx.INodeProto[];
  initializers: onnx.ITensorProto[];
  /** Graph inputs and outputs: element type and shape; strings are symbolic dimensions. */
  inputs: { name: string; elemType: number; shape: (number | string)[] }[];
  outputs: { name: string; elemType: number; shape: (number | string)[] }[];
  docString?: string;
  /** Key/value pairs stored in the model (visible in Netron and ORT's modelMetadata). */
  metadata?: Record<string, string>;
  opsetVersion?: number;
}

function valueInfo(v: GraphSpec['inputs'][number]): onnx.IValueInfoProto {
  const dim = v.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name: v.name, type: { tensorType: { elemType: v.elemType, shape: { dim } } } };
}

/** Serialises a graph to ONNX bytes (IR 8, default opset 17: supported by every ORT since 1.14). */
export function buildModel(spec: GraphSpec): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'serverless-ml',
    producerVersion: '0.1.0',
    opsetImport: [{ domain: '', version: spec.opsetVersion ?? 17 }],
    docString: spec.docString,
    metadataProps: Object.entries(spec.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: spec.name,
      node: spec.nodes,
      initializer: spec.initializers,
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
