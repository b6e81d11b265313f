import { decodeNpy, encodeNpy } from './npy';

describe('encodeNpy', () => {
  it('writes the header numpy writes for a float64 matrix', () => {
    const file = encodeNpy({ dtype: '<f8', shape: [2, 3], data: new Float64Array([1, 2, 3, 4, 5, 6]) });
    // numpy.save(np.arange(1, 7, dtype='<f8').reshape(2, 3)) starts with exactly this.
    const header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
    expect(file.subarray(0, 8)).toEqual(Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]));
    expect(file.readUInt16LE(8)).toBe(118);
    expect(file.subarray(10, 10 + header.length).toString('latin1')).toBe(header);
    expect((10 + file.readUInt16LE(8)) % 64).toBe(0);
    expect(file.length).toBe(128 + 48);
  });

  it('round-trips int64 labels through decodeNpy', () => {
    const labels = new BigInt64Array([8n, 8n, 4n, 9n]);
    const back = decodeNpy(encodeNpy({ dtype: '<i8', shape: [4], data: labels }));
    expect(back.shape).toEqual([4]);
    expect(Array.from(back.data as BigInt64Array)).toEqual([8n, 8n, 4n, 9n]);
  });

  it('refuses a shape that does not match the data', () => {
    expect(() => encodeNpy({ dtype: '<i4', shape: [3], data: new Int32Array(2) })).toThrow(/needs 3 values/);
  });
});

describe('decodeNpy', () => {
  it('rejects a file that is not .npy', () => {
    expect(() => decodeNpy(Buffer.from('hello world'))).toThrow(/bad magic/);
  });
});
