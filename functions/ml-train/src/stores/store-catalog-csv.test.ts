import { parseStoreCsv } from './store-catalog-csv';
import { contentStoreId } from './store-id';

describe('parseStoreCsv', () => {
  it('reads the generic schema (id,name,address,latitude,longitude), columns in any order', () => {
    const catalog = parseStoreCsv(
      'name,id,latitude,longitude,address\nThigpen,00M,31.95376472,-89.23450472,"Bay Springs, MS"\n',
    );
    expect(catalog).toMatchObject({
      schema: 'generic',
      rows: 1,
      invalidRows: { count: 0 },
      duplicateIds: { count: 0 },
    });
    expect(catalog.stores).toEqual([
      { id: '00M', name: 'Thigpen', address: 'Bay Springs, MS', latitude: 31.95376472, longitude: -89.23450472 },
    ]);
  });

  const REFERENCE = [
    'state,location,address,latitude,longitude',
    'Maryland,Wheaton,"11160 Veirs Mill Rd, Wheaton, MD 20902, US",39.0384,-77.0547',
    'Virginia,Arlington,"2231 Crystal Dr, Arlington, VA 22202, US",38.8536,-77.0497',
    'Maryland,Bethesda,"7600 Old Georgetown Rd, Bethesda, MD 20814, US",38.9856,-77.0947',
  ];

  it("reads the reference (Chipotle) schema: ids from each row's content, state kept as an extra column", () => {
    const catalog = parseStoreCsv(REFERENCE.slice(0, 2).join('\n'));
    expect(catalog).toMatchObject({ schema: 'reference', ids: 'content', extraColumns: ['state'] });
    expect(catalog.stores).toEqual([
      {
        id: contentStoreId({
          name: 'Wheaton',
          address: '11160 Veirs Mill Rd, Wheaton, MD 20902, US',
          latitude: 39.0384,
          longitude: -77.0547,
        }),
        name: 'Wheaton',
        address: '11160 Veirs Mill Rd, Wheaton, MD 20902, US',
        latitude: 39.0384,
        longitude: -77.0547,
        extra: { state: 'Maryland' },
      },
    ]);
    expect(catalog.stores[0].id).toMatch(/^[0-9a-f]{12}$/);
  });

  it('keeps every id when the file is reordered or grows (ids were line numbers)', () => {
    const before = parseStoreCsv(REFERENCE.join('\n')).stores;
    const after = parseStoreCsv(
      [REFERENCE[0], 'Ohio,Columbus,"1 Main St, Columbus, OH, US",39.96,-83', ...REFERENCE.slice(1).reverse()].join(
        '\n',
      ),
    ).stores;
    const idOf = (stores: { id: string; name: string }[], name: string) => stores.find((s) => s.name === name)?.id;
    for (const name of ['Wheaton', 'Arlington', 'Bethesda']) expect(idOf(after, name)).toBe(idOf(before, name));
    expect(new Set(after.map((s) => s.id)).size).toBe(4);
  });

  it('gives the same id whatever the case, spacing or trailing zeros, and reports a repeated store once', () => {
    const csv = [
      ...REFERENCE.slice(0, 2),
      'Maryland,  WHEATON ,"11160  Veirs Mill Rd, Wheaton, MD 20902, US",39.03840,-77.05470',
    ].join('\n');
    const catalog = parseStoreCsv(csv);
    expect(catalog.stores).toHaveLength(1);
    expect(catalog.duplicateIds).toEqual({
      count: 1,
      first: [{ line: 3, reason: `repeats line 2: same name, address and coordinates (id ${catalog.stores[0].id})` }],
    });
  });

  it('hashes ids for a generic list without an id column, and keeps its extra columns', () => {
    const catalog = parseStoreCsv(
      'name,address,latitude,longitude,Phone\nThigpen,"Bay Springs, MS",31.95,-89.23,555-0100\n',
    );
    expect(catalog).toMatchObject({ schema: 'generic', ids: 'content', extraColumns: ['Phone'] });
    expect(catalog.stores[0]).toMatchObject({ name: 'Thigpen', extra: { Phone: '555-0100' } });
    expect(catalog.stores[0].id).toMatch(/^[0-9a-f]{12}$/);
  });

  it('keeps extra columns next to an id column, and adds no extra to a list without any', () => {
    const withExtra = parseStoreCsv('id,name,address,latitude,longitude,state\nx,One,,1,1,MD\n');
    expect(withExtra.stores).toEqual([
      { id: 'x', name: 'One', address: '', latitude: 1, longitude: 1, extra: { state: 'MD' } },
    ]);
    const plain = parseStoreCsv('id,name,address,latitude,longitude,\nx,One,,1,1,\n');
    expect(plain.stores[0]).not.toHaveProperty('extra');
    expect(plain.extraColumns).toEqual([]);
  });

  it('leaves out and reports rows with missing, non-numeric or impossible coordinates', () => {
    const csv = [
      'id,name,address,latitude,longitude',
      'a,ok,,10,20',
      'b,empty lat,,,20',
      'c,text,,abc,20',
      'd,NaN,,NaN,20',
      'e,Infinity,,10,Infinity',
      'f,too far north,,90.5,20',
      'g,too far east,,10,180.01',
      'h,short row,,10',
      ',no id,,10,20',
      'i,edges,,-90,180',
    ].join('\n');
    const catalog = parseStoreCsv(csv);
    expect(catalog.stores.map((s) => s.id)).toEqual(['a', 'i']);
    expect(catalog.invalidRows.count).toBe(8);
    expect(catalog.invalidRows.first).toEqual([
      { line: 3, reason: 'latitude is empty' },
      { line: 4, reason: "latitude 'abc' is not a number" },
      { line: 5, reason: "latitude 'NaN' is not a number" },
      { line: 6, reason: "longitude 'Infinity' is not a number" },
      { line: 7, reason: 'latitude 90.5 is outside [-90, 90]' },
      { line: 8, reason: 'longitude 180.01 is outside [-180, 180]' },
      { line: 9, reason: 'has 4 fields, the header has 5' },
      { line: 10, reason: 'id is empty' },
    ]);
  });

  it('keeps the first row of a repeated id and reports the others', () => {
    const catalog = parseStoreCsv('id,name,address,latitude,longitude\nx,one,,1,1\ny,two,,2,2\nx,three,,3,3\n');
    expect(catalog.stores.map((s) => s.name)).toEqual(['one', 'two']);
    expect(catalog.duplicateIds).toEqual({
      count: 1,
      first: [{ line: 4, reason: "id 'x' was already used on line 2" }],
    });
  });

  it('reports only the first ten problems but counts them all', () => {
    const bad = Array.from({ length: 25 }, (_, i) => `s${i},,,x,0`);
    const catalog = parseStoreCsv(['id,name,address,latitude,longitude', ...bad, 'ok,,,0,0'].join('\n'));
    expect(catalog.invalidRows.count).toBe(25);
    expect(catalog.invalidRows.first.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('rejects a header that matches neither schema, naming the missing columns', () => {
    expect(() => parseStoreCsv('id,name,lat,lng\n1,a,1,1\n')).toThrow(/missing address, latitude, longitude/);
    expect(() => parseStoreCsv('')).toThrow(/header must hold/);
    expect(() => parseStoreCsv('id,name,address,latitude,longitude,Address\n')).toThrow(
      'the header repeats the column address',
    );
  });
});
