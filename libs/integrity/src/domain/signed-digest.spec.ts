import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { type DigestFacts } from './digest-document';
import { type DigestScope } from './digest-scope';
import { sha256Hex } from './digest-signature';
import { InvalidDigestInputError } from './integrity.errors';
import { publicKeyFingerprint } from './public-key';
import { createSignedDigest } from './signed-digest';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeyDer = publicKey.export({ type: 'pkcs1', format: 'der' });
const signingKey = { fingerprint: publicKeyFingerprint(publicKeyDer), privateKey };

const scope: DigestScope = {
  accountId: '111122223333',
  bucket: 'trail-logs',
  keyPrefix: 'audit',
  organizationId: null,
  trailName: 'main',
  homeRegion: 'us-east-1',
  region: 'us-east-1',
};
const logKey =
  'audit/AWSLogs/111122223333/CloudTrail/us-east-1/2025/08/17/111122223333_CloudTrail_us-east-1_20250817T1445Z_9nYN7gp2eWAJHIfT.json.gz';
const facts: DigestFacts = {
  scope,
  startTime: new Date('2025-08-17T14:01:31Z'),
  endTime: new Date('2025-08-17T15:01:31Z'),
  previous: null,
  logFiles: [
    {
      bucket: 'trail-logs',
      key: logKey,
      sha256: sha256Hex(Buffer.from('{"Records":[]}')),
      newestEventTime: new Date('2025-08-17T14:52:27.512Z'),
      oldestEventTime: new Date('2025-08-17T14:42:27Z'),
    },
  ],
};

describe(createSignedDigest.name, () => {
  const sut = createSignedDigest(facts, signingKey);

  it("writes CloudTrail's members in CloudTrail's order, first digest with null links", () => {
    const digestKey =
      'audit/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2025/08/17/111122223333_CloudTrail-Digest_us-east-1_main_us-east-1_20250817T150131Z.json.gz';
    expect(sut.key).toBe(digestKey);
    expect(sut.uncompressed.toString('utf8')).toBe(
      JSON.stringify({
        awsAccountId: '111122223333',
        digestStartTime: '2025-08-17T14:01:31Z',
        digestEndTime: '2025-08-17T15:01:31Z',
        digestS3Bucket: 'trail-logs',
        digestS3Object: digestKey,
        digestPublicKeyFingerprint: signingKey.fingerprint,
        digestSignatureAlgorithm: 'SHA256withRSA',
        newestEventTime: '2025-08-17T14:52:27Z',
        oldestEventTime: '2025-08-17T14:42:27Z',
        previousDigestS3Bucket: null,
        previousDigestS3Object: null,
        previousDigestHashValue: null,
        previousDigestHashAlgorithm: null,
        previousDigestSignature: null,
        logFiles: [
          {
            s3Bucket: 'trail-logs',
            s3Object: logKey,
            hashValue: facts.logFiles[0].sha256,
            hashAlgorithm: 'SHA-256',
            newestEventTime: '2025-08-17T14:52:27Z',
            oldestEventTime: '2025-08-17T14:42:27Z',
          },
        ],
      }),
    );
    expect(gunzipSync(sut.body)).toEqual(sut.uncompressed);
  });

  it('signs end time, location, hash of the uncompressed bytes and "null" with SHA256withRSA', () => {
    expect(sut.stringToSign).toBe(
      `2025-08-17T15:01:31Z\ntrail-logs/${sut.key}\n${sha256Hex(sut.uncompressed)}\nnull`,
    );
    const pkcs1 = createPublicKey({ key: publicKeyDer, format: 'der', type: 'pkcs1' });
    expect(verify('sha256', Buffer.from(sut.stringToSign), pkcs1, Buffer.from(sut.signature, 'hex'))).toBe(
      true,
    );
    expect(sut.metadata).toEqual({ signature: sut.signature, 'signature-algorithm': 'SHA256withRSA' });
  });

  it('links the next digest to this one and signs over the previous signature', () => {
    const next = createSignedDigest(
      {
        ...facts,
        startTime: facts.endTime,
        endTime: new Date('2025-08-17T16:01:31Z'),
        previous: sut.link,
        logFiles: [],
      },
      signingKey,
    );
    expect(next.document).toMatchObject({
      newestEventTime: null,
      oldestEventTime: null,
      logFiles: [],
      previousDigestS3Bucket: 'trail-logs',
      previousDigestS3Object: sut.key,
      previousDigestHashValue: sha256Hex(sut.uncompressed),
      previousDigestHashAlgorithm: 'SHA-256',
      previousDigestSignature: sut.signature,
    });
    expect(next.stringToSign.endsWith(`\n${sut.signature}`)).toBe(true);
  });

  it('does not verify once the content, the location or the previous signature changes', () => {
    const tampered = [
      sut.stringToSign.replace(sha256Hex(sut.uncompressed), sha256Hex(Buffer.from('other'))),
      sut.stringToSign.replace('trail-logs/', 'other-bucket/'),
      sut.stringToSign.replace(/null$/, 'ab'),
    ];
    for (const text of tampered) {
      expect(verify('sha256', Buffer.from(text), publicKey, Buffer.from(sut.signature, 'hex'))).toBe(false);
    }
  });

  it('refuses an empty interval and hashes that are not lowercase hex', () => {
    expect(() => createSignedDigest({ ...facts, endTime: facts.startTime }, signingKey)).toThrow(
      InvalidDigestInputError,
    );
    const upper = { ...facts.logFiles[0], sha256: facts.logFiles[0].sha256.toUpperCase() };
    expect(() => createSignedDigest({ ...facts, logFiles: [upper] }, signingKey)).toThrow(
      InvalidDigestInputError,
    );
  });
});
