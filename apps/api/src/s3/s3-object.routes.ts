import {
  type ChecksumClaim,
  checksumClaimFromHeaders,
  checksumHeader,
  claimedChecksum,
  decodeObjectPayload,
  DeleteObject,
  DeleteObjects,
  GetObject,
  HeadObject,
  objectAnswerHeaders,
  objectHeaderFields,
  PutObject,
  renderDeleteResult,
  streamingSigningContext,
} from '@app/storage';
import { type AuthenticatedCaller } from '@app/identity';
import { NO_CONTENT, s3Route, XML } from './s3-route';
import { type S3Request } from './s3-request';

/** The object-level calls of the object store: REST-XML mappings of their operations. */

const objectOf = (request: S3Request) => ({ bucket: request.bucket, key: request.key });
const checksumMode = (request: S3Request) =>
  request.headers['x-amz-checksum-mode']?.toUpperCase() === 'ENABLED';

export const getObject = s3Route(
  GetObject,
  (request) => ({ ...objectOf(request), range: request.headers.range }),
  (output, request) => ({
    status: output.range ? 206 : 200,
    headers: objectAnswerHeaders({ ...output, checksumMode: checksumMode(request) }),
    body: output.body,
  }),
);

export const headObject = s3Route(
  HeadObject,
  (request) => ({ ...objectOf(request), range: request.headers.range }),
  (output, request) => ({
    status: output.range ? 206 : 200,
    headers: objectAnswerHeaders({ ...output, checksumMode: checksumMode(request) }),
  }),
);

/**
 * An uploaded body (PutObject, UploadPart) in whichever form the client framed it (signed,
 * unsigned, aws-chunked with or without chunk signatures and trailing checksum), checked against
 * what its headers promised, and the checksum it claims.
 */
export function objectPayloadOf(
  request: S3Request,
  signing: AuthenticatedCaller['signing'],
): { content: Buffer; checksum?: ChecksumClaim } {
  const { headers } = request;
  const payload = decodeObjectPayload({
    body: request.body,
    contentSha256: headers['x-amz-content-sha256'],
    decodedContentLength: headers['x-amz-decoded-content-length'],
    trailer: headers['x-amz-trailer'],
    signing: streamingSigningContext(signing.signature, signing.signingKey),
  });
  return { content: payload.bytes, checksum: claimedChecksum(headers, payload.trailingChecksum) };
}

export const putObject = s3Route(
  PutObject,
  (request, signing) => ({
    ...objectOf(request),
    ...objectHeaderFields(request.headers),
    ...objectPayloadOf(request, signing),
    acl: request.headers['x-amz-acl'],
  }),
  (head) => ({
    status: 200,
    headers: {
      etag: head.etag,
      'content-length': '0',
      ...(head.checksum ? { [checksumHeader(head.checksum.algorithm)]: head.checksum.value } : {}),
    },
  }),
);

export const deleteObject = s3Route(DeleteObject, objectOf, () => NO_CONTENT);

export const deleteObjects = s3Route(
  DeleteObjects,
  (request) => ({
    bucket: request.bucket,
    body: request.body,
    contentMd5: request.headers['content-md5'],
    checksum: checksumClaimFromHeaders(request.headers),
  }),
  (result) => ({ status: 200, headers: XML, body: renderDeleteResult(result) }),
);
