import {
  assertObjectKey,
  assertObjectSize,
  MAX_KEY_BYTES,
  MAX_OBJECT_SIZE,
  normalizeUserMetadata,
} from './object-limits';

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('assertObjectKey', () => {
  it('accepts keys up to 1024 UTF-8 bytes, whatever characters they hold', () => {
    expect(codeOf(() => assertObjectKey('a'.repeat(MAX_KEY_BYTES)))).toBeUndefined();
    expect(codeOf(() => assertObjectKey('é'.repeat(512)))).toBeUndefined();
    expect(codeOf(() => assertObjectKey(' spaces/%_\u{1F600}//x '))).toBeUndefined();
  });

  it('counts bytes, not characters: 513 two-byte characters are too long', () => {
    expect(codeOf(() => assertObjectKey('é'.repeat(513)))).toBe('KeyTooLongError');
    expect(codeOf(() => assertObjectKey('a'.repeat(MAX_KEY_BYTES + 1)))).toBe('KeyTooLongError');
  });

  it('rejects the empty key, NUL and lone surrogates with InvalidArgument', () => {
    expect(codeOf(() => assertObjectKey(''))).toBe('InvalidArgument');
    expect(codeOf(() => assertObjectKey('a\0b'))).toBe('InvalidArgument');
    expect(codeOf(() => assertObjectKey('a\uD800b'))).toBe('InvalidArgument');
  });
});

describe('assertObjectSize', () => {
  it('allows 64 MiB and refuses one byte more with EntityTooLarge', () => {
    expect(codeOf(() => assertObjectSize(MAX_OBJECT_SIZE))).toBeUndefined();
    expect(codeOf(() => assertObjectSize(MAX_OBJECT_SIZE + 1))).toBe('EntityTooLarge');
  });
});

describe('normalizeUserMetadata', () => {
  it('lower-cases names and keeps values', () => {
    expect(normalizeUserMetadata({ 'Signature-Algorithm': 'SHA256withRSA' })).toEqual({
      'signature-algorithm': 'SHA256withRSA',
    });
  });

  it('refuses more than 2 KB of names and values with MetadataTooLarge', () => {
    expect(codeOf(() => normalizeUserMetadata({ a: 'x'.repeat(2047) }))).toBeUndefined();
    expect(codeOf(() => normalizeUserMetadata({ a: 'x'.repeat(2048) }))).toBe('MetadataTooLarge');
  });

  it('refuses names and values that cannot travel as headers', () => {
    expect(codeOf(() => normalizeUserMetadata({ 'bad name': 'v' }))).toBe('InvalidArgument');
    expect(codeOf(() => normalizeUserMetadata({ ok: 'line\r\nx-injected: 1' }))).toBe('InvalidArgument');
  });
});
