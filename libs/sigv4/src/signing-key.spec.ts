import { inspect } from 'node:util';
import { parseSignedRequest } from './parse-signed-request';
import { signRequest } from './sign-request';
import { deriveSigningKey, hmacSha256, SigningKeyCache } from './signing-key';
import { verifySignature } from './verify-signature';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

describe(deriveSigningKey.name, () => {
  it('derives the signing key of the IAM user guide example', () => {
    // "Create a signed AWS API request": kSigning for 20150830/us-east-1/iam.
    expect(deriveSigningKey(SECRET, '20150830', 'us-east-1', 'iam').toString('hex')).toBe(
      'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9',
    );
  });
});

describe(SigningKeyCache.name, () => {
  it('derives a key once per secret, day, Region and service', () => {
    const sut = new SigningKeyCache(10);

    const first = sut.signingKey(SECRET, '20150830', 'us-east-1', 'iam');
    const again = sut.signingKey(SECRET, '20150830', 'us-east-1', 'iam');
    sut.signingKey(SECRET, '20150831', 'us-east-1', 'iam');
    sut.signingKey(SECRET, '20150830', 'eu-west-1', 'iam');
    sut.signingKey(SECRET, '20150830', 'us-east-1', 'cloudtrail');
    sut.signingKey(`${SECRET}x`, '20150830', 'us-east-1', 'iam');

    expect(again).toBe(first);
    expect(first).toEqual(deriveSigningKey(SECRET, '20150830', 'us-east-1', 'iam'));
    expect(sut.size).toBe(5);
  });

  it('keeps each key imported once, as a KeyObject of the same bytes', () => {
    const sut = new SigningKeyCache(10);

    const first = sut.derived(SECRET, '20150830', 'us-east-1', 'iam');
    const again = sut.derived(SECRET, '20150830', 'us-east-1', 'iam');

    expect(again.object).toBe(first.object);
    expect(first.object.export()).toEqual(first.bytes);
    expect(hmacSha256(first.object, 'data')).toEqual(hmacSha256(first.bytes, 'data'));
  });

  it('evicts the least recently used key beyond its bound', () => {
    const sut = new SigningKeyCache(2);
    const a = sut.signingKey('a', '20150830', 'us-east-1', 'iam');
    sut.signingKey('b', '20150830', 'us-east-1', 'iam');
    sut.signingKey('a', '20150830', 'us-east-1', 'iam'); // a is now the most recent
    sut.signingKey('c', '20150830', 'us-east-1', 'iam'); // evicts b

    expect(sut.size).toBe(2);
    expect(sut.signingKey('a', '20150830', 'us-east-1', 'iam')).toBe(a);
  });

  it('shows neither secrets nor derived keys when inspected or serialised', () => {
    const sut = new SigningKeyCache();
    const key = sut.signingKey(SECRET, '20150830', 'us-east-1', 'iam').toString('hex');

    for (const text of [inspect(sut, { depth: 10, showHidden: true }), JSON.stringify(sut)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(key);
    }
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a bound of %p', (bound) => {
    expect(() => new SigningKeyCache(bound)).toThrow(RangeError);
  });
});

describe('the signing key a verified signature answers', () => {
  it('is the key derived for its secret and scope', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const url = new URL('http://127.0.0.1:3000/v1/trails');
    const headers = { host: url.host };
    const signed = signRequest({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: SECRET,
      region: 'us-east-1',
      service: 'trailplane',
      now,
      method: 'GET',
      url,
      headers,
    });
    const request = {
      method: 'GET',
      rawPath: '/v1/trails',
      rawQuery: '',
      headers: Object.fromEntries(
        Object.entries({ ...headers, ...signed }).map(([name, value]) => [name.toLowerCase(), value]),
      ),
      body: Buffer.alloc(0),
    };

    const key = verifySignature(request, parseSignedRequest(request), SECRET, {
      now,
      keyCache: new SigningKeyCache(4),
    });

    expect(key).toEqual(deriveSigningKey(SECRET, '20260301', 'us-east-1', 'trailplane'));
  });
});
