import { type DigestScope, digestObjectKey } from './digest-scope';
import { formatDigestTime, toWholeSeconds } from './digest-time';
import { InvalidDigestInputError } from './integrity.errors';

export const DIGEST_SIGNATURE_ALGORITHM = 'SHA256withRSA';
export const DIGEST_HASH_ALGORITHM = 'SHA-256';

/** A log file delivered in a digest's interval. */
export interface DigestedLogFile {
  readonly bucket: string;
  readonly key: string;
  /** Lowercase hex SHA-256 of the log file's UNCOMPRESSED bytes. */
  readonly sha256: string;
  readonly newestEventTime: Date;
  readonly oldestEventTime: Date;
}

/** Where the previous digest of the chain is and what it was: the link a digest carries. */
export interface DigestLink {
  readonly bucket: string;
  readonly key: string;
  /** Lowercase hex SHA-256 of the previous digest's uncompressed bytes. */
  readonly sha256: string;
  /** The previous digest's signature, hex. */
  readonly signature: string;
}

/** The facts one digest states: its chain, its interval [startTime, endTime), and what came before. */
export interface DigestFacts {
  readonly scope: DigestScope;
  readonly startTime: Date;
  readonly endTime: Date;
  /** The previous digest; null for the first digest after validation or logging (re)starts. */
  readonly previous: DigestLink | null;
  readonly logFiles: readonly DigestedLogFile[];
}

export interface DigestLogFileEntry {
  readonly s3Bucket: string;
  readonly s3Object: string;
  readonly hashValue: string;
  readonly hashAlgorithm: string;
  readonly newestEventTime: string;
  readonly oldestEventTime: string;
}

/** The digest file's JSON, members in CloudTrail's order (delivery.md §4). */
export interface DigestDocument {
  readonly awsAccountId: string;
  readonly digestStartTime: string;
  readonly digestEndTime: string;
  readonly digestS3Bucket: string;
  readonly digestS3Object: string;
  readonly digestPublicKeyFingerprint: string;
  readonly digestSignatureAlgorithm: string;
  readonly newestEventTime: string | null;
  readonly oldestEventTime: string | null;
  readonly previousDigestS3Bucket: string | null;
  readonly previousDigestS3Object: string | null;
  readonly previousDigestHashValue: string | null;
  readonly previousDigestHashAlgorithm: string | null;
  readonly previousDigestSignature: string | null;
  readonly logFiles: readonly DigestLogFileEntry[];
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;
const HEX = /^(?:[0-9a-f]{2})+$/;

/** The digest's JSON document for these facts, signed with the key of `fingerprint`. */
export function buildDigestDocument(facts: DigestFacts, fingerprint: string): DigestDocument {
  assertDigestFacts(facts);
  const { scope, previous, logFiles } = facts;
  const endTime = toWholeSeconds(facts.endTime);
  const newest = logFiles.reduce<Date | null>(
    (acc, file) => (acc === null || file.newestEventTime > acc ? file.newestEventTime : acc),
    null,
  );
  const oldest = logFiles.reduce<Date | null>(
    (acc, file) => (acc === null || file.oldestEventTime < acc ? file.oldestEventTime : acc),
    null,
  );
  return {
    awsAccountId: scope.accountId,
    digestStartTime: formatDigestTime(facts.startTime),
    digestEndTime: formatDigestTime(endTime),
    digestS3Bucket: scope.bucket,
    digestS3Object: digestObjectKey(scope, endTime),
    digestPublicKeyFingerprint: fingerprint,
    digestSignatureAlgorithm: DIGEST_SIGNATURE_ALGORITHM,
    newestEventTime: newest && formatDigestTime(newest),
    oldestEventTime: oldest && formatDigestTime(oldest),
    previousDigestS3Bucket: previous?.bucket ?? null,
    previousDigestS3Object: previous?.key ?? null,
    previousDigestHashValue: previous?.sha256 ?? null,
    previousDigestHashAlgorithm: previous ? DIGEST_HASH_ALGORITHM : null,
    previousDigestSignature: previous?.signature ?? null,
    logFiles: logFiles.map((file) => ({
      s3Bucket: file.bucket,
      s3Object: file.key,
      hashValue: file.sha256,
      hashAlgorithm: DIGEST_HASH_ALGORITHM,
      newestEventTime: formatDigestTime(file.newestEventTime),
      oldestEventTime: formatDigestTime(file.oldestEventTime),
    })),
  };
}

function assertDigestFacts(facts: DigestFacts): void {
  if (toWholeSeconds(facts.startTime) >= toWholeSeconds(facts.endTime)) {
    throw new InvalidDigestInputError('A digest interval must end at least a second after it starts');
  }
  if (facts.previous && (!HEX_SHA256.test(facts.previous.sha256) || !HEX.test(facts.previous.signature))) {
    throw new InvalidDigestInputError('The previous digest hash and signature must be lowercase hex');
  }
  for (const file of facts.logFiles) {
    if (!HEX_SHA256.test(file.sha256)) {
      throw new InvalidDigestInputError(`Log file ${file.key}: hash must be lowercase hex SHA-256`);
    }
    if (file.oldestEventTime > file.newestEventTime) {
      throw new InvalidDigestInputError(`Log file ${file.key}: oldest event is after the newest`);
    }
  }
}
