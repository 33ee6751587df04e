import { type TrailRecord } from '@app/trails';
import { type EntityManager } from 'typeorm';
import { type DeliveredLogFile } from '../persistence/delivered-file.repository';

/** A log file planned by a delivery run: its bytes and its record (delivery.md §3). */
export interface PlannedLogFile extends DeliveredLogFile {
  readonly body: Buffer;
}

/**
 * Where a trail's files go. `deliver` runs inside the delivery run's transaction, the one that
 * advances its cursor: the built-in store writes the objects there (so a file and the cursor commit
 * together, exactly once); an external store stages them, and `flush` uploads what is staged.
 */
export abstract class LogDestination {
  /** Resolves true when the files are delivered with the transaction, false when only staged. */
  abstract deliver(em: EntityManager, trail: TrailRecord, files: readonly PlannedLogFile[]): Promise<boolean>;

  /** Uploads the trail's staged files; resolves when none is left staged. */
  abstract flush(trailId: string): Promise<void>;
}

/** A store refused or failed a delivery: its error text goes to GetTrailStatus, the run is retried. */
export class DeliveryFailure extends Error {
  constructor(readonly reason: string) {
    super(`Log delivery failed: ${reason}`);
  }
}
