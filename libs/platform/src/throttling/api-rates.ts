/**
 * Requests per second allowed per account, Region and operation. Defaults are CloudTrail's
 * published rates (cloudtrail.md §3.10): Get/Describe/List 10, LookupEvents 2, every other
 * operation 1. `overrides` (TRAILPLANE_THROTTLE_RATES) may name an operation or the classes
 * `read` and `write`; other services are not throttled unless named.
 */
export interface ThrottleRates {
  readonly [operationOrClass: string]: number;
}

export const CLOUDTRAIL_DEFAULT_RATES: ThrottleRates = { LookupEvents: 2, read: 10, write: 1 };

export function rateOf(
  service: string,
  operation: string,
  overrides: ThrottleRates = {},
): number | undefined {
  const named = overrides[`${service}:${operation}`] ?? overrides[operation];
  if (named !== undefined) return named;
  if (service !== 'cloudtrail') return undefined;
  const rates = { ...CLOUDTRAIL_DEFAULT_RATES, ...overrides };
  if (operation === 'LookupEvents') return rates.LookupEvents;
  return /^(Get|Describe|List)/.test(operation) ? rates.read : rates.write;
}

export function parseThrottleRates(json: string | undefined): ThrottleRates {
  if (!json) return {};
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('TRAILPLANE_THROTTLE_RATES must be a JSON object of operation → requests per second');
  }
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'number' || !(value > 0))
      throw new Error(`TRAILPLANE_THROTTLE_RATES.${key} must be a positive number`);
  }
  return parsed as ThrottleRates;
}
