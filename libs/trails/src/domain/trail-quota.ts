import { MaximumNumberOfTrailsExceededError } from './trail.errors';

/**
 * Five trails per Region per account (cloudtrail.md §3.3), counted as *occupied slots*: a trail
 * occupies a slot in every Region where the account holds a copy of it.
 * - A single-Region trail occupies its home Region; a multi-Region trail every Region the account
 *   has enabled (and its home Region).
 * - A replica of an organization trail occupies a slot in the member account, in the Regions
 *   computed the same way from the member's enabled Regions (decision 5).
 * The repository counts slots per Region in SQL with exactly these rules; `countOccupiedSlots` is
 * the in-memory statement of them.
 */
export const TRAILS_PER_REGION = 5;

/** What the quota needs to know about a trail. */
export interface TrailFootprint {
  readonly homeRegion: string;
  readonly isMultiRegionTrail: boolean;
}

/** The Regions in which `trail` occupies one of an account's slots, sorted. */
export function regionsOccupiedBy(trail: TrailFootprint, enabledRegions: readonly string[]): string[] {
  const regions = trail.isMultiRegionTrail ? [...enabledRegions, trail.homeRegion] : [trail.homeRegion];
  return [...new Set(regions)].sort();
}

/**
 * The Regions a trail starts to occupy when it changes from `before` to `after` (UpdateTrail):
 * converting to multi-Region gains every other enabled Region; nothing else gains any.
 */
export function regionsGainedBy(
  before: TrailFootprint,
  after: TrailFootprint,
  enabledRegions: readonly string[],
): string[] {
  const held = new Set(regionsOccupiedBy(before, enabledRegions));
  return regionsOccupiedBy(after, enabledRegions).filter((region) => !held.has(region));
}

/** Occupied slots per Region for the trails an account holds (own trails and replicas alike). */
export function countOccupiedSlots(
  trails: readonly TrailFootprint[],
  enabledRegions: readonly string[],
): Map<string, number> {
  const slots = new Map<string, number>();
  for (const trail of trails) {
    for (const region of regionsOccupiedBy(trail, enabledRegions))
      slots.set(region, (slots.get(region) ?? 0) + 1);
  }
  return slots;
}

/**
 * Throws `MaximumNumberOfTrailsExceededException` when any Region in `incomingRegions` already
 * holds five (or, for a member that received organization-trail replicas, more) occupied slots of
 * `accountId`. With several full Regions the message names the first alphabetically (decision 4),
 * so the answer does not depend on the order the caller lists them in.
 *
 * Only the account that creates or converts a trail is checked: organization-trail replicas land
 * in member accounts whatever their counts (decision 5). Call this after locking the slots of
 * `incomingRegions` (STYLE rule 7) with counts read inside the same transaction.
 */
export function assertRoomForTrail(
  accountId: string,
  occupiedSlots: ReadonlyMap<string, number>,
  incomingRegions: readonly string[],
): void {
  const fullRegion = [...incomingRegions]
    .sort()
    .find((region) => (occupiedSlots.get(region) ?? 0) >= TRAILS_PER_REGION);
  if (fullRegion !== undefined) {
    throw new MaximumNumberOfTrailsExceededError(accountId, TRAILS_PER_REGION, fullRegion);
  }
}
