import { assertBucketName, bucketNameProblem } from './bucket-name';
import { InvalidBucketNameError } from './storage.errors';

describe('bucketNameProblem', () => {
  it.each(['abc', 'my-bucket', 'my.bucket.name', 'logs-111122223333', 'a'.repeat(63), '1bucket', 'bucket1'])(
    'accepts %s',
    (name) => {
      expect(bucketNameProblem(name)).toBeUndefined();
    },
  );

  it.each([
    ['ab', 'too short'],
    ['a'.repeat(64), 'too long'],
    ['My-Bucket', 'upper case'],
    ['my_bucket', 'underscore'],
    ['-bucket', 'leading hyphen'],
    ['bucket-', 'trailing hyphen'],
    ['.bucket', 'leading dot'],
    ['bucket.', 'trailing dot'],
    ['my..bucket', 'adjacent periods'],
    ['192.168.5.4', 'IP address form'],
    ['xn--bucket', 'xn-- prefix'],
    ['sthree-bucket', 'sthree- prefix'],
    ['amzn-s3-demo-bucket', 'amzn-s3-demo- prefix'],
    ['bucket-s3alias', '-s3alias suffix'],
    ['bucket--ol-s3', '--ol-s3 suffix'],
    ['bucket.mrap', '.mrap suffix'],
    ['bucket--x-s3', '--x-s3 suffix'],
    ['bucket--table-s3', '--table-s3 suffix'],
    ['bück', 'non-ASCII letter'],
    ['my bucket', 'space'],
    ['', 'empty'],
  ])('rejects %s (%s)', (name) => {
    expect(bucketNameProblem(name)).toBeDefined();
  });

  it('throws InvalidBucketName naming the bucket', () => {
    expect(() => assertBucketName('Bad_Name')).toThrow(InvalidBucketNameError);
    try {
      assertBucketName('Bad_Name');
    } catch (error) {
      expect((error as InvalidBucketNameError).code).toBe('InvalidBucketName');
      expect((error as InvalidBucketNameError).fields).toEqual({ BucketName: 'Bad_Name' });
    }
  });
});
