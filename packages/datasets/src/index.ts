export { parseNumericCsv, readDigitsCsv, type DigitsDataset } from './digits-csv';
export { encodeNpy, decodeNpy, type NpyArray } from './npy';
export { sha256Hex } from './sha256';
