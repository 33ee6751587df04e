import {
  AbortMultipartUpload,
  checksumHeader,
  CompleteMultipartUpload,
  CreateMultipartUpload,
  ListMultipartUploads,
  ListParts,
  MAX_LISTED_PARTS,
  MAX_LISTED_UPLOADS,
  MAX_PART_NUMBER,
  objectHeaderFields,
  parseListingCount,
  renderCompleteMultipartUpload,
  renderInitiateMultipartUpload,
  renderListMultipartUploads,
  renderListParts,
  UploadPart,
} from '@app/storage';
import { objectPayloadOf } from './s3-object.routes';
import { NO_CONTENT, param, s3Route, XML } from './s3-route';
import { type S3Request } from './s3-request';

/** The multipart upload calls of the object store: REST-XML mappings of their operations. */

const uploadOf = (request: S3Request) => ({
  bucket: request.bucket,
  key: request.key,
  uploadId: request.query.get('uploadId') ?? '',
});

export const createMultipartUpload = s3Route(
  CreateMultipartUpload,
  (request) => {
    const { contentMd5: _contentMd5, ...fields } = objectHeaderFields(request.headers);
    return { bucket: request.bucket, key: request.key, ...fields, acl: request.headers['x-amz-acl'] };
  },
  (upload) => ({ status: 200, headers: XML, body: renderInitiateMultipartUpload(upload) }),
);

/** UploadPart: the body in any form PutObject takes, checked the same way. */
export const uploadPart = s3Route(
  UploadPart,
  (request, signing) => {
    const payload = objectPayloadOf(request, signing);
    return {
      ...uploadOf(request),
      partNumber: param(request, 'partNumber'),
      content: payload.content,
      checksum: payload.checksum,
      contentMd5: request.headers['content-md5'],
    };
  },
  (part) => ({
    status: 200,
    headers: {
      etag: part.etag,
      'content-length': '0',
      ...(part.checksum ? { [checksumHeader(part.checksum.algorithm)]: part.checksum.value } : {}),
    },
  }),
);

export const completeMultipartUpload = s3Route(
  CompleteMultipartUpload,
  (request) => ({ ...uploadOf(request), body: request.body }),
  (result) => ({
    status: 200,
    headers: XML,
    body: renderCompleteMultipartUpload(result, `/${result.bucket}/${pathOf(result.key)}`),
  }),
);

export const abortMultipartUpload = s3Route(AbortMultipartUpload, uploadOf, () => NO_CONTENT);

export const listParts = s3Route(
  ListParts,
  (request) => ({
    ...uploadOf(request),
    maxParts: parseListingCount('max-parts', param(request, 'max-parts'), MAX_LISTED_PARTS),
    partNumberMarker: parseListingCount(
      'part-number-marker',
      param(request, 'part-number-marker'),
      MAX_PART_NUMBER,
    ),
  }),
  (result) => ({ status: 200, headers: XML, body: renderListParts(result) }),
);

export const listMultipartUploads = s3Route(
  ListMultipartUploads,
  (request) => ({
    bucket: request.bucket,
    prefix: param(request, 'prefix'),
    delimiter: param(request, 'delimiter'),
    keyMarker: param(request, 'key-marker'),
    uploadIdMarker: param(request, 'upload-id-marker'),
    maxUploads: parseListingCount('max-uploads', param(request, 'max-uploads'), MAX_LISTED_UPLOADS),
    encodingType: param(request, 'encoding-type'),
  }),
  (result) => ({ status: 200, headers: XML, body: renderListMultipartUploads(result) }),
);

/** A key as a URL path: each segment percent-encoded, its slashes kept. */
function pathOf(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}
