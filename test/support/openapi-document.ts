import { expect } from '@jest/globals';
import { type Response } from 'supertest';
import { type TestCredentials } from './credentials';
import { type TestApp } from './test-app';

/* The OpenAPI document as served at /docs-json, and a validator for the part of JSON Schema it uses. */

export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: boolean | OpenApiSchema;
  items?: OpenApiSchema;
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
}

export interface OpenApiResponse {
  description?: string;
  content?: Record<string, { schema?: OpenApiSchema }>;
}

export interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
}

export interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: OpenApiSchema }> };
  responses: Record<string, OpenApiResponse>;
}

export interface OpenApiDocument {
  info: { description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema>; securitySchemes?: Record<string, object> };
}

export async function openApiDocument(app: TestApp): Promise<OpenApiDocument> {
  const response = await fetch(`${app.url}/docs-json`);
  expect(response.status).toBe(200);
  return (await response.json()) as OpenApiDocument;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Where `value` breaks `schema` (empty when it conforms). Objects are exact: a member their
 * schema does not document is a problem unless the schema says `additionalProperties`.
 */
export function schemaProblems(
  schema: OpenApiSchema,
  value: unknown,
  document: OpenApiDocument,
  at = '$',
): string[] {
  if (schema.$ref) {
    const resolved = document.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
    return resolved ? schemaProblems(resolved, value, document, at) : [`${at}: unresolved ${schema.$ref}`];
  }
  if (value === null) return schema.nullable ? [] : [`${at}: null is not allowed`];
  const problems: string[] = [];
  for (const part of schema.allOf ?? []) problems.push(...schemaProblems(part, value, document, at));
  for (const [keyword, choices] of [
    ['oneOf', schema.oneOf],
    ['anyOf', schema.anyOf],
  ] as const) {
    if (!choices) continue;
    const matching = choices.filter((choice) => schemaProblems(choice, value, document, at).length === 0);
    if (keyword === 'oneOf' ? matching.length !== 1 : matching.length === 0)
      problems.push(`${at}: matches ${matching.length} of its ${keyword} schemas`);
  }
  if (schema.enum && !schema.enum.includes(value))
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  if (type === undefined) return problems;
  switch (type) {
    case 'string':
      if (typeof value !== 'string') problems.push(`${at}: expected a string, got ${JSON.stringify(value)}`);
      else if (schema.format === 'date-time' && !ISO_TIME.test(value))
        problems.push(`${at}: ${value} is not an ISO 8601 date-time`);
      break;
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${at}: expected an integer, got ${JSON.stringify(value)}`);
      break;
    case 'number':
      if (typeof value !== 'number') problems.push(`${at}: expected a number, got ${JSON.stringify(value)}`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean')
        problems.push(`${at}: expected a boolean, got ${JSON.stringify(value)}`);
      break;
    case 'array':
      if (!Array.isArray(value)) problems.push(`${at}: expected an array`);
      else if (schema.items)
        value.forEach((item, i) =>
          problems.push(...schemaProblems(schema.items!, item, document, `${at}[${i}]`)),
        );
      break;
    case 'object':
      problems.push(...objectProblems(schema, value, document, at));
      break;
  }
  return problems;
}

function objectProblems(
  schema: OpenApiSchema,
  value: unknown,
  document: OpenApiDocument,
  at: string,
): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${at}: expected an object`];
  const members = value as Record<string, unknown>;
  const properties = schema.properties ?? {};
  const problems = (schema.required ?? [])
    .filter((name) => members[name] === undefined)
    .map((name) => `${at}.${name}: required, missing`);
  for (const [name, member] of Object.entries(members)) {
    const documented = properties[name];
    if (documented) problems.push(...schemaProblems(documented, member, document, `${at}.${name}`));
    else if (typeof schema.additionalProperties === 'object')
      problems.push(...schemaProblems(schema.additionalProperties, member, document, `${at}.${name}`));
    else if (schema.additionalProperties !== true && schema.properties)
      problems.push(`${at}.${name}: not documented`);
  }
  return problems;
}

/** The documented path template a concrete path is served by (literal segments win over parameters). */
export function templateOf(document: OpenApiDocument, method: string, path: string): string | undefined {
  const pathname = path.split('?', 1)[0];
  return Object.keys(document.paths)
    .filter((template) => document.paths[template][method.toLowerCase()] !== undefined)
    .filter((template) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname))
    .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))[0];
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the REST API as one identity and checks every answer against the schema the document
 * publishes for its operation and status; remembers which operations it saw answer.
 */
export class DocumentedCalls {
  readonly seen = new Set<string>();

  constructor(
    private readonly app: TestApp,
    private readonly document: OpenApiDocument,
  ) {}

  as(credentials: TestCredentials): DocumentedClient {
    return new DocumentedClient(this, this.app, credentials);
  }

  /** The problems of one answer against its documented operation and status. */
  problems(method: Method, path: string, response: Response): string[] {
    const template = templateOf(this.document, method, path);
    if (!template) return [`${method} ${path}: no documented operation`];
    this.seen.add(`${method} ${template}`);
    const documented = this.document.paths[template][method.toLowerCase()].responses[String(response.status)];
    if (!documented) return [`${method} ${template}: status ${response.status} is not documented`];
    const schema = documented.content?.['application/json']?.schema;
    if (!schema)
      return response.text === '' ? [] : [`${method} ${template} ${response.status}: undocumented body`];
    return schemaProblems(schema, response.body, this.document).map(
      (problem) => `${method} ${template} ${response.status}: ${problem}`,
    );
  }

  /** Every documented REST operation no call answered yet. */
  unseen(): string[] {
    return Object.entries(this.document.paths)
      .filter(([template]) => template.startsWith('/v1/'))
      .flatMap(([template, operations]) =>
        Object.keys(operations).map((m) => `${m.toUpperCase()} ${template}`),
      )
      .filter((operation) => !this.seen.has(operation));
  }
}

export class DocumentedClient {
  constructor(
    private readonly calls: DocumentedCalls,
    private readonly app: TestApp,
    private readonly credentials: TestCredentials,
  ) {}

  /** A call that succeeds, its answer as documented; its body. */
  async ok<T = Record<string, unknown>>(method: Method, path: string, body?: object): Promise<T> {
    const response = await this.send(method, path, body);
    if (response.status >= 300)
      throw new Error(`${method} ${path} answered ${response.status}: ${response.text}`);
    expect(this.calls.problems(method, path, response)).toEqual([]);
    return response.body as T;
  }

  /** A call refused with `code`, its error as documented. */
  async fails(method: Method, path: string, code: string, body?: object): Promise<void> {
    const response = await this.send(method, path, body);
    const answered = (response.body as { error?: { code?: string } }).error?.code;
    if (answered !== code) throw new Error(`${method} ${path} answered ${response.status}: ${response.text}`);
    expect(this.calls.problems(method, path, response)).toEqual([]);
  }

  private send(method: Method, path: string, body?: object): Promise<Response> {
    const client = this.app.rest(this.credentials);
    switch (method) {
      case 'GET':
        return client.get(path);
      case 'POST':
        return client.post(path, body);
      case 'PUT':
        return client.put(path, body);
      case 'PATCH':
        return client.patch(path, body ?? {});
      case 'DELETE':
        return client.delete(path);
    }
  }
}
