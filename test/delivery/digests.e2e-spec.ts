import { createHash, createPublicKey, createVerify } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  CreateTrailCommand,
  DescribeTrailsCommand,
  GetTrailStatusCommand,
  ListPublicKeysCommand,
  StartLoggingCommand,
  StopLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { BuiltInObjectStore } from '@app/storage';
import { Client } from 'pg';
import { given, uniqueName } from '../support/given';
import { eventually, TestApp } from '../support/test-app';
import { givenLogBucket } from './support/log-buckets';

interface StoredDigest {
  readonly key: string;
  readonly metadata: Record<string, string>;
  readonly raw: Buffer;
  readonly json: {
    digestStartTime: string;
    digestEndTime: string;
    digestS3Object: string;
    digestPublicKeyFingerprint: string;
    previousDigestS3Object: string | null;
    previousDigestSignature: string | null;
    logFiles: Array<{ s3Object: string }>;
    newestEventTime: string | null;
  };
}

async function storedDigests(app: TestApp, bucket: string): Promise<StoredDigest[]> {
  const db = new Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ key: string; content: Buffer; user_metadata: Record<string, string> }>(
      `SELECT key, content, user_metadata FROM storage_objects
        WHERE bucket = $1 AND key LIKE '%/CloudTrail-Digest/%' ORDER BY key`,
      [bucket],
    );
    return rows.map((row) => {
      const raw = gunzipSync(row.content);
      return { key: row.key, metadata: row.user_metadata, raw, json: JSON.parse(raw.toString('utf8')) };
    });
  } finally {
    await db.end();
  }
}

interface IntegrityBody {
  valid: boolean;
  digests: { valid: number; invalid: number };
  logs: { valid: number; invalid: number };
  entries: Array<{ kind: string; key?: string; status?: string; verdict?: string }>;
  validateLogsOutput: { exitCode: number; stdout: string; stderr: string };
}

/** Signed digest chains (delivery.md §4) with a one-second delivery and a three-second digest interval. */
/** Digest interval of the app under test: several digests within a test. */
const DIGEST_INTERVAL_MS = 3_000;

