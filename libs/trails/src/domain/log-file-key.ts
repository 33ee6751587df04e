import { randomInt } from 'node:crypto';

/** Where a log file goes (delivery.md §3): one account's events of one Region. */
export interface LogFileLocation {
  /** The trail's `S3KeyPrefix`; absent or empty puts `AWSLogs/` at the bucket's root. */
  readonly s3KeyPrefix?: string;
  /** The organization's id (`o-…`), for organization trails only. */
  readonly organizationId?: string;
  readonly accountId: string;
  readonly region: string;
}

export const LOG_FILE_SUFFIX_LENGTH = 16;
const ALPHANUMERICS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * `[<S3KeyPrefix>/]AWSLogs/[<o-id>/]<account>/CloudTrail/<region>/<YYYY>/<MM>/<DD>/
 * <account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<suffix>.json.gz`, dated by the delivery time in
 * UTC. The prefix is joined with `/` as given, as the AWS CLI's validator builds keys.
 */
export function logFileKey(location: LogFileLocation, deliveredAt: Date, suffix: string): string {
  const { s3KeyPrefix, organizationId, accountId, region } = location;
  const iso = deliveredAt.toISOString();
  const [year, month, day] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  const timestamp = `${year}${month}${day}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
  const folder = [
    ...(s3KeyPrefix ? [s3KeyPrefix] : []),
    'AWSLogs',
    ...(organizationId ? [organizationId] : []),
    accountId,
    'CloudTrail',
    region,
    year,
    month,
    day,
  ].join('/');
  return `${folder}/${accountId}_CloudTrail_${region}_${timestamp}_${suffix}.json.gz`;
}

/** 16 random ASCII letters and digits, the name part that keeps log files of one minute apart. */
export function randomLogFileSuffix(): string {
  let suffix = '';
  for (let i = 0; i < LOG_FILE_SUFFIX_LENGTH; i += 1)
    suffix += ALPHANUMERICS[randomInt(ALPHANUMERICS.length)];
  return suffix;
}
