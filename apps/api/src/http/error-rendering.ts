import { HttpException } from '@nestjs/common';
import {
  awsStatusOf,
  DomainError,
  type ErrorCode,
  isDatabaseUnavailable,
  restStatusOf,
  type ServiceName,
  ThrottledError,
} from '@app/platform';
import {
  InternalFailureError,
  MalformedRequestError,
  RequestEntityTooLargeError,
  RouteNotFoundError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
} from './protocol.errors';
import { queryNamespaceOf } from '../aws-query/query-namespaces';
import { s3ErrorAnswer } from '../s3/s3-errors';
import { BODY_LIMIT_BYTES, SERVICE_EVENTS_BODY_LIMIT_BYTES } from './body-parsing';
import { type WireProtocol } from './request-facts';

export interface RenderedError {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly code: ErrorCode;
  /** True for faults of ours (5xx that are not a dependency outage): logged with their stack. */
  readonly unexpected: boolean;
}

/** Query-protocol (STS) names of the AWS JSON authentication codes we raise. */
const QUERY_CODES: Partial<Record<ErrorCode, ErrorCode>> = {
  InvalidSignatureException: 'SignatureDoesNotMatch',
  IncompleteSignatureException: 'IncompleteSignature',
  MissingAuthenticationTokenException: 'MissingAuthenticationToken',
  UnrecognizedClientException: 'InvalidClientTokenId',
  ExpiredTokenException: 'ExpiredToken',
  AccessDeniedException: 'AccessDenied',
  ValidationException: 'ValidationError',
  ThrottlingException: 'Throttling',
  UnknownOperationException: 'InvalidAction',
};

/** Throttling on AWS JSON as the service's model names it (Organizations has no ThrottlingException). */
const AWS_JSON_THROTTLING: Partial<Record<ServiceName, ErrorCode>> = {
  organizations: 'TooManyRequestsException',
};

/** Turns anything thrown while serving a request into a DomainError the caller can act on. */
export function toDomainError(error: unknown): { error: DomainError; unexpected: boolean } {
  if (error instanceof DomainError) return { error, unexpected: false };
  if (isDatabaseUnavailable(error)) {
    return {
      error: new ServiceUnavailableError(),
      unexpected: false,
    };
  }
  if (error instanceof HttpException) return { error: fromHttpException(error), unexpected: false };
  const fastifyCode = (error as { code?: unknown } | null)?.code;
  if (typeof fastifyCode === 'string' && fastifyCode.startsWith('FST_')) {
    return {
      error: fromFastifyError(fastifyCode, error as Error & { statusCode?: number }),
      unexpected: false,
    };
  }
  return {
    error: new InternalFailureError('The request processing has failed because of an unknown error.'),
    unexpected: true,
  };
}

/**
 * `error` as the protocol answers it. `signingService` picks the query protocol's namespace (IAM's
 * or STS's); `resource` is what S3's error document names (the request path, `/bucket/key`).
 */
export function renderError(
  error: unknown,
  protocol: WireProtocol,
  requestId: string,
  { signingService, resource = '' }: { signingService?: string; resource?: string } = {},
): RenderedError {
  const { error: domainError, unexpected } = toDomainError(error);
  if (protocol === 's3') return { ...s3ErrorAnswer(domainError, resource, requestId), unexpected };
  const message = domainError.message;
  const retryAfter: Record<string, string> =
    domainError instanceof ThrottledError ? { 'retry-after': String(domainError.retryAfterSeconds) } : {};
  if (protocol === 'rest') {
    return {
      status: restStatusOf(domainError.code),
      code: domainError.code,
      unexpected,
      headers: { 'content-type': 'application/json; charset=utf-8', ...retryAfter },
      body: JSON.stringify({
        error: { code: domainError.code, message, requestId, ...lowerKeys(domainError.fields) },
      }),
    };
  }
  if (protocol === 'aws-query') {
    const code = QUERY_CODES[domainError.code] ?? domainError.code;
    const status = awsStatusOf(code);
    const type = status >= 500 ? 'Receiver' : 'Sender';
    return {
      status,
      code,
      unexpected,
      headers: { 'content-type': 'text/xml', ...retryAfter },
      body:
        `<ErrorResponse xmlns="${queryNamespaceOf(signingService)}"><Error><Type>${type}</Type>` +
        `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
        `<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`,
    };
  }
  const code =
    (domainError instanceof ThrottledError && AWS_JSON_THROTTLING[domainError.service]) || domainError.code;
  return {
    status: awsStatusOf(code),
    code,
    unexpected,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-errortype': code,
      ...retryAfter,
    },
    body: JSON.stringify({ __type: code, Message: message, message, ...domainError.fields }),
  };
}

export function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function lowerKeys(fields: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k[0].toLowerCase() + k.slice(1), v]));
}

function fromHttpException(error: HttpException): DomainError {
  const status = error.getStatus();
  if (status === 404) return new RouteNotFoundError();
  if (status === 413) return new RequestEntityTooLargeError('The request body is too large.');
  if (status === 415) return new UnsupportedMediaTypeError();
  if (status >= 500) return new InternalFailureError();
  return new MalformedRequestError(error.message);
}

function fromFastifyError(code: string, error: Error & { statusCode?: number }): DomainError {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      // Fastify's own refusal (past the largest limit, before reading) does not know the route's.
      return new RequestEntityTooLargeError(
        /byte limit/.test(error.message)
          ? error.message
          : `The request body exceeds the size limit: ${BODY_LIMIT_BYTES} bytes, ${SERVICE_EVENTS_BODY_LIMIT_BYTES} for PutServiceEvents.`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new UnsupportedMediaTypeError();
    case 'FST_ERR_BAD_URL':
      return new MalformedRequestError('The request path is not valid percent-encoded UTF-8.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new MalformedRequestError('A path parameter of the request is too long.');
    default:
      return (error.statusCode ?? 500) < 500
        ? new MalformedRequestError(`The request could not be read: ${error.message}`)
        : new InternalFailureError();
  }
}
