import { DomainError } from '@app/platform/errors';

/** AWS's message for a signature that does not verify; it names no value from the request. */
export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** Neither an Authorization header nor a presigned query string was sent. */
export class MissingAuthenticationTokenError extends DomainError {
  constructor() {
    super('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
}

/** The signature is malformed or incomplete: it cannot be checked at all. */
export class IncompleteSignatureError extends DomainError {
  constructor(message: string) {
    super('IncompleteSignatureException', message);
  }
}

/** The signature is well formed but wrong, stale, scoped to another service, or over another body. */
export class InvalidSignatureError extends DomainError {
  constructor(message: string = SIGNATURE_MISMATCH_MESSAGE) {
    super('InvalidSignatureException', message);
  }
}

/** A presigned URL used after its `X-Amz-Expires` window. */
export class RequestExpiredError extends DomainError {
  constructor() {
    super('RequestExpired', 'Request has expired');
  }
}

/**
 * Headers that change what a request does are not covered by its signature: every `x-amz-*` header
 * (the operation's `X-Amz-Target` among them) and the content type of a request with a body.
 * Without this, signed bytes could be replayed as another operation.
 */
export class UnsignedHeadersError extends DomainError {
  constructor(readonly headers: readonly string[]) {
    super(
      'InvalidSignatureException',
      `There were headers present in the request which were not signed: ${headers.join(', ')}. Every x-amz-* header and the content-type of a request with a body must be signed.`,
    );
  }
}
