import { type TrailScope, type TrailSettings, type UpdateTrailInput } from './trail';
import { planNewTrailSettings, planUpdatedTrailSettings } from './trail-settings';

const rejection = (code: string, message: unknown = expect.any(String)) =>
  expect.objectContaining({ code, message });

const scope: TrailScope = { partition: 'aws', region: 'eu-west-1', accountId: '123456789012' };
const LOG_GROUP = 'arn:aws:logs:eu-west-1:123456789012:log-group:ct:*';
const ROLE = 'arn:aws:iam::123456789012:role/ct-logs';
const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const MULTI_REGION_NEEDS_GLOBAL = rejection(
  'InvalidParameterCombinationException',
  'Multi-Region trail must include global service events.',
);

describe(planNewTrailSettings.name, () => {
  it('applies the CreateTrail defaults', () => {
    expect(planNewTrailSettings({ name: 't1-trail', s3BucketName: 'logs-bucket' }, scope)).toStrictEqual({
      s3BucketName: 'logs-bucket',
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: false,
      logFileValidationEnabled: false,
      isOrganizationTrail: false,
    });
  });

  it('normalises every destination and keeps explicit flags', () => {
    expect(
      planNewTrailSettings(
        {
          name: 'org-trail',
          s3BucketName: 'logs-bucket',
          s3KeyPrefix: 'org',
          snsTopicName: 'alerts',
          includeGlobalServiceEvents: true,
          isMultiRegionTrail: true,
          enableLogFileValidation: true,
          cloudWatchLogsLogGroupArn: LOG_GROUP,
          cloudWatchLogsRoleArn: ROLE,
          kmsKeyId: KEY_ID,
          isOrganizationTrail: true,
        },
        scope,
      ),
    ).toStrictEqual({
      s3BucketName: 'logs-bucket',
      s3KeyPrefix: 'org',
      snsTopicArn: 'arn:aws:sns:eu-west-1:123456789012:alerts',
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: true,
      logFileValidationEnabled: true,
      cloudWatchLogsLogGroupArn: LOG_GROUP,
      cloudWatchLogsRoleArn: ROLE,
      kmsKeyId: `arn:aws:kms:eu-west-1:123456789012:key/${KEY_ID}`,
      isOrganizationTrail: true,
    });
  });

  it('treats empty optional destinations as absent', () => {
    expect(
      planNewTrailSettings(
        {
          name: 'trail1',
          s3BucketName: 'logs-bucket',
          s3KeyPrefix: '',
          snsTopicName: '',
          cloudWatchLogsLogGroupArn: '',
          cloudWatchLogsRoleArn: '',
          kmsKeyId: '',
        },
        scope,
      ),
    ).toStrictEqual({
      s3BucketName: 'logs-bucket',
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: false,
      logFileValidationEnabled: false,
      isOrganizationTrail: false,
    });
  });

  it('includes global service events in a multi-Region trail by default', () => {
    expect(
      planNewTrailSettings({ name: 'trail1', s3BucketName: 'logs-bucket', isMultiRegionTrail: true }, scope),
    ).toMatchObject({ isMultiRegionTrail: true, includeGlobalServiceEvents: true });
  });

  it('allows a single-Region trail without global service events', () => {
    expect(
      planNewTrailSettings(
        { name: 'trail1', s3BucketName: 'logs-bucket', includeGlobalServiceEvents: false },
        scope,
      ),
    ).toMatchObject({ isMultiRegionTrail: false, includeGlobalServiceEvents: false });
  });

  it('rejects a multi-Region trail without global service events with InvalidParameterCombinationException', () => {
    expect(() =>
      planNewTrailSettings(
        {
          name: 'trail1',
          s3BucketName: 'logs-bucket',
          isMultiRegionTrail: true,
          includeGlobalServiceEvents: false,
        },
        scope,
      ),
    ).toThrow(MULTI_REGION_NEEDS_GLOBAL);
  });

  it.each([
    [{ s3BucketName: 'Bad_Bucket' }, 'InvalidS3BucketNameException'],
    [{ s3KeyPrefix: 'p'.repeat(201) }, 'InvalidS3PrefixException'],
    [{ snsTopicName: 'bad.topic' }, 'InvalidSnsTopicNameException'],
    [{ kmsKeyId: 'not-a-key' }, 'InvalidKmsKeyIdException'],
    [
      { cloudWatchLogsLogGroupArn: 'not-an-arn', cloudWatchLogsRoleArn: ROLE },
      'InvalidCloudWatchLogsLogGroupArnException',
    ],
    [
      { cloudWatchLogsLogGroupArn: LOG_GROUP, cloudWatchLogsRoleArn: 'not-an-arn' },
      'InvalidCloudWatchLogsRoleArnException',
    ],
    [{ cloudWatchLogsRoleArn: ROLE }, 'InvalidParameterCombinationException'],
    [{ cloudWatchLogsLogGroupArn: LOG_GROUP }, 'InvalidParameterCombinationException'],
  ])('rejects %p with %s', (fields, code) => {
    expect(() =>
      planNewTrailSettings({ name: 'trail1', s3BucketName: 'logs-bucket', ...fields }, scope),
    ).toThrow(rejection(code));
  });

  it('reports the first bad field in request order (bucket before SNS topic)', () => {
    expect(() =>
      planNewTrailSettings({ name: 'trail1', s3BucketName: 'B', snsTopicName: 'bad.topic' }, scope),
    ).toThrow(rejection('InvalidS3BucketNameException'));
  });
});

