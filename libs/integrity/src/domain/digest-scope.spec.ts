import { type DigestScope, digestKeyPattern, digestKeyTimestamp, digestObjectKey } from './digest-scope';

const scope: DigestScope = {
  accountId: '111122223333',
  bucket: 'trail-logs',
  keyPrefix: null,
  organizationId: null,
  trailName: 'audit',
  homeRegion: 'us-east-1',
  region: 'eu-west-1',
};
const end = new Date('2025-08-17T15:01:31.999Z');

describe(digestObjectKey.name, () => {
  it('names the digest by its Region, trail, home Region and end time to the second', () => {
    expect(digestObjectKey(scope, end)).toBe(
      'AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2025/08/17/111122223333_CloudTrail-Digest_eu-west-1_audit_us-east-1_20250817T150131Z.json.gz',
    );
  });

  it('puts the key prefix first and the organization id before the account', () => {
    expect(digestObjectKey({ ...scope, keyPrefix: 'org/logs', organizationId: 'o-abc123defg' }, end)).toBe(
      'org/logs/AWSLogs/o-abc123defg/111122223333/CloudTrail-Digest/eu-west-1/2025/08/17/111122223333_CloudTrail-Digest_eu-west-1_audit_us-east-1_20250817T150131Z.json.gz',
    );
  });

  it('dates the folders by the end time in UTC', () => {
    expect(digestObjectKey(scope, new Date('2025-12-31T23:59:59Z'))).toContain('/2025/12/31/');
    expect(digestObjectKey(scope, new Date('2026-01-01T00:00:00Z'))).toContain(
      '/2026/01/01/111122223333_CloudTrail-Digest_eu-west-1_audit_us-east-1_20260101T000000Z.json.gz',
    );
  });
});

describe(digestKeyTimestamp.name, () => {
  it('reads the 16 characters before .json.gz, or before _backfill.json.gz', () => {
    const key = digestObjectKey(scope, end);
    expect(digestKeyTimestamp(key)).toBe('20250817T150131Z');
    expect(digestKeyTimestamp(key.replace('.json.gz', '_backfill.json.gz'))).toBe('20250817T150131Z');
  });
});

describe(digestKeyPattern.name, () => {
  it("matches this chain's keys only", () => {
    const pattern = digestKeyPattern(scope);
    const key = digestObjectKey(scope, end);
    expect(pattern.test(key)).toBe(true);
    expect(pattern.test(key.replace('.json.gz', '_backfill.json.gz'))).toBe(true);
    expect(pattern.test(digestObjectKey({ ...scope, trailName: 'other' }, end))).toBe(false);
    expect(pattern.test(digestObjectKey({ ...scope, homeRegion: 'us-west-2' }, end))).toBe(false);
    expect(pattern.test(`x/${key}`)).toBe(false);
    expect(pattern.test(key.replace('CloudTrail-Digest/', 'CloudTrail/'))).toBe(false);
  });
});
