import { createHash } from 'node:crypto';

/** Hex SHA-256 of a buffer: identifies a dataset or model artifact exactly. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
