import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { jsonSchemaOf, type JsonSchema } from './json-schema';
import { ErrorModel } from './shapes';

export interface ContractAnswer {
  readonly status?: number;
  readonly description?: string;
  /** Absent: an empty answer (204). */
  readonly schema?: z.ZodType;
  /** Default `application/json`. */
  readonly contentType?: string;
  readonly headers?: Record<string, { description: string; schema?: JsonSchema }>;
}

export interface ContractBody {
  readonly schema: z.ZodType;
  /** Default `application/json`. */
  readonly contentType?: string;
  readonly example?: unknown;
}

export interface ContractOptions {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  /** Request headers the operation reads (Idempotency-Key, If-Match). */
  readonly headers?: z.ZodObject;
  readonly body?: ContractBody | readonly ContractBody[];
  readonly bodyRequired?: boolean;
  /** The success answer (or answers). */
  readonly ok: ContractAnswer | readonly ContractAnswer[];
  /** Documented error statuses besides the usual 400/401/403; each answers with ErrorModel. */
  readonly errors?: Readonly<Record<number, string>>;
  /** No API key needed: 401/403 are not documented. */
  readonly open?: boolean;
}

const USUAL_ERRORS: Record<number, string> = {
  400: 'invalid input (VALIDATION.INVALID and the other REQUEST.* codes), naming the field',
  503: 'the database is unreachable just now (STORAGE.UNAVAILABLE, with Retry-After)',
};
const KEY_ERRORS: Record<number, string> = {
  401: 'no API key, or an unknown or revoked one (AUTH.MISSING, AUTH.INVALID)',
  403: "the key's role may not do this (AUTH.FORBIDDEN)",
  429: 'too many requests for this key (RATE.LIMITED)',
};

function parameters(shape: z.ZodObject, where: 'query' | 'path' | 'header'): MethodDecorator[] {
  const object = jsonSchemaOf(shape, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, schema]) => {
    const { description, example, ...typed } = schema as { description?: string; example?: unknown } & JsonSchema;
    const required = where === 'path' || (object.required ?? []).includes(name);
    const options = { name, required, schema: typed, ...(description ? { description } : {}), ...(example !== undefined ? { example } : {}) };
    if (where === 'header') return ApiHeader(options as never);
    return where === 'path' ? ApiParam(options as never) : ApiQuery(options as never);
  });
}

function answer({ status = 200, description = 'OK', schema, contentType = 'application/json', headers }: ContractAnswer): MethodDecorator {
  const content = schema ? { content: { [contentType]: { schema: jsonSchemaOf(schema, 'output') } } } : {};
  return ApiResponse({ status, description, ...content, ...(headers ? { headers } : {}) } as never);
}

/**
 * One operation of the API, described from its zod schemas: summary, operationId, typed
 * parameters and body, the typed success answer and ErrorModel on every documented error.
 */
export function ApiContract(options: ContractOptions): MethodDecorator {
  const bodies = options.body ? ([] as ContractBody[]).concat(options.body as ContractBody) : [];
  const requestBody = bodies.length
    ? {
        required: options.bodyRequired ?? true,
        content: Object.fromEntries(
          bodies.map(({ schema, contentType = 'application/json', example }) => [contentType, { schema: jsonSchemaOf(schema, 'input'), ...(example !== undefined ? { example } : {}) }]),
        ),
      }
    : undefined;
  const answers = ([] as ContractAnswer[]).concat(options.ok as ContractAnswer);
  // An answer the operation documents itself (readiness's 503 report) is not overwritten by the usual error.
  const own = new Set(answers.map(({ status = 200 }) => String(status)));
  const errors = Object.fromEntries(Object.entries({ ...USUAL_ERRORS, ...(options.open ? {} : KEY_ERRORS), ...options.errors }).filter(([status]) => !own.has(status)));
  const errorModel = jsonSchemaOf(ErrorModel, 'output');
  return applyDecorators(
    ApiOperation({
      operationId: options.operationId,
      summary: options.summary,
      ...(options.description ? { description: options.description } : {}),
      ...(requestBody ? { requestBody } : {}),
    } as never),
    ...(options.params ? parameters(options.params, 'path') : []),
    ...(options.query ? parameters(options.query, 'query') : []),
    ...(options.headers ? parameters(options.headers, 'header') : []),
    ...answers.map(answer),
    ...Object.entries(errors).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, content: { 'application/json': { schema: errorModel } } } as never),
    ),
  );
}
