import { partitionDaysFrom } from './event-partitions';

describe('partitionDaysFrom', () => {
  it('lists UTC days from today through the days ahead, across a month end', () => {
    expect(partitionDaysFrom(new Date('2026-01-30T23:59:59.999Z'), 3)).toEqual([
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
      '2026-02-02',
    ]);
  });

  it('lists only today with no day ahead', () => {
    expect(partitionDaysFrom(new Date('2026-12-07T00:00:00Z'), 0)).toEqual(['2026-12-07']);
  });
});
