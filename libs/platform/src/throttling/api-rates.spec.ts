import { parseThrottleRates, rateOf } from './api-rates';

describe(rateOf.name, () => {
  it('applies CloudTrail’s published rates by default', () => {
    expect(rateOf('cloudtrail', 'LookupEvents')).toBe(2);
    expect(rateOf('cloudtrail', 'GetTrail')).toBe(10);
    expect(rateOf('cloudtrail', 'DescribeTrails')).toBe(10);
    expect(rateOf('cloudtrail', 'ListTags')).toBe(10);
    expect(rateOf('cloudtrail', 'CreateTrail')).toBe(1);
    expect(rateOf('cloudtrail', 'StartLogging')).toBe(1);
  });

  it('leaves other services alone unless configured', () => {
    expect(rateOf('organizations', 'ListAccounts')).toBeUndefined();
    expect(rateOf('organizations', 'ListAccounts', { 'organizations:ListAccounts': 5 })).toBe(5);
  });

  it('takes overrides by operation and by class', () => {
    expect(rateOf('cloudtrail', 'CreateTrail', { write: 50 })).toBe(50);
    expect(rateOf('cloudtrail', 'CreateTrail', { CreateTrail: 3, write: 50 })).toBe(3);
  });
});

describe(parseThrottleRates.name, () => {
  it('parses a JSON object and refuses anything else', () => {
    expect(parseThrottleRates('{"write": 5}')).toEqual({ write: 5 });
    expect(parseThrottleRates(undefined)).toEqual({});
    expect(() => parseThrottleRates('[1]')).toThrow();
    expect(() => parseThrottleRates('{"write": -1}')).toThrow();
  });
});
