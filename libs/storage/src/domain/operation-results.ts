import { type ErrorCode } from '@app/platform/errors';
import { type Bucket } from './bucket';
import { type ObjectSummary } from './stored-object';

/** The only `encoding-type` S3 knows: keys, prefixes, delimiter and markers percent-encoded. */
export type ListingEncoding = 'url';

export interface ListBucketsResult {
  readonly ownerAccountId: string;
  readonly buckets: readonly Bucket[];
  readonly prefix?: string;
  /** Present when more buckets remain (max-buckets was given and reached). */
  readonly continuationToken?: string;
}

interface ObjectListingResult {
  readonly bucket: string;
  readonly prefix: string;
  readonly delimiter?: string;
  readonly maxKeys: number;
  readonly encodingType?: ListingEncoding;
  readonly isTruncated: boolean;
  readonly contents: readonly ObjectSummary[];
  readonly commonPrefixes: readonly string[];
}

/** ListObjects (v1): objects are owned by the bucket owner (S3's BucketOwnerEnforced). */
export interface ListObjectsV1Result extends ObjectListingResult {
  readonly marker: string;
  /** Only when truncated with a delimiter, as S3 (without one, clients continue from the last key). */
  readonly nextMarker?: string;
  readonly ownerAccountId: string;
}

export interface ListObjectsV2Result extends ObjectListingResult {
  readonly keyCount: number;
  readonly continuationToken?: string;
  readonly nextContinuationToken?: string;
  readonly startAfter?: string;
  /** Only with fetch-owner=true. */
  readonly ownerAccountId?: string;
}

export interface DeleteObjectsResult {
  readonly quiet: boolean;
  readonly deleted: ReadonlyArray<{ readonly key: string; readonly versionId?: string }>;
  readonly errors: ReadonlyArray<{
    readonly key: string;
    readonly code: ErrorCode;
    readonly message: string;
  }>;
}

/** An upload in progress, as CreateMultipartUpload makes it and ListMultipartUploads lists it. */
export interface MultipartUploadSummary {
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
  readonly initiated: Date;
  /** The ARN of the principal that created it. */
  readonly initiator: string;
}

export interface CompleteMultipartUploadResult {
  readonly bucket: string;
  readonly key: string;
  /** `"<md5 of the parts' md5s>-<parts>"`. */
  readonly etag: string;
}

/** ListParts: parts by number after `partNumberMarker`; objects are the bucket owner's. */
export interface ListPartsResult {
  readonly upload: MultipartUploadSummary;
  readonly ownerAccountId: string;
  readonly partNumberMarker: number;
  readonly nextPartNumberMarker?: number;
  readonly maxParts: number;
  readonly isTruncated: boolean;
  readonly parts: ReadonlyArray<{
    readonly partNumber: number;
    readonly etag: string;
    readonly size: number;
    readonly lastModified: Date;
  }>;
}

/** ListMultipartUploads: uploads by key, then initiation, after the (key, upload id) markers. */
export interface ListMultipartUploadsResult {
  readonly bucket: string;
  readonly ownerAccountId: string;
  readonly prefix: string;
  readonly keyMarker: string;
  readonly uploadIdMarker: string;
  readonly nextKeyMarker?: string;
  readonly nextUploadIdMarker?: string;
  readonly delimiter?: string;
  readonly maxUploads: number;
  readonly isTruncated: boolean;
  readonly uploads: readonly MultipartUploadSummary[];
  readonly commonPrefixes: readonly string[];
  /** `url`: keys, prefix and key markers percent-encoded (the AWS CLI always asks so). */
  readonly encodingType?: ListingEncoding;
}
