import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import {
  DescribeTrailsCommand,
  GetTrailStatusCommand,
  StartLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import S3rver from 's3rver';
import { given, uniqueName } from '../support/given';
import { eventually, TestApp } from '../support/test-app';

/** s3rver's fixed credentials: it checks every request's signature against them. */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * Delivery to an external S3-compatible service (delivery.md §6.3) through `@aws-sdk/client-s3`,
 * against s3rver, an independent S3 implementation, in this process.
 */
describe('log delivery to an external S3 store (TRAILPLANE_S3_ENDPOINT)', () => {
  let server: S3rver;
  let directory: string;
  let s3: S3Client;
  let app: TestApp;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'trailplane-s3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
    const { port } = await server.run();
    const endpoint = `http://127.0.0.1:${port}`;
    s3 = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: S3RVER_CREDENTIALS,
    });
    app = await TestApp.start({
      env: {
        TRAILPLANE_S3_ENDPOINT: endpoint,
        TRAILPLANE_S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
        TRAILPLANE_S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
        TRAILPLANE_DELIVERY_INTERVAL_SECONDS: '1',
        TRAILPLANE_SWEEP_INTERVAL_MS: '1000',
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  async function deliveredRecords(bucket: string): Promise<Array<Record<string, unknown>>> {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    const records: Array<Record<string, unknown>> = [];
    for (const { Key } of listed.Contents ?? []) {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key }));
      const body = gunzipSync(Buffer.from(await object.Body!.transformToByteArray()));
      records.push(
        ...(JSON.parse(body.toString('utf8')) as { Records: Array<Record<string, unknown>> }).Records,
      );
    }
    return records;
  }

  it('shows a missing bucket in GetTrailStatus, then delivers the whole backlog once it exists', async () => {
    const account = await given.account(app);
    const cloudtrail = app.cloudtrail(account);
    const bucket = uniqueName('ext').toLowerCase();
    const name = uniqueName('external');
    // The external store is not looked into on CreateTrail: its bucket does not exist yet.
    const created = await app.rest(account).post('/v1/trails', { name, s3BucketName: bucket });
    expect(created.status).toBe(201);
    await cloudtrail.send(new StartLoggingCommand({ Name: name }));
    for (let i = 0; i < 3; i++) await cloudtrail.send(new DescribeTrailsCommand({}));

    const failing = await eventually(async () => {
      const status = await cloudtrail.send(new GetTrailStatusCommand({ Name: name }));
      return status.LatestDeliveryError ? status : undefined;
    });
    // As in AWS, the attempt fields are strings: the attempt's time, and the time of a successful one.
    expect(failing).toMatchObject({
      LatestDeliveryError: 'NoSuchBucket',
      LatestDeliveryAttemptSucceeded: '',
    });
    expect(failing.LatestDeliveryAttemptTime).not.toBe('');
    expect(failing.LatestDeliveryTime).toBeUndefined();

    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    for (let i = 0; i < 2; i++) await cloudtrail.send(new DescribeTrailsCommand({}));
    const records = await eventually(async () => {
      const found = await deliveredRecords(bucket);
      return found.filter((record) => record.eventName === 'DescribeTrails').length >= 5 ? found : undefined;
    });
    expect(records.filter((record) => record.eventName === 'StartLogging')).toHaveLength(1);
    expect(new Set(records.map((record) => record.eventID)).size).toBe(records.length);
    expect(records.every((record) => record.recipientAccountId === account.accountId)).toBe(true);

    const recovered = await eventually(async () => {
      const status = await cloudtrail.send(new GetTrailStatusCommand({ Name: name }));
      return status.LatestDeliveryAttemptSucceeded && !status.LatestDeliveryError ? status : undefined;
    });
    expect(recovered.LatestDeliveryTime).toBeInstanceOf(Date);
  });
});
