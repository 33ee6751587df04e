import { gzipSync } from 'node:zlib';
import {
  type DigestScope,
  digestObjectKey,
  type PublicKeyRecord,
  renderValidateLogsOutput,
  validateLogs,
  validityOverlaps,
} from '@app/integrity';
import { assertAwsCliSupportsEndpointUrl, type CliRun, runAws } from '../support/aws-cli';
import { type ChainKey, regionKeys, type WrittenChain, writeDigestChain } from './support/digest-chain';
import {
  type FakeAwsEndpoint,
  type FakeTrail,
  type FakeWorld,
  startFakeAwsEndpoint,
} from './support/fake-aws-endpoint';
import { MemoryObjectStore } from './support/memory-object-store';

/**
 * The proof that digests made by @app/integrity satisfy the unmodified `aws cloudtrail
 * validate-logs`, and that the server-side validator says exactly what the CLI says, line for line.
 */
const at = (iso: string): Date => new Date(iso);
const MANAGEMENT = '111122223333';
const MEMBER = '444455556666';
const ORGANIZATION = 'o-a1b2c3d4e5';

const trail: FakeTrail = {
  arn: `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/audit`,
  name: 'audit',
  homeRegion: 'us-east-1',
  bucket: 'audit-logs',
  keyPrefix: 'team/audit',
  isOrganizationTrail: false,
};
const scope: DigestScope = {
  accountId: MANAGEMENT,
  bucket: trail.bucket,
  keyPrefix: trail.keyPrefix,
  organizationId: null,
  trailName: trail.name,
  homeRegion: trail.homeRegion,
  region: 'us-east-1',
};
const orgTrail: FakeTrail = {
  arn: `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/org-audit`,
  name: 'org-audit',
  homeRegion: 'us-east-1',
  bucket: 'org-logs',
  keyPrefix: null,
  isOrganizationTrail: true,
};
const orgScope: DigestScope = {
  accountId: MEMBER,
  bucket: orgTrail.bucket,
  keyPrefix: null,
  organizationId: ORGANIZATION,
  trailName: orgTrail.name,
  homeRegion: orgTrail.homeRegion,
  region: 'eu-west-1',
};

const range = { start: at('2025-01-30T20:30:00Z'), end: at('2025-01-31T01:00:00Z') };
const rangeArgs = ['--start-time', '2025-01-30T20:30:00Z', '--end-time', '2025-01-31T01:00:00Z', '--verbose'];

