import {
  normalizeKmsKeyId,
  normalizeSnsTopic,
  validateCloudWatchLogs,
  validateS3BucketName,
  validateS3KeyPrefix,
} from './trail-destinations';

const rejection = (code: string, message: unknown = expect.any(String)) =>
  expect.objectContaining({ code, message });

const ACCOUNT = '123456789012';
const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';

describe(validateS3BucketName.name, () => {
  it.each([
    'abc',
    'my-log-bucket',
    'logs.example.com',
    'a'.repeat(63),
    '1bucket2',
    'docexamplebucket1',
    'my-sthree-bucket',
    'bucket-s3alias-not-at-end',
  ])('accepts %p', (name) => {
    expect(() => validateS3BucketName(name)).not.toThrow();
  });

  it.each([
    ['ab', 'Bucket names must be between 3 and 63 characters long.'],
    ['a'.repeat(64), 'Bucket names must be between 3 and 63 characters long.'],
    ['', 'Bucket names must be between 3 and 63 characters long.'],
    [
      'My-Bucket',
      'Bucket names can consist only of lowercase letters, numbers, periods (.), and hyphens (-).',
    ],
    [
      'my_bucket',
      'Bucket names can consist only of lowercase letters, numbers, periods (.), and hyphens (-).',
    ],
    [
      'my bucket',
      'Bucket names can consist only of lowercase letters, numbers, periods (.), and hyphens (-).',
    ],
    ['-bucket', 'Bucket names must begin and end with a letter or number.'],
    ['bucket-', 'Bucket names must begin and end with a letter or number.'],
    ['.bucket', 'Bucket names must begin and end with a letter or number.'],
    ['bucket.', 'Bucket names must begin and end with a letter or number.'],
    ['my..bucket', 'Bucket names must not contain two adjacent periods.'],
    ['192.168.5.4', 'Bucket names must not be formatted as an IP address.'],
    ['xn--bucket', 'Bucket names must not start with the prefix xn--.'],
    ['sthree-bucket', 'Bucket names must not start with the prefix sthree-.'],
    ['sthree-configurator-x', 'Bucket names must not start with the prefix sthree-.'],
    ['amzn-s3-demo-bucket', 'Bucket names must not start with the prefix amzn-s3-demo-.'],
    ['bucket-s3alias', 'Bucket names must not end with the suffix -s3alias.'],
    ['bucket--ol-s3', 'Bucket names must not end with the suffix --ol-s3.'],
    ['bucket.mrap', 'Bucket names must not end with the suffix .mrap.'],
    ['bucket--x-s3', 'Bucket names must not end with the suffix --x-s3.'],
    ['bucket--table-s3', 'Bucket names must not end with the suffix --table-s3.'],
  ])('rejects %p with InvalidS3BucketNameException: %s', (name, problem) => {
    expect(() => validateS3BucketName(name)).toThrow(
      rejection('InvalidS3BucketNameException', `Invalid S3 bucket name: ${name}. ${problem}`),
    );
  });
});

describe(validateS3KeyPrefix.name, () => {
  it.each(['', 'logs', 'a/b/c/', 'p'.repeat(200), '\u{1F600}'.repeat(200)])(
    'accepts a prefix of at most 200 characters (%#)',
    (prefix) => {
      expect(() => validateS3KeyPrefix(prefix)).not.toThrow();
    },
  );

  it('rejects a 201-character prefix with InvalidS3PrefixException', () => {
    expect(() => validateS3KeyPrefix('p'.repeat(201))).toThrow(
      rejection(
        'InvalidS3PrefixException',
        'S3 key prefix too long. Maximum allowed length: 200 characters. Specified prefix length: 201 characters.',
      ),
    );
  });
});

