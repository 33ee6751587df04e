import { DEFAULT_BUCKET_REGION } from './bucket';
import { IllegalLocationConstraintError, InvalidLocationConstraintError } from './storage.errors';

/** S3's legacy name for eu-west-1. */
const LEGACY_ALIASES: Record<string, string> = { EU: 'eu-west-1' };

/**
 * The Region a new bucket goes to, as a regional S3 endpoint decides it: the LocationConstraint,
 * which must be the Region the request was signed for (the endpoint's); without one, us-east-1,
 * and only when the request was signed for us-east-1. Naming us-east-1 explicitly is refused, as
 * S3 refuses it.
 */
export function bucketRegionFor(locationConstraint: string | undefined, requestRegion: string): string {
  if (locationConstraint === DEFAULT_BUCKET_REGION)
    throw new InvalidLocationConstraintError(locationConstraint);
  const region =
    locationConstraint === undefined
      ? DEFAULT_BUCKET_REGION
      : (LEGACY_ALIASES[locationConstraint] ?? locationConstraint);
  if (region !== requestRegion) throw new IllegalLocationConstraintError(locationConstraint);
  return region;
}
