import { generateKeyPairSync } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { type DigestLink } from '../domain/digest-document';
import { type DigestScope, digestObjectKey } from '../domain/digest-scope';
import { digestStringToSign, sha256Hex, signDigestString } from '../domain/digest-signature';
import { publicKeyFingerprint } from '../domain/public-key';
import { createSignedDigest, type SignedDigest } from '../domain/signed-digest';
import { type IntegrityObjectReader, type StoredObject, type VerificationPublicKey } from './integrity-ports';
import { validateLogs } from './validate-logs';
import { renderValidateLogsOutput } from './validate-logs-output';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeyDer = publicKey.export({ type: 'pkcs1', format: 'der' });
const key = { fingerprint: publicKeyFingerprint(publicKeyDer), privateKey };
const at = (iso: string): Date => new Date(iso);

const scope: DigestScope = {
  accountId: '111122223333',
  bucket: 'logs',
  keyPrefix: null,
  organizationId: null,
  trailName: 'main',
  homeRegion: 'us-east-1',
  region: 'us-east-1',
};

class Objects implements IntegrityObjectReader {
  readonly items = new Map<string, StoredObject>();

  put(bucket: string, objectKey: string, body: Buffer, metadata: Record<string, string> = {}): void {
    this.items.set(`${bucket}/${objectKey}`, { body, metadata });
  }

  async *list(bucket: string, prefix: string, startAfter: string): AsyncIterable<string> {
    const keys = [...this.items.keys()]
      .filter((path) => path.startsWith(`${bucket}/`))
      .map((path) => path.slice(bucket.length + 1))
      .filter((objectKey) => objectKey.startsWith(prefix) && objectKey > startAfter);
    yield* keys.sort();
  }

  async get(bucket: string, objectKey: string): Promise<StoredObject | null> {
    return this.items.get(`${bucket}/${objectKey}`) ?? null;
  }
}

/** Hourly digests ending at each of `ends`, each over one log file, stored in `objects`. */
function writeChain(objects: Objects, ends: string[], chainScope: DigestScope = scope): SignedDigest[] {
  let previous: DigestLink | null = null;
  let start = new Date(at(ends[0]).getTime() - 3600_000);
  return ends.map((end) => {
    const content = Buffer.from(`{"Records":[{"eventTime":"${end}"}]}`);
    const logKey = `AWSLogs/${chainScope.accountId}/CloudTrail/us-east-1/log-${end}.json.gz`;
    objects.put(chainScope.bucket, logKey, gzipSync(content));
    const digest = createSignedDigest(
      {
        scope: chainScope,
        startTime: start,
        endTime: at(end),
        previous,
        logFiles: [
          {
            bucket: chainScope.bucket,
            key: logKey,
            sha256: sha256Hex(content),
            newestEventTime: at(end),
            oldestEventTime: at(end),
          },
        ],
      },
      key,
    );
    objects.put(digest.bucket, digest.key, digest.body, { ...digest.metadata });
    [previous, start] = [digest.link, at(end)];
    return digest;
  });
}

const request = { scope, startTime: at('2025-05-01T10:00:00Z'), endTime: at('2025-05-01T13:00:00Z') };
const keys = (served: VerificationPublicKey[] = [{ fingerprint: key.fingerprint, publicKeyDer }]) => ({
  list: async () => served,
});

