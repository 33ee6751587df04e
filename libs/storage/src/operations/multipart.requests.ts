import { Allow, IsInt, IsOptional, IsString } from 'class-validator';
import { type ChecksumClaim } from '../domain/checksums';
import { type ObjectHeaders } from '../domain/stored-object';
import { BucketRequest, ObjectRequest } from './s3.requests';

/* The inputs of the multipart upload operations (members' types only; the use cases check the rest). */

export class CreateMultipartUploadRequest extends ObjectRequest implements Partial<ObjectHeaders> {
  @IsOptional() @IsString() contentType?: string;
  @IsOptional() @IsString() contentEncoding?: string;
  @IsOptional() @IsString() contentDisposition?: string;
  @IsOptional() @IsString() contentLanguage?: string;
  @IsOptional() @IsString() cacheControl?: string;
  @IsOptional() @IsString() expires?: string;
  @IsOptional() @Allow() userMetadata?: Record<string, string>;
  /** `x-amz-acl`: a condition key only (`s3:x-amz-acl`), as for PutObject. */
  @IsOptional() @IsString() acl?: string;
}

export class UploadRequest extends ObjectRequest {
  @IsString() uploadId!: string;
}

export class UploadPartRequest extends UploadRequest {
  /** As sent: the use case answers S3's InvalidArgument for anything but 1 to 10000. */
  @IsOptional() @IsString() partNumber?: string;
  /** The decoded part bytes. */
  @Allow() content!: Buffer;
  @IsOptional() @IsString() contentMd5?: string;
  @IsOptional() @Allow() checksum?: ChecksumClaim;
}

export class CompleteMultipartUploadRequest extends UploadRequest {
  /** The `<CompleteMultipartUpload>` document as sent. */
  @Allow() body!: Buffer;
}

export class ListPartsRequest extends UploadRequest {
  @IsOptional() @IsInt() maxParts?: number;
  @IsOptional() @IsInt() partNumberMarker?: number;
}

export class ListMultipartUploadsRequest extends BucketRequest {
  @IsOptional() @IsString() prefix?: string;
  @IsOptional() @IsString() delimiter?: string;
  @IsOptional() @IsString() keyMarker?: string;
  @IsOptional() @IsString() uploadIdMarker?: string;
  @IsOptional() @IsInt() maxUploads?: number;
  @IsOptional() @IsString() encodingType?: string;
}
