import { numberParamRules } from '@serverless-ml/http';
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as plain data. */
export type JsonSchema = Record<string, unknown>;

/** Which side of a schema to describe: what a client sends, or what the API answers. */
export type SchemaSide = 'input' | 'output';

/**
 * A zod schema as JSON Schema. A numberParam (query text or a JSON number, checked by a transform)
 * is described as the number it must be, with its bounds: what a client should send.
 */
export function toJsonSchema(schema: $ZodType, side: SchemaSide): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: side,
    // A refine (a calendar date) cannot be said in JSON Schema: its base type stands for it.
    unrepresentable: 'any',
    override: (ctx) => {
      const { def } = ctx.zodSchema._zod;
      // zod leaves out a default around a pipe (k's 5): say it, since a client may leave k out.
      if (def.type === 'default' && ctx.jsonSchema.default === undefined) ctx.jsonSchema.default = def.defaultValue;
      const rule = numberParamRules.get(ctx.zodSchema);
      if (!rule) return;
      for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
      Object.assign(ctx.jsonSchema, {
        type: rule.whole ? 'integer' : 'number',
        minimum: rule.min,
        maximum: rule.max,
      });
    },
  }) as JsonSchema;
  const { $schema: _dialect, ...rest } = json;
  return rest;
}

/** An object schema's properties, one JSON Schema each, and which are required (for parameters). */
export function propertiesOf(schema: $ZodType): { name: string; schema: JsonSchema; required: boolean }[] {
  const json = toJsonSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    schema: property,
    required: required.has(name),
  }));
}
