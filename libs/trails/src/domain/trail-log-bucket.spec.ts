import { consoleBucketPolicy, probeLogFileKey, type TrailLogDestination } from './trail-log-bucket';

const TRAIL: TrailLogDestination = {
  partition: 'aws',
  bucket: 'logs',
  trailArn: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/t',
  ownerAccountId: '111122223333',
  homeRegion: 'eu-west-1',
};

describe(probeLogFileKey.name, () => {
  it('is a log file key of the owner in the home Region, under the prefix and the o-id', () => {
    expect(probeLogFileKey(TRAIL)).toMatch(
      /^AWSLogs\/111122223333\/CloudTrail\/eu-west-1\/2000\/01\/01\/111122223333_CloudTrail_eu-west-1_20000101T0000Z_0{16}\.json\.gz$/,
    );
    expect(probeLogFileKey({ ...TRAIL, s3KeyPrefix: 'a/b', organizationId: 'o-abc' })).toMatch(
      /^a\/b\/AWSLogs\/o-abc\/111122223333\/CloudTrail\/eu-west-1\//,
    );
  });
});

describe(consoleBucketPolicy.name, () => {
  const statements = (destination: TrailLogDestination): Array<Record<string, unknown>> =>
    (JSON.parse(consoleBucketPolicy(destination)) as { Statement: Array<Record<string, unknown>> }).Statement;

  it('lets CloudTrail check the ACL and write AWSLogs/<account>/* for this trail only', () => {
    expect(statements({ ...TRAIL, s3KeyPrefix: 'p' })).toEqual([
      {
        Sid: 'AWSCloudTrailAclCheck20150319',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: 'arn:aws:s3:::logs',
        Condition: { StringEquals: { 'aws:SourceArn': TRAIL.trailArn } },
      },
      {
        Sid: 'AWSCloudTrailWrite20150319',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::logs/p/AWSLogs/111122223333/*',
        Condition: {
          StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': TRAIL.trailArn },
        },
      },
    ]);
  });

  it('adds AWSLogs/<o-id>/* for an organization trail', () => {
    const organization = statements({ ...TRAIL, organizationId: 'o-abc' });
    expect(organization.map((statement) => [statement.Sid, statement.Resource])).toEqual([
      ['AWSCloudTrailAclCheck20150319', 'arn:aws:s3:::logs'],
      ['AWSCloudTrailWrite20150319', 'arn:aws:s3:::logs/AWSLogs/111122223333/*'],
      ['AWSCloudTrailOrganizationWrite20150319', 'arn:aws:s3:::logs/AWSLogs/o-abc/*'],
    ]);
  });
});
