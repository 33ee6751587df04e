import { logFileKey } from './log-file-key';
import { type TrailRecord } from './trail-record';

/** A trail as its bucket sees it: who writes, under which prefix, for which organization. */
export interface TrailLogDestination {
  readonly partition: string;
  readonly bucket: string;
  readonly s3KeyPrefix?: string;
  readonly trailArn: string;
  readonly ownerAccountId: string;
  readonly homeRegion: string;
  /** The organization's id (`o-…`), for organization trails only. */
  readonly organizationId?: string;
}

export function logDestinationOf(trail: TrailRecord): TrailLogDestination {
  return {
    partition: trail.partition,
    bucket: trail.settings.s3BucketName,
    s3KeyPrefix: trail.settings.s3KeyPrefix,
    trailArn: trail.arn,
    ownerAccountId: trail.ownerAccountId,
    homeRegion: trail.homeRegion,
    organizationId: trail.organizationId ?? undefined,
  };
}

/** Whether CloudTrail would write elsewhere after a change (bucket, prefix or organization segment). */
export function logDestinationChanged(before: TrailRecord, after: TrailRecord): boolean {
  return (
    before.settings.s3BucketName !== after.settings.s3BucketName ||
    probeLogFileKey(logDestinationOf(before)) !== probeLogFileKey(logDestinationOf(after))
  );
}

const PROBE_TIME = new Date(Date.UTC(2000, 0, 1));
const PROBE_SUFFIX = '0000000000000000';

/**
 * A key of the kind the trail writes (the owner's log file of the home Region): CreateTrail and
 * UpdateTrail ask the bucket policy whether CloudTrail may write it, as AWS does.
 */
export function probeLogFileKey(destination: TrailLogDestination): string {
  return logFileKey(
    {
      s3KeyPrefix: destination.s3KeyPrefix,
      organizationId: destination.organizationId,
      accountId: destination.ownerAccountId,
      region: destination.homeRegion,
    },
    PROBE_TIME,
    PROBE_SUFFIX,
  );
}

/**
 * The bucket policy the AWS console writes when it creates a trail's bucket: CloudTrail may read
 * the bucket's ACL and write `[prefix/]AWSLogs/<account>/*` (and `AWSLogs/<o-id>/*` for an
 * organization trail) with `bucket-owner-full-control`, for this trail only (`aws:SourceArn`).
 */
export function consoleBucketPolicy(destination: TrailLogDestination): string {
  const { partition, bucket, trailArn } = destination;
  const logs = `arn:${partition}:s3:::${bucket}/${destination.s3KeyPrefix ? `${destination.s3KeyPrefix}/` : ''}AWSLogs`;
  const cloudTrail = { Service: 'cloudtrail.amazonaws.com' };
  const forThisTrail = { 'aws:SourceArn': trailArn };
  const write = (sid: string, owner: string): object => ({
    Sid: sid,
    Effect: 'Allow',
    Principal: cloudTrail,
    Action: 's3:PutObject',
    Resource: `${logs}/${owner}/*`,
    Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', ...forThisTrail } },
  });
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AWSCloudTrailAclCheck20150319',
        Effect: 'Allow',
        Principal: cloudTrail,
        Action: 's3:GetBucketAcl',
        Resource: `arn:${partition}:s3:::${bucket}`,
        Condition: { StringEquals: forThisTrail },
      },
      write('AWSCloudTrailWrite20150319', destination.ownerAccountId),
      ...(destination.organizationId
        ? [write('AWSCloudTrailOrganizationWrite20150319', destination.organizationId)]
        : []),
    ],
  });
}
