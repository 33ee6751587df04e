import { CreateBucketCommand, CreateMultipartUploadCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from '../storage/support/s3-clients';
import { assertNoFailures, prototypePollution } from './support/fuzz-harness';
import { fuzzTimeoutMs } from './support/fuzz-settings';
import { startFuzzSuite, type FuzzSuite } from './support/fuzz-suite';
import { s3Calls } from './support/s3-calls';
import { S3_TARGETS } from './support/s3-targets';

/**
 * Hostile input on the object store's S3 protocol: every S3 operation gets random and adversarial
 * paths (bucket names, keys, raw percent-escapes), subresources, upload ids, headers (payload hash forms,
 * Content-MD5, ranges, metadata) and bodies (bytes, aws-chunked framing, XML, policies) from valid
 * callers of several accounts. Never a 5xx; every error an S3 `<Error>` document with the request
 * id; HEAD answers without a body; nothing written by a refused call; no prototype polluted. (What S3
 * itself answers 501 NotImplemented — CopyObject, SigV4a streaming, other subresources — is not sent.)
 */
let suite: FuzzSuite;
const BUCKET = 'fuzz-store';
const KEYS = ['AWSLogs/a.json.gz', 'note.txt'];
const uploadIds: string[] = [];

beforeAll(async () => {
  suite = await startFuzzSuite(async (app, world) => {
    const s3 = s3Client(app, world.standalone);
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    for (const key of KEYS) await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: key }));
    const created = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: KEYS[0] }));
    uploadIds.push(created.UploadId!);
    s3.destroy();
  });
}, 120_000);
afterAll(() => suite?.close());

describe('every S3 operation, fuzzed', () => {
  it(
    'answers hostile requests with S3 error documents, never with a 5xx, writes nothing when it refuses',
    async () => {
      const identities = suite.world.identities;
      const context = {
        identities: [
          ...identities.filter((identity) => identity.name === 'standalone'),
          ...identities.filter((identity) => identity.name !== 'standalone'),
        ],
        buckets: [BUCKET],
        keys: KEYS,
        uploadIds,
      };
      const failures = await suite.harness.runProperties(
        S3_TARGETS.map((target) => ({
          key: target.key,
          readOnly: target.readOnly,
          calls: s3Calls(target, context),
        })),
      );
      suite.harness.report();
      assertNoFailures([...failures, ...suite.harness.violations]);
      expect(prototypePollution()).toEqual([]);
    },
    fuzzTimeoutMs(),
  );
});
