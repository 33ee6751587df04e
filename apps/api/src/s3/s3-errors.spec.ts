import { AccessDeniedError } from '@app/iam';
import { InvalidSignatureError } from '@app/sigv4';
import { NoSuchKeyError } from '@app/storage';
import { s3ErrorAnswer } from './s3-errors';

describe(s3ErrorAnswer.name, () => {
  it("answers the other protocols' authentication and authorization codes with S3's", () => {
    const signature = s3ErrorAnswer(new InvalidSignatureError(), '/b/k', 'req-1');
    expect([signature.status, signature.code]).toEqual([403, 'SignatureDoesNotMatch']);
    const denied = s3ErrorAnswer(new AccessDeniedError('no'), '/b', 'req-2');
    expect([denied.status, denied.code]).toEqual([403, 'AccessDenied']);
  });

  it("renders S3's error document with the error's fields, the resource and the request id", () => {
    const answer = s3ErrorAnswer(new NoSuchKeyError('a/b'), '/bucket/a/b', 'req-3');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/xml');
    expect(answer.body).toContain(
      '<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>a/b</Key>' +
        '<Resource>/bucket/a/b</Resource><RequestId>req-3</RequestId></Error>',
    );
  });
});
