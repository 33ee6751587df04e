import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import { type OperationDefinition, type ServiceName } from '@app/platform';
import { type FastifyRequest } from 'fastify';
import { factsOf } from '../http/request-facts';
import { OperationRunner } from '../operations/operation-runner';
import { serviceInputError } from '../operations/service-input-errors';
import { restValidationError, type Transport } from '../operations/transport';
import { documentRestOperation, type RestOperationDocs } from './rest-docs';

/** SigV4 signing names REST accepts besides `trailplane`: the AWS service's own. */
const AWS_SIGNING_NAMES: { readonly [S in ServiceName]: readonly string[] } = {
  cloudtrail: ['cloudtrail'],
  organizations: ['organizations'],
  sts: ['sts'],
  iam: ['iam'],
  account: ['account'],
  trailplane: [],
  s3: ['s3'],
};

/**
 * REST answers a malformed body or query with ValidationException; an identifier in the path that
 * breaks the model's constraints is the service's own invalid input, as the AWS protocols answer it.
 */
function restTransport(pathValues: ReadonlySet<string>): Transport {
  return {
    protocol: 'rest',
    signingNames: (service) => ['trailplane', ...AWS_SIGNING_NAMES[service]],
    strictMembers: true,
    invalidInput: (operation, failures, wireName) =>
      failures.every((failure) => typeof failure.value === 'string' && pathValues.has(failure.value))
        ? serviceInputError(operation.service, failures, wireName)
        : restValidationError(failures, wireName),
    unreadableCode: 'ValidationException',
  };
}

/** The parts of a REST request an operation's input is mapped from. */
export interface RestParts {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly body: Readonly<Record<string, unknown>>;
  /** The body with members taken from the path; the body may not set those itself. */
  bodyWith(fromPath: Record<string, unknown>): object;
}

export const REST_OPERATION = Symbol('rest-operation');

/**
 * Marks a route as serving `operation` (the boot check requires it or @Public) and documents it:
 * summary, description, parameters, body, SigV4 and the error codes the operation answers.
 */
export const RestOperation = <I extends object>(
  operation: OperationDefinition<I>,
  docs: RestOperationDocs<I>,
): MethodDecorator =>
  applyDecorators(SetMetadata(REST_OPERATION, operation), documentRestOperation(operation, docs));

/**
 * REST routes hand their request to the operation runner: `toInput` maps path, query and body to
 * the operation's input members, `toOutput` its result to the REST answer.
 */
@Injectable()
export class RestOperations {
  constructor(private readonly runner: OperationRunner) {}

  async run<I extends object, O, R>(
    request: FastifyRequest,
    operation: OperationDefinition<I, O>,
    toInput: (parts: RestParts) => object,
    toOutput: (output: O) => R,
  ): Promise<R> {
    const body = request.body ?? {};
    if (typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
      factsOf(request).unreadable ??= 'The request body is not valid: it must be a JSON object.';
    }
    const query = withoutAuthentication((request.query ?? {}) as Record<string, string | string[]>);
    const read = new Set<string>();
    const parts: RestParts = {
      params: (request.params ?? {}) as Record<string, string>,
      query: new Proxy(query, {
        get: (target, name) => {
          if (typeof name === 'string') read.add(name);
          return target[name as string];
        },
      }),
      body: isRecord(body) ? body : {},
      bodyWith: (fromPath) => {
        const clash = Object.keys(fromPath).filter((name) => isRecord(body) && name in body);
        if (clash.length > 0) {
          factsOf(request).unreadable ??=
            `Invalid request: ${clash.join(', ')} comes from the path, not the body.`;
        }
        return { ...(isRecord(body) ? body : {}), ...fromPath };
      },
    };
    const input = toInput(parts);
    const unknown = Object.keys(query).filter((name) => !read.has(name));
    if (unknown.length > 0) {
      factsOf(request).unreadable ??=
        `Invalid request: unknown query parameter ${unknown.map((name) => JSON.stringify(name.slice(0, 100))).join(', ')}.`;
    }
    const transport = restTransport(new Set(Object.values(parts.params)));
    const output = await this.runner.run({ request, transport, operation, input });
    return toOutput(output);
  }
}

/** A presigned URL's `X-Amz-*` parameters authenticate the request; they are no input. */
function withoutAuthentication(query: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(query).filter(([name]) => !/^x-amz-/i.test(name)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** A query parameter given once or repeated, as a list. */
export function queryList(value: string | string[] | undefined): string[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}

/** A query parameter that should be a boolean; any other text is kept for validation to refuse. */
export function queryBoolean(value: string | string[] | undefined): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

/** A query parameter that should be an integer; any other text is kept for validation to refuse. */
export function queryInteger(value: string | string[] | undefined): unknown {
  return typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
}

/** An ISO-8601 query parameter as a time; anything else is left for validation to refuse. */
export function queryTime(value: string | string[] | undefined): unknown {
  return typeof value === 'string' ? new Date(value) : value;
}
