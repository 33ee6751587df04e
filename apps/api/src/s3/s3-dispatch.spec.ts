import { s3RouteOf } from './s3-dispatch';
import { type S3Request } from './s3-request';

function request(method: string, path: string, headers: Record<string, string> = {}): S3Request {
  const [pathname, query = ''] = path.split('?');
  const [bucket, ...key] = pathname.slice(1).split('/');
  return {
    method,
    ...(bucket ? { bucket } : {}),
    ...(key.join('/') ? { key: key.join('/') } : {}),
    query: new URLSearchParams(query),
    headers,
    body: Buffer.alloc(0),
    resource: pathname,
  };
}

const nameOf = (method: string, path: string, headers?: Record<string, string>) =>
  s3RouteOf(request(method, path, headers)).operation.name;
const codeOf = (method: string, path: string, headers?: Record<string, string>) => {
  try {
    s3RouteOf(request(method, path, headers));
  } catch (error) {
    return (error as { code: string }).code;
  }
  return undefined;
};

describe(s3RouteOf.name, () => {
  it.each([
    ['GET', '/', 'ListBuckets'],
    ['PUT', '/b', 'CreateBucket'],
    ['HEAD', '/b', 'HeadBucket'],
    ['DELETE', '/b', 'DeleteBucket'],
    ['GET', '/b?location', 'GetBucketLocation'],
    ['GET', '/b?policy', 'GetBucketPolicy'],
    ['PUT', '/b?policy', 'PutBucketPolicy'],
    ['DELETE', '/b?policy', 'DeleteBucketPolicy'],
    ['GET', '/b', 'ListObjects'],
    ['GET', '/b?list-type=2&x-id=ListObjectsV2', 'ListObjectsV2'],
    ['POST', '/b?delete', 'DeleteObjects'],
    ['GET', '/b/k/with/slashes?x-id=GetObject', 'GetObject'],
    ['HEAD', '/b/k', 'HeadObject'],
    ['PUT', '/b/k', 'PutObject'],
    ['DELETE', '/b/k', 'DeleteObject'],
    ['POST', '/b/k?uploads', 'CreateMultipartUpload'],
    ['PUT', '/b/k?partNumber=1&uploadId=u', 'UploadPart'],
    ['POST', '/b/k?uploadId=u', 'CompleteMultipartUpload'],
    ['DELETE', '/b/k?uploadId=u', 'AbortMultipartUpload'],
    ['GET', '/b/k?uploadId=u&max-parts=2', 'ListParts'],
    ['GET', '/b?uploads&prefix=a', 'ListMultipartUploads'],
  ])('%s %s is %s', (method, path, operation) => {
    expect(nameOf(method, path)).toBe(operation);
  });

  it('refuses what no operation serves: other subresources, copies, methods', () => {
    expect(codeOf('GET', '/b?acl')).toBe('NotImplemented');
    expect(codeOf('PUT', '/b/k?tagging')).toBe('NotImplemented');
    expect(codeOf('PUT', '/b/k', { 'x-amz-copy-source': '/a/b' })).toBe('NotImplemented');
    expect(codeOf('PUT', '/b/k?partNumber=1&uploadId=u', { 'x-amz-copy-source': '/a/b' })).toBe(
      'NotImplemented',
    );
    expect(codeOf('POST', '/b')).toBe('MethodNotAllowed');
    expect(codeOf('POST', '/b/k')).toBe('MethodNotAllowed');
    expect(codeOf('PUT', '/')).toBe('MethodNotAllowed');
    expect(codeOf('PATCH', '/b/k')).toBe('MethodNotAllowed');
  });
});
