import { firstKeyValidity, KEY_VALIDITY_OVERLAP_MS, keySigningAt, nextKeyValidity } from './key-rotation';

const DAY = 24 * 60 * 60 * 1000;
const launchedAt = new Date('2025-01-01T00:00:00Z');
const at = (days: number): Date => new Date(launchedAt.getTime() + days * DAY);

describe(firstKeyValidity.name, () => {
  it('starts when the Region was launched and signs for one rotation period', () => {
    expect(firstKeyValidity(launchedAt, at(3), 30)).toEqual({
      generation: 0,
      validFrom: launchedAt,
      signsUntil: at(30),
      validUntil: new Date(at(30).getTime() + KEY_VALIDITY_OVERLAP_MS),
    });
  });

  it('covers a moment before the launch from that moment on', () => {
    expect(firstKeyValidity(launchedAt, at(-2), 30).validFrom).toEqual(at(-2));
  });
});

describe(nextKeyValidity.name, () => {
  const first = firstKeyValidity(launchedAt, at(0), 30);

  it('starts when the previous key stops signing and stays valid a day longer than it signs', () => {
    const next = nextKeyValidity(first, at(31), 30);
    expect(next).toMatchObject({ generation: 1, validFrom: at(30), signsUntil: at(60) });
    expect(next.validUntil.getTime() - next.signsUntil.getTime()).toBe(DAY);
    expect(first.validUntil > next.validFrom).toBe(true);
  });

  it('covers idle rotation periods with one key that signs the requested moment', () => {
    const next = nextKeyValidity(first, at(95), 30);
    expect(next).toMatchObject({ generation: 1, validFrom: at(30), signsUntil: at(120) });
  });

  it('covers the boundary instant itself', () => {
    expect(nextKeyValidity(first, at(30), 30).signsUntil).toEqual(at(60));
  });
});

describe(keySigningAt.name, () => {
  const first = firstKeyValidity(launchedAt, at(0), 30);
  const second = nextKeyValidity(first, at(40), 30);

  it('picks the key whose signing period holds the moment, the next one from its start', () => {
    expect(keySigningAt([first, second], at(29.9))).toBe(first);
    expect(keySigningAt([first, second], at(30))).toBe(second);
  });

  it('has no key yet past the last one, and the first one before the launch', () => {
    expect(keySigningAt([first, second], at(60))).toBeUndefined();
    expect(keySigningAt([first, second], at(-1))).toBe(first);
  });
});
