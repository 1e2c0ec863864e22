import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { startApi, type ApiHarness } from './harness';

/*
 * The OpenAPI document is a contract a client can be generated from: openapi-typescript turns
 * /docs-json into types, and a small program that reads a timeline through them must type-check.
 * Redocly's recommended rules lint the same document (0 errors).
 */

const ROOT = resolve(__dirname, '../../..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  operationId?: string;
  summary?: string;
  parameters?: { name: string; in: string; schema?: Record<string, unknown> }[];
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

function operations(document: { paths: Record<string, Record<string, Operation>> }): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method): [string, Operation] => [`${method.toUpperCase()} ${path}`, item[method]]),
  );
}

/** A schema says something about the body: a type, a reference, a composition (not `{}`). */
function typed(schema: Record<string, unknown> | undefined): boolean {
  return !!schema && ['$ref', 'type', 'oneOf', 'anyOf', 'allOf'].some((key) => key in schema);
}

const ERROR_MODEL = '#/components/schemas/ErrorModel';

/** ErrorModel, or a choice that includes it (readiness's 503 is its report, or ErrorModel). */
function isErrorModel(schema: Record<string, unknown> | undefined): boolean {
  if (!schema) return false;
  if (schema.$ref === ERROR_MODEL) return true;
  const choices = (schema.anyOf ?? schema.oneOf) as Record<string, unknown>[] | undefined;
  return !!choices?.some((choice) => choice.$ref === ERROR_MODEL);
}

function typed2xx(operation: Operation): boolean {
  return Object.entries(operation.responses).some(
    ([status, response]) => /^2/.test(status) && (status === '204' || Object.values(response.content ?? {}).some((media) => typed(media.schema))),
  );
}

const CLIENT_PROGRAM = `
import createClient from 'openapi-fetch';
import type { paths, components } from './api';

type Timeline = paths['/stories/{story}/timeline']['get']['responses'][200]['content']['application/json'];
type ErrorBody = components['schemas']['ErrorModel'];

export async function firstHeadline(baseUrl: string): Promise<string | undefined> {
  const client = createClient<paths>({ baseUrl });
  const { data, error } = await client.GET('/stories/{story}/timeline', {
    params: { path: { story: 'witkoff-back-channel' }, query: { order: 'occurred', limit: 10 } },
  });
  if (error) {
    const failed: ErrorBody = error;
    throw new Error(failed.error.code + ': ' + failed.error.message);
  }
  const timeline: Timeline = data;
  const position: number = timeline.position;
  const entry = timeline.entries[0];
  return entry ? entry.statement + ' @' + position : undefined;
}
`;

describe('the OpenAPI contract', () => {
  let api: ApiHarness;
  let document: { paths: Record<string, Record<string, Operation>>; servers?: unknown[]; components?: { schemas?: Record<string, unknown> } };
  let dir: string;

  beforeAll(async () => {
    api = await startApi();
    document = (await api.anonymous().get('/docs-json').expect(200)).body;
    dir = mkdtempSync(join(tmpdir(), 'storyline-openapi-'));
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every operation an id, a summary and a typed 2xx answer', () => {
    const all = operations(document);
    const untyped = all.filter(([, operation]) => !typed2xx(operation)).map(([route]) => route);
    console.log(`OpenAPI: ${all.length - untyped.length} of ${all.length} operations have a typed 2xx answer`);
    expect(untyped).toEqual([]);
    expect(all.filter(([, operation]) => !operation.summary || !operation.operationId).map(([route]) => route)).toEqual([]);
    expect(new Set(all.map(([, operation]) => operation.operationId)).size).toBe(all.length);
    expect(document.servers?.length).toBeGreaterThan(0);
  });

  it('answers every documented 4xx and 5xx with the error model', () => {
    const wrong = operations(document).flatMap(([route, operation]) =>
      Object.entries(operation.responses)
        .filter(([status]) => /^[45]/.test(status))
        .filter(([, response]) => !isErrorModel(response.content?.['application/json']?.schema))
        .map(([status]) => `${route} ${status}`),
    );
    expect(wrong).toEqual([]);
    expect(operations(document).every(([, operation]) => Object.keys(operation.responses).some((status) => /^4/.test(status)))).toBe(true);
  });

  it('types every query and path parameter', () => {
    const untyped = operations(document).flatMap(([route, operation]) =>
      (operation.parameters ?? []).filter((parameter) => !typed(parameter.schema)).map((parameter) => `${route} ${parameter.in}:${parameter.name}`),
    );
    expect(untyped).toEqual([]);
  });

  it('generates a TypeScript client that reads a timeline and type-checks', () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), join(dir, 'openapi.json'), '-o', join(dir, 'api.ts')], { stdio: 'pipe' });
    writeFileSync(join(dir, 'client.ts'), CLIENT_PROGRAM);
    const program = ts.createProgram([join(dir, 'client.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      typeRoots: [],
      types: [],
      paths: { 'openapi-fetch': [join(ROOT, 'node_modules/openapi-fetch')] },
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });

  it("passes Redocly's recommended rules with no errors", () => {
    const script = `
      import { createConfig, lintFromString, stringifyYaml } from '@redocly/openapi-core';
      const [file] = process.argv.slice(1);
      const source = (await import('node:fs')).readFileSync(file, 'utf8');
      const config = await createConfig({ extends: ['recommended'] });
      const problems = await lintFromString({ source, absoluteRef: file, config });
      console.log(JSON.stringify(problems.map((p) => ({ severity: p.severity, rule: p.ruleId, message: p.message, at: p.location?.[0]?.pointer }))));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, join(dir, 'openapi.json')], { cwd: ROOT, encoding: 'utf8' });
    const problems = JSON.parse(out.trim().split('\n').pop() ?? '[]') as { severity: string; rule: string; message: string; at?: string }[];
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warn');
    console.log(`Redocly recommended: ${errors.length} errors, ${warnings.length} warnings\n` + [...errors, ...warnings].map((p) => `  ${p.severity} ${p.rule} ${p.at}: ${p.message}`).join('\n'));
    expect(errors).toEqual([]);
  });
});
