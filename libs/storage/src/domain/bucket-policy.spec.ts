import { bucketOfArn, bucketPolicyRule } from './bucket-policy';

describe('bucketOfArn', () => {
  it('names the bucket of a bucket or object ARN, and nothing else', () => {
    expect(bucketOfArn('arn:aws:s3:::logs')).toBe('logs');
    expect(bucketOfArn('arn:aws:s3:::logs/AWSLogs/o-1/x.json.gz')).toBe('logs');
    expect(bucketOfArn('arn:aws-cn:s3:::logs/')).toBe('logs');
    expect(bucketOfArn('arn:aws:cloudtrail:us-east-1:111122223333:trail/t')).toBeUndefined();
    expect(bucketOfArn('*')).toBeUndefined();
  });
});

describe('bucketPolicyRule', () => {
  const bucket = {
    name: 'logs',
    ownerAccountId: '111122223333',
    region: 'us-east-1',
    createdAt: new Date(0),
  };

  it('is named per bucket and policy version, so each version compiles once', () => {
    expect(bucketPolicyRule({ bucket, policy: { document: '{}', version: '7' } })).toEqual({
      name: 's3-bucket-policy/logs@7',
      document: '{}',
    });
    expect(bucketPolicyRule({ bucket })).toBeUndefined();
  });
});
