import { gunzipSync } from 'node:zlib';
import { CreateBucketUseCase, PutBucketPolicyUseCase } from '@app/storage';
import { Client } from 'pg';
import { type TestCredentials } from '../../support/credentials';
import { rootContext } from '../../support/open-log-buckets';
import { type TestApp } from '../../support/test-app';

/** The bucket policy CloudTrail needs (delivery.md §6.2): write `AWSLogs/<id>/*` for the given trails. */
export function cloudTrailBucketPolicy(
  bucket: string,
  trailArns: readonly string[],
  prefixes: readonly string[],
): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AWSCloudTrailAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: `arn:aws:s3:::${bucket}`,
      },
      {
        Sid: 'AWSCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: prefixes.map((prefix) => `arn:aws:s3:::${bucket}/${prefix}`),
        Condition: {
          StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': [...trailArns] },
        },
      },
    ],
  });
}

/** Creates `bucket` in `owner`'s account with CloudTrail's policy for `trailArns` under `prefixes`. */
export async function givenLogBucket(
  app: TestApp,
  owner: TestCredentials,
  bucket: string,
  trailArns: readonly string[],
  prefixes: readonly string[] = ['AWSLogs/*'],
  region = 'us-east-1',
): Promise<void> {
  const ctx = rootContext(owner, region);
  await app.get(CreateBucketUseCase).execute(ctx, { bucket });
  await app
    .get(PutBucketPolicyUseCase)
    .execute(ctx, { bucket, policy: cloudTrailBucketPolicy(bucket, trailArns, prefixes) });
}

/** A delivered log file as stored: its key and its records. */
export interface StoredLogFile {
  readonly key: string;
  readonly records: Array<Record<string, unknown>>;
}

/** Every object of `bucket` under `prefix`, gunzipped and parsed as a log file. */
export async function storedLogFiles(app: TestApp, bucket: string, prefix = ''): Promise<StoredLogFile[]> {
  const db = new Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ key: string; content: Buffer }>(
      `SELECT key, content FROM storage_objects WHERE bucket = $1 AND key LIKE $2 || '%' ORDER BY key`,
      [bucket, prefix],
    );
    return rows.map((row) => ({
      key: row.key,
      records: (
        JSON.parse(gunzipSync(row.content).toString('utf8')) as { Records: Array<Record<string, unknown>> }
      ).Records,
    }));
  } finally {
    await db.end();
  }
}
