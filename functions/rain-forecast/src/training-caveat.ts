import { haversineKm as distanceKm } from '@serverless-ml/geo';
import type { GeoPoint, TrainingPlace } from '@serverless-ml/rain-model';

/** How far the model's training extends to a place, most to least trustworthy. */
export type CaveatLevel = 'trained-here' | 'nearby' | 'far' | 'other-climate';

export interface TrainingCaveat {
  level: CaveatLevel;
  nearestTrainingPlace: { name: string; country: string; distanceKm: number };
  message: string;
}

/** Within this distance a place shares the training city's weather records. */
export const SAME_PLACE_KM = 50;
/** Beyond this distance the climate may differ from anything the model has seen. */
export const NEARBY_KM = 500;
/** The tropics and the polar circles: climates unlike the mid-latitudes. */
const TROPIC_DEG = 23.44;
const POLAR_DEG = 66.56;
// One formatter per container: Number#toLocaleString builds a new one on every call.
const THOUSANDS = new Intl.NumberFormat('en');

function climateZone(latitude: number): string {
  const abs = Math.abs(latitude);
  if (abs < TROPIC_DEG) return 'the tropics';
  if (abs > POLAR_DEG) return 'a polar region';
  return latitude < 0 ? 'the southern mid-latitudes' : 'the northern mid-latitudes';
}

/** An honest note on how well the model, trained on `trainingPlaces` only, applies to `place`. */
export function trainingCaveat(place: GeoPoint, trainingPlaces: readonly TrainingPlace[]): TrainingCaveat {
  if (trainingPlaces.length === 0) throw new Error('the model names no training places');
  let nearest = { place: trainingPlaces[0], km: distanceKm(place, trainingPlaces[0]) };
  for (const p of trainingPlaces.slice(1)) {
    const km = distanceKm(place, p);
    if (km < nearest.km) nearest = { place: p, km };
  }
  const km = Math.round(nearest.km);
  const where = `${nearest.place.name} (${nearest.place.country})`;
  const trainedOn = trainingPlaces.map((p) => p.name).join(' and ');
  const zone = climateZone(place.latitude);
  const trainedZones = new Set(trainingPlaces.map((p) => climateZone(p.latitude)));
  const base = { nearestTrainingPlace: { name: nearest.place.name, country: nearest.place.country, distanceKm: km } };
  if (km <= SAME_PLACE_KM) {
    return {
      ...base,
      level: 'trained-here',
      message: `The model was trained on weather recorded in ${where}, ${km} km away.`,
    };
  }
  if (!trainedZones.has(zone)) {
    return {
      ...base,
      level: 'other-climate',
      message:
        `This place is in ${zone}, ${THOUSANDS.format(km)} km from ${where}, the nearest place the model was ` +
        `trained on. It learned only from ${trainedOn}, so it has never seen this climate: ` +
        'treat the probability as a guess, not a forecast.',
    };
  }
  if (km <= NEARBY_KM) {
    return {
      ...base,
      level: 'nearby',
      message: `${km} km from ${where}, the nearest place the model was trained on: the climate is probably similar, but not the same.`,
    };
  }
  return {
    ...base,
    level: 'far',
    message:
      `${THOUSANDS.format(km)} km from ${where}, the nearest place the model was trained on; it learned only from ` +
      `${trainedOn}. The weather here may behave differently: take the probability as a rough indication.`,
  };
}
