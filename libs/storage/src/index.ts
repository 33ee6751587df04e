/**
 * `@app/storage`: the built-in S3-compatible object store (delivery.md §6), without its transport.
 *
 * The S3 REST-XML transport maps each request to one operation (`operations/`), decodes
 * PutObject and UploadPart bodies with `decodeObjectPayload`, parses request documents with
 * `parseCreateBucketConfiguration` / `parseDeleteObjects`, and renders answers and errors with
 * the `render…` functions. Authorization is not done here: `BucketDirectory.accessFacts(bucket)`
 * gives the authorizer the bucket's owner and policy. Log delivery writes through
 * `BuiltInObjectStore.putObject`, after `CloudTrailWritePermission` (which CreateTrail also asks).
 */
export * from './authorization/bucket-resource.facts';
export * from './domain/bucket';
export * from './domain/bucket-name';
export * from './domain/bucket-policy';
export * from './domain/byte-range';
export * from './domain/checksums';
export * from './domain/chunk-signature';
export * from './domain/key-order';
export * from './domain/listing-parameters';
export * from './domain/location-constraint';
export * from './domain/multipart';
export * from './domain/multipart-xml-responses';
export * from './domain/object-limits';
export * from './domain/object-headers';
export * from './domain/object-listing';
export * from './domain/object-payload';
export * from './domain/operation-results';
export * from './domain/s3-xml-requests';
export * from './domain/s3-xml-responses';
export * from './domain/storage.errors';
export * from './domain/stored-object';
export * from './domain/upload-listing';
export * from './operations';
export * from './use-cases/abort-multipart-upload.use-case';
export * from './use-cases/bucket-directory';
export * from './use-cases/built-in-object-store';
export * from './use-cases/cloudtrail-write-permission';
export * from './use-cases/complete-multipart-upload.use-case';
export * from './use-cases/create-multipart-upload.use-case';
export * from './use-cases/create-bucket.use-case';
export * from './use-cases/delete-bucket-policy.use-case';
export * from './use-cases/delete-bucket.use-case';
export * from './use-cases/delete-object.use-case';
export * from './use-cases/delete-objects.use-case';
export * from './use-cases/get-bucket-location.use-case';
export * from './use-cases/get-bucket-policy.use-case';
export * from './use-cases/get-object.use-case';
export * from './use-cases/head-bucket.use-case';
export * from './use-cases/head-object.use-case';
export * from './use-cases/list-buckets.use-case';
export * from './use-cases/list-multipart-uploads.use-case';
export * from './use-cases/list-objects-v2.use-case';
export * from './use-cases/list-objects.use-case';
export * from './use-cases/list-parts.use-case';
export * from './use-cases/put-bucket-policy.use-case';
export * from './use-cases/put-object.use-case';
export * from './use-cases/upload-part.use-case';
export * from './storage.module';