describe('digests', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({
      env: {
        TRAILPLANE_DELIVERY_INTERVAL_SECONDS: '1',
        TRAILPLANE_DIGEST_INTERVAL_SECONDS: String(DIGEST_INTERVAL_MS / 1000),
      },
    });
  });
  afterAll(() => app.close());

  it('chains signed digests of the delivered log files, verifiable server-side, and ends with a final digest on StopLogging', async () => {
    const account = await given.account(app);
    const cloudtrail = app.cloudtrail(account);
    const bucket = uniqueName('digests').toLowerCase();
    const name = uniqueName('validated');
    const arn = `arn:aws:cloudtrail:us-east-1:${account.accountId}:trail/${name}`;
    await givenLogBucket(app, account, bucket, [arn], ['ops/AWSLogs/*']);
    await cloudtrail.send(
      new CreateTrailCommand({
        Name: name,
        S3BucketName: bucket,
        S3KeyPrefix: 'ops',
        EnableLogFileValidation: true,
      }),
    );
    const startedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);
    await cloudtrail.send(new StartLoggingCommand({ Name: name }));
    await cloudtrail.send(new DescribeTrailsCommand({}));

    const digests = await eventually(async () => {
      const found = await storedDigests(app, bucket);
      return found.length >= 3 && found.some((d) => d.json.logFiles.length > 0) ? found : undefined;
    }, 40_000);
    const folder = `ops/AWSLogs/${account.accountId}/CloudTrail-Digest/us-east-1/`;
    for (const digest of digests) {
      expect(digest.key).toMatch(
        new RegExp(
          `^${folder}\\d{4}/\\d\\d/\\d\\d/${account.accountId}_CloudTrail-Digest_us-east-1_${name}_us-east-1_\\d{8}T\\d{6}Z\\.json\\.gz$`,
        ),
      );
      expect(digest.json.digestS3Object).toBe(digest.key);
      expect(digest.metadata['signature-algorithm']).toBe('SHA256withRSA');
    }
    // A chain: the first links to nothing, each next starts where the previous ended.
    const ordered = [...digests].sort((a, b) => a.json.digestEndTime.localeCompare(b.json.digestEndTime));
    expect(ordered[0].json.previousDigestS3Object).toBeNull();
    expect(ordered[0].json.previousDigestSignature).toBeNull();
    for (let i = 1; i < ordered.length; i++) {
      expect(ordered[i].json.digestStartTime).toBe(ordered[i - 1].json.digestEndTime);
      expect(ordered[i].json.previousDigestS3Object).toBe(ordered[i - 1].key);
      expect(ordered[i].json.previousDigestSignature).toBe(ordered[i - 1].metadata.signature);
    }
    expect(ordered.some((d) => d.json.logFiles.length === 0 && d.json.newestEventTime === null)).toBe(true);

    // The signature verifies with the key ListPublicKeys returns for its fingerprint.
    const keys = await cloudtrail.send(
      new ListPublicKeysCommand({ StartTime: startedAt, EndTime: new Date(Date.now() + 7_200_000) }),
    );
    const last = ordered[ordered.length - 1];
    const key = keys.PublicKeyList?.find((k) => k.Fingerprint === last.json.digestPublicKeyFingerprint);
    expect(key?.Value).toBeDefined();
    const previous = ordered[ordered.length - 2];
    const stringToSign = [
      last.json.digestEndTime,
      `${bucket}/${last.key}`,
      createHash('sha256').update(last.raw).digest('hex'),
      previous.metadata.signature,
    ].join('\n');
    const publicKey = createPublicKey({
      key: Buffer.from(key?.Value as Uint8Array),
      format: 'der',
      type: 'pkcs1',
    });
    expect(
      createVerify('RSA-SHA256')
        .update(stringToSign)
        .verify(publicKey, Buffer.from(last.metadata.signature, 'hex')),
    ).toBe(true);

    const status = await cloudtrail.send(new GetTrailStatusCommand({ Name: name }));
    expect(status.LatestDigestDeliveryTime).toBeInstanceOf(Date);
    expect(status.LatestDigestDeliveryError).toBeUndefined();

    const checked = await app
      .rest(account)
      .get(`/v1/trails/${name}/integrity?startTime=${encodeURIComponent(startedAt.toISOString())}`);
    expect(checked.status).toBe(200);
    const body = checked.body as IntegrityBody;
    expect(body.valid).toBe(true);
    expect(body.digests.valid).toBeGreaterThanOrEqual(3);
    expect(body.digests.invalid).toBe(0);
    expect(body.logs.valid).toBeGreaterThanOrEqual(1);
    expect(body.validateLogsOutput.exitCode).toBe(0);

    // StopLogging: once the log files of what the trail recorded before it are delivered, a final
    // digest covers them and the chain is over (no digest every interval any more).
    const stoppedAt = Date.now();
    await cloudtrail.send(new StopLoggingCommand({ Name: name }));
    const final = await eventually(async () => {
      const found = await storedDigests(app, bucket);
      if (Math.max(...found.map((d) => Date.parse(d.json.digestEndTime))) < stoppedAt) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 2 * DIGEST_INTERVAL_MS + 1_000));
      return (await storedDigests(app, bucket)).length === found.length ? found : undefined;
    }, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect((await storedDigests(app, bucket)).length).toBe(final.length);
  });

  it('reports a changed log file, as validate-logs would', async () => {
    const account = await given.account(app);
    const cloudtrail = app.cloudtrail(account);
    const bucket = uniqueName('tamper').toLowerCase();
    const name = uniqueName('tampered');
    const arn = `arn:aws:cloudtrail:us-east-1:${account.accountId}:trail/${name}`;
    await givenLogBucket(app, account, bucket, [arn]);
    await cloudtrail.send(
      new CreateTrailCommand({ Name: name, S3BucketName: bucket, EnableLogFileValidation: true }),
    );
    const startedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);
    await cloudtrail.send(new StartLoggingCommand({ Name: name }));
    await cloudtrail.send(new DescribeTrailsCommand({}));
    const digests = await eventually(async () => {
      const found = await storedDigests(app, bucket);
      const withFiles = found.filter((d) => d.json.logFiles.length > 0);
      return withFiles.length >= 1 && found.length >= 3 ? found : undefined;
    }, 40_000);
    const store = app.get(BuiltInObjectStore);
    const logKey = digests.find((d) => d.json.logFiles.length > 0)?.json.logFiles[0].s3Object as string;
    await store.putObject(bucket, logKey, gzipSync('{"Records":[]}'));
    const integrity = async (): Promise<IntegrityBody> => {
      const response = await app
        .rest(account)
        .get(`/v1/trails/${name}/integrity?startTime=${encodeURIComponent(startedAt.toISOString())}`);
      expect(response.status).toBe(200);
      return response.body as IntegrityBody;
    };
    const changed = await integrity();
    expect(changed.valid).toBe(false);
    expect(changed.entries).toContainEqual(
      expect.objectContaining({ kind: 'log', key: logKey, verdict: "INVALID: hash value doesn't match" }),
    );
    expect(changed.validateLogsOutput.exitCode).toBe(1);
    expect(changed.validateLogsOutput.stderr).toContain(
      `s3://${bucket}/${logKey}\tINVALID: hash value doesn't match`,
    );
  });

  it('answers ListPublicKeys before any digest, and refuses a range that ends before it starts', async () => {
    const response = await app.rest(undefined, 'eu-west-1').get('/v1/public-keys');
    expect(response.status).toBe(200);
    const keys = response.body.publicKeys as Array<{ fingerprint: string; value: string }>;
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(keys[0].fingerprint).toMatch(/^[0-9a-f]{32}$/);
    const refused = await app
      .cloudtrail(undefined, 'eu-west-1')
      .send(
        new ListPublicKeysCommand({
          StartTime: new Date(2_000_000_000_000),
          EndTime: new Date(1_000_000_000_000),
        }),
      )
      .catch((error: Error) => error);
    expect((refused as Error).name).toBe('InvalidTimeRangeException');
  });
});
