import {
  CreateTrailCommand,
  S3BucketDoesNotExistException,
  InsufficientS3BucketPolicyException,
  UpdateTrailCommand,
} from '@aws-sdk/client-cloudtrail';
import { EnableAWSServiceAccessCommand } from '@aws-sdk/client-organizations';
import { CreateBucketUseCase, GetBucketPolicyUseCase, HeadBucketUseCase } from '@app/storage';
import { givenLogBucket } from '../delivery/support/log-buckets';
import { given, givenIam, uniqueName } from '../support/given';
import { rootContext } from '../support/open-log-buckets';
import { TestApp } from '../support/test-app';

type PolicyStatement = { Sid: string; Action: string; Resource: string; Condition: object };

/** CreateTrail and UpdateTrail accept only a bucket CloudTrail may write (delivery.md §6.2). */
describe('trail buckets of the built-in store', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ jobs: 'inline' });
  });
  afterAll(() => app.close());

  const bucketName = (): string => uniqueName('tb').toLowerCase();
  const statementsOf = async (
    owner: { accountId: string; accessKeyId: string; secretAccessKey: string },
    bucket: string,
  ) =>
    (
      JSON.parse((await app.get(GetBucketPolicyUseCase).execute(rootContext(owner), { bucket })).policy) as {
        Statement: PolicyStatement[];
      }
    ).Statement;

  it('refuses a bucket that does not exist, one without a policy and one whose policy is for another trail', async () => {
    const account = await given.account(app);
    const cloudtrail = app.cloudtrail(account);
    const missing = bucketName();
    await expect(
      cloudtrail.send(new CreateTrailCommand({ Name: uniqueName('t'), S3BucketName: missing })),
    ).rejects.toBeInstanceOf(S3BucketDoesNotExistException);

    const bare = bucketName();
    await app.get(CreateBucketUseCase).execute(rootContext(account), { bucket: bare });
    await expect(
      cloudtrail.send(new CreateTrailCommand({ Name: uniqueName('t'), S3BucketName: bare })),
    ).rejects.toBeInstanceOf(InsufficientS3BucketPolicyException);

    const others = bucketName();
    await givenLogBucket(app, account, others, [
      `arn:aws:cloudtrail:us-east-1:${account.accountId}:trail/other`,
    ]);
    const refused = await app
      .rest(account)
      .post('/v1/trails', { name: uniqueName('t'), s3BucketName: others });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'InsufficientS3BucketPolicyException']);
    const absent = await app
      .rest(account)
      .post('/v1/trails', { name: uniqueName('t'), s3BucketName: missing });
    expect([absent.status, absent.body.error.code]).toEqual([404, 'S3BucketDoesNotExistException']);
  });

  it('createBucket: true creates the bucket with the console policy for this trail only', async () => {
    const account = await given.account(app);
    const bucket = bucketName();
    const name = uniqueName('t');
    const arn = `arn:aws:cloudtrail:us-east-1:${account.accountId}:trail/${name}`;
    const created = await app
      .rest(account)
      .post('/v1/trails', { name, s3BucketName: bucket, s3KeyPrefix: 'audit', createBucket: true });
    expect(created.status).toBe(201);
    expect(await statementsOf(account, bucket)).toEqual([
      expect.objectContaining({
        Sid: 'AWSCloudTrailAclCheck20150319',
        Action: 's3:GetBucketAcl',
        Resource: `arn:aws:s3:::${bucket}`,
        Condition: { StringEquals: { 'aws:SourceArn': arn } },
      }),
      expect.objectContaining({
        Sid: 'AWSCloudTrailWrite20150319',
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${bucket}/audit/AWSLogs/${account.accountId}/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': arn } },
      }),
    ]);

    const again = await app
      .rest(account)
      .post('/v1/trails', { name, s3BucketName: bucket, createBucket: true });
    expect(again.body.error.code).toBe('TrailAlreadyExistsException');
    const another = await app
      .rest(account)
      .post('/v1/trails', { name: uniqueName('t'), s3BucketName: bucket });
    expect(another.body.error.code).toBe('InsufficientS3BucketPolicyException');
    const taken = await app
      .rest(await given.account(app))
      .post('/v1/trails', { name: uniqueName('t'), s3BucketName: bucket, createBucket: true });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'BucketAlreadyExists']);
  });

  it('UpdateTrail checks a new bucket or prefix, and leaves other changes alone', async () => {
    const account = await given.account(app);
    const cloudtrail = app.cloudtrail(account);
    const bucket = bucketName();
    const name = uniqueName('t');
    await app.rest(account).post('/v1/trails', { name, s3BucketName: bucket, createBucket: true });

    await expect(
      cloudtrail.send(new UpdateTrailCommand({ Name: name, S3BucketName: bucketName() })),
    ).rejects.toBeInstanceOf(S3BucketDoesNotExistException);
    await expect(
      cloudtrail.send(new UpdateTrailCommand({ Name: name, S3KeyPrefix: 'elsewhere' })),
    ).rejects.toBeInstanceOf(InsufficientS3BucketPolicyException);
    const updated = await cloudtrail.send(new UpdateTrailCommand({ Name: name, IsMultiRegionTrail: true }));
    expect(updated).toMatchObject({ S3BucketName: bucket, IsMultiRegionTrail: true });
  });

  it('an organization trail’s bucket also lets CloudTrail write AWSLogs/<o-id>/*', async () => {
    const org = await given.organization(app);
    await app
      .organizations(org.management)
      .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'cloudtrail.amazonaws.com' }));
    const bucket = bucketName();
    const created = await app.rest(org.management).post('/v1/trails', {
      name: uniqueName('org'),
      s3BucketName: bucket,
      isOrganizationTrail: true,
      createBucket: true,
    });
    expect(created.status).toBe(201);
    const resources = (await statementsOf(org.management, bucket)).map((statement) => statement.Resource);
    expect(resources).toEqual([
      `arn:aws:s3:::${bucket}`,
      `arn:aws:s3:::${bucket}/AWSLogs/${org.management.accountId}/*`,
      `arn:aws:s3:::${bucket}/AWSLogs/${org.id}/*`,
    ]);
  });

  it('createBucket: true needs s3:CreateBucket and s3:PutBucketPolicy besides cloudtrail:CreateTrail', async () => {
    const account = await given.account(app);
    const allow = (actions: string[]) => ({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['cloudtrail:*', ...actions], Resource: '*' }],
    });
    const attempt = async (actions: string[]) => {
      const user = await givenIam.user(app, account, { inlinePolicies: { trails: allow(actions) } });
      const bucket = bucketName();
      const name = uniqueName('t');
      const answer = await app
        .rest(user)
        .post('/v1/trails', { name, s3BucketName: bucket, createBucket: true });
      const bucketNow = await app
        .get(HeadBucketUseCase)
        .execute(rootContext(account), { bucket })
        .then(
          () => 'created',
          (error: { code?: string }) => error.code,
        );
      return { status: answer.status, message: answer.body.error?.message as string | undefined, bucketNow };
    };

    const noS3 = await attempt([]);
    expect(noS3).toMatchObject({ status: 403, bucketNow: 'NoSuchBucket' });
    expect(noS3.message).toContain('s3:CreateBucket');
    const noPolicy = await attempt(['s3:CreateBucket']);
    expect(noPolicy).toMatchObject({ status: 403, bucketNow: 'NoSuchBucket' });
    expect(noPolicy.message).toContain('s3:PutBucketPolicy');
    expect(await attempt(['s3:CreateBucket', 's3:PutBucketPolicy'])).toMatchObject({
      status: 201,
      bucketNow: 'created',
    });
  });
});
