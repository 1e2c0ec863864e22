import type { OpenAPIObject } from '@nestjs/swagger';
import { namedSchemas, type JsonSchema } from './json-schema';

/** The named zod schemas as OpenAPI components. */
export function contractComponents(): Record<string, JsonSchema> {
  return namedSchemas();
}

/** Adds the named schemas and the servers to a document @nestjs/swagger built from the decorators. */
export function finishDocument(document: OpenAPIObject, servers: OpenAPIObject['servers']): OpenAPIObject {
  const schemas = { ...(document.components?.schemas ?? {}), ...contractComponents() };
  return { ...document, servers, components: { ...document.components, schemas: schemas as never } };
}
