import { formatDigestTime } from '../domain/digest-time';
import { type TimeRange } from '../domain/public-key';

export type ChainKind = 'digest' | 'backfill-digest';
export type ValidatedFileKind = ChainKind | 'log';

/** Why a file is not valid. Each has the validator's own verdict text (`validateLogsVerdict`). */
export type InvalidFileReason =
  | 'not-found'
  | 'invalid-format'
  | 'signature-verification-failed'
  | 'moved'
  | 'public-key-not-found'
  | 'public-key-unloadable'
  | 'hash-mismatch'
  | 'unreadable';

/** One file's verdict, in the order the validator reaches it. */
export interface FileVerdict {
  readonly kind: ValidatedFileKind;
  readonly bucket: string;
  readonly key: string;
  readonly status: 'valid' | 'invalid';
  readonly reason: InvalidFileReason | null;
  /** The verdict as `aws cloudtrail validate-logs` prints it: `valid`, `INVALID: not found`, … */
  readonly verdict: string;
  /** The whole line it prints: `Digest file\ts3://bucket/key\tvalid`. */
  readonly line: string;
}

/** A chain that restarts: no digests (so no log files) between `from` and `to`. Not an error. */
export interface DigestGap {
  readonly kind: 'gap';
  readonly chain: ChainKind;
  readonly from: Date;
  readonly to: Date;
  readonly line: string;
}

export type ValidationEntry = FileVerdict | DigestGap;

/**
 * A valid digest that is not the one its successor links to: its hash or signature differs from
 * the successor's previousDigestHashValue / previousDigestSignature. The CLI does not compare these
 * (each signature alone holds), so it is reported apart and does not change the CLI verdicts; it
 * shows that a digest was replaced by another one signed for the same key, e.g. re-delivered.
 */
export interface ChainLinkMismatch {
  readonly bucket: string;
  readonly key: string;
  readonly linkedFromKey: string;
  readonly mismatch: 'hash' | 'signature';
}

export interface ValidityCount {
  readonly valid: number;
  readonly invalid: number;
}

export interface ValidationReport {
  readonly requested: TimeRange;
  /** The part of the requested range the valid digests cover; null when none was valid. */
  readonly found: TimeRange | null;
  /** Every verdict and gap notice, in the validator's order. */
  readonly entries: readonly ValidationEntry[];
  readonly digests: ValidityCount;
  readonly backfillDigests: ValidityCount;
  readonly logs: ValidityCount;
  /** Valid digests that differ from what their successor recorded (not checked by the CLI). */
  readonly linkMismatches: readonly ChainLinkMismatch[];
  /** Set when validation could not run at all (the validator then exits 255 with this message). */
  readonly abortedWith: string | null;
  /** True when nothing is invalid and nothing aborted (the validator's exit code 0). */
  readonly valid: boolean;
}

const FILE_LABEL: Record<ValidatedFileKind, string> = {
  digest: 'Digest file',
  'backfill-digest': '(backfill) Digest file',
  log: 'Log file',
};

/** What is wrong with a file, in the validator's words (the text after `INVALID: `). */
export interface FileProblem {
  readonly reason: InvalidFileReason;
  readonly detail: string;
}

export const FileProblems = {
  notFound: { reason: 'not-found', detail: 'not found' },
  invalidFormat: { reason: 'invalid-format', detail: 'invalid format' },
  signatureVerificationFailed: {
    reason: 'signature-verification-failed',
    detail: 'signature verification failed',
  },
  moved: { reason: 'moved', detail: 'has been moved from its original location' },
  hashMismatch: { reason: 'hash-mismatch', detail: "hash value doesn't match" },
  publicKeyNotFound: (region: string, fingerprint: unknown): FileProblem => ({
    reason: 'public-key-not-found',
    detail: `public key not found in region ${region} for fingerprint ${String(fingerprint)}`,
  }),
  publicKeyUnloadable: (fingerprint: string): FileProblem => ({
    reason: 'public-key-unloadable',
    detail: `Unable to load PKCS #1 key with fingerprint ${fingerprint}`,
  }),
  /** Anything else the validator reports with its error's own text (bad dates, bad hex, no keys). */
  unreadable: (detail: string): FileProblem => ({ reason: 'unreadable', detail }),
} as const satisfies Record<string, FileProblem | ((...args: never[]) => FileProblem)>;

export function fileVerdict(
  kind: ValidatedFileKind,
  bucket: string,
  key: string,
  problem: FileProblem | null,
): FileVerdict {
  const verdict = problem === null ? 'valid' : `INVALID: ${problem.detail}`;
  return {
    kind,
    bucket,
    key,
    status: problem === null ? 'valid' : 'invalid',
    reason: problem?.reason ?? null,
    verdict,
    line: `${FILE_LABEL[kind]}\ts3://${bucket}/${key}\t${verdict}`,
  };
}

export function digestGap(chain: ChainKind, from: Date, to: Date): DigestGap {
  const label = chain === 'backfill-digest' ? '(backfill) ' : '';
  return {
    kind: 'gap',
    chain,
    from,
    to,
    line: `${label}No log files were delivered by CloudTrail between ${formatDigestTime(from)} and ${formatDigestTime(to)}`,
  };
}
