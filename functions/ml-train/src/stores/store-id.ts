import { createHash } from 'node:crypto';

/** Hex digits kept: 48 bits, so two different stores share an id about once in 10¹⁴ pairs. */
const ID_LENGTH = 12;

const normalized = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A store's id for a catalog without an id column: the first 12 hex digits of the sha256 of its
 * name and address (trimmed, inner whitespace collapsed, lower-cased, NFC) and its coordinates (as
 * numbers, so `39.10` and `39.1` agree). It depends on the row's content only, never on its line,
 * so reordering or extending the file keeps every id; rows that agree on all four share an id.
 */
export function contentStoreId(store: { name: string; address: string; latitude: number; longitude: number }): string {
  const key = JSON.stringify([normalized(store.name), normalized(store.address), store.latitude, store.longitude]);
  return createHash('sha256').update(key).digest('hex').slice(0, ID_LENGTH);
}
