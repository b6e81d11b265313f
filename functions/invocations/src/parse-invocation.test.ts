import { ValidationError } from '@serverless-ml/errors';
import { PayloadTooLargeError } from './invocation-errors';
import { type BodyFormat, parseInvocation } from './parse-invocation';
import { digitsModel, housingModel, storesModel } from './test-models.fixture';

const housing = housingModel().metadata.input;
const digits = digitsModel().metadata.input;
const stores = storesModel().metadata.input;
const options = { maxRows: 3, target: 'median_house_value' };

const parse = (body: string, format: BodyFormat = 'csv', schema = housing) =>
  parseInvocation(body, format, schema, options);

/** The error a body gets: its class, message and details. */
function refusal(body: string, format: BodyFormat = 'csv', schema = housing) {
  try {
    parse(body, format, schema);
  } catch (error) {
    if (error instanceof ValidationError || error instanceof PayloadTooLargeError) {
      return { status: error.statusCode, message: error.message, details: error.details };
    }
    throw error;
  }
  throw new Error(`${JSON.stringify(body)} was accepted`);
}

describe('parseInvocation: text/csv', () => {
  it('reads rows in feature order: numbers and categories', () => {
    expect(parse('-122.23,129,8.3252,NEAR BAY\n-121,5.5,1e1,INLAND\n')).toEqual([
      [-122.23, 129, 8.3252, 'NEAR BAY'],
      [-121, 5.5, 10, 'INLAND'],
    ]);
  });

  it('skips a header that names the features in order', () => {
    const body = 'longitude,total_bedrooms,median_income,ocean_proximity\r\n-122,1,2,INLAND\r\n';
    expect(parse(body)).toEqual([[-122, 1, 2, 'INLAND']]);
  });

  it('reads quoted fields (RFC 4180), a category with a comma among them', () => {
    const schema = {
      features: [
        { name: 'x', type: 'number' as const },
        { name: 'city', type: 'category' as const, categories: ['Paris, FR', 'Say "hi"'] },
      ],
      tensors: [{ name: 't', type: 'float32' as const, features: ['x'] }],
    };
    expect(parse('"1.5","Paris, FR"\n2,"Say ""hi"""', 'csv', schema)).toEqual([
      [1.5, 'Paris, FR'],
      [2, 'Say "hi"'],
    ]);
  });

  it.each([
    ['empty', '-122,,8,INLAND'],
    ['NaN', '-122,NaN,8,INLAND'],
    ['nan (numpy)', '-122,nan,8,INLAND'],
  ])('reads a nullable feature that is %s as NaN', (_name, body) => {
    expect(parse(body)[0][1]).toBeNaN();
  });

  it('strips spaces and tabs around a value', () => {
    expect(parse(' -122 ,\t1, 2 , INLAND')).toEqual([[-122, 1, 2, 'INLAND']]);
  });

  it.each([
    [
      'too few columns',
      '-122,1,2',
      'row 1 has 3 columns, expected 4: longitude, total_bedrooms, median_income, ocean_proximity',
    ],
    [
      'too many columns',
      '-122,1,2,INLAND\n-122,1,2,INLAND,5',
      'row 2 has 5 columns, expected 4: longitude, total_bedrooms, median_income, ocean_proximity',
    ],
    ['a word for a number', '-122,1,two,INLAND', 'row 1, column median_income must be a number, got "two"'],
    ['a hex number', '0x10,1,2,INLAND', 'row 1, column longitude must be a number, got "0x10"'],
    ['Infinity', '-122,1,Infinity,INLAND', 'row 1, column median_income must be a number, got "Infinity"'],
    [
      'a number that overflows',
      '-122,1,1e999,INLAND',
      'row 1, column median_income must be a finite number, got "1e999"',
    ],
    [
      'an empty value where none may be empty',
      '-122,1,,INLAND',
      'row 1, column median_income is empty (only total_bedrooms may be empty or NaN)',
    ],
    [
      'NaN where it is not nullable',
      'NaN,1,2,INLAND',
      'row 1, column longitude is NaN (only total_bedrooms may be empty or NaN)',
    ],
    [
      'an unknown category',
      '-122,1,2,NEAR LAKE',
      'row 1, column ocean_proximity has "NEAR LAKE", which is not a known category: one of "<1H OCEAN", "INLAND", "NEAR BAY"',
    ],
    [
      'an empty category',
      '-122,1,2,',
      'row 1, column ocean_proximity is empty: one of "<1H OCEAN", "INLAND", "NEAR BAY"',
    ],
    [
      'a category in the wrong case',
      '-122,1,2,inland',
      'row 1, column ocean_proximity has "inland", which is not a known category: one of "<1H OCEAN", "INLAND", "NEAR BAY"',
    ],
  ])('answers 400 naming the row and column for %s', (_name, body, message) => {
    expect(refusal(body)).toMatchObject({ status: 400, message });
  });

  it('puts the row and the column in details, for programs', () => {
    expect(refusal('-122,1,2,INLAND\n-122,1,x,INLAND').details).toEqual({ row: 2, column: 'median_income' });
  });

  it('counts rows from the first after the header', () => {
    const body = 'longitude,total_bedrooms,median_income,ocean_proximity\n-122,1,2,INLAND\n-122,1,x,INLAND';
    expect(refusal(body).message).toMatch(/^row 2, column median_income /);
  });

  it('shortens the list of a wide model in a column-count message', () => {
    expect(refusal('1,2', 'csv', digits).message).toBe(
      'row 1 has 2 columns, expected 4: pixel_0, pixel_1, pixel_2, pixel_3',
    );
    const wide = {
      features: Array.from({ length: 64 }, (_, i) => ({ name: `pixel_${i}`, type: 'number' as const })),
      tensors: [{ name: 'input', type: 'float32' as const, features: ['pixel_0'] }],
    };
    expect(refusal('1,2', 'csv', wide).message).toBe(
      'row 1 has 2 columns, expected 64: pixel_0, pixel_1, pixel_2, …, pixel_63 (64)',
    );
  });

  it('refuses a header in another order, naming the expected columns', () => {
    expect(refusal('total_bedrooms,longitude,median_income,ocean_proximity\n1,2,3,INLAND').message).toBe(
      'row 1 looks like a header (it names total_bedrooms, longitude, median_income, ocean_proximity), but the ' +
        'columns must be exactly: longitude, total_bedrooms, median_income, ocean_proximity — or send no header',
    );
  });

  it("refuses a header with the dataset's target column, saying to drop it", () => {
    const body = 'longitude,total_bedrooms,median_income,median_house_value,ocean_proximity\n-122,1,2,452600,INLAND';
    expect(refusal(body).message).toMatch(/, without the target median_house_value — or send no header$/);
  });

  it('refuses a header with no rows after it', () => {
    expect(refusal('longitude,total_bedrooms,median_income,ocean_proximity\n').message).toMatch(/header but no rows/);
  });

  it.each([
    [
      'an unclosed quote',
      '-122,1,2,"INLAND\n',
      'row 1, column ocean_proximity is not valid CSV: a quoted field is never closed',
    ],
    [
      'text after a closing quote',
      '-122,1,"2"x,INLAND',
      'row 1, column median_income is not valid CSV: a quoted field must end at a comma or a line break, got "x" after its closing quote',
    ],
  ])('answers 400 for %s, naming where', (_name, body, message) => {
    expect(refusal(body)).toMatchObject({ status: 400, message });
  });

  it('answers 413 for more rows than the limit, saying how many were sent', () => {
    const body = '-122,1,2,INLAND\n'.repeat(5);
    expect(refusal(body)).toMatchObject({
      status: 413,
      message: 'an invocation takes at most 3 rows, got 5: split it',
      details: { maxRows: 3, rows: 5 },
    });
  });

  it('accepts exactly the limit', () => {
    expect(parse('-122,1,2,INLAND\n'.repeat(3))).toHaveLength(3);
  });

  it('checks latitude and longitude of a unit-vector input against their ranges', () => {
    expect(parse('39.15,-77.07', 'csv', stores)).toEqual([[39.15, -77.07]]);
    expect(refusal('91,0', 'csv', stores).message).toBe('row 1, column latitude must be between -90 and 90, got 91');
    expect(refusal('0,-180.5', 'csv', stores).message).toBe(
      'row 1, column longitude must be between -180 and 180, got -180.5',
    );
  });
});

