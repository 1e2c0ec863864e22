import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';

/** Rewrites zod's local definitions into the document's components (where every named schema is). */
function intoComponents(schema: JsonSchema): JsonSchema {
  const { definitions: _named, ...rest } = schema;
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/definitions/', `"${COMPONENTS}`)) as JsonSchema;
}

/** A query integer is checked as digits, but documented (and typed for clients) as an integer. */
function integersWithoutPattern(context: { jsonSchema: JsonSchema }): void {
  if (context.jsonSchema.type === 'integer') delete context.jsonSchema.pattern;
}

/** A schema named with `.meta({id})` is referenced; any other is written out in place. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: `${COMPONENTS}${id}` };
  return intoComponents(z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any', override: integersWithoutPattern }) as JsonSchema);
}

/** Every named schema, for `components.schemas`. */
export function namedSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { target: 'openapi-3.0', unrepresentable: 'any', uri: (id) => `${COMPONENTS}${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $id: _id, ...rest } = schema as JsonSchema;
      return [id, intoComponents(rest)];
    }),
  );
}
