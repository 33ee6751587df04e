import { assertTrailArnInRegion, formatTrailArn, parseTrailArn, parseTrailReference } from './trail-arn';

const rejection = (code: string, message: unknown = expect.any(String)) =>
  expect.objectContaining({ code, message });

const ARN = 'arn:aws:cloudtrail:us-east-2:123456789012:trail/my-trail';

describe(formatTrailArn.name, () => {
  it('puts the home Region and owner account in the ARN', () => {
    expect(formatTrailArn('aws', 'us-east-2', '123456789012', 'my-trail')).toBe(ARN);
  });

  it('uses the deployment partition', () => {
    expect(formatTrailArn('aws-cn', 'cn-north-1', '123456789012', 'trail1')).toBe(
      'arn:aws-cn:cloudtrail:cn-north-1:123456789012:trail/trail1',
    );
  });
});

describe(parseTrailArn.name, () => {
  it('splits a trail ARN into Region, account and name', () => {
    expect(parseTrailArn(ARN, 'aws')).toEqual({
      region: 'us-east-2',
      accountId: '123456789012',
      name: 'my-trail',
      arn: ARN,
    });
  });

  it.each(['us-gov-west-1', 'ap-southeast-5', 'il-central-1', 'eu-central-2'])(
    'accepts the Region %s',
    (region) => {
      expect(parseTrailArn(`arn:aws:cloudtrail:${region}:123456789012:trail/trail1`, 'aws').region).toBe(
        region,
      );
    },
  );

  it('round-trips what formatTrailArn produces', () => {
    const arn = formatTrailArn('aws-us-gov', 'us-gov-east-1', '000000000001', 'Org.Trail_1');
    expect(parseTrailArn(arn, 'aws-us-gov')).toEqual({
      region: 'us-gov-east-1',
      accountId: '000000000001',
      name: 'Org.Trail_1',
      arn,
    });
  });

  it.each([
    ['arn', 'A trail ARN has the form arn:aws:cloudtrail:<region>:<account-id>:trail/<name>.'],
    [
      'arn:aws:cloudtrail:us-east-1:123456789012',
      'A trail ARN has the form arn:aws:cloudtrail:<region>:<account-id>:trail/<name>.',
    ],
    [
      'urn:aws:cloudtrail:us-east-1:123456789012:trail/trail1',
      'A trail ARN has the form arn:aws:cloudtrail:<region>:<account-id>:trail/<name>.',
    ],
    ['arn:aws-cn:cloudtrail:us-east-1:123456789012:trail/trail1', 'The partition must be aws.'],
    ['arn:aws:s3:us-east-1:123456789012:trail/trail1', 'The service must be cloudtrail.'],
    ['arn:aws:cloudtrail::123456789012:trail/trail1', 'The Region is missing.'],
    ['arn:aws:cloudtrail:US-EAST-1:123456789012:trail/trail1', 'US-EAST-1 is not a Region name.'],
    ['arn:aws:cloudtrail:useast1:123456789012:trail/trail1', 'useast1 is not a Region name.'],
    ['arn:aws:cloudtrail:us-east-100:123456789012:trail/trail1', 'us-east-100 is not a Region name.'],
    ['arn:aws:cloudtrail:us-east-1:12345678901:trail/trail1', 'The account ID must be 12 digits.'],
    ['arn:aws:cloudtrail:us-east-1:1234567890123:trail/trail1', 'The account ID must be 12 digits.'],
    ['arn:aws:cloudtrail:us-east-1:12345678901a:trail/trail1', 'The account ID must be 12 digits.'],
    ['arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/x', 'The resource must be trail/<name>.'],
    ['arn:aws:cloudtrail:us-east-1:123456789012:trail1', 'The resource must be trail/<name>.'],
    [
      'arn:aws:cloudtrail:us-east-1:123456789012:trail/',
      'Trail name too short. Minimum allowed length: 3 characters. Specified name length: 0 characters.',
    ],
    [
      'arn:aws:cloudtrail:us-east-1:123456789012:trail/a/b/c',
      'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).',
    ],
    [
      'arn:aws:cloudtrail:us-east-1:123456789012:trail/trail1:extra',
      'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).',
    ],
    [
      'arn:aws:cloudtrail:us-east-1:123456789012:trail/my--trail',
      'Trail name cannot contain adjacent periods (.), hyphens (-), or underscores (_).',
    ],
  ])('rejects %p with CloudTrailARNInvalidException (%s)', (value, detail) => {
    expect(() => parseTrailArn(value, 'aws')).toThrow(
      rejection('CloudTrailARNInvalidException', `Invalid trail ARN: ${value}. ${detail}`),
    );
  });
});

describe(parseTrailReference.name, () => {
  it('treats a value without the arn: prefix as a name', () => {
    expect(parseTrailReference('my-trail', 'aws')).toEqual({ kind: 'name', name: 'my-trail' });
  });

  it('treats a value with the arn: prefix as an ARN', () => {
    expect(parseTrailReference(ARN, 'aws')).toEqual({
      kind: 'arn',
      region: 'us-east-2',
      accountId: '123456789012',
      name: 'my-trail',
      arn: ARN,
    });
  });

  it('rejects a malformed name with InvalidTrailNameException', () => {
    expect(() => parseTrailReference('-bad', 'aws')).toThrow(
      rejection('InvalidTrailNameException', 'Trail name must starts with a letter or number.'),
    );
  });

  it('rejects a name-like value that merely contains arn: with InvalidTrailNameException', () => {
    expect(() => parseTrailReference('ARN:aws:cloudtrail', 'aws')).toThrow(
      rejection('InvalidTrailNameException'),
    );
  });

  it('rejects a malformed ARN with CloudTrailARNInvalidException, not InvalidTrailNameException', () => {
    expect(() => parseTrailReference('arn:aws:cloudtrail:us-east-1:1:trail/trail1', 'aws')).toThrow(
      rejection('CloudTrailARNInvalidException'),
    );
  });
});

describe(assertTrailArnInRegion.name, () => {
  it('accepts an ARN of the called Region', () => {
    expect(() => assertTrailArnInRegion(parseTrailArn(ARN, 'aws'), 'us-east-2')).not.toThrow();
  });

  it('rejects an ARN of another Region with the live service message', () => {
    expect(() => assertTrailArnInRegion(parseTrailArn(ARN, 'aws'), 'us-east-1')).toThrow(
      rejection(
        'CloudTrailARNInvalidException',
        'Region in ARN is wrong, you can only access resources in region us-east-1.',
      ),
    );
  });
});
