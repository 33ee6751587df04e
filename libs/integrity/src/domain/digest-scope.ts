import { formatDateFolders, formatKeyTimestamp } from './digest-time';

/**
 * Whose digests: one chain per (trail, account, Region). `accountId` is the account whose log
 * files the digests cover (a member account for an organization trail), `region` the Region of
 * those log files, `homeRegion` the trail's. `keyPrefix` is the trail's S3KeyPrefix, used as is.
 */
export interface DigestScope {
  readonly accountId: string;
  readonly bucket: string;
  readonly keyPrefix: string | null;
  readonly organizationId: string | null;
  readonly trailName: string;
  readonly homeRegion: string;
  readonly region: string;
}

const DIGEST_SUFFIX = '.json.gz';
const BACKFILL_SUFFIX = '_backfill.json.gz';

/** `[prefix/]AWSLogs/[o-id/]<account>/CloudTrail-Digest/<region>`: the folder a chain lives under. */
export function digestFolder(scope: DigestScope): string {
  const organization = scope.organizationId ? `${scope.organizationId}/` : '';
  const folder = `AWSLogs/${organization}${scope.accountId}/CloudTrail-Digest/${scope.region}`;
  return scope.keyPrefix ? `${scope.keyPrefix}/${folder}` : folder;
}

/** The object key of the digest whose interval ends at `endTime` (delivery.md §4). */
export function digestObjectKey(scope: DigestScope, endTime: Date): string {
  const { accountId, region, trailName, homeRegion } = scope;
  const file = `${accountId}_CloudTrail-Digest_${region}_${trailName}_${homeRegion}_${formatKeyTimestamp(endTime)}`;
  return `${digestFolder(scope)}/${formatDateFolders(endTime)}/${file}${DIGEST_SUFFIX}`;
}

/**
 * Matches the digest keys of this chain and no other trail's, backfill digests included: the
 * validator's own pattern (the part before `.json.gz` is free, so a backfill key matches too).
 */
export function digestKeyPattern(scope: DigestScope): RegExp {
  const account = escapeRegExp(scope.accountId);
  const region = escapeRegExp(scope.region);
  const file = `${account}_CloudTrail-Digest_${region}_${escapeRegExp(scope.trailName)}_${escapeRegExp(scope.homeRegion)}_`;
  return new RegExp(`^${escapeRegExp(digestFolder(scope))}/\\d+/\\d+/\\d+/${file}.+\\.json\\.gz$`);
}

export function isBackfillDigestKey(key: string): boolean {
  return key.endsWith(BACKFILL_SUFFIX);
}

/** The 16 characters the validator reads as a digest key's end time (`20150817T150131Z`). */
export function digestKeyTimestamp(key: string): string {
  const end = key.length - (isBackfillDigestKey(key) ? BACKFILL_SUFFIX : DIGEST_SUFFIX).length;
  return key.slice(end - 16, end);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
