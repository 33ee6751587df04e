import { LOG_FILE_SUFFIX_LENGTH, logFileKey, randomLogFileSuffix } from './log-file-key';

const SUFFIX = 'AbCdEfGh12345678';

describe(logFileKey.name, () => {
  it('puts a trail without prefix at AWSLogs/<account>/CloudTrail/<region>/<date>', () => {
    expect(
      logFileKey(
        { accountId: '123456789012', region: 'us-west-1' },
        new Date('2014-06-20T12:55:41.123Z'),
        SUFFIX,
      ),
    ).toBe(
      'AWSLogs/123456789012/CloudTrail/us-west-1/2014/06/20/123456789012_CloudTrail_us-west-1_20140620T1255Z_AbCdEfGh12345678.json.gz',
    );
  });

  it("adds the S3 key prefix and an organization trail's organization id", () => {
    const location = {
      s3KeyPrefix: 'audit/org',
      organizationId: 'o-a1b2c3d4e5',
      accountId: '222222222222',
      region: 'eu-west-1',
    };
    expect(logFileKey(location, new Date('2024-03-05T07:08:09Z'), SUFFIX)).toBe(
      'audit/org/AWSLogs/o-a1b2c3d4e5/222222222222/CloudTrail/eu-west-1/2024/03/05/222222222222_CloudTrail_eu-west-1_20240305T0708Z_AbCdEfGh12345678.json.gz',
    );
  });

  it('leaves out an empty prefix and organization id', () => {
    const location = { s3KeyPrefix: '', organizationId: '', accountId: '123456789012', region: 'us-east-1' };
    expect(logFileKey(location, new Date('2024-03-05T07:08:09Z'), SUFFIX)).toMatch(
      /^AWSLogs\/123456789012\//,
    );
  });

  it('dates the key in UTC', () => {
    expect(
      logFileKey(
        { accountId: '123456789012', region: 'us-east-1' },
        new Date('2024-12-31T23:59:59.999Z'),
        SUFFIX,
      ),
    ).toBe(
      'AWSLogs/123456789012/CloudTrail/us-east-1/2024/12/31/123456789012_CloudTrail_us-east-1_20241231T2359Z_AbCdEfGh12345678.json.gz',
    );
  });
});

describe(randomLogFileSuffix.name, () => {
  it('is 16 ASCII letters and digits', () => {
    expect(LOG_FILE_SUFFIX_LENGTH).toBe(16);
    for (let i = 0; i < 100; i += 1) expect(randomLogFileSuffix()).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it('differs from one file to the next', () => {
    const suffixes = new Set(Array.from({ length: 1000 }, () => randomLogFileSuffix()));
    expect(suffixes.size).toBe(1000);
  });
});