describe('parseInvocation: application/json', () => {
  it('reads rows as arrays in feature order', () => {
    expect(parse('{"instances": [[-122, 129, 8.3, "NEAR BAY"], [-121, null, 1, "INLAND"]]}', 'json')).toEqual([
      [-122, 129, 8.3, 'NEAR BAY'],
      [-121, Number.NaN, 1, 'INLAND'],
    ]);
  });

  it('reads rows as objects keyed by feature name, in any key order; a missing nullable feature is NaN', () => {
    const body = JSON.stringify({
      instances: [
        { ocean_proximity: 'INLAND', median_income: 2, longitude: -122, total_bedrooms: 5 },
        { longitude: 1, median_income: 2, ocean_proximity: 'NEAR BAY' },
      ],
    });
    expect(parse(body, 'json')).toEqual([
      [-122, 5, 2, 'INLAND'],
      [1, Number.NaN, 2, 'NEAR BAY'],
    ]);
  });

  it.each([
    ['malformed JSON', '{"instances": [[1,', /^request body is not valid JSON: /],
    ['an array body', '[[1, 2, 3, "INLAND"]]', /^a JSON body must be an object like \{"instances"/],
    ['a string body', '"abc"', /^a JSON body must be an object/],
    ['no instances', '{"rows": []}', /^unknown field "rows": a JSON body holds only "instances"$/],
    ['an empty object', '{}', /^instances is required: send/],
    ['instances that are not an array', '{"instances": {"longitude": 1}}', /^instances must be an array of rows/],
    ['no rows', '{"instances": []}', /^instances must hold at least one row$/],
    [
      'a row that is a number',
      '{"instances": [1]}',
      /^row 1 must be an array of 4 values or an object keyed by column name, got a number$/,
    ],
    ['a row of the wrong length', '{"instances": [[1, 2, 3, "INLAND"], [1, 2]]}', /^row 2 has 2 values, expected 4: /],
    [
      'a string for a number',
      '{"instances": [[1, "2", 3, "INLAND"]]}',
      /^row 1, column total_bedrooms must be a number, got a string \("2"\)$/,
    ],
    [
      'null where it is not nullable',
      '{"instances": [[null, 2, 3, "INLAND"]]}',
      /^row 1, column longitude is null \(only total_bedrooms may be empty or NaN\)$/,
    ],
    [
      'a number that overflowed to -Infinity',
      '{"instances": [[-1e309, 2, 3, "INLAND"]]}',
      /^row 1, column longitude must be a finite number, got -Infinity$/,
    ],
    [
      'a number for a category',
      '{"instances": [[1, 2, 3, 4]]}',
      /^row 1, column ocean_proximity must be a category \(a string\): one of "<1H OCEAN", "INLAND", "NEAR BAY", got a number$/,
    ],
    [
      'an unknown category',
      '{"instances": [[1, 2, 3, "NEAR LAKE"]]}',
      /^row 1, column ocean_proximity has "NEAR LAKE", which is not a known category/,
    ],
    [
      'a missing feature',
      '{"instances": [{"longitude": 1, "total_bedrooms": 2, "ocean_proximity": "INLAND"}]}',
      /^row 1, column median_income is missing /,
    ],
    [
      'an unknown feature',
      '{"instances": [{"longitude": 1, "median_income": 2, "ocean_proximity": "INLAND", "rooms": 3}]}',
      /^row 1 has unknown column "rooms": the columns are longitude, /,
    ],
    [
      'a __proto__ key',
      '{"instances": [{"__proto__": {"x": 1}, "longitude": 1, "median_income": 2, "ocean_proximity": "INLAND"}]}',
      /^row 1 has unknown column "__proto__"/,
    ],
  ])('answers 400 naming the problem for %s', (_name, body, message) => {
    expect(refusal(body, 'json')).toMatchObject({ status: 400, message: expect.stringMatching(message) });
  });

  it('answers 413 for more instances than the limit', () => {
    const body = JSON.stringify({ instances: Array(4).fill([1, 2, 3, 'INLAND']) });
    expect(refusal(body, 'json')).toMatchObject({
      status: 413,
      message: 'an invocation takes at most 3 rows, got 4: split it',
    });
  });
});

describe('parseInvocation: any format', () => {
  it.each(['csv', 'json'] as const)('says what to send for an empty %s body', (format) => {
    expect(refusal('  \n', format).message).toBe(
      'the request body is empty: send rows as text/csv, or {"instances": [...]} as application/json',
    );
  });
});
