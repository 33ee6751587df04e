export * from './bucket-policy.operations';
export * from './bucket.operations';
export * from './multipart.operations';
export * from './multipart.requests';
export * from './object.operations';
export * from './s3.requests';
export { newBucketResource } from './s3-resources';