describe(normalizeSnsTopic.name, () => {
  it('builds the topic ARN of a bare topic name in the given partition, Region and account', () => {
    expect(normalizeSnsTopic('trail-alerts_1', 'aws', 'eu-west-1', ACCOUNT)).toBe(
      'arn:aws:sns:eu-west-1:123456789012:trail-alerts_1',
    );
  });

  it('accepts a 256-character topic name', () => {
    const name = 't'.repeat(256);
    expect(normalizeSnsTopic(name, 'aws', 'eu-west-1', ACCOUNT)).toBe(
      `arn:aws:sns:eu-west-1:${ACCOUNT}:${name}`,
    );
  });

  it('returns a topic ARN unchanged, even of another Region and account', () => {
    const arn = 'arn:aws:sns:us-west-2:210987654321:alerts';
    expect(normalizeSnsTopic(arn, 'aws', 'eu-west-1', ACCOUNT)).toBe(arn);
  });

  it.each([
    ['', 'Topic names can contain only letters, numbers, hyphens (-) and underscores (_).'],
    ['my.topic', 'Topic names can contain only letters, numbers, hyphens (-) and underscores (_).'],
    ['my topic', 'Topic names can contain only letters, numbers, hyphens (-) and underscores (_).'],
    ['t'.repeat(257), 'The value must be at most 256 characters.'],
    [
      'arn:aws:sns:eu-west-1:123456789012',
      'A topic ARN has the form arn:aws:sns:<region>:<account-id>:<topic-name>.',
    ],
    [
      'arn:aws-cn:sns:eu-west-1:123456789012:t',
      'A topic ARN has the form arn:aws:sns:<region>:<account-id>:<topic-name>.',
    ],
    [
      'arn:aws:sqs:eu-west-1:123456789012:t',
      'A topic ARN has the form arn:aws:sns:<region>:<account-id>:<topic-name>.',
    ],
    [
      'arn:aws:sns:eu_west_1:123456789012:t',
      'A topic ARN has the form arn:aws:sns:<region>:<account-id>:<topic-name>.',
    ],
    [
      'arn:aws:sns:eu-west-1:1234:t',
      'A topic ARN has the form arn:aws:sns:<region>:<account-id>:<topic-name>.',
    ],
    [
      'arn:aws:sns:eu-west-1:123456789012:',
      'A topic ARN has the form arn:aws:sns:<region>:<account-id>:<topic-name>.',
    ],
    [
      'arn:aws:sns:eu-west-1:123456789012:t:extra',
      'A topic ARN has the form arn:aws:sns:<region>:<account-id>:<topic-name>.',
    ],
  ])('rejects %p with InvalidSnsTopicNameException (%s)', (value, detail) => {
    expect(() => normalizeSnsTopic(value, 'aws', 'eu-west-1', ACCOUNT)).toThrow(
      rejection('InvalidSnsTopicNameException', `Invalid SNS topic name or ARN: ${value}. ${detail}`),
    );
  });
});

describe(normalizeKmsKeyId.name, () => {
  it.each([
    [KEY_ID, `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${KEY_ID}`],
    [
      'mrk-1234abcd12ab34cd56ef1234567890ab',
      `arn:aws:kms:eu-west-1:${ACCOUNT}:key/mrk-1234abcd12ab34cd56ef1234567890ab`,
    ],
    ['alias/trail-key', `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/trail-key`],
    ['alias/team/trail_key', `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/team/trail_key`],
    [`arn:aws:kms:us-east-1:210987654321:key/${KEY_ID}`, `arn:aws:kms:us-east-1:210987654321:key/${KEY_ID}`],
    [
      'arn:aws:kms:us-east-1:210987654321:alias/trail-key',
      'arn:aws:kms:us-east-1:210987654321:alias/trail-key',
    ],
  ])('normalises %p to %p', (value, expected) => {
    expect(normalizeKmsKeyId(value, 'aws', 'eu-west-1', ACCOUNT)).toBe(expected);
  });

  it.each([
    '',
    'trail-key',
    'alias/',
    'alias/has:colon',
    '1234abcd-12ab-34cd-56ef',
    'mrk-1234',
    `key/${KEY_ID}`,
    `arn:aws-cn:kms:eu-west-1:${ACCOUNT}:key/${KEY_ID}`,
    `arn:aws:s3:eu-west-1:${ACCOUNT}:key/${KEY_ID}`,
    `arn:aws:kms::${ACCOUNT}:key/${KEY_ID}`,
    `arn:aws:kms:eu-west-1:1234:key/${KEY_ID}`,
    `arn:aws:kms:eu-west-1:${ACCOUNT}:key/not-a-key-id`,
    `arn:aws:kms:eu-west-1:${ACCOUNT}:alias`,
    `arn:aws:kms:eu-west-1:${ACCOUNT}:${KEY_ID}`,
  ])('rejects %p with InvalidKmsKeyIdException', (value) => {
    expect(() => normalizeKmsKeyId(value, 'aws', 'eu-west-1', ACCOUNT)).toThrow(
      rejection(
        'InvalidKmsKeyIdException',
        `Invalid KMS key ID: ${value}. Specify a key ID, a key ARN, an alias name (alias/<name>) or an alias ARN.`,
      ),
    );
  });
});

