import { type DomainError, ERROR_STATUS, type ErrorCode } from '@app/platform';
import { renderErrorDocument } from '@app/storage';

/**
 * S3's names for the errors every call may get (authentication, authorization, input, throttling,
 * faults), which the other protocols name their own way. S3 answers them with its own codes and
 * statuses: `InvalidAccessKeyId`, `SignatureDoesNotMatch` and `AccessDenied` are 403.
 */
const S3_ERRORS: Partial<Record<ErrorCode, { readonly code: ErrorCode; readonly status: number }>> = {
  UnrecognizedClientException: { code: 'InvalidAccessKeyId', status: 403 },
  InvalidClientTokenId: { code: 'InvalidAccessKeyId', status: 403 },
  InvalidSignatureException: { code: 'SignatureDoesNotMatch', status: 403 },
  SignatureDoesNotMatch: { code: 'SignatureDoesNotMatch', status: 403 },
  IncompleteSignatureException: { code: 'AuthorizationHeaderMalformed', status: 400 },
  MissingAuthenticationTokenException: { code: 'AccessDenied', status: 403 },
  RequestExpired: { code: 'AccessDenied', status: 403 },
  ExpiredTokenException: { code: 'ExpiredToken', status: 400 },
  ExpiredToken: { code: 'ExpiredToken', status: 400 },
  AccessDeniedException: { code: 'AccessDenied', status: 403 },
  AccessDenied: { code: 'AccessDenied', status: 403 },
  ThrottlingException: { code: 'SlowDown', status: 503 },
  Throttling: { code: 'SlowDown', status: 503 },
  ValidationException: { code: 'InvalidArgument', status: 400 },
  SerializationException: { code: 'InvalidRequest', status: 400 },
  RequestEntityTooLargeException: { code: 'MaxMessageLengthExceeded', status: 400 },
  UnsupportedMediaTypeException: { code: 'InvalidRequest', status: 400 },
  NotFoundException: { code: 'InvalidRequest', status: 400 },
  InternalFailure: { code: 'InternalError', status: 500 },
  ServiceUnavailable: { code: 'ServiceUnavailable', status: 503 },
};

export interface S3ErrorAnswer {
  readonly status: number;
  /** The code on the wire (S3's name). */
  readonly code: ErrorCode;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** An error as S3 answers it: its status and `<Error>` document naming the request's resource. */
export function s3ErrorAnswer(error: DomainError, resource: string, requestId: string): S3ErrorAnswer {
  const mapped = S3_ERRORS[error.code];
  const code = mapped?.code ?? error.code;
  const status = mapped?.status ?? ERROR_STATUS[error.code];
  return {
    status,
    code,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
    body: renderErrorDocument({ code, message: error.message, fields: error.fields }, resource, requestId),
  };
}
