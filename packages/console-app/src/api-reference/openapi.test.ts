import { describeSchema, operationsOf } from './openapi';

const doc = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/models/{name}': {
      parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z]+$' } }],
      get: {
        summary: 'One model',
        responses: {
          '200': {
            description: 'the model',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Model' } } },
          },
          '404': { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/digits/predict': {
      post: {
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['images'],
                properties: {
                  images: {
                    type: 'array',
                    maxItems: 1000,
                    items: { type: 'array', items: { type: 'number', minimum: 0, maximum: 16 } },
                  },
                },
              },
            },
          },
        },
        responses: {},
      },
    },
  },
  components: {
    schemas: {
      Model: {
        type: 'object',
        properties: { name: { type: 'string' }, parent: { $ref: '#/components/schemas/Model' } },
      },
      Error: {
        type: 'object',
        required: ['error'],
        properties: { error: { oneOf: [{ type: 'string' }, { type: ['number', 'null'] }] } },
      },
    },
    responses: {
      Error: {
        description: 'an error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  },
};

describe('operationsOf', () => {
  it('lists every operation with path-level parameters and followed $refs', () => {
    const ops = operationsOf(doc);
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(['GET /models/{name}', 'POST /digits/predict']);
    expect(ops[0].parameters).toEqual([
      {
        name: 'name',
        in: 'path',
        required: true,
        description: undefined,
        schema: { type: 'string (pattern ^[a-z]+$)', title: undefined, description: undefined },
      },
    ]);
    expect(ops[0].responses[1]).toMatchObject({
      status: '404',
      description: 'an error',
      content: [{ type: 'application/json', schema: { title: 'Error' } }],
    });
  });

  it('describes a request body down to the items of nested arrays, with limits', () => {
    const body = operationsOf(doc)[1].requestBody;
    expect(body?.required).toBe(true);
    const images = body?.content[0].schema?.properties?.[0];
    expect(images).toMatchObject({ name: 'images', required: true, node: { type: 'array (..1000 items)' } });
    expect(images?.node.items?.items?.type).toBe('number (0..16)');
  });
});

describe('describeSchema', () => {
  it('stops at a recursive $ref and shows unions and type lists', () => {
    const model = describeSchema(doc, { $ref: '#/components/schemas/Model' }, 3);
    const parent = (node: typeof model | undefined) => node?.properties?.[1].node;
    expect(parent(parent(parent(model)))).toEqual({ type: 'Model', title: 'Model' });
    expect(parent(parent(model))?.properties?.[0].node.type).toBe('string');
    const error = describeSchema(doc, { $ref: '#/components/schemas/Error' });
    expect(error.properties?.[0].node.variants?.map((v) => v.type)).toEqual(['string', 'number | null']);
  });
});