describe('aws cloudtrail validate-logs on digests made by @app/integrity', () => {
  let usEast1Keys: ChainKey[];
  let euWest1Keys: ChainKey[];
  let pristine: MemoryObjectStore;
  let chain: WrittenChain;
  let world: FakeWorld;
  let endpoint: FakeAwsEndpoint;

  beforeAll(async () => {
    await assertAwsCliSupportsEndpointUrl();
    // us-east-1's key rotates at 2025-01-30T23:00Z, in the middle of the chain below.
    usEast1Keys = await regionKeys(at('2024-12-31T23:00:00Z'), at('2025-02-01T00:00:00Z'), 30);
    euWest1Keys = await regionKeys(at('2025-01-01T00:00:00Z'), at('2025-02-01T00:00:00Z'), 30);
    pristine = new MemoryObjectStore();
    pristine.createBucket(trail.bucket, 'eu-west-1');
    pristine.createBucket(orgTrail.bucket, 'us-east-1');
    chain = writeDigestChain(pristine, scope, usEast1Keys, at('2025-01-30T20:00:00Z'), [
      { end: at('2025-01-30T21:00:00Z'), logFiles: 2 },
      { end: at('2025-01-30T22:00:00Z'), logFiles: 0 },
      { end: at('2025-01-30T23:00:00Z'), logFiles: 1 },
      { end: at('2025-01-31T00:00:00Z'), logFiles: 2 },
      { end: at('2025-01-31T01:00:00Z'), logFiles: 1 },
    ]);
    // Another trail's chain in the same folder, whose name starts with this trail's.
    writeDigestChain(pristine, { ...scope, trailName: 'audit-b' }, usEast1Keys, at('2025-01-30T20:00:00Z'), [
      { end: at('2025-01-30T21:00:00Z'), logFiles: 1 },
      { end: at('2025-01-31T02:00:00Z'), logFiles: 1 },
    ]);
    world = {
      store: pristine,
      trails: [trail, orgTrail],
      publicKeys: new Map([
        ['us-east-1', usEast1Keys],
        ['eu-west-1', euWest1Keys],
      ]),
      organizationId: ORGANIZATION,
    };
    endpoint = await startFakeAwsEndpoint(world, { pageSize: 2 });
  });

  afterAll(() => endpoint?.close());

  beforeEach(() => {
    world.store = pristine.clone();
    world.publicKeys = new Map([
      ['us-east-1', usEast1Keys],
      ['eu-west-1', euWest1Keys],
    ]);
    endpoint.calls.length = 0;
  });

  /** Runs the CLI, and checks the server-side validator prints the very same on the same store. */
  async function validate(
    args: readonly string[] = rangeArgs,
    options: { scope?: DigestScope; trailArn?: string; region?: string } = {},
  ): Promise<CliRun> {
    const trailArn = options.trailArn ?? trail.arn;
    // Only --region picks the Region whose digests are validated: without it the CLI lists the
    // home Region's digests but asks ListPublicKeys in AWS_DEFAULT_REGION.
    const regionArgs = options.region ? ['--region', options.region] : [];
    const run = await runAws(
      ['cloudtrail', 'validate-logs', '--trail-arn', trailArn, ...args, ...regionArgs],
      {
        endpointUrl: endpoint.url,
      },
    );
    const report = await validateLogs(
      { scope: options.scope ?? scope, startTime: range.start, endTime: range.end },
      { objects: world.store, publicKeys: { list: async (region, r) => keysOf(world, region, r) } },
    );
    expect(renderValidateLogsOutput(report, { trailArn, verbose: true })).toEqual({
      stdout: run.stdout,
      stderr: run.stderr,
      exitCode: run.exitCode,
    });
    return run;
  }

  it('finds every digest and log file valid across an empty interval and a key rotation', async () => {
    const run = await validate();
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    for (const digest of chain.digests) {
      expect(run.stdout).toContain(`Digest file\ts3://${digest.bucket}/${digest.key}\tvalid`);
    }
    for (const log of chain.logFiles)
      expect(run.stdout).toContain(`Log file\ts3://${log.bucket}/${log.key}\tvalid`);
    expect(run.stdout).toContain('Results found for 2025-01-30T20:30:00Z to 2025-01-31T01:00:00Z:');
    expect(run.stdout).toContain('\n5/5 digest files valid\n6/6 log files valid\n');
    expect(new Set(chain.digests.map((d) => d.document.digestPublicKeyFingerprint)).size).toBe(2);
    // The CLI paged through ListObjects v1 (2 keys a page) and asked keys up to end + 2 h.
    expect(endpoint.calls.filter((call) => call.startsWith('ListObjects')).length).toBeGreaterThan(2);
    expect(endpoint.calls).toContain(
      'ListPublicKeys us-east-1 {"StartTime": 1738269000, "EndTime": 1738292400}',
    );
  });

  it('reports a changed log file: hash value does not match', async () => {
    const log = chain.digests[3].document.logFiles[0];
    world.store.put(log.s3Bucket, log.s3Object, gzipSync('{"Records":[{"eventName":"Forged"}]}'));
    const run = await validate();
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(
      `Log file\ts3://${log.s3Bucket}/${log.s3Object}\tINVALID: hash value doesn't match`,
    );
    expect(run.stdout).toContain('5/5 digest files valid\n5/6 log files valid, 1/6 log files INVALID');
  });

  it('reports a deleted log file: not found', async () => {
    const log = chain.digests[0].document.logFiles[1];
    world.store.delete(log.s3Bucket, log.s3Object);
    const run = await validate();
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`Log file\ts3://${log.s3Bucket}/${log.s3Object}\tINVALID: not found`);
  });

  it('reports a changed digest: signature verification failed, and goes on with the older ones', async () => {
    const digest = chain.digests[1];
    const forged = { ...digest.document, logFiles: [] as unknown[], newestEventTime: '2025-01-30T21:30:00Z' };
    world.store.put(digest.bucket, digest.key, gzipSync(JSON.stringify(forged)), { ...digest.metadata });
    const run = await validate();
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `\nDigest file\ts3://${digest.bucket}/${digest.key}\tINVALID: signature verification failed\n\n`,
    );
    expect(run.stdout).toContain(
      `Digest file\ts3://${chain.digests[0].bucket}/${chain.digests[0].key}\tvalid`,
    );
    expect(run.stdout).toContain('4/5 digest files valid, 1/5 digest files INVALID');
  });

  it('reports a deleted digest: not found', async () => {
    const digest = chain.digests[2];
    world.store.delete(digest.bucket, digest.key);
    const run = await validate();
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(`\nDigest file\ts3://${digest.bucket}/${digest.key}\tINVALID: not found\n\n`);
  });

  it('reports a digest copied to another key: moved from its original location', async () => {
    const digest = chain.digests[4];
    const copyKey = digestObjectKey(scope, at('2025-01-31T01:30:00Z'));
    world.store.put(digest.bucket, copyKey, digest.body, { ...digest.metadata });
    const run = await validate();
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `Digest file\ts3://${digest.bucket}/${copyKey}\tINVALID: has been moved from its original location\n\n`,
    );
    expect(run.stdout).toContain('5/6 digest files valid, 1/6 digest files INVALID');
  });

  it('reports a backfill digest without its generation timestamp: invalid format', async () => {
    const digest = chain.digests[2];
    const backfillKey = digest.key.replace('.json.gz', '_backfill.json.gz');
    world.store.put(digest.bucket, backfillKey, digest.body, { ...digest.metadata });
    const run = await validate();
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `\n(backfill) Digest file\ts3://${digest.bucket}/${backfillKey}\tINVALID: invalid format\n\n`,
    );
    expect(run.stdout).toContain(
      '5/5 digest files valid\n0/1 backfill digest files valid, 1/1 backfill digest files INVALID',
    );
  });

  it('reports digests whose key ListPublicKeys does not return: public key not found', async () => {
    world.publicKeys = new Map([['us-east-1', usEast1Keys.slice(1)]]);
    const run = await validate();
    expect(run.exitCode).toBe(1);
    for (const digest of chain.digests.slice(0, 2)) {
      expect(run.stderr).toContain(
        `Digest file\ts3://${digest.bucket}/${digest.key}\tINVALID: public key not found in region us-east-1 for fingerprint ${usEast1Keys[0].fingerprint}`,
      );
    }
  });

  it('reports a chain restart as a gap, not as an error', async () => {
    const restarted = pristine.clone();
    world.store = restarted;
    for (const digest of chain.digests) restarted.delete(digest.bucket, digest.key);
    writeDigestChain(restarted, scope, usEast1Keys, at('2025-01-30T20:00:00Z'), [
      { end: at('2025-01-30T21:00:00Z'), logFiles: 1 },
      { end: at('2025-01-30T22:00:00Z'), logFiles: 1 },
      { end: at('2025-01-31T00:00:00Z'), logFiles: 1, restartAt: at('2025-01-30T23:10:00Z') },
      { end: at('2025-01-31T01:00:00Z'), logFiles: 0 },
    ]);
    const run = await validate();
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe(
      '\nNo log files were delivered by CloudTrail between 2025-01-30T22:00:00Z and 2025-01-30T23:10:00Z\n\n',
    );
  });

  it("validates an organization trail's member account digests of another Region", async () => {
    const written = writeDigestChain(world.store, orgScope, euWest1Keys, at('2025-01-30T20:00:00Z'), [
      { end: at('2025-01-30T21:00:00Z'), logFiles: 1 },
      { end: at('2025-01-30T22:00:00Z'), logFiles: 0 },
      { end: at('2025-01-30T23:00:00Z'), logFiles: 2 },
    ]);
    expect(written.digests[0].key).toMatch(
      new RegExp(`^AWSLogs/${ORGANIZATION}/${MEMBER}/CloudTrail-Digest/eu-west-1/2025/01/30/`),
    );
    const run = await validate([...rangeArgs, '--account-id', MEMBER], {
      scope: orgScope,
      trailArn: orgTrail.arn,
      region: 'eu-west-1',
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('\n3/3 digest files valid\n3/3 log files valid\n');
    expect(endpoint.calls).toContain('DescribeOrganization eu-west-1 {}');
    expect(endpoint.calls.some((call) => call.startsWith('ListPublicKeys eu-west-1 '))).toBe(true);
  });

  it('needs --account-id for an organization trail', async () => {
    const run = await runAws(['cloudtrail', 'validate-logs', '--trail-arn', orgTrail.arn, ...rangeArgs], {
      endpointUrl: endpoint.url,
    });
    expect(run.exitCode).toBe(255);
    expect(run.stderr).toContain("Missing required parameter for organization trail: '--account-id'");
  });
});

function keysOf(world: FakeWorld, region: string, range: { start: Date; end: Date }): PublicKeyRecord[] {
  return (world.publicKeys.get(region) ?? []).filter((key) => validityOverlaps(key, range));
}
