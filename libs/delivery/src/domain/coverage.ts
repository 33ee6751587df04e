/**
 * Coverage of one account in one Region, as the console's matrix colours it: a Region the account
 * has not enabled needs no trail; otherwise a gap (no trail), a failure (a covering trail's latest
 * delivery attempt failed), not logging (trails, none logging) or covered.
 */
export type CoverageStatus = 'disabled' | 'gap' | 'failing' | 'not-logging' | 'covered';

/** What the status depends on, for each trail with a replica in the cell. */
export interface CoveringTrailState {
  readonly isLogging: boolean;
  /** The trail's latest delivery attempt failed (`latestDeliveryAttemptSucceeded` false). */
  readonly failing: boolean;
}

export function coverageStatus(enabled: boolean, trails: readonly CoveringTrailState[]): CoverageStatus {
  if (!enabled) return 'disabled';
  if (trails.length === 0) return 'gap';
  if (trails.some((trail) => trail.isLogging && trail.failing)) return 'failing';
  return trails.some((trail) => trail.isLogging) ? 'covered' : 'not-logging';
}