describe(planUpdatedTrailSettings.name, () => {
  const singleRegion: TrailSettings = {
    s3BucketName: 'logs-bucket',
    includeGlobalServiceEvents: true,
    isMultiRegionTrail: false,
    logFileValidationEnabled: false,
    isOrganizationTrail: false,
  };
  const multiRegion: TrailSettings = { ...singleRegion, isMultiRegionTrail: true };
  const singleRegionWithoutGlobal: TrailSettings = { ...singleRegion, includeGlobalServiceEvents: false };
  const withDestinations: TrailSettings = {
    ...singleRegion,
    s3KeyPrefix: 'org',
    snsTopicArn: 'arn:aws:sns:eu-west-1:123456789012:alerts',
    cloudWatchLogsLogGroupArn: LOG_GROUP,
    cloudWatchLogsRoleArn: ROLE,
    kmsKeyId: `arn:aws:kms:eu-west-1:123456789012:key/${KEY_ID}`,
  };
  const update = (fields: Omit<UpdateTrailInput, 'name'>): UpdateTrailInput => ({
    name: 'trail1',
    ...fields,
  });

  it('keeps every setting when the request changes nothing', () => {
    expect(planUpdatedTrailSettings(withDestinations, update({}), scope)).toStrictEqual(withDestinations);
  });

  describe('IsMultiRegionTrail and IncludeGlobalServiceEvents (§3.4)', () => {
    it.each<[string, TrailSettings, Omit<UpdateTrailInput, 'name'>, boolean, boolean]>([
      [
        'single → multi turns global service events on',
        singleRegionWithoutGlobal,
        { isMultiRegionTrail: true },
        true,
        true,
      ],
      [
        'multi → single turns global service events off',
        multiRegion,
        { isMultiRegionTrail: false },
        false,
        false,
      ],
      [
        'multi → single keeps them on when explicitly requested',
        multiRegion,
        { isMultiRegionTrail: false, includeGlobalServiceEvents: true },
        false,
        true,
      ],
      [
        'multi → single with both false in one call is accepted',
        multiRegion,
        { isMultiRegionTrail: false, includeGlobalServiceEvents: false },
        false,
        false,
      ],
      [
        'single → multi with global events explicitly true',
        singleRegionWithoutGlobal,
        { isMultiRegionTrail: true, includeGlobalServiceEvents: true },
        true,
        true,
      ],
      [
        'single stays single and keeps global events off',
        singleRegionWithoutGlobal,
        { enableLogFileValidation: true },
        false,
        false,
      ],
      [
        'single stays single and keeps global events on',
        singleRegion,
        { isMultiRegionTrail: false },
        false,
        true,
      ],
      ['multi stays multi and keeps global events on', multiRegion, { isMultiRegionTrail: true }, true, true],
      [
        'a single-Region trail may turn global events off',
        singleRegion,
        { includeGlobalServiceEvents: false },
        false,
        false,
      ],
      [
        'a single-Region trail may turn global events on',
        singleRegionWithoutGlobal,
        { includeGlobalServiceEvents: true },
        false,
        true,
      ],
    ])('%s', (_, current, fields, multi, global) => {
      expect(planUpdatedTrailSettings(current, update(fields), scope)).toMatchObject({
        isMultiRegionTrail: multi,
        includeGlobalServiceEvents: global,
      });
    });

    it.each<[string, TrailSettings, Omit<UpdateTrailInput, 'name'>]>([
      [
        'turning global events off on a multi-Region trail',
        multiRegion,
        { includeGlobalServiceEvents: false },
      ],
      [
        'single → multi with global events explicitly false',
        singleRegion,
        { isMultiRegionTrail: true, includeGlobalServiceEvents: false },
      ],
      [
        'multi stays multi with global events explicitly false',
        multiRegion,
        { isMultiRegionTrail: true, includeGlobalServiceEvents: false },
      ],
    ])('rejects %s with InvalidParameterCombinationException', (_, current, fields) => {
      expect(() => planUpdatedTrailSettings(current, update(fields), scope)).toThrow(
        MULTI_REGION_NEEDS_GLOBAL,
      );
    });
  });

  it('changes log file validation, organization flag and bucket', () => {
    expect(
      planUpdatedTrailSettings(
        singleRegion,
        update({ enableLogFileValidation: true, isOrganizationTrail: true, s3BucketName: 'other-bucket' }),
        scope,
      ),
    ).toStrictEqual({
      ...singleRegion,
      s3BucketName: 'other-bucket',
      logFileValidationEnabled: true,
      isOrganizationTrail: true,
    });
  });

  it('normalises new destinations like CreateTrail does', () => {
    expect(
      planUpdatedTrailSettings(
        singleRegion,
        update({ snsTopicName: 'alerts', kmsKeyId: 'alias/ct', s3KeyPrefix: 'p' }),
        scope,
      ),
    ).toStrictEqual({
      ...singleRegion,
      s3KeyPrefix: 'p',
      snsTopicArn: 'arn:aws:sns:eu-west-1:123456789012:alerts',
      kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:alias/ct',
    });
  });

  it('clears optional destinations given as empty strings', () => {
    expect(
      planUpdatedTrailSettings(
        withDestinations,
        update({
          s3KeyPrefix: '',
          snsTopicName: '',
          cloudWatchLogsLogGroupArn: '',
          cloudWatchLogsRoleArn: '',
          kmsKeyId: '',
        }),
        scope,
      ),
    ).toStrictEqual(singleRegion);
  });

  it('accepts a role for a trail that already has a log group', () => {
    const groupOnly = { ...singleRegion, cloudWatchLogsLogGroupArn: LOG_GROUP };
    expect(planUpdatedTrailSettings(groupOnly, update({ cloudWatchLogsRoleArn: ROLE }), scope)).toMatchObject(
      {
        cloudWatchLogsLogGroupArn: LOG_GROUP,
        cloudWatchLogsRoleArn: ROLE,
      },
    );
  });

  it('rejects clearing the log group while the role stays with InvalidParameterCombinationException', () => {
    expect(() =>
      planUpdatedTrailSettings(withDestinations, update({ cloudWatchLogsLogGroupArn: '' }), scope),
    ).toThrow(
      rejection(
        'InvalidParameterCombinationException',
        'CloudWatchLogsLogGroupArn is required when CloudWatchLogsRoleArn is specified.',
      ),
    );
  });

  it.each([
    [{ s3BucketName: '' }, 'InvalidS3BucketNameException'],
    [{ s3BucketName: 'xn--bucket' }, 'InvalidS3BucketNameException'],
    [{ s3KeyPrefix: 'p'.repeat(201) }, 'InvalidS3PrefixException'],
    [{ snsTopicName: 'arn:aws:sns:eu-west-1:1:t' }, 'InvalidSnsTopicNameException'],
    [{ kmsKeyId: 'alias/' }, 'InvalidKmsKeyIdException'],
    [{ cloudWatchLogsLogGroupArn: 'bad' }, 'InvalidCloudWatchLogsLogGroupArnException'],
    [{ cloudWatchLogsRoleArn: 'bad' }, 'InvalidCloudWatchLogsRoleArnException'],
  ])('rejects %p with %s', (fields, code) => {
    expect(() => planUpdatedTrailSettings(withDestinations, update(fields), scope)).toThrow(rejection(code));
  });
});
