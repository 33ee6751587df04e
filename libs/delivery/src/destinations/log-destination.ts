import { DIGEST_SIGNATURE_ALGORITHM, type IntegrityObjectReader } from '@app/integrity';
import { type TrailRecord } from '@app/trails';
import { type EntityManager } from 'typeorm';
import { type PlannedDigest } from '../persistence/delivered-digest.repository';
import { type DeliveredLogFile } from '../persistence/delivered-file.repository';

/** A log file planned by a delivery run: its bytes and its record (delivery.md §3). */
export interface PlannedLogFile extends DeliveredLogFile {
  readonly body: Buffer;
}

/** CloudTrail writing for a trail (the trail may be deleted by the time its final digests go). */
export interface TrailWriter {
  readonly trailId: string;
  readonly arn: string;
  readonly partition: string;
  readonly ownerAccountId: string;
  readonly bucket: string;
}

export function writerOf(trail: TrailRecord): TrailWriter {
  return {
    trailId: trail.id,
    arn: trail.arn,
    partition: trail.partition,
    ownerAccountId: trail.ownerAccountId,
    bucket: trail.settings.s3BucketName,
  };
}

/**
 * Where a trail's files go. `deliver` and `deliverDigests` run inside the transaction that advances
 * the trail's cursor or chains: the built-in store writes the objects there (so the objects and
 * the cursor commit together, exactly once); an external store stages them, and `flush` /
 * `flushDigests` upload what is staged.
 */
export abstract class LogDestination {
  /** Reads the store back: what the integrity check verifies. */
  abstract readonly objects: IntegrityObjectReader;

  /** Resolves true when the files are delivered with the transaction, false when only staged. */
  abstract deliver(
    em: EntityManager,
    writer: TrailWriter,
    files: readonly PlannedLogFile[],
  ): Promise<boolean>;

  /** Digests, with their signature as object metadata; true when delivered with the transaction. */
  abstract deliverDigests(
    em: EntityManager,
    writer: TrailWriter,
    digests: readonly PlannedDigest[],
  ): Promise<boolean>;

  /** Uploads the trail's staged log files; resolves when none is left staged. */
  abstract flush(trailId: string): Promise<void>;

  /** Uploads the trail's staged digests; resolves when none is left staged. */
  abstract flushDigests(trailId: string): Promise<void>;
}

/** A store refused or failed a delivery: its error text goes to GetTrailStatus, the run is retried. */
export class DeliveryFailure extends Error {
  constructor(readonly reason: string) {
    super(`Log delivery failed: ${reason}`);
  }
}

/** The metadata of a digest object: what `validate-logs` checks the signature with. */
export function digestUserMetadata(digest: PlannedDigest): Record<string, string> {
  return { signature: digest.signature, 'signature-algorithm': DIGEST_SIGNATURE_ALGORITHM };
}
