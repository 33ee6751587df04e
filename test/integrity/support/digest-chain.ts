import { createPrivateKey, type KeyObject } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  createSignedDigest,
  type DigestedLogFile,
  type DigestLink,
  type DigestScope,
  firstKeyValidity,
  formatDateFolders,
  formatDigestTime,
  generateSigningKeyPair,
  keySigningAt,
  type KeyValidity,
  nextKeyValidity,
  type PublicKeyRecord,
  sha256Hex,
  type SignedDigest,
} from '@app/integrity';
import { type MemoryObjectStore } from './memory-object-store';

/** A Region signing key as the fake endpoint serves it and the chain writer signs with it. */
export interface ChainKey extends KeyValidity, PublicKeyRecord {
  readonly privateKey: KeyObject;
}

/** A Region's keys from its launch to `until`, rotating every `rotationDays`, made by the lib. */
export async function regionKeys(launchedAt: Date, until: Date, rotationDays: number): Promise<ChainKey[]> {
  const keys: ChainKey[] = [];
  let validity = firstKeyValidity(launchedAt, launchedAt, rotationDays);
  for (;;) {
    const pair = await generateSigningKeyPair();
    keys.push({
      ...validity,
      publicKeyDer: pair.publicKeyDer,
      fingerprint: pair.fingerprint,
      validityStartTime: validity.validFrom,
      validityEndTime: validity.validUntil,
      privateKey: createPrivateKey(pair.privateKeyPem),
    });
    if (validity.signsUntil > until) return keys;
    validity = nextKeyValidity(validity, validity.signsUntil, rotationDays);
  }
}

/** One digest interval to write: when it ends, how many log files it covers, whether the chain restarts. */
export interface IntervalPlan {
  readonly end: Date;
  readonly logFiles: number;
  /** The chain restarts at this time (logging stopped before): the digest has no previous one. */
  readonly restartAt?: Date;
}

export interface WrittenChain {
  readonly digests: SignedDigest[];
  readonly logFiles: { bucket: string; key: string }[];
}

/** Writes log files and the signed digests over them, as delivery will, into the store. */
export function writeDigestChain(
  store: MemoryObjectStore,
  scope: DigestScope,
  keys: readonly ChainKey[],
  start: Date,
  intervals: readonly IntervalPlan[],
): WrittenChain {
  const written: WrittenChain = { digests: [], logFiles: [] };
  let previous: DigestLink | null = null;
  let startTime = start;
  for (const interval of intervals) {
    if (interval.restartAt) [previous, startTime] = [null, interval.restartAt];
    const logFiles = Array.from({ length: interval.logFiles }, (_, i) =>
      writeLogFile(store, scope, startTime, interval.end, i, interval.logFiles, written.logFiles.length + i),
    );
    const key = keySigningAt(keys, interval.end);
    if (!key) throw new Error(`No key signs ${interval.end.toISOString()}`);
    const digest = createSignedDigest({ scope, startTime, endTime: interval.end, previous, logFiles }, key);
    store.put(digest.bucket, digest.key, digest.body, { ...digest.metadata });
    written.digests.push(digest);
    written.logFiles.push(...logFiles.map((file) => ({ bucket: file.bucket, key: file.key })));
    previous = digest.link;
    startTime = interval.end;
  }
  return written;
}

/** A log file delivered inside [start, end), keyed as delivery.md §3 says. */
function writeLogFile(
  store: MemoryObjectStore,
  scope: DigestScope,
  start: Date,
  end: Date,
  index: number,
  count: number,
  serial: number,
): DigestedLogFile {
  const step = (end.getTime() - start.getTime()) / (count + 1);
  const deliveredAt = new Date(start.getTime() + step * (index + 1));
  const eventTime = new Date(deliveredAt.getTime() - 60_000);
  const records = [0, 30].map((seconds) => ({
    eventVersion: '1.11',
    eventTime: formatDigestTime(new Date(eventTime.getTime() + seconds * 1000)),
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'DescribeTrails',
    awsRegion: scope.region,
    recipientAccountId: scope.accountId,
  }));
  const content = Buffer.from(JSON.stringify({ Records: records }), 'utf8');
  const stamp = formatDigestTime(deliveredAt).replace(/[-:]/g, '').slice(0, 13) + 'Z';
  const organization = scope.organizationId ? `${scope.organizationId}/` : '';
  const folder = `AWSLogs/${organization}${scope.accountId}/CloudTrail/${scope.region}/${formatDateFolders(deliveredAt)}`;
  const file = `${scope.accountId}_CloudTrail_${scope.region}_${stamp}_LogFile${String(serial).padStart(9, '0')}.json.gz`;
  const key = `${scope.keyPrefix ? `${scope.keyPrefix}/` : ''}${folder}/${file}`;
  store.put(scope.bucket, key, gzipSync(content));
  return {
    bucket: scope.bucket,
    key,
    sha256: sha256Hex(content),
    newestEventTime: new Date(eventTime.getTime() + 30_000),
    oldestEventTime: eventTime,
  };
}
