import { lookupTokenScope, planLookupQuery } from './lookup-query';

const now = new Date('2026-06-01T00:00:00Z');
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe(planLookupQuery.name, () => {
  it('defaults to the last 90 days and 50 results', () => {
    const query = planLookupQuery({}, now);
    expect(query.maxResults).toBe(50);
    expect(query.endTime).toEqual(now);
    expect(now.getTime() - query.startTime.getTime()).toBe(90 * 86_400_000);
  });

  it.each([
    [{ maxResults: 0 }, 'InvalidMaxResultsException'],
    [{ maxResults: 51 }, 'InvalidMaxResultsException'],
    [
      {
        lookupAttributes: [
          { attributeKey: 'EventName', attributeValue: 'a' },
          { attributeKey: 'Username', attributeValue: 'b' },
        ],
      },
      'InvalidLookupAttributesException',
    ],
    [
      { lookupAttributes: [{ attributeKey: 'Nope', attributeValue: 'a' }] },
      'InvalidLookupAttributesException',
    ],
    [
      { lookupAttributes: [{ attributeKey: 'EventName', attributeValue: '' }] },
      'InvalidLookupAttributesException',
    ],
    [
      { startTime: new Date('2026-05-02T00:00:00Z'), endTime: new Date('2026-05-01T00:00:00Z') },
      'InvalidTimeRangeException',
    ],
    [{ eventCategory: 'management' }, 'InvalidEventCategoryException'],
  ])('refuses %p with %s', (input, expected) => {
    expect(code(() => planLookupQuery(input, now))).toBe(expected);
  });
});

describe(lookupTokenScope.name, () => {
  it('differs whenever a client-given parameter differs, and not with the clock', () => {
    const a = lookupTokenScope('111122223333', 'us-east-1', { maxResults: 5 });
    expect(lookupTokenScope('111122223333', 'us-east-1', { maxResults: 5 })).toBe(a);
    expect(lookupTokenScope('111122223333', 'us-east-1', { maxResults: 6 })).not.toBe(a);
    expect(lookupTokenScope('111122223333', 'eu-west-1', { maxResults: 5 })).not.toBe(a);
  });
});