describe(validateLogs.name, () => {
  it('walks from the newest digest back, checking each digest then its log files', async () => {
    const objects = new Objects();
    const chain = writeChain(objects, [
      '2025-05-01T11:00:00Z',
      '2025-05-01T12:00:00Z',
      '2025-05-01T13:00:00Z',
    ]);
    const report = await validateLogs(request, { objects, publicKeys: keys() });
    expect(report.valid).toBe(true);
    expect(
      report.entries.map((entry) => ('key' in entry ? `${entry.kind} ${entry.verdict}` : entry.kind)),
    ).toEqual(['digest valid', 'log valid', 'digest valid', 'log valid', 'digest valid', 'log valid']);
    expect(report.entries[0]).toMatchObject({
      key: chain[2].key,
      line: `Digest file\ts3://logs/${chain[2].key}\tvalid`,
    });
    expect(report.found).toEqual({ start: at('2025-05-01T10:00:00Z'), end: at('2025-05-01T13:00:00Z') });
    expect(report.digests).toEqual({ valid: 3, invalid: 0 });
    expect(report.linkMismatches).toEqual([]);
  });

  it('notes a digest replaced by another one signed for its key, which the CLI accepts', async () => {
    const objects = new Objects();
    const [first, second] = writeChain(objects, ['2025-05-01T11:00:00Z', '2025-05-01T12:00:00Z']);
    const replacement = createSignedDigest(
      {
        scope,
        startTime: at('2025-05-01T10:00:00Z'),
        endTime: at('2025-05-01T11:00:00Z'),
        previous: null,
        logFiles: [],
      },
      key,
    );
    expect(replacement.key).toBe(first.key);
    objects.put(replacement.bucket, replacement.key, replacement.body, { ...replacement.metadata });
    const report = await validateLogs(request, { objects, publicKeys: keys() });
    expect(report.valid).toBe(true);
    expect(report.linkMismatches).toEqual([
      { bucket: 'logs', key: first.key, linkedFromKey: second.key, mismatch: 'hash' },
    ]);
  });

  it('reports a digest without signature metadata as failing signature verification', async () => {
    const objects = new Objects();
    const [digest] = writeChain(objects, ['2025-05-01T11:00:00Z']);
    objects.put(digest.bucket, digest.key, digest.body, { signature: digest.signature });
    const report = await validateLogs(request, { objects, publicKeys: keys() });
    expect(report.entries).toEqual([
      expect.objectContaining({ status: 'invalid', verdict: 'INVALID: signature verification failed' }),
    ]);
    expect(renderValidateLogsOutput(report, { trailArn: 'arn', verbose: false }).exitCode).toBe(1);
  });

  it('reports a digest that is not gzip as invalid format', async () => {
    const objects = new Objects();
    const [digest] = writeChain(objects, ['2025-05-01T11:00:00Z']);
    objects.put(digest.bucket, digest.key, digest.uncompressed, { ...digest.metadata });
    const report = await validateLogs(request, { objects, publicKeys: keys() });
    expect(report.entries).toEqual([
      expect.objectContaining({ reason: 'invalid-format', verdict: 'INVALID: invalid format' }),
    ]);
  });

  it('reports a key served as SubjectPublicKeyInfo as not loadable as PKCS #1', async () => {
    const objects = new Objects();
    writeChain(objects, ['2025-05-01T11:00:00Z']);
    const spki = publicKey.export({ type: 'spki', format: 'der' });
    const report = await validateLogs(request, {
      objects,
      publicKeys: keys([{ fingerprint: key.fingerprint, publicKeyDer: spki }]),
    });
    expect(report.entries[0]).toMatchObject({
      verdict: `INVALID: Unable to load PKCS #1 key with fingerprint ${key.fingerprint}`,
    });
  });

  it('stops without verdicts when ListPublicKeys returns nothing, as the CLI does (exit 255)', async () => {
    const objects = new Objects();
    writeChain(objects, ['2025-05-01T11:00:00Z']);
    const report = await validateLogs(request, { objects, publicKeys: keys([]) });
    expect(report.abortedWith).toBe(
      'No public keys found between 2025-05-01T10:00:00Z and 2025-05-01T15:00:00Z',
    );
    expect(renderValidateLogsOutput(report, { trailArn: 'arn', verbose: true })).toEqual({
      stdout: 'Validating log files for trail arn between 2025-05-01T10:00:00Z and 2025-05-01T13:00:00Z\n\n',
      stderr: '\nNo public keys found between 2025-05-01T10:00:00Z and 2025-05-01T15:00:00Z\n',
      exitCode: 255,
    });
  });

  it('says "No digests found" for a range without digests', async () => {
    const report = await validateLogs(request, { objects: new Objects(), publicKeys: keys() });
    expect(renderValidateLogsOutput(report, { trailArn: 'arn', verbose: false }).stdout).toBe(
      'Validating log files for trail arn between 2025-05-01T10:00:00Z and 2025-05-01T13:00:00Z\n\n' +
        'Results requested for 2025-05-01T10:00:00Z to 2025-05-01T13:00:00Z\nNo digests found\n',
    );
  });

  it('follows the chain into the bucket the previous digest names', async () => {
    const objects = new Objects();
    const [older] = writeChain(objects, ['2025-05-01T11:00:00Z'], { ...scope, bucket: 'old-logs' });
    const newer = createSignedDigest(
      {
        scope,
        startTime: at('2025-05-01T11:00:00Z'),
        endTime: at('2025-05-01T12:00:00Z'),
        previous: older.link,
        logFiles: [],
      },
      key,
    );
    objects.put(newer.bucket, newer.key, newer.body, { ...newer.metadata });
    const report = await validateLogs(request, { objects, publicKeys: keys() });
    expect(
      report.entries.map((entry) => 'key' in entry && `${entry.bucket} ${entry.kind} ${entry.verdict}`),
    ).toEqual(['logs digest valid', 'old-logs digest valid', 'old-logs log valid']);
  });

  it('is stricter than the CLI on a gzip member appended to a log file', async () => {
    const objects = new Objects();
    const [digest] = writeChain(objects, ['2025-05-01T11:00:00Z']);
    const log = digest.document.logFiles[0];
    const stored = (await objects.get(log.s3Bucket, log.s3Object)) as StoredObject;
    objects.put(
      log.s3Bucket,
      log.s3Object,
      Buffer.concat([stored.body, gzipSync('{"Records":[{"forged":1}]}')]),
    );
    const report = await validateLogs(request, { objects, publicKeys: keys() });
    expect(report.entries[1]).toMatchObject({ kind: 'log', verdict: "INVALID: hash value doesn't match" });
  });

  describe('backfill digests', () => {
    function writeBackfill(objects: Objects, metadata: Record<string, string>): string {
      const backfillKey = digestObjectKey(scope, at('2025-05-01T12:00:00Z')).replace(
        '.json.gz',
        '_backfill.json.gz',
      );
      const document = {
        digestStartTime: '2025-05-01T11:00:00Z',
        digestEndTime: '2025-05-01T12:00:00Z',
        digestS3Bucket: 'logs',
        digestS3Object: backfillKey,
        digestPublicKeyFingerprint: key.fingerprint,
        previousDigestSignature: null,
        logFiles: [],
      };
      const uncompressed = Buffer.from(JSON.stringify(document));
      const signature = signDigestString(digestStringToSign(document, uncompressed), privateKey);
      objects.put('logs', backfillKey, gzipSync(uncompressed), {
        signature,
        'signature-algorithm': 'SHA256withRSA',
        ...metadata,
      });
      return backfillKey;
    }

    it('validates them after the regular chain with the keys around their generation time', async () => {
      const objects = new Objects();
      const backfillKey = writeBackfill(objects, { 'backfill-generation-timestamp': '2025-06-01T00:00:00Z' });
      const ranges: unknown[] = [];
      const report = await validateLogs(request, {
        objects,
        publicKeys: {
          list: async (_, range) => (ranges.push(range), [{ fingerprint: key.fingerprint, publicKeyDer }]),
        },
      });
      expect(report.entries).toEqual([
        expect.objectContaining({ kind: 'backfill-digest', key: backfillKey, status: 'valid' }),
      ]);
      expect(report.entries[0]).toMatchObject({
        line: `(backfill) Digest file\ts3://logs/${backfillKey}\tvalid`,
      });
      expect(ranges[1]).toEqual({ start: at('2025-05-31T23:00:00Z'), end: at('2025-06-01T01:00:00Z') });
      expect(renderValidateLogsOutput(report, { trailArn: 'arn', verbose: false }).stdout).toContain(
        '\n1/1 backfill digest files valid\n',
      );
    });

    it('reports one without its generation timestamp as invalid format', async () => {
      const objects = new Objects();
      writeBackfill(objects, {});
      const report = await validateLogs(request, { objects, publicKeys: keys() });
      expect(report.backfillDigests).toEqual({ valid: 0, invalid: 1 });
      expect(report.entries[0]).toMatchObject({ verdict: 'INVALID: invalid format' });
    });
  });
});
