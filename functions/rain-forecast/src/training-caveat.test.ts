import { TRAINING_PLACES } from '@serverless-ml/rain-model';
import { trainingCaveat } from './training-caveat';

describe('trainingCaveat', () => {
  it('says the model was trained here for a training city', () => {
    expect(trainingCaveat({ latitude: 47.60621, longitude: -122.33207 }, TRAINING_PLACES)).toMatchObject({
      level: 'trained-here',
      nearestTrainingPlace: { name: 'Seattle', country: 'US', distanceKm: 0 },
    });
  });

  it('measures great-circle distance to the nearest training place (Boston → New York ≈ 306 km)', () => {
    const caveat = trainingCaveat({ latitude: 42.35843, longitude: -71.05977 }, TRAINING_PLACES);
    expect(caveat.level).toBe('nearby');
    expect(caveat.nearestTrainingPlace).toEqual({ name: 'New York', country: 'US', distanceKm: 306 });
    expect(caveat.message).toMatch(/^306 km from New York \(US\)/);
  });

  it('warns more strongly beyond 500 km (Chicago)', () => {
    const caveat = trainingCaveat({ latitude: 41.85003, longitude: -87.65005 }, TRAINING_PLACES);
    expect(caveat.level).toBe('far');
    expect(caveat.message).toMatch(/1,14\d km from New York.*rough indication/);
  });

  it('says the climate is unknown to the model in the other hemisphere (Cape Town)', () => {
    const caveat = trainingCaveat({ latitude: -33.92584, longitude: 18.42322 }, TRAINING_PLACES);
    expect(caveat.level).toBe('other-climate');
    expect(caveat.message).toMatch(/southern mid-latitudes, 1[0-9],\d{3} km .*never seen this climate/);
  });

  it('says so in the tropics, even nearer than 500 km to nothing (Miami is 1,760 km from New York)', () => {
    expect(trainingCaveat({ latitude: 25.77427, longitude: -80.19366 }, TRAINING_PLACES).level).toBe('far');
    expect(trainingCaveat({ latitude: 18.4655, longitude: -66.1057 }, TRAINING_PLACES)).toMatchObject({
      level: 'other-climate',
      message: expect.stringMatching(/in the tropics/),
    });
  });
});
