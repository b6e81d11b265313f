export { type DigitsDataset, parseNumericCsv, readDigitsCsv } from './digits-csv';
export { decodeNpy, encodeNpy, type NpyArray } from './npy';
export { sha256Hex } from './sha256';
