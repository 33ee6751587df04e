import { DomainError } from '@app/platform/errors';

/*
 * The object store's errors, with S3's codes and messages. `fields` become extra elements of S3's
 * error document (`<BucketName>`, `<Key>`, `<ProposedSize>` …), after `<Code>` and `<Message>`.
 */

export class NoSuchBucketError extends DomainError {
  constructor(bucket: string) {
    super('NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });
  }
}

export class NoSuchKeyError extends DomainError {
  constructor(key: string) {
    super('NoSuchKey', 'The specified key does not exist.', { Key: key });
  }
}

export class NoSuchBucketPolicyError extends DomainError {
  constructor(bucket: string) {
    super('NoSuchBucketPolicy', 'The bucket policy does not exist', { BucketName: bucket });
  }
}

/** This store keeps no versions: any version id but "null" names nothing. */
export class NoSuchVersionError extends DomainError {
  constructor(key: string, versionId: string) {
    super('NoSuchVersion', 'The specified version does not exist.', { Key: key, VersionId: versionId });
  }
}

/** The name is taken by another account (bucket names are global). */
export class BucketAlreadyExistsError extends DomainError {
  constructor(bucket: string) {
    super(
      'BucketAlreadyExists',
      'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
      { BucketName: bucket },
    );
  }
}

export class BucketAlreadyOwnedByYouError extends DomainError {
  constructor(bucket: string) {
    super(
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
      { BucketName: bucket },
    );
  }
}

export class BucketNotEmptyError extends DomainError {
  constructor(bucket: string) {
    super('BucketNotEmpty', 'The bucket you tried to delete is not empty', { BucketName: bucket });
  }
}

export class InvalidBucketNameError extends DomainError {
  constructor(bucket: string) {
    super('InvalidBucketName', 'The specified bucket is not valid.', { BucketName: bucket });
  }
}

export class KeyTooLongError extends DomainError {
  constructor(size: number, maxSize: number) {
    super('KeyTooLongError', 'Your key is too long', {
      Size: String(size),
      MaxSizeAllowed: String(maxSize),
    });
  }
}

export class EntityTooLargeError extends DomainError {
  constructor(proposedSize: number, maxSize: number) {
    super('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', {
      ProposedSize: String(proposedSize),
      MaxSizeAllowed: String(maxSize),
    });
  }
}

export class MetadataTooLargeError extends DomainError {
  constructor(size: number, maxSize: number) {
    super('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size', {
      Size: String(size),
      MaxSizeAllowed: String(maxSize),
    });
  }
}

/** The body does not match its Content-MD5, or an `x-amz-checksum-*` value. */
export class BadDigestError extends DomainError {
  constructor(message: string, fields: Record<string, string> = {}) {
    super('BadDigest', message, fields);
  }
}

/** A Content-MD5 header that is not the base64 of 16 bytes. */
export class InvalidDigestError extends DomainError {
  constructor(contentMd5: string) {
    super('InvalidDigest', 'The Content-MD5 you specified was invalid.', { 'Content-MD5': contentMd5 });
  }
}

export class InvalidRangeError extends DomainError {
  constructor(rangeRequested: string, objectSize: number) {
    super('InvalidRange', 'The requested range is not satisfiable', {
      RangeRequested: rangeRequested,
      ActualObjectSize: String(objectSize),
    });
  }
}

export class XAmzContentSHA256MismatchError extends DomainError {
  constructor(clientComputed: string, computed: string) {
    super(
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
      { ClientComputedContentSHA256: clientComputed, S3ComputedContentSHA256: computed },
    );
  }
}

/** The body ended before its declared length, or an `aws-chunked` body was cut short. */
export class IncompleteBodyError extends DomainError {
  constructor(
    message = 'You did not provide the number of bytes specified by the Content-Length HTTP header',
  ) {
    super('IncompleteBody', message);
  }
}

export class InvalidArgumentError extends DomainError {
  constructor(message: string, argumentName?: string, argumentValue?: string) {
    super(
      'InvalidArgument',
      message,
      argumentName === undefined
        ? {}
        : {
            ArgumentName: argumentName,
            ...(argumentValue === undefined ? {} : { ArgumentValue: argumentValue }),
          },
    );
  }
}

export class InvalidRequestError extends DomainError {
  constructor(message: string) {
    super('InvalidRequest', message);
  }
}

export class MalformedXMLError extends DomainError {
  constructor() {
    super(
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema',
    );
  }
}

/** A bucket policy that is not valid JSON, breaks the policy grammar, or names another bucket. */
export class MalformedBucketPolicyError extends DomainError {
  constructor(reason: string) {
    super('MalformedPolicy', reason);
  }
}

export class InvalidLocationConstraintError extends DomainError {
  constructor(constraint: string) {
    super('InvalidLocationConstraint', 'The specified location-constraint is not valid', {
      LocationConstraint: constraint,
    });
  }
}

/** CreateBucket's LocationConstraint names another Region than the one the request was signed for. */
export class IllegalLocationConstraintError extends DomainError {
  constructor(constraint: string | undefined) {
    super(
      'IllegalLocationConstraintException',
      `The ${constraint ?? 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    );
  }
}

/** A chunk or trailer signature of a streaming upload that does not verify. */
export class SignatureDoesNotMatchError extends DomainError {
  constructor() {
    super(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  }
}

/** A PUT without a length (neither Content-Length nor x-amz-decoded-content-length). */
export class MissingContentLengthError extends DomainError {
  constructor() {
    super('MissingContentLength', 'You must provide the Content-Length HTTP header.');
  }
}

/** A subresource or header this store does not implement. */
export class NotImplementedError extends DomainError {
  constructor(message = 'A header you provided implies functionality that is not implemented') {
    super('NotImplemented', message);
  }
}

/** An object changed or vanished while its body was being read in pieces. */
export class ObjectChangedDuringReadError extends DomainError {
  constructor(key: string) {
    super('InternalError', 'We encountered an internal error. Please try again.', { Key: key });
  }
}

/** An upload id that names no upload in progress (never created, completed or aborted). */
export class NoSuchUploadError extends DomainError {
  constructor(uploadId: string) {
    super(
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      { UploadId: uploadId },
    );
  }
}

/** A part of a CompleteMultipartUpload list that was not uploaded, or whose ETag differs. */
export class InvalidPartError extends DomainError {
  constructor(partNumber: number, etag: string) {
    super(
      'InvalidPart',
      "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
      { PartNumber: String(partNumber), ETag: etag },
    );
  }
}

export class InvalidPartOrderError extends DomainError {
  constructor() {
    super(
      'InvalidPartOrder',
      'The list of parts was not in ascending order. Parts must be ordered by part number.',
    );
  }
}

/** A part but the last below the 5 MiB minimum. */
export class EntityTooSmallError extends DomainError {
  constructor(partNumber: number, proposedSize: number, minSize: number) {
    super('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', {
      ProposedSize: String(proposedSize),
      MinSizeAllowed: String(minSize),
      PartNumber: String(partNumber),
    });
  }
}
