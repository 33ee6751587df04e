import { validateBucketPolicy } from './bucket-policy';
import { bucketRegionFor } from './location-constraint';

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

function reasonOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const CLOUDTRAIL_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AWSCloudTrailAclCheck',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:GetBucketAcl',
      Resource: 'arn:aws:s3:::org-logs',
    },
    {
      Sid: 'AWSCloudTrailWrite',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::org-logs/AWSLogs/o-xxxx/*',
      Condition: { StringEquals: { 'aws:SourceArn': 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org' } },
    },
  ],
};

describe('validateBucketPolicy', () => {
  it("accepts CloudTrail's usual bucket policy", () => {
    expect(
      validateBucketPolicy(JSON.stringify(CLOUDTRAIL_POLICY), 'org-logs', 'aws').statements,
    ).toHaveLength(2);
  });

  it('refuses what S3 refuses, with MalformedPolicy and its reason', () => {
    const statement = CLOUDTRAIL_POLICY.Statement[1];
    const policy = (changes: object) =>
      JSON.stringify({ ...CLOUDTRAIL_POLICY, Statement: [{ ...statement, ...changes }] });
    expect(reasonOf(() => validateBucketPolicy('{not json', 'org-logs', 'aws'))).toBe(
      'Syntax errors in policy.',
    );
    expect(reasonOf(() => validateBucketPolicy(policy({ Principal: undefined }), 'org-logs', 'aws'))).toBe(
      'Missing required field Principal',
    );
    expect(reasonOf(() => validateBucketPolicy(policy({ Resource: undefined }), 'org-logs', 'aws'))).toBe(
      'Missing required field Resource',
    );
    expect(
      reasonOf(() => validateBucketPolicy(policy({ Action: 'iam:CreateUser' }), 'org-logs', 'aws')),
    ).toBe('Policy has invalid action');
    for (const resource of [
      'arn:aws:s3:::other-bucket/*',
      'arn:aws:s3:::org-logs-2',
      'arn:aws:s3:::*',
      '*',
    ]) {
      expect(reasonOf(() => validateBucketPolicy(policy({ Resource: resource }), 'org-logs', 'aws'))).toBe(
        'Policy has invalid resource',
      );
    }
    expect(codeOf(() => validateBucketPolicy(' '.repeat(20 * 1024 + 1), 'org-logs', 'aws'))).toBe(
      'MalformedPolicy',
    );
  });
});

describe('bucketRegionFor', () => {
  it('puts the bucket in the constraint Region when the request was signed for it', () => {
    expect(bucketRegionFor('eu-west-1', 'eu-west-1')).toBe('eu-west-1');
    expect(bucketRegionFor('EU', 'eu-west-1')).toBe('eu-west-1');
    expect(bucketRegionFor(undefined, 'us-east-1')).toBe('us-east-1');
  });

  it('refuses a constraint for another Region, or none outside us-east-1, as a regional endpoint does', () => {
    expect(codeOf(() => bucketRegionFor('eu-west-1', 'us-west-2'))).toBe(
      'IllegalLocationConstraintException',
    );
    expect(codeOf(() => bucketRegionFor(undefined, 'eu-west-1'))).toBe('IllegalLocationConstraintException');
    expect(codeOf(() => bucketRegionFor('us-east-1', 'us-east-1'))).toBe('InvalidLocationConstraint');
  });
});
