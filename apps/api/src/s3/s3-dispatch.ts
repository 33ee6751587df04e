import { NotImplementedError } from '@app/storage';
import * as buckets from './s3-bucket.routes';
import * as multipart from './s3-multipart.routes';
import * as objects from './s3-object.routes';
import { type S3Request } from './s3-request';
import { type S3Route } from './s3-route';
import { MethodNotAllowedError } from './s3-transport.errors';

/** Subresources this store does not serve (ACLs, versioning, tagging …). */
const UNSERVED_SUBRESOURCES = [
  'accelerate',
  'acl',
  'analytics',
  'attributes',
  'cors',
  'encryption',
  'intelligent-tiering',
  'inventory',
  'legal-hold',
  'lifecycle',
  'logging',
  'metrics',
  'notification',
  'object-lock',
  'ownershipControls',
  'policyStatus',
  'publicAccessBlock',
  'replication',
  'requestPayment',
  'restore',
  'retention',
  'select',
  'tagging',
  'torrent',
  'versioning',
  'versions',
  'website',
];

/**
 * The operation a path-style request names: by method, by whether it names a bucket and a key,
 * and by its subresource (`?location`, `?policy`, `?delete`, `list-type=2`, `?uploads`, `?uploadId`).
 * @throws NotImplementedError for subresources and copies this store does not serve,
 *   MethodNotAllowedError for methods no operation takes there.
 */
export function s3RouteOf(request: S3Request): S3Route {
  const has = (name: string) => request.query.has(name);
  const unserved = UNSERVED_SUBRESOURCES.find(has);
  if (unserved !== undefined)
    throw new NotImplementedError(`The ${unserved} subresource is not implemented.`);
  if (request.bucket === undefined) {
    if (request.method === 'GET') return buckets.listBuckets;
    throw new MethodNotAllowedError();
  }
  if (request.key === undefined) return bucketRoute(request, has);
  const upload = has('uploadId');
  switch (request.method) {
    case 'GET':
      return upload ? multipart.listParts : objects.getObject;
    case 'HEAD':
      return objects.headObject;
    case 'PUT':
      if (request.headers['x-amz-copy-source'] !== undefined)
        throw new NotImplementedError(`${upload ? 'UploadPartCopy' : 'CopyObject'} is not implemented.`);
      return upload ? multipart.uploadPart : objects.putObject;
    case 'DELETE':
      return upload ? multipart.abortMultipartUpload : objects.deleteObject;
    case 'POST':
      if (upload) return multipart.completeMultipartUpload;
      if (has('uploads')) return multipart.createMultipartUpload;
      throw new MethodNotAllowedError();
    default:
      throw new MethodNotAllowedError();
  }
}

function bucketRoute(request: S3Request, has: (name: string) => boolean): S3Route {
  switch (request.method) {
    case 'GET':
      if (has('location')) return buckets.getBucketLocation;
      if (has('policy')) return buckets.getBucketPolicy;
      if (has('uploads')) return multipart.listMultipartUploads;
      return request.query.get('list-type') === '2' ? buckets.listObjectsV2 : buckets.listObjects;
    case 'HEAD':
      return buckets.headBucket;
    case 'PUT':
      return has('policy') ? buckets.putBucketPolicy : buckets.createBucket;
    case 'DELETE':
      return has('policy') ? buckets.deleteBucketPolicy : buckets.deleteBucket;
    case 'POST':
      if (has('delete')) return objects.deleteObjects;
      throw new MethodNotAllowedError();
    default:
      throw new MethodNotAllowedError();
  }
}

/**
 * Whether the request uploads object bytes, PutObject or UploadPart (the calls whose body may
 * exceed S3's document limit).
 */
export function isObjectUpload(request: Pick<S3Request, 'method' | 'key'>): boolean {
  return request.method === 'PUT' && request.key !== undefined;
}
