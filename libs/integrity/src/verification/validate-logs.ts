import { type DigestScope } from '../domain/digest-scope';
import { formatDigestTime } from '../domain/digest-time';
import { type TimeRange } from '../domain/public-key';
import { checkDecodedDigest, decodeDigest, parseDigestTime, type VerifiedDigest } from './digest-check';
import { type DigestKeys, listDigestKeys, takeLastDigestKey } from './digest-listing';
import {
  type IntegrityObjectReader,
  type PublicKeyDirectory,
  type VerificationPublicKey,
} from './integrity-ports';
import { checkLogFile } from './log-file-check';
import {
  type ChainKind,
  type ChainLinkMismatch,
  digestGap,
  type FileProblem,
  FileProblems,
  type FileVerdict,
  fileVerdict,
  type ValidationEntry,
  type ValidationReport,
} from './validation-report';

/** Which chain and time range to validate: what `validate-logs` takes from its arguments and DescribeTrails. */
export interface ValidateLogsRequest {
  readonly scope: DigestScope;
  readonly startTime: Date;
  readonly endTime: Date;
}

export interface ValidateLogsPorts {
  readonly objects: IntegrityObjectReader;
  readonly publicKeys: PublicKeyDirectory;
}

const HOUR_MS = 60 * 60 * 1000;

/** Thrown inside a run when the validator would stop with an error instead of a verdict. */
class ValidationAborted extends Error {}

/**
 * Validates a digest chain and its log files exactly as `aws cloudtrail validate-logs` does
 * (awscli/customizations/cloudtrail/validation.py): from the newest digest in range back along
 * `previousDigestS3Object`, each digest's signature checked with the Region's public key of its
 * fingerprint, each log file of a valid digest hashed, then the same for backfill digests.
 */
export async function validateLogs(
  request: ValidateLogsRequest,
  ports: ValidateLogsPorts,
): Promise<ValidationReport> {
  return new LogValidation(request, ports).run();
}

class LogValidation {
  private readonly entries: ValidationEntry[] = [];
  private readonly counts = { digest: [0, 0], 'backfill-digest': [0, 0], log: [0, 0] };
  private readonly listings = new Map<string, DigestKeys>();
  private readonly linkMismatches: ChainLinkMismatch[] = [];
  private found: { start: Date; end: Date } | null = null;

  constructor(
    private readonly request: ValidateLogsRequest,
    private readonly ports: ValidateLogsPorts,
  ) {}

  async run(): Promise<ValidationReport> {
    let abortedWith: string | null = null;
    try {
      await this.walkChain('digest');
      await this.walkChain('backfill-digest');
    } catch (error) {
      if (!(error instanceof ValidationAborted)) throw error;
      abortedWith = error.message;
    }
    const [digests, backfillDigests, logs] = (['digest', 'backfill-digest', 'log'] as const).map((kind) => ({
      valid: this.counts[kind][0],
      invalid: this.counts[kind][1],
    }));
    return {
      requested: { start: this.request.startTime, end: this.request.endTime },
      found: this.found,
      entries: this.entries,
      digests,
      backfillDigests,
      logs,
      linkMismatches: this.linkMismatches,
      abortedWith,
      valid: abortedWith === null && digests.invalid + backfillDigests.invalid + logs.invalid === 0,
    };
  }

  /** The validator's `traverse_digests` and `_traverse_digest_chain` for one kind of digest. */
  private async walkChain(chain: ChainKind): Promise<void> {
    const { startTime: start, endTime: end } = this.request;
    let bucket = this.request.scope.bucket;
    let keys = await this.digestKeys(chain, bucket, start, end);
    const publicKeys =
      chain === 'digest'
        ? await this.loadPublicKeys({ start, end: new Date(end.getTime() + 2 * HOUR_MS) })
        : new Map<string, VerificationPublicKey>();
    const newest = takeLastDigestKey(keys);
    let key = newest?.key;
    let lastStart = newest?.time;
    /** The valid digest whose previousDigestS3Object is `key`, while following that link. */
    let linkedFrom: VerifiedDigest | null = null;
    while (key !== undefined && lastStart !== undefined && start <= lastStart) {
      const outcome = await this.loadDigest(chain, bucket, key, publicKeys);
      if (!('startTime' in outcome)) {
        this.record(chain, fileVerdict(chain, bucket, key, outcome));
        key = takeLastDigestKey(keys, key)?.key;
        linkedFrom = null;
        continue;
      }
      lastStart = outcome.startTime;
      if (linkedFrom) this.compareLink(linkedFrom, outcome);
      linkedFrom = null;
      this.acceptDigest(chain, outcome);
      await this.checkLogFiles(outcome);
      if (outcome.previousBucket === null || outcome.previousKey === null) {
        // The chain restarted here: go on with the newest older digest listed, if any.
        const older = takeLastDigestKey(keys, key);
        if (older) this.entries.push(digestGap(chain, older.time, lastStart));
        key = older?.key;
        continue;
      }
      key = outcome.previousKey;
      linkedFrom = outcome;
      if (outcome.previousBucket !== bucket) {
        bucket = outcome.previousBucket;
        keys = await this.digestKeys(chain, bucket, start, outcome.endTime);
      }
    }
  }

