import { HttpException } from '@nestjs/common';
import {
  awsStatusOf,
  DomainError,
  type ErrorCode,
  isDatabaseUnavailable,
  restStatusOf,
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
import { s3ErrorAnswer } from '../s3/s3-errors';
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
 * `error` as the protocol answers it. `resource` is what S3's error document names (the request
 * path, `/bucket/key`); the other protocols do not name it.
 */
export function renderError(
  error: unknown,
  protocol: WireProtocol,
  requestId: string,
  resource = '',
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
        `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>${type}</Type>` +
        `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
        `<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`,
    };
  }
  return {
    status: awsStatusOf(domainError.code),
    code: domainError.code,
    unexpected,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-errortype': domainError.code,
      ...retryAfter,
    },
    body: JSON.stringify({ __type: domainError.code, Message: message, message, ...domainError.fields }),
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
      return new RequestEntityTooLargeError('The request body exceeds the 262144-byte limit.');
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
