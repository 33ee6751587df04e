import { HttpAdapterHost } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import { type FastifyInstance } from 'fastify';
import { AwsProtocolController } from '../../../apps/api/src/aws-json/aws-protocol.controller';
import { type TestApp } from '../../support/test-app';

/** What the fuzzer knows about one input member: its name, type checks, length limits, choices. */
type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

export interface MemberHint {
  readonly name: string;
  readonly checks: ReadonlySet<string>;
  readonly limits: readonly number[];
  readonly choices: readonly string[];
  /** Nested structure (an object or a list of objects). */
  readonly nested: boolean;
}

export interface AwsOperationTarget {
  readonly kind: 'aws';
  /** `cloudtrail:CreateTrail`: the key FUZZ_ONLY names. */
  readonly key: string;
  readonly protocol: 'aws-json' | 'aws-query';
  readonly service: string;
  readonly name: string;
  readonly readOnly: boolean;
  /** Every `X-Amz-Target` that names the operation (JSON), or its `Action` (query). */
  readonly targets: readonly string[];
  readonly members: readonly MemberHint[];
}

export interface RestParameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly maxLength?: number;
}

export interface RestRouteTarget {
  readonly kind: 'rest';
  /** `PATCH /v1/trails/{trail}`. */
  readonly key: string;
  readonly method: RestMethod;
  readonly template: string;
  readonly parameters: readonly RestParameter[];
  readonly hasBody: boolean;
  readonly members: readonly MemberHint[];
  readonly readOnly: boolean;
}

export type FuzzTarget = AwsOperationTarget | RestRouteTarget;

const SIGNING_NAMES: Record<string, string> = {
  cloudtrail: 'cloudtrail',
  organizations: 'organizations',
  sts: 'sts',
  iam: 'iam',
};

export function signingNameOf(service: string): string {
  return SIGNING_NAMES[service] ?? service;
}

