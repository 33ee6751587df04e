import { Allow, IsBoolean, IsInt, IsOptional, IsString } from 'class-validator';
import { type ChecksumClaim } from '../domain/checksums';
import { type ObjectHeaders } from '../domain/stored-object';

/*
 * The inputs of the object store's operations. The S3 transport fills them from the path, query,
 * headers and body; the use cases check names, keys and limits themselves (with S3's own codes),
 * so these only say the members' types.
 */

export class ListBucketsRequest {
  @IsOptional() @IsString() prefix?: string;
  @IsOptional() @IsString() bucketRegion?: string;
  @IsOptional() @IsInt() maxBuckets?: number;
  @IsOptional() @IsString() continuationToken?: string;
}

export class BucketRequest {
  @IsString() bucket!: string;
}

export class CreateBucketRequest extends BucketRequest {
  @IsOptional() @IsString() locationConstraint?: string;
  /** `x-amz-acl`: a condition key only (buckets have no ACLs here). */
  @IsOptional() @IsString() acl?: string;
}

export class ListObjectsRequest extends BucketRequest {
  @IsOptional() @IsString() prefix?: string;
  @IsOptional() @IsString() delimiter?: string;
  @IsOptional() @IsString() marker?: string;
  @IsOptional() @IsInt() maxKeys?: number;
  @IsOptional() @IsString() encodingType?: string;
}

export class ListObjectsV2Request extends BucketRequest {
  @IsOptional() @IsString() prefix?: string;
  @IsOptional() @IsString() delimiter?: string;
  @IsOptional() @IsString() startAfter?: string;
  @IsOptional() @IsString() continuationToken?: string;
  @IsOptional() @IsInt() maxKeys?: number;
  @IsOptional() @IsString() encodingType?: string;
  @IsOptional() @IsBoolean() fetchOwner?: boolean;
}

export class ObjectRequest extends BucketRequest {
  @IsString() key!: string;
}

export class GetObjectRequest extends ObjectRequest {
  @IsOptional() @IsString() range?: string;
}

export class PutObjectRequest extends ObjectRequest implements Partial<ObjectHeaders> {
  /** The decoded object bytes. */
  @Allow() content!: Buffer;
  @IsOptional() @IsString() contentType?: string;
  @IsOptional() @IsString() contentEncoding?: string;
  @IsOptional() @IsString() contentDisposition?: string;
  @IsOptional() @IsString() contentLanguage?: string;
  @IsOptional() @IsString() cacheControl?: string;
  @IsOptional() @IsString() expires?: string;
  @IsOptional() @IsString() contentMd5?: string;
  @IsOptional() @Allow() checksum?: ChecksumClaim;
  @IsOptional() @Allow() userMetadata?: Record<string, string>;
  /** `x-amz-acl`: a condition key only (`s3:x-amz-acl`). */
  @IsOptional() @IsString() acl?: string;
}

export class DeleteObjectsRequest extends BucketRequest {
  /** The `<Delete>` document as sent. */
  @Allow() body!: Buffer;
  @IsOptional() @IsString() contentMd5?: string;
  @IsOptional() @Allow() checksum?: ChecksumClaim;
}

export class PutBucketPolicyRequest extends BucketRequest {
  @IsString() policy!: string;
}
