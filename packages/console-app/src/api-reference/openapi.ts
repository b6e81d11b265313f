// Just enough of OpenAPI 3.1 to show a readable reference: operations, parameters, bodies, schemas.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** A parameter as shown: where it goes, whether it is required, its schema. */
export interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema?: SchemaNode;
}

/** An operation as shown. */
export interface Operation {
  method: string;
  path: string;
  summary?: string;
  description?: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; content: { type: string; schema?: SchemaNode }[] };
  responses: { status: string; description?: string; content: { type: string; schema?: SchemaNode }[] }[];
}

/** A schema flattened for reading: a one-line type, and the properties, items or variants below it. */
export interface SchemaNode {
  type: string;
  title?: string;
  description?: string;
  properties?: { name: string; required: boolean; node: SchemaNode }[];
  items?: SchemaNode;
  variants?: SchemaNode[];
}

/** Follows a local `$ref` (`#/components/schemas/X`); anything else is returned as it is. */
export function resolveRef(doc: Json, value: unknown): { value: unknown; name?: string } {
  if (!isObject(value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/')) return { value };
  const parts = value.$ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const target = parts.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), doc);
  return { value: target, name: parts.at(-1) };
}

function limits(s: Json): string[] {
  const out: string[] = [];
  const range = (lo: unknown, hi: unknown, unit: string) => {
    if (lo !== undefined || hi !== undefined) out.push(`${lo ?? ''}..${hi ?? ''}${unit}`);
  };
  range(s.minimum ?? s.exclusiveMinimum, s.maximum ?? s.exclusiveMaximum, '');
  range(s.minItems, s.maxItems, ' items');
  range(s.minLength, s.maxLength, ' chars');
  if (typeof s.format === 'string') out.push(s.format);
  if (typeof s.pattern === 'string') out.push(`pattern ${s.pattern}`);
  if (Array.isArray(s.enum)) out.push(`one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if ('const' in s) out.push(`= ${JSON.stringify(s.const)}`);
  if ('default' in s) out.push(`default ${JSON.stringify(s.default)}`);
  return out;
}

/** Describes a schema for reading, `$ref`s followed to `depth` levels (which stops cycles). */
export function describeSchema(doc: Json, schema: unknown, depth = 6): SchemaNode {
  const { value, name } = resolveRef(doc, schema);
  if (!isObject(value)) return { type: value === true ? 'any' : 'unknown', title: name };
  // Only a $ref can recurse: past the depth it is shown by name.
  if (depth <= 0 && name) return { type: name, title: name };
  const variants = value.oneOf ?? value.anyOf ?? value.allOf;
  const node: SchemaNode = { type: '', title: name ?? text(value.title), description: text(value.description) };
  const types = Array.isArray(value.type) ? value.type.join(' | ') : text(value.type);
  if (Array.isArray(variants)) {
    node.variants = variants.map((v) => describeSchema(doc, v, depth - 1));
    node.type = value.allOf ? 'all of' : 'one of';
  } else {
    node.type = types ?? (isObject(value.properties) ? 'object' : 'any');
  }
  const extra = limits(value);
  if (extra.length) node.type += ` (${extra.join('; ')})`;
  if (isObject(value.properties)) {
    const required = Array.isArray(value.required) ? value.required : [];
    node.properties = Object.entries(value.properties).map(([prop, sub]) => ({
      name: prop,
      required: required.includes(prop),
      node: describeSchema(doc, sub, depth - 1),
    }));
  }
  if (value.items !== undefined) node.items = describeSchema(doc, value.items, depth - 1);
  return node;
}

function contentOf(doc: Json, content: unknown) {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([type, media]) => ({
    type,
    schema: isObject(media) && media.schema !== undefined ? describeSchema(doc, media.schema) : undefined,
  }));
}

function parameterOf(doc: Json, raw: unknown): Parameter | undefined {
  const p = resolveRef(doc, raw).value;
  if (!isObject(p) || typeof p.name !== 'string') return undefined;
  return {
    name: p.name,
    in: text(p.in) ?? 'query',
    required: p.required === true,
    description: text(p.description),
    schema: p.schema === undefined ? undefined : describeSchema(doc, p.schema),
  };
}

/** Every operation of the document, in its order, with `$ref`s followed. */
export function operationsOf(doc: Json): Operation[] {
  const paths = isObject(doc.paths) ? doc.paths : {};
  return Object.entries(paths).flatMap(([path, rawItem]) => {
    const item = resolveRef(doc, rawItem).value;
    if (!isObject(item)) return [];
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    return METHODS.filter((m) => isObject(item[m])).map((method) => {
      const op = item[method] as Json;
      const own = Array.isArray(op.parameters) ? op.parameters : [];
      const body = resolveRef(doc, op.requestBody).value;
      const responses = isObject(op.responses) ? op.responses : {};
      return {
        method: method.toUpperCase(),
        path,
        summary: text(op.summary),
        description: text(op.description),
        parameters: [...shared, ...own].map((p) => parameterOf(doc, p)).filter((p): p is Parameter => p !== undefined),
        requestBody: isObject(body)
          ? { required: body.required === true, content: contentOf(doc, body.content) }
          : undefined,
        responses: Object.entries(responses).map(([status, raw]) => {
          const r = resolveRef(doc, raw).value;
          return {
            status,
            description: isObject(r) ? text(r.description) : undefined,
            content: isObject(r) ? contentOf(doc, r.content) : [],
          };
        }),
      };
    });
  });
}
