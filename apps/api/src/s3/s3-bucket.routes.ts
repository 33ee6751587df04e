import {
  CreateBucket,
  DeleteBucket,
  DeleteBucketPolicy,
  GetBucketLocation,
  GetBucketPolicy,
  HeadBucket,
  ListBuckets,
  ListObjects,
  ListObjectsV2,
  parseCreateBucketConfiguration,
  parseMaxKeys,
  PutBucketPolicy,
  renderListBuckets,
  renderListObjectsV1,
  renderListObjectsV2,
  renderLocationConstraint,
} from '@app/storage';
import { NO_CONTENT, param, s3Route, XML } from './s3-route';
import { type S3Request } from './s3-request';

/** The bucket-level calls of the object store: REST-XML mappings of their operations. */

const bucketOf = (request: S3Request) => ({ bucket: request.bucket });

export const listBuckets = s3Route(
  ListBuckets,
  (request) => ({
    prefix: param(request, 'prefix'),
    bucketRegion: param(request, 'bucket-region'),
    maxBuckets: optionalInteger(param(request, 'max-buckets')),
    continuationToken: param(request, 'continuation-token'),
  }),
  (result) => ({ status: 200, headers: XML, body: renderListBuckets(result) }),
);

export const createBucket = s3Route(
  CreateBucket,
  (request) => ({
    ...bucketOf(request),
    ...parseCreateBucketConfiguration(request.body),
    acl: request.headers['x-amz-acl'],
  }),
  (bucket) => ({ status: 200, headers: { location: `/${bucket.name}`, 'content-length': '0' } }),
);

export const headBucket = s3Route(HeadBucket, bucketOf, (bucket) => ({
  status: 200,
  headers: { 'x-amz-bucket-region': bucket.region },
}));

export const deleteBucket = s3Route(DeleteBucket, bucketOf, () => NO_CONTENT);

export const getBucketLocation = s3Route(GetBucketLocation, bucketOf, ({ region }) => ({
  status: 200,
  headers: XML,
  body: renderLocationConstraint(region),
}));

export const listObjects = s3Route(
  ListObjects,
  (request) => ({
    ...bucketOf(request),
    prefix: param(request, 'prefix'),
    delimiter: param(request, 'delimiter'),
    marker: param(request, 'marker'),
    maxKeys: parseMaxKeys(param(request, 'max-keys')),
    encodingType: param(request, 'encoding-type'),
  }),
  (result) => ({ status: 200, headers: XML, body: renderListObjectsV1(result) }),
);

export const listObjectsV2 = s3Route(
  ListObjectsV2,
  (request) => ({
    ...bucketOf(request),
    prefix: param(request, 'prefix'),
    delimiter: param(request, 'delimiter'),
    startAfter: param(request, 'start-after'),
    continuationToken: param(request, 'continuation-token'),
    maxKeys: parseMaxKeys(param(request, 'max-keys')),
    encodingType: param(request, 'encoding-type'),
    fetchOwner: param(request, 'fetch-owner') === 'true',
  }),
  (result) => ({ status: 200, headers: XML, body: renderListObjectsV2(result) }),
);

export const putBucketPolicy = s3Route(
  PutBucketPolicy,
  (request) => ({ ...bucketOf(request), policy: request.body.toString('utf8') }),
  () => NO_CONTENT,
);

export const getBucketPolicy = s3Route(GetBucketPolicy, bucketOf, ({ policy }) => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: policy,
}));

export const deleteBucketPolicy = s3Route(DeleteBucketPolicy, bucketOf, () => NO_CONTENT);

/** An integer query parameter; anything else is passed on for the use case to refuse. */
function optionalInteger(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  return /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
}
