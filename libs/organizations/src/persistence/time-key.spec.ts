import { formatTimeKey, parseTimeKey } from './time-key';

describe(parseTimeKey.name, () => {
  it('reads back what formatTimeKey wrote', () => {
    const key = { at: new Date('2025-03-01T12:34:56.789Z'), id: 'h-abcdefgh' };
    expect(parseTimeKey(formatTimeKey(key))).toEqual(key);
  });

  it.each(['', 'h-abc', 'not-a-date|h-abc', '2025-03-01T00:00:00Z|a|b'])('rejects %p', (position) => {
    expect(parseTimeKey(position)).toBeUndefined();
  });
});
