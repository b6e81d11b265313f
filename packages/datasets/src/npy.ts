/** An n-dimensional array as NumPy's `.npy` format stores it (C order). */
export type NpyArray =
  | { dtype: '<f8'; shape: number[]; data: Float64Array }
  | { dtype: '<f4'; shape: number[]; data: Float32Array }
  | { dtype: '<i8'; shape: number[]; data: BigInt64Array }
  | { dtype: '<i4'; shape: number[]; data: Int32Array };

const MAGIC = Buffer.from([0x93, ...Buffer.from('NUMPY')]);

/**
 * Encodes a `.npy` v1.0 file, loadable with `numpy.load` — the format of the LocalStack
 * tutorial's `test-set.npy`. No kept npm package writes it (npyjs only reads).
 */
export function encodeNpy(array: NpyArray): Buffer {
  const count = array.shape.reduce((a, b) => a * b, 1);
  if (count !== array.data.length) {
    throw new Error(`shape ${array.shape.join('×')} needs ${count} values, got ${array.data.length}`);
  }
  const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  let header = `{'descr': '${array.dtype}', 'fortran_order': False, 'shape': ${shape}, }`;
  // The preamble (magic, version, length) plus header is padded to a multiple of 64 bytes.
  const unpadded = MAGIC.length + 2 + 2 + header.length + 1;
  header += `${' '.repeat((64 - (unpadded % 64)) % 64)}\n`;
  const head = Buffer.alloc(MAGIC.length + 4);
  MAGIC.copy(head);
  head[6] = 1;
  head[7] = 0;
  head.writeUInt16LE(header.length, 8);
  const body = Buffer.from(array.data.buffer, array.data.byteOffset, array.data.byteLength);
  return Buffer.concat([head, Buffer.from(header, 'latin1'), body]);
}

/** Decodes a little-endian, C-ordered `.npy` file of f8, f4, i8 or i4. */
export function decodeNpy(file: Uint8Array): NpyArray {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (!buf.subarray(0, 6).equals(MAGIC)) throw new Error('not a .npy file (bad magic)');
  const major = buf[6];
  const headerLength = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = buf.subarray(start, start + headerLength).toString('latin1');
  const dtype = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (/'fortran_order':\s*True/.test(header)) throw new Error('Fortran-ordered .npy is not supported');
  if (dtype === undefined || shapeText === undefined) throw new Error('.npy header is malformed');
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  // Copy so the typed array is aligned whatever the header length.
  const bytes = new Uint8Array(buf.subarray(start + headerLength)).buffer;
  switch (dtype) {
    case '<f8':
      return { dtype, shape, data: new Float64Array(bytes) };
    case '<f4':
      return { dtype, shape, data: new Float32Array(bytes) };
    case '<i8':
      return { dtype, shape, data: new BigInt64Array(bytes) };
    case '<i4':
      return { dtype, shape, data: new Int32Array(bytes) };
    default:
      throw new Error(`unsupported .npy dtype ${dtype}`);
  }
}
