import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBody,
  type ApiBodyOptions,
  ApiOperation,
  ApiParam,
  ApiQuery,
  type ApiQueryOptions,
  ApiResponse,
  ApiSchema,
  ApiSecurity,
  IntersectionType,
  OmitType,
  PartialType,
  PickType,
  type SchemaObject,
} from '@nestjs/swagger';

import { actionOf, type ErrorCode, type OperationDefinition, restStatusOf } from '@app/platform';
import { serviceInputCode } from '../operations/service-input-errors';

/** The name of the SigV4 security scheme in the OpenAPI document. */
export const SIGV4_SCHEME = 'sigv4';

/** How a REST route documents the operation it serves. */
export interface RestOperationDocs<I extends object = object> {
  /** A few words after the operation's name: `CreateTrail — creates a trail in the called Region`. */
  readonly summary: string;
  /** What the call does, who may make it and its notable rules (Markdown). */
  readonly description: string;
  /** The route's path parameters, by name, with what they hold. */
  readonly path?: Readonly<Record<string, string>>;
  readonly query?: readonly ApiQueryOptions[];
  /**
   * The request body: the operation's input but the members the route takes from its path or query
   * (`without`); `optional` members the route defaults when the body leaves them out.
   */
  readonly body?: {
    readonly without?: readonly (keyof I & string)[];
    readonly optional?: readonly (keyof I & string)[];
  };
}

/** Codes every signed call may answer: its signature and credentials. */
const AUTHENTICATION_ERRORS: readonly ErrorCode[] = [
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
  'InvalidSignatureException',
  'UnrecognizedClientException',
  'ExpiredTokenException',
];

/** Every call: its request refused as malformed (REST), throttled, or failed on our side. */
const REQUEST_ERRORS: readonly ErrorCode[] = [
  'ValidationException',
  'ThrottlingException',
  'InternalFailure',
  'ServiceUnavailable',
];

/** Every request, refused before any route reads it: too slow, too large, or of a type not read. */
const TRANSPORT_ERRORS: readonly ErrorCode[] = [
  'RequestTimeoutException',
  'RequestEntityTooLargeException',
  'UnsupportedMediaTypeException',
  'RequestHeaderFieldsTooLargeException',
];

const STATUS_MEANING: Readonly<Record<number, string>> = {
  400: 'Invalid input, or a precondition of the call is not met',
  403: 'Not authenticated, or not authorized',
  404: 'What the request names does not exist (for the caller)',
  408: 'The request was not received in time',
  409: 'Conflicts with the current state: a duplicate, a quota, a resource still in use',
  413: 'The request body is larger than 256 KB',
  415: 'The request’s content type is not valid',
  431: 'The request line and headers are too large',
  429: 'Throttled: retry after the `Retry-After` seconds',
  500: 'Failed on our side',
  503: 'A dependency is unavailable: retry',
};

/**
 * The OpenAPI side of `@RestOperation`: summary and description, the SigV4 requirement, path and
 * query parameters, the body (the operation's input class, less what the path or query give), and
 * one response per error status listing the codes the call may answer there.
 */
export function documentRestOperation<I extends object>(
  operation: OperationDefinition<I>,
  docs: RestOperationDocs<I>,
): MethodDecorator {
  const codes = errorCodesOf(operation, docs);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes)
    byStatus.set(restStatusOf(code), [...(byStatus.get(restStatusOf(code)) ?? []), code]);
  return applyDecorators(
    ApiOperation({
      operationId: `${operation.service}_${operation.name}`,
      summary: `${operation.name} — ${docs.summary}`,
      description: `${docs.description}\n\nIAM action: \`${actionOf(operation)}\`${
        operation.unconditional ? ', allowed whatever the policies say' : ''
      }.`,
    }),
    ApiSecurity(SIGV4_SCHEME),
    ...Object.entries(docs.path ?? {}).map(([name, description]) =>
      ApiParam({ name, description, required: true, schema: { type: 'string' } }),
    ),
    ...(docs.query ?? []).map((query) => ApiQuery(query)),
    ...(docs.body ? [ApiBody(bodyOf(operation.input, docs.body))] : []),
    ...[...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, statusCodes]) =>
        ApiResponse({
          status,
          description: `${STATUS_MEANING[status] ?? 'Refused'}: ${statusCodes.map((code) => `\`${code}\``).join(', ')}`,
          schema: restErrorSchema(statusCodes),
          ...(status === 429
            ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } }
            : {}),
        }),
      ),
  );
}

/** Every code the call may answer over REST, each once. */
function errorCodesOf<I extends object>(
  operation: OperationDefinition<I>,
  docs: RestOperationDocs<I>,
): ErrorCode[] {
  return [
    ...new Set<ErrorCode>([
      ...AUTHENTICATION_ERRORS,
      // Presigned URLs expire; they serve GET routes, the reads that take no body.
      ...(operation.readOnly && !docs.body ? (['RequestExpired'] as const) : []),
      ...(operation.unconditional ? [] : (['AccessDeniedException'] as const)),
      ...REQUEST_ERRORS,
      // An identifier in the path that breaks the model's constraints is the service's own invalid input.
      ...(docs.path ? [serviceInputCode(operation.service)] : []),
      ...TRANSPORT_ERRORS,
      ...(operation.errors ?? []),
    ]),
  ];
}

/** `{"error": {code, message, requestId, reason?}}`, with the codes answered at one status. */
function restErrorSchema(codes: readonly ErrorCode[]): SchemaObject {
  return {
    type: 'object',
    required: ['error'],
    additionalProperties: false,
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', 'requestId'],
        additionalProperties: false,
        properties: {
          code: { type: 'string', enum: [...codes] },
          message: { type: 'string' },
          requestId: { type: 'string', description: 'The request id, also in the `x-amzn-RequestId` header' },
          reason: { type: 'string', description: "Why, where the service says (Organizations' `Reason`)" },
        },
      },
    },
  };
}

/**
 * The request body's schema: the input class itself, or a class derived from it without the
 * members the path or query give and with the members the route defaults made optional.
 */
function bodyOf<I extends object>(
  input: Type<I>,
  body: NonNullable<RestOperationDocs<I>['body']>,
): ApiBodyOptions {
  const without = [...(body.without ?? [])] as (keyof I)[];
  const optional = [...(body.optional ?? [])] as (keyof I)[];
  if (without.length === 0 && optional.length === 0) return { type: input, required: true };
  const kept = OmitType(input, [...without, ...optional]);
  const type = optional.length > 0 ? IntersectionType(kept, PartialType(PickType(input, optional))) : kept;
  ApiSchema({ name: `${input.name.replace(/Request$/, '')}Body` })(type);
  return { type, required: true };
}
