import { publicKeyFingerprint, publicKeyRange, validityOverlaps } from './public-key';

/** A key AWS published with its fingerprint (aws-cli's list-public-keys example). */
const AWS_PUBLISHED_KEY =
  'MIIBCgKCAQEAlSS3cl92HDycr/MTj0moOhas8habjrraXw+KzlWF0axSI2tcF+3iJ9BKQAVSKxGwxwu3m0wG3J+kUl1xboEcEPHYoIYMbgfSw7KGnuDKwkLzsQWhUJ0cIbOHASox1vv/5fNXkrHhGbDCHeVXm804c83nvHUEFYThr1PfyP/8HwrCtR3FX5OANtQCP61C1nJtSSkC8JSQUOrIP4CuwJjc+4WGDk+BGH5m9iuiAKkipEHWmUl8/P7XpfpWQuk4h8g3pXZOrNXr08lbh4d39svj7UqdhvOXoBISp9t/EXYuePGEtBdrKD9Dz+VHwyUPtBQvYr9BnkF88qBnaPNhS44rzwIDAQAB';

describe(publicKeyFingerprint.name, () => {
  it('is the lowercase hex MD5 of the PKCS#1 DER bytes, as AWS publishes it', () => {
    expect(publicKeyFingerprint(Buffer.from(AWS_PUBLISHED_KEY, 'base64'))).toBe(
      '7f3f401420072e50a65a141430817ab3',
    );
  });
});

describe(publicKeyRange.name, () => {
  const now = new Date('2025-03-01T12:00:00Z');

  it('defaults both bounds to now, so no range asks for the current key', () => {
    expect(publicKeyRange({}, now)).toEqual({ start: now, end: now });
  });

  it('accepts an end in the future, as the validator sends it', () => {
    const end = new Date('2025-03-01T14:00:00Z');
    expect(publicKeyRange({ startTime: new Date('2025-02-01T00:00:00Z'), endTime: end }, now).end).toBe(end);
  });

  it('refuses a start after the end with InvalidTimeRangeException', () => {
    expect(() => publicKeyRange({ startTime: new Date('2025-03-02T00:00:00Z') }, now)).toThrow(
      expect.objectContaining({ code: 'InvalidTimeRangeException' }),
    );
  });
});

describe(validityOverlaps.name, () => {
  const key = {
    validityStartTime: new Date('2025-01-01T00:00:00Z'),
    validityEndTime: new Date('2025-01-31T00:00:00Z'),
  };

  it.each([
    ['inside', '2025-01-10T00:00:00Z', '2025-01-11T00:00:00Z', true],
    ['ending at the key start', '2024-12-01T00:00:00Z', '2025-01-01T00:00:00Z', true],
    ['starting at the key end', '2025-01-31T00:00:00Z', '2025-02-10T00:00:00Z', true],
    ['before', '2024-12-01T00:00:00Z', '2024-12-31T23:59:59Z', false],
    ['after', '2025-01-31T00:00:01Z', '2025-02-10T00:00:00Z', false],
  ])('%s the validity → %s', (_, start, end, expected) => {
    expect(validityOverlaps(key, { start: new Date(start), end: new Date(end) })).toBe(expected);
  });
});