  private async loadDigest(
    chain: ChainKind,
    bucket: string,
    key: string,
    publicKeys: Map<string, VerificationPublicKey>,
  ): Promise<VerifiedDigest | FileProblem> {
    const object = await this.ports.objects.get(bucket, key);
    if (object === null) return FileProblems.notFound;
    const decoded = decodeDigest(object, chain === 'backfill-digest');
    if ('reason' in decoded) return decoded;
    const fingerprint = decoded.data.digestPublicKeyFingerprint;
    const placed = decoded.data.digestS3Bucket === bucket && decoded.data.digestS3Object === key;
    if (placed && chain === 'backfill-digest' && !publicKeys.has(String(fingerprint))) {
      // Backfill digests fetch the keys around the time they were generated, not around the range.
      const generatedAt = parseDigestTime(decoded.backfillGenerationTimestamp);
      if (typeof generatedAt === 'string') return FileProblems.unreadable(generatedAt);
      try {
        const around = {
          start: new Date(generatedAt.getTime() - HOUR_MS),
          end: new Date(generatedAt.getTime() + HOUR_MS),
        };
        for (const [known, publicKey] of await this.loadPublicKeys(around)) publicKeys.set(known, publicKey);
      } catch (error) {
        if (error instanceof ValidationAborted) return FileProblems.unreadable(error.message);
        throw error;
      }
    }
    return checkDecodedDigest(decoded, bucket, key, publicKeys, this.request.scope.homeRegion);
  }

  private acceptDigest(chain: ChainKind, digest: VerifiedDigest): void {
    const { startTime: start, endTime: end } = this.request;
    const foundStart = digest.startTime > start ? digest.startTime : start;
    const foundEnd = digest.endTime < end ? digest.endTime : end;
    this.found = {
      start: this.found && this.found.start < foundStart ? this.found.start : foundStart,
      end: this.found && this.found.end > foundEnd ? this.found.end : foundEnd,
    };
    this.record(chain, fileVerdict(chain, digest.bucket, digest.key, null));
  }

  private compareLink(successor: VerifiedDigest, digest: VerifiedDigest): void {
    const mismatch =
      successor.previousHashValue !== digest.sha256
        ? 'hash'
        : successor.previousSignature?.toLowerCase() !== digest.signature.toLowerCase()
          ? 'signature'
          : null;
    if (mismatch) {
      this.linkMismatches.push({
        bucket: digest.bucket,
        key: digest.key,
        linkedFromKey: successor.key,
        mismatch,
      });
    }
  }

  private async checkLogFiles(digest: VerifiedDigest): Promise<void> {
    for (const claim of digest.logFiles) {
      const object = await this.ports.objects.get(claim.bucket, claim.key);
      this.record('log', fileVerdict('log', claim.bucket, claim.key, checkLogFile(object, claim)));
    }
  }

  private record(kind: ChainKind | 'log', verdict: FileVerdict): void {
    this.counts[kind][verdict.status === 'valid' ? 0 : 1] += 1;
    this.entries.push(verdict);
  }

  /** The validator lists a bucket once per range and shares the list between both kinds of chain. */
  private async digestKeys(chain: ChainKind, bucket: string, start: Date, end: Date): Promise<string[]> {
    const cacheKey = `${bucket}\n${start.getTime()}\n${end.getTime()}`;
    let listing = this.listings.get(cacheKey);
    if (!listing) {
      listing = await listDigestKeys(this.ports.objects, this.request.scope, bucket, start, end);
      this.listings.set(cacheKey, listing);
    }
    return chain === 'digest' ? listing.standard : listing.backfill;
  }

  private async loadPublicKeys(range: TimeRange): Promise<Map<string, VerificationPublicKey>> {
    const keys = await this.ports.publicKeys.list(this.request.scope.region, range);
    if (keys.length === 0) {
      throw new ValidationAborted(
        `No public keys found between ${formatDigestTime(range.start)} and ${formatDigestTime(range.end)}`,
      );
    }
    return new Map(keys.map((key) => [key.fingerprint, key]));
  }
}
