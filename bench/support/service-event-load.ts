import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { storedServiceEvent, type SubmittedRecord } from '@app/events';
import { type RequestContext } from '@app/platform';
import { CreateBucketUseCase, PutBucketPolicyUseCase } from '@app/storage';
import { type Client } from 'pg';
import { type BenchApp, type BenchCredentials } from './bench-app';
import { type Cell } from './bulk-baseline';

/** Service events for the ingestion benchmark: the records, their table rows, their delivery. */

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];

export const EVENT_COLUMNS = [
  'event_id',
  'account_id',
  'region',
  'event_time',
  'event_name',
  'event_source',
  'read_only',
  'username',
  'access_key_id',
  'error_code',
  'request_id',
  'record',
  'management',
  'organization_id',
] as const;
export const RESOURCE_COLUMNS = [
  'event_id',
  'account_id',
  'region',
  'event_time',
  'resource_type',
  'resource_name',
  'is_arn',
] as const;

/** A record as a compute service submits it: 4 in 5 management writes naming an instance, 1 in 5 data events. */
export function serviceRecord(recipients: readonly string[], i: number, at = new Date()): SubmittedRecord {
  const accountId = recipients[i % recipients.length];
  const region = REGIONS[i % REGIONS.length];
  const data = i % 5 === 4;
  return {
    eventVersion: '1.08',
    eventID: randomUUID(),
    eventTime: at.toISOString(),
    eventSource: 'compute.internal',
    eventName: data ? 'Invoke' : 'RunInstances',
    awsRegion: region,
    recipientAccountId: accountId,
    eventType: 'AwsApiCall',
    eventCategory: data ? 'Data' : 'Management',
    readOnly: false,
    managementEvent: !data,
    userIdentity: {
      type: 'AssumedRole',
      arn: `arn:aws:sts::${accountId}:assumed-role/deployer/session-${i % 50}`,
      accountId,
      accessKeyId: `ASIABENCH${String(i % 1000).padStart(11, '0')}`,
    },
    sourceIPAddress: `10.0.${i % 250}.7`,
    userAgent: 'compute-cli/2.0 (bench)',
    requestParameters: { instanceType: 'm.large', imageId: `img-${i % 97}`, count: 1 },
    responseElements: data ? null : { instanceId: `i-${i.toString(16).padStart(8, '0')}` },
    requestID: randomUUID(),
    resources: [
      data
        ? {
            ARN: `arn:aws:lambda:${region}:${accountId}:function:fn-${i % 20}`,
            type: 'AWS::Lambda::Function',
          }
        : {
            ARN: `arn:aws:compute:${region}:${accountId}:instance/i-${i.toString(16)}`,
            type: 'AWS::Compute::Instance',
          },
    ],
  };
}

/** The rows the service writes for `records` (events, event_resources), as COPY takes them. */
export function tableRows(
  records: readonly SubmittedRecord[],
  organizationOf: (accountId: string) => string | null,
): { events: Cell[][]; resources: Cell[][] } {
  const stored = records.map((r) => storedServiceEvent(r, organizationOf(r.recipientAccountId)));
  return {
    events: stored.map((e) => [
      e.eventId,
      e.accountId,
      e.region,
      e.eventTime.toISOString(),
      e.eventName,
      e.eventSource,
      e.readOnly,
      e.username,
      e.accessKeyId,
      e.errorCode,
      e.requestId,
      JSON.stringify(e.record),
      e.management,
      e.organizationId,
    ]),
    resources: stored
      .filter((e) => e.management)
      .flatMap((e) =>
        e.resources.flatMap((r) => [
          [e.eventId, e.accountId, e.region, e.eventTime.toISOString(), r.type, r.arn, true],
          [e.eventId, e.accountId, e.region, e.eventTime.toISOString(), r.type, r.name, false],
        ]),
      ),
  };
}

/** A bucket of `owner` that organization trail `trailArn` may write its log files to. */
export async function createLogBucket(
  app: BenchApp,
  owner: BenchCredentials,
  bucket: string,
  trailArn: string,
): Promise<void> {
  const ctx: RequestContext = {
    requestId: 'bench',
    principal: {
      type: 'Root',
      accountId: owner.accountId,
      arn: `arn:aws:iam::${owner.accountId}:root`,
      principalId: owner.accountId,
      accessKeyId: owner.accessKeyId,
      isPartitionOperator: false,
    },
    accountId: owner.accountId,
    region: 'us-east-1',
    partition: 'aws',
    sourceIp: '127.0.0.1',
    userAgent: 'bench',
    receivedAt: new Date(),
    secureTransport: false,
  };
  const cloudtrail = { Service: 'cloudtrail.amazonaws.com' };
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: cloudtrail,
        Action: 's3:GetBucketAcl',
        Resource: `arn:aws:s3:::${bucket}`,
      },
      {
        Effect: 'Allow',
        Principal: cloudtrail,
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${bucket}/AWSLogs/*`,
        Condition: {
          StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn },
        },
      },
    ],
  };
  await app.api.get(CreateBucketUseCase).execute(ctx, { bucket });
  await app.api.get(PutBucketPolicyUseCase).execute(ctx, { bucket, policy: JSON.stringify(policy) });
}

/**
 * Log files of `bucket` not in `seen` (added to it): each record's eventID with the file's write
 * time (`last_modified`, the store's clock, which is this process's).
 */
export async function newlyDelivered(
  db: Client,
  bucket: string,
  seen: Set<string>,
): Promise<Array<[string, number]>> {
  const { rows } = await db.query<{ key: string; content: Buffer; last_modified: Date }>(
    `SELECT key, content, last_modified FROM storage_objects WHERE bucket = $1 AND NOT key = ANY($2::text[])`,
    [bucket, [...seen]],
  );
  const ids: Array<[string, number]> = [];
  for (const row of rows) {
    seen.add(row.key);
    const file = JSON.parse(gunzipSync(row.content).toString('utf8')) as {
      Records: Array<{ eventID: string }>;
    };
    for (const record of file.Records) ids.push([record.eventID, row.last_modified.getTime()]);
  }
  return ids;
}