describe(validateCloudWatchLogs.name, () => {
  const group = `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:CloudTrail/DefaultLogGroup:*`;
  const role = `arn:aws:iam::${ACCOUNT}:role/CloudTrail_CloudWatchLogs_Role`;

  it('accepts neither a log group nor a role', () => {
    expect(() => validateCloudWatchLogs('aws', undefined, undefined)).not.toThrow();
  });

  it.each([
    [group, role],
    [
      `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:my.group_#1-x:*`,
      `arn:aws:iam::${ACCOUNT}:role/service-role/ct`,
    ],
    [group, `arn:aws:iam::${ACCOUNT}:role/a/b/c/role+=,.@-_`],
  ])('accepts the log group %p with the role %p', (logGroupArn, roleArn) => {
    expect(() => validateCloudWatchLogs('aws', logGroupArn, roleArn)).not.toThrow();
  });

  it.each([
    `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:CloudTrail`,
    `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:CloudTrail:`,
    `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group::*`,
    `arn:aws:logs:eu-west-1:${ACCOUNT}:log-stream:CloudTrail:*`,
    `arn:aws:logs::${ACCOUNT}:log-group:CloudTrail:*`,
    `arn:aws:logs:eu-west-1:12345:log-group:CloudTrail:*`,
    `arn:aws-cn:logs:eu-west-1:${ACCOUNT}:log-group:CloudTrail:*`,
    `arn:aws:sns:eu-west-1:${ACCOUNT}:log-group:CloudTrail:*`,
    `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:Cloud Trail:*`,
    'CloudTrail/DefaultLogGroup',
  ])('rejects the log group %p with InvalidCloudWatchLogsLogGroupArnException', (logGroupArn) => {
    expect(() => validateCloudWatchLogs('aws', logGroupArn, role)).toThrow(
      rejection(
        'InvalidCloudWatchLogsLogGroupArnException',
        `Invalid CloudWatch Logs log group ARN: ${logGroupArn}. A log group ARN has the form arn:aws:logs:<region>:<account-id>:log-group:<log-group-name>:*.`,
      ),
    );
  });

  it.each([
    `arn:aws:iam::${ACCOUNT}:user/someone`,
    `arn:aws:iam::${ACCOUNT}:role/`,
    `arn:aws:iam::${ACCOUNT}:role//double`,
    `arn:aws:iam::${ACCOUNT}:role/a//b/name`,
    `arn:aws:iam::${ACCOUNT}:role/${'r'.repeat(65)}`,
    `arn:aws:iam::${ACCOUNT}:role/bad name`,
    `arn:aws:iam:eu-west-1:${ACCOUNT}:role/ct`,
    'arn:aws:iam::1234:role/ct',
    `arn:aws-cn:iam::${ACCOUNT}:role/ct`,
    `arn:aws:sts::${ACCOUNT}:role/ct`,
    `arn:aws:iam::${ACCOUNT}`,
    'CloudTrail_CloudWatchLogs_Role',
  ])('rejects the role %p with InvalidCloudWatchLogsRoleArnException', (roleArn) => {
    expect(() => validateCloudWatchLogs('aws', group, roleArn)).toThrow(
      rejection(
        'InvalidCloudWatchLogsRoleArnException',
        `Invalid CloudWatch Logs role ARN: ${roleArn}. A role ARN has the form arn:aws:iam::<account-id>:role/<role-name>.`,
      ),
    );
  });

  it('rejects a role without a log group with InvalidParameterCombinationException', () => {
    expect(() => validateCloudWatchLogs('aws', undefined, role)).toThrow(
      rejection(
        'InvalidParameterCombinationException',
        'CloudWatchLogsLogGroupArn is required when CloudWatchLogsRoleArn is specified.',
      ),
    );
  });

  it('rejects a log group without a role with InvalidParameterCombinationException', () => {
    expect(() => validateCloudWatchLogs('aws', group, undefined)).toThrow(
      rejection(
        'InvalidParameterCombinationException',
        'CloudWatchLogsRoleArn is required when CloudWatchLogsLogGroupArn is specified.',
      ),
    );
  });

  it('reports a malformed role before the missing log group', () => {
    expect(() => validateCloudWatchLogs('aws', undefined, 'not-an-arn')).toThrow(
      rejection('InvalidCloudWatchLogsRoleArnException'),
    );
  });
});
