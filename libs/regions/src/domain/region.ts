import { DefaultRegionOptInError, InvalidRegionNameError, RegionNotFoundError } from './region.errors';

export interface Region {
  readonly name: string;
  readonly optIn: boolean;
}

/**
 * Whether an account may act in a Region: a default Region or an opt-in one it enabled
 * (`enabled`), an opt-in one it has not enabled (`disabled`), or no Region of that name (`unknown`).
 */
export type RegionStanding = 'enabled' | 'disabled' | 'unknown';

/** AWS's `RegionOptStatus` values as the Account API reports them. */
export type RegionOptStatus = 'ENABLED' | 'DISABLED' | 'ENABLED_BY_DEFAULT';

export interface AccountRegion {
  readonly regionName: string;
  readonly regionOptStatus: RegionOptStatus;
}

const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$/;

/** Region names as AWS forms them: `<area>-<place>-<n>`, e.g. `eu-west-1`, `us-gov-east-1`. */
export function validateRegionName(name: string): void {
  if (name.length > 32 || !REGION_NAME.test(name)) {
    throw new InvalidRegionNameError(name);
  }
}

export function optStatusOf(region: Region, enabledOptIn: ReadonlySet<string>): RegionOptStatus {
  if (!region.optIn) return 'ENABLED_BY_DEFAULT';
  return enabledOptIn.has(region.name) ? 'ENABLED' : 'DISABLED';
}

/** Only opt-in Regions can be enabled or disabled per account (default Regions always are). */
export function assertOptInRegion(region: Region | undefined, name: string): Region {
  if (!region) throw new RegionNotFoundError(name);
  if (!region.optIn) throw new DefaultRegionOptInError(name);
  return region;
}
