import type { OpenAPIObject } from '@nestjs/swagger';
import { namedSchemas, type JsonSchema } from './json-schema';

/** The named zod schemas as OpenAPI components. */
export function contractComponents(): Record<string, JsonSchema> {
  return namedSchemas();
}

/**
 * OpenAPI 3.0 wants a `type` beside `nullable`; zod writes a nullable named schema as
 * `{allOf: [{$ref}], nullable: true}`, so the type is taken from the schema referred to.
 */
function typeNullableRefs(node: unknown, schemas: Record<string, JsonSchema>): void {
  if (Array.isArray(node)) return node.forEach((item) => typeNullableRefs(item, schemas));
  if (node === null || typeof node !== 'object') return;
  const schema = node as JsonSchema & { allOf?: { $ref?: string }[] };
  if (schema.nullable === true && schema.type === undefined && schema.allOf?.length === 1 && schema.allOf[0].$ref) {
    const target = schemas[schema.allOf[0].$ref.split('/').pop() ?? ''];
    if (target?.type) schema.type = target.type;
  }
  Object.values(schema).forEach((value) => typeNullableRefs(value, schemas));
}

/** Adds the named schemas and the servers to a document @nestjs/swagger built from the decorators. */
export function finishDocument(document: OpenAPIObject, servers: OpenAPIObject['servers']): OpenAPIObject {
  const schemas = { ...(document.components?.schemas ?? {}), ...contractComponents() } as Record<string, JsonSchema>;
  const finished = { ...document, servers, components: { ...document.components, schemas: schemas as never } };
  typeNullableRefs(finished.paths, schemas);
  typeNullableRefs(schemas, schemas);
  return finished;
}
