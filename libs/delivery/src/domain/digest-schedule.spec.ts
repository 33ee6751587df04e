import { boundaryAfter, dueDigestIntervals } from './digest-schedule';

const HOUR = 3_600_000;
const at = (iso: string): Date => new Date(iso);

describe('dueDigestIntervals', () => {
  it('owes nothing before the first boundary', () => {
    const due = dueDigestIntervals(
      { nextStart: at('2026-01-01T10:20:00Z'), endsAt: null },
      at('2026-01-01T10:59:59Z'),
      HOUR,
      10,
    );
    expect(due).toEqual({ intervals: [], ends: false });
  });

  it('starts the chain where validation started and aligns the rest to the interval', () => {
    const due = dueDigestIntervals(
      { nextStart: at('2026-01-01T10:20:07Z'), endsAt: null },
      at('2026-01-01T12:00:00Z'),
      HOUR,
      10,
    );
    expect(due.intervals).toEqual([
      { start: at('2026-01-01T10:20:07Z'), end: at('2026-01-01T11:00:00Z') },
      { start: at('2026-01-01T11:00:00Z'), end: at('2026-01-01T12:00:00Z') },
    ]);
    expect(due.ends).toBe(false);
  });

  it('catches up interval by interval, at most max at a time', () => {
    const due = dueDigestIntervals(
      { nextStart: at('2026-01-01T00:00:00Z'), endsAt: null },
      at('2026-01-02T00:00:00Z'),
      HOUR,
      5,
    );
    expect(due.intervals).toHaveLength(5);
    expect(due.intervals[4]).toEqual({ start: at('2026-01-01T04:00:00Z'), end: at('2026-01-01T05:00:00Z') });
  });

  it('ends with a final digest up to the end, milliseconds dropped', () => {
    const due = dueDigestIntervals(
      { nextStart: at('2026-01-01T10:00:00Z'), endsAt: at('2026-01-01T11:30:05.900Z') },
      at('2026-01-01T11:31:00Z'),
      HOUR,
      10,
    );
    expect(due).toEqual({
      intervals: [
        { start: at('2026-01-01T10:00:00Z'), end: at('2026-01-01T11:00:00Z') },
        { start: at('2026-01-01T11:00:00Z'), end: at('2026-01-01T11:30:05Z') },
      ],
      ends: true,
    });
  });

  it('ends on a boundary without an empty extra digest', () => {
    const due = dueDigestIntervals(
      { nextStart: at('2026-01-01T10:00:00Z'), endsAt: at('2026-01-01T11:00:00Z') },
      at('2026-01-01T12:00:00Z'),
      HOUR,
      10,
    );
    expect(due.intervals).toEqual([{ start: at('2026-01-01T10:00:00Z'), end: at('2026-01-01T11:00:00Z') }]);
    expect(due.ends).toBe(true);
  });

  it('ends without a digest when less than a second is left to cover', () => {
    const due = dueDigestIntervals(
      { nextStart: at('2026-01-01T10:00:00Z'), endsAt: at('2026-01-01T10:00:00.700Z') },
      at('2026-01-01T10:00:01Z'),
      HOUR,
      10,
    );
    expect(due).toEqual({ intervals: [], ends: true });
  });
});

describe('interval arithmetic', () => {
  it('finds the next boundary strictly after a time', () => {
    expect(boundaryAfter(at('2026-01-01T10:00:00Z'), 5_000)).toEqual(at('2026-01-01T10:00:05Z'));
    expect(boundaryAfter(at('2026-01-01T10:00:04.999Z'), 5_000)).toEqual(at('2026-01-01T10:00:05Z'));
  });
});