/** Every AWS protocol operation the running app registered, found through its registry. */
export function awsOperations(app: TestApp): AwsOperationTarget[] {
  return app
    .get(AwsProtocolController)
    .operations()
    .map(({ operation, protocol, targets }) => ({
      kind: 'aws' as const,
      key: `${operation.service}:${operation.name}`,
      protocol,
      service: operation.service,
      name: operation.name,
      readOnly: operation.readOnly,
      targets: [...targets].sort(),
      members: classMembers(operation.input),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The input members class-validator knows for `type` (inherited ones included). */
export function classMembers(type: new () => object): MemberHint[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
  return hintsFrom(metadata);
}

/** Member names of every validated class in the process: keys for nested objects in bodies. */
export function allMemberNames(): string[] {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<unknown, ValidationMetadata[]>;
  };
  const names = new Set<string>();
  for (const list of storage.validationMetadatas.values()) for (const m of list) names.add(m.propertyName);
  return [...names].sort();
}

function hintsFrom(metadata: readonly ValidationMetadata[]): MemberHint[] {
  const byName = new Map<string, ValidationMetadata[]>();
  for (const m of metadata) byName.set(m.propertyName, [...(byName.get(m.propertyName) ?? []), m]);
  return [...byName].map(([name, list]) => {
    const limits = new Set<number>();
    const choices: string[] = [];
    for (const m of list) {
      const constraints = (m.constraints ?? []) as unknown[];
      if (m.name === 'maxLength' || m.name === 'arrayMaxSize' || m.name === 'max')
        limits.add(Number(constraints[0]));
      if (m.name === 'isLength' || m.name === 'arrayMinSize' || m.name === 'minLength' || m.name === 'min') {
        for (const c of constraints) if (typeof c === 'number') limits.add(c);
      }
      if (m.name === 'isIn' && Array.isArray(constraints[0]))
        choices.push(...(constraints[0] as unknown[]).map(String));
      if (m.name === 'isEnum' && typeof constraints[0] === 'object' && constraints[0] !== null)
        choices.push(...Object.values(constraints[0]).map(String));
    }
    return {
      name,
      checks: new Set(list.map((m) => m.name ?? m.type)),
      limits: [...limits].filter((n) => Number.isFinite(n) && n > 0 && n <= 300_000),
      choices,
      nested: list.some((m) => m.type === 'nestedValidation'),
    };
  });
}

interface OpenApiSchema {
  type?: string;
  $ref?: string;
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  enum?: unknown[];
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; schema?: OpenApiSchema }[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

export const REST_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type RestMethod = (typeof REST_METHODS)[number];

/** One route as Fastify serves it: method and path template (`/v1/trails/{trail}`). */
export interface ServedRoute {
  readonly method: string;
  readonly template: string;
}

/**
 * Every route Fastify serves, read from its route tree (`printRoutes`), so a route a controller
 * adds is fuzzed without being listed here. Parameters are written `{name}`, as in OpenAPI.
 */
export function servedRoutes(app: TestApp): ServedRoute[] {
  const fastify = app.get(HttpAdapterHost).httpAdapter.getInstance<FastifyInstance>();
  const tree = fastify.printRoutes({ commonPrefix: false });
  const prefixes: string[] = [];
  const routes: ServedRoute[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    const path = (prefixes[depth - 1] ?? '') + match[2];
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (match[3] ?? '').split(',')) {
      if (method.trim() === '') continue;
      routes.push({ method: method.trim(), template: path.replace(/:(\w+)/g, '{$1}') });
    }
  }
  if (!routes.some((r) => r.method === 'POST' && r.template === '/'))
    throw new Error(`could not read Fastify's route tree:\n${tree}`);
  return routes;
}

/**
 * Every signed REST route (all of /v1; health, metrics and docs are public and not fuzzed here)
 * Fastify serves, with parameter, body and limit hints from the OpenAPI document where it has them.
 */
export async function restRoutes(app: TestApp): Promise<RestRouteTarget[]> {
  const response = await fetch(`${app.url}/docs-json`);
  if (!response.ok) throw new Error(`GET /docs-json answered ${response.status}`);
  const document = (await response.json()) as OpenApiDocument;
  const schemas = document.components?.schemas ?? {};
  const routes: RestRouteTarget[] = [];
  for (const { method, template } of servedRoutes(app)) {
    if (!template.startsWith('/v1/') || !(REST_METHODS as readonly string[]).includes(method)) continue;
    const operation = document.paths[template]?.[method.toLowerCase()] ?? {};
    const documented = (operation.parameters ?? [])
      .filter((p) => p.in === 'path' || p.in === 'query')
      .map((p) => ({ name: p.name, in: p.in as 'path' | 'query', maxLength: p.schema?.maxLength }));
    const undocumented = [...template.matchAll(/\{(\w+)\}/g)]
      .map(([, name]) => name)
      .filter((name) => !documented.some((p) => p.in === 'path' && p.name === name))
      .map((name) => ({ name, in: 'path' as const }));
    const bodySchema = Object.values(operation.requestBody?.content ?? {})[0]?.schema;
    routes.push({
      kind: 'rest',
      key: `${method} ${template}`,
      method: method as RestMethod,
      template,
      parameters: [...documented, ...undocumented],
      // Without an OpenAPI entry, any route but a GET may take a body.
      hasBody: operation.requestBody !== undefined || (!document.paths[template] && method !== 'GET'),
      members: bodySchema ? schemaMembers(bodySchema, schemas) : [],
      readOnly: method === 'GET',
    });
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

function resolve(schema: OpenApiSchema, schemas: Record<string, OpenApiSchema>): OpenApiSchema {
  return schema.$ref ? (schemas[schema.$ref.split('/').pop() ?? ''] ?? {}) : schema;
}

function schemaMembers(schema: OpenApiSchema, schemas: Record<string, OpenApiSchema>): MemberHint[] {
  const resolved = resolve(schema, schemas);
  return Object.entries(resolved.properties ?? {}).map(([name, raw]) => {
    const member = resolve(raw, schemas);
    const checks = new Set<string>();
    if (member.type === 'string') checks.add('isString');
    if (member.type === 'boolean') checks.add('isBoolean');
    if (member.type === 'integer' || member.type === 'number') checks.add('isInt');
    if (member.type === 'array') checks.add('isArray');
    const items = member.items ? resolve(member.items, schemas) : undefined;
    return {
      name,
      checks,
      limits: [member.maxLength, member.minLength, member.maxItems].filter(
        (n): n is number => typeof n === 'number' && n > 0,
      ),
      choices: (member.enum ?? items?.enum ?? []).map(String),
      nested: raw.$ref !== undefined || items?.properties !== undefined || member.type === 'object',
    };
  });
}
