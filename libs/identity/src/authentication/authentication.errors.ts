import { DomainError } from '@app/platform/errors';

/* Authentication's refusals of a credential, as the AWS services word them. */

const INVALID_TOKEN = 'The security token included in the request is invalid.';

/** An unknown, inactive or mismatched credential, or one of an inactive account. */
export class InvalidSecurityTokenError extends DomainError {
  constructor() {
    super('UnrecognizedClientException', INVALID_TOKEN);
  }
}

/** A credential scoped to an opt-in Region its account has not enabled. */
export class RegionNotEnabledError extends DomainError {
  constructor(region: string, accountId: string) {
    super(
      'UnrecognizedClientException',
      `${INVALID_TOKEN} Region ${region} is not enabled for account ${accountId}.`,
    );
  }
}

export class ExpiredSecurityTokenError extends DomainError {
  constructor() {
    super('ExpiredTokenException', 'The security token included in the request is expired');
  }
}

/**
 * A presigned URL does not sign the body, so outside S3 (where an unsigned payload is the contract
 * of a presigned upload) it may only read.
 */
export class PresignedWriteError extends DomainError {
  constructor() {
    super('InvalidSignatureException', 'Presigned URLs are accepted for GET requests only, except by S3.');
  }
}

export class UnknownCredentialRegionError extends DomainError {
  constructor() {
    super('InvalidSignatureException', 'Credential should be scoped to a valid region.');
  }
}
