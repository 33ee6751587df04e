import { type WireRequest } from './signed-wire';

type Level = 'service' | 'bucket' | 'object';
type BodyKind = 'none' | 'object' | 'xml' | 'policy';

/** One S3 operation as the wire names it: method, level of the path, subresource, body. */
export interface S3Target {
  readonly key: string;
  readonly readOnly: boolean;
  readonly method: WireRequest['method'];
  readonly level: Level;
  readonly subresource?: Readonly<Record<string, string>>;
  /** Names a multipart upload (`?uploadId=`): one in progress, one that never was, or junk. */
  readonly upload?: boolean;
  readonly body?: BodyKind;
}

export const S3_TARGETS: readonly S3Target[] = [
  { key: 's3:ListBuckets', readOnly: true, method: 'GET', level: 'service' },
  { key: 's3:CreateBucket', readOnly: false, method: 'PUT', level: 'bucket', body: 'xml' },
  { key: 's3:HeadBucket', readOnly: true, method: 'HEAD', level: 'bucket' },
  { key: 's3:DeleteBucket', readOnly: false, method: 'DELETE', level: 'bucket' },
  {
    key: 's3:GetBucketLocation',
    readOnly: true,
    method: 'GET',
    level: 'bucket',
    subresource: { location: '' },
  },
  { key: 's3:ListObjects', readOnly: true, method: 'GET', level: 'bucket' },
  {
    key: 's3:ListObjectsV2',
    readOnly: true,
    method: 'GET',
    level: 'bucket',
    subresource: { 'list-type': '2' },
  },
  { key: 's3:GetObject', readOnly: true, method: 'GET', level: 'object' },
  { key: 's3:HeadObject', readOnly: true, method: 'HEAD', level: 'object' },
  { key: 's3:PutObject', readOnly: false, method: 'PUT', level: 'object', body: 'object' },
  { key: 's3:DeleteObject', readOnly: false, method: 'DELETE', level: 'object' },
  {
    key: 's3:DeleteObjects',
    readOnly: false,
    method: 'POST',
    level: 'bucket',
    subresource: { delete: '' },
    body: 'xml',
  },
  {
    key: 's3:PutBucketPolicy',
    readOnly: false,
    method: 'PUT',
    level: 'bucket',
    subresource: { policy: '' },
    body: 'policy',
  },
  { key: 's3:GetBucketPolicy', readOnly: true, method: 'GET', level: 'bucket', subresource: { policy: '' } },
  {
    key: 's3:DeleteBucketPolicy',
    readOnly: false,
    method: 'DELETE',
    level: 'bucket',
    subresource: { policy: '' },
  },
  {
    key: 's3:CreateMultipartUpload',
    readOnly: false,
    method: 'POST',
    level: 'object',
    subresource: { uploads: '' },
  },
  { key: 's3:UploadPart', readOnly: false, method: 'PUT', level: 'object', upload: true, body: 'object' },
  {
    key: 's3:CompleteMultipartUpload',
    readOnly: false,
    method: 'POST',
    level: 'object',
    upload: true,
    body: 'xml',
  },
  { key: 's3:AbortMultipartUpload', readOnly: false, method: 'DELETE', level: 'object', upload: true },
  { key: 's3:ListParts', readOnly: true, method: 'GET', level: 'object', upload: true },
  {
    key: 's3:ListMultipartUploads',
    readOnly: true,
    method: 'GET',
    level: 'bucket',
    subresource: { uploads: '' },
  },
];
