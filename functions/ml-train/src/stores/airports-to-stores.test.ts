import { airportsToStoresCsv } from './airports-to-stores';
import { parseStoreCsv } from './store-catalog-csv';

describe('airportsToStoresCsv', () => {
  it('turns vega-datasets airports into the generic store schema, dropping "NA" address parts', () => {
    const airports =
      'iata,name,city,state,country,latitude,longitude\n' +
      'RDG,"Reading Muni,Gen Carl A Spaatz",Reading,PA,USA,40.3785,-75.96525\n' +
      'ROP,Prachinburi,NA,NA,Thailand,14.078333,101.378334\n';
    const stores = parseStoreCsv(airportsToStoresCsv(airports));
    expect(stores.stores).toEqual([
      {
        id: 'RDG',
        name: 'Reading Muni,Gen Carl A Spaatz',
        address: 'Reading, PA, USA',
        latitude: 40.3785,
        longitude: -75.96525,
      },
      { id: 'ROP', name: 'Prachinburi', address: 'Thailand', latitude: 14.078333, longitude: 101.378334 },
    ]);
  });

  it('refuses a file that is not airports.csv', () => {
    expect(() => airportsToStoresCsv('id,name\n')).toThrow(/expected the header/);
  });
});
