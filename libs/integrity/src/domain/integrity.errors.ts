import { DomainError } from '@app/platform/errors';

/** ListPublicKeys' answer to a range whose start is after its end. */
export class InvalidTimeRangeError extends DomainError {
  constructor() {
    super('InvalidTimeRangeException', 'StartTime must be before EndTime.');
  }
}

/** A signing key was asked for in a Region the partition does not have. */
export class SigningRegionNotFoundError extends DomainError {
  constructor(region: string) {
    super('RegionNotFoundException', `The Region ${region} does not exist in this partition.`);
  }
}

/** A digest asked to be built from facts that cannot form a valid digest. */
export class InvalidDigestInputError extends Error {}
